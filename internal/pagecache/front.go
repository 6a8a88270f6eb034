package pagecache

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"sync"
	"time"
)

// The front door answers cache hits straight from the connection, before
// net/http sees the request: a stored page goes out as one prepared head
// and body in a single write. Anything it is not sure of (a miss, a form
// post, a signed-in editor, a conditional request, an odd header) is handed
// with every byte read so far to the net/http server, which then keeps that
// connection for the rest of its life. The door never answers what the
// Middleware would not have answered from the cache with the same bytes.

// FrontOptions set up the front door.
type FrontOptions struct {
	Rules Rules
	// RequestID names each answer (its X-Request-Id header).
	RequestID func() string
	// Log is called once per answer the door sends itself.
	Log func(Served)
	// The same limits as the net/http server's.
	ReadHeaderTimeout, IdleTimeout, WriteTimeout time.Duration
}

// Served describes an answer sent by the front door, for the access log.
type Served struct {
	Method, Path string
	Status       int
	Bytes        int
	Took         time.Duration
	RequestID    string
}

// Listen wraps ln so that cache hits are answered by the front door; its
// Accept returns the connections the net/http server must serve. With the
// cache off it returns ln itself.
func (c *Cache) Listen(ln net.Listener, o FrontOptions) net.Listener {
	if !c.Enabled() {
		return ln
	}
	if o.RequestID == nil {
		o.RequestID = func() string { return "" }
	}
	if o.Log == nil {
		o.Log = func(Served) {}
	}
	d := &door{Listener: ln, cache: c, o: o, handed: make(chan net.Conn), done: make(chan struct{}),
		conns: map[net.Conn]struct{}{}}
	for _, name := range o.Rules.PrivateCookies {
		d.cookies = append(d.cookies, name+"=")
	}
	go d.acceptLoop()
	return d
}

type door struct {
	net.Listener
	cache   *Cache
	o       FrontOptions
	cookies []string // "name=" of each private cookie
	handed  chan net.Conn
	done    chan struct{}
	closing sync.Once

	mu    sync.Mutex
	conns map[net.Conn]struct{} // connections the door is serving
	err   error                 // why accepting stopped
}

// Accept returns the next connection for net/http.
func (d *door) Accept() (net.Conn, error) {
	select {
	case c := <-d.handed:
		return c, nil
	case <-d.done:
		d.mu.Lock()
		defer d.mu.Unlock()
		if d.err != nil {
			return nil, d.err
		}
		return nil, net.ErrClosed
	}
}

// Close stops accepting and wakes the connections waiting for a request,
// which then close; an answer being written is finished first.
func (d *door) Close() error {
	err := d.Listener.Close()
	d.stop(nil)
	d.mu.Lock()
	for c := range d.conns {
		c.SetReadDeadline(time.Now())
	}
	d.mu.Unlock()
	return err
}

func (d *door) closed() bool {
	select {
	case <-d.done:
		return true
	default:
		return false
	}
}

func (d *door) stop(err error) {
	d.closing.Do(func() {
		d.mu.Lock()
		d.err = err
		d.mu.Unlock()
		close(d.done)
	})
}

func (d *door) acceptLoop() {
	var delay time.Duration
	for {
		c, err := d.Listener.Accept()
		if err != nil {
			if d.closed() {
				return
			}
			if errors.Is(err, net.ErrClosed) {
				d.stop(err)
				return
			}
			// Out of file descriptors and the like: wait and try again,
			// as net/http does.
			delay = min(max(2*delay, 5*time.Millisecond), time.Second)
			time.Sleep(delay)
			continue
		}
		delay = 0
		go d.serve(c)
	}
}

func (d *door) track(c net.Conn, on bool) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	if !on {
		delete(d.conns, c)
		return true
	}
	if d.closed() {
		return false
	}
	d.conns[c] = struct{}{}
	return true
}

// serve answers requests from the cache until one needs net/http.
func (d *door) serve(c net.Conn) {
	if !d.track(c, true) {
		c.Close()
		return
	}
	r := bufio.NewReaderSize(c, 4096)
	var out []byte
	drop := func() {
		d.track(c, false)
		c.Close()
	}
	defer func() {
		if v := recover(); v != nil {
			drop()
		}
	}()
	for {
		// Each deadline is set before looking at done, so a Close that
		// comes after the look overrides it and wakes the read.
		c.SetReadDeadline(time.Now().Add(d.o.IdleTimeout))
		if d.closed() {
			drop()
			return
		}
		if _, err := r.Peek(1); err != nil {
			drop()
			return
		}
		c.SetReadDeadline(time.Now().Add(d.o.ReadHeaderTimeout))
		if d.closed() {
			drop()
			return
		}
		n, err := headLength(r)
		if err != nil {
			drop()
			return
		}
		if n > 0 {
			var answered bool
			out, answered, err = d.answer(c, r, n, out)
			if err != nil { // the write failed
				drop()
				return
			}
			if answered {
				continue
			}
		}
		d.handOff(c, r)
		return
	}
}

// handOff gives the connection, with what was read of it, to net/http.
func (d *door) handOff(c net.Conn, r *bufio.Reader) {
	d.track(c, false)
	c.SetDeadline(time.Time{})
	hc := &handedConn{Conn: c, r: r}
	select {
	case d.handed <- hc:
	case <-d.done:
		c.Close()
	}
}

var crlfcrlf = []byte("\r\n\r\n")

// headLength waits for a whole request head and returns its length with
// the blank line, or 0 when net/http must read it: it is longer than the
// buffer or has a line ending the door does not expect.
func headLength(r *bufio.Reader) (int, error) {
	want := 1
	for {
		b, err := r.Peek(max(want, r.Buffered()))
		if i := bytes.Index(b, crlfcrlf); i >= 0 {
			if bareLF(b[:i+4]) {
				return 0, nil
			}
			return i + 4, nil
		}
		if bareLF(b) {
			return 0, nil
		}
		if err != nil {
			if errors.Is(err, bufio.ErrBufferFull) {
				return 0, nil
			}
			if len(b) > 0 && !isTimeout(err) {
				return 0, nil // let net/http answer what it can of a cut request
			}
			return 0, err
		}
		if len(b) == r.Size() {
			return 0, nil
		}
		want = len(b) + 1
	}
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// bareLF reports a line feed without its carriage return, which net/http
// accepts as a line end and the door does not read.
func bareLF(b []byte) bool {
	for i := bytes.IndexByte(b, '\n'); i >= 0; {
		if i == 0 || b[i-1] != '\r' {
			return true
		}
		j := bytes.IndexByte(b[i+1:], '\n')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

// answer serves the request whose head is the first n buffered bytes if
// the cache holds it, and reports whether it did; out is the buffer for the
// head, kept from one answer to the next.
func (d *door) answer(c net.Conn, r *bufio.Reader, n int, out []byte) ([]byte, bool, error) {
	start := time.Now()
	raw, _ := r.Peek(n)
	h, ok := readHead(raw, d.cookies)
	if !ok {
		return out, false, nil
	}
	u, err := url.ParseRequestURI(h.target)
	if err != nil || !d.o.Rules.publicURL(u) {
		return out, false, nil
	}
	e := d.cache.peek(key(false, h.forwardedProto, h.host, u))
	if e == nil {
		return out, false, nil
	}
	v := e.variant(h.acceptEncoding)
	r.Discard(n)

	id := d.o.RequestID()
	out = append(out[:0], v.head...)
	out = append(out, "Date: "...)
	out = start.UTC().AppendFormat(out, http.TimeFormat)
	if id != "" {
		out = append(out, "\r\nX-Request-Id: "...)
		out = append(out, id...)
	}
	out = append(out, "\r\n\r\n"...)
	bufs := net.Buffers{out}
	if h.method == http.MethodGet {
		bufs = append(bufs, v.body)
	}
	c.SetWriteDeadline(start.Add(d.o.WriteTimeout))
	if _, err := bufs.WriteTo(c); err != nil {
		return out, false, err
	}
	sent := 0
	if h.method == http.MethodGet {
		sent = len(v.body)
	}
	d.o.Log(Served{Method: h.method, Path: u.Path, Status: e.Status, Bytes: sent, Took: time.Since(start), RequestID: id})
	return out, true, nil
}

// peek returns a fresh entry for the front door, counting a hit; a miss is
// counted by the Middleware, which serves it.
func (c *Cache) peek(key string) *Entry {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.entries[key]
	if !ok {
		return nil
	}
	e := el.Value.(*Entry)
	if c.now().Sub(e.Stored) > c.life {
		return nil
	}
	c.lru.MoveToFront(el)
	c.hits++
	return e
}

// handedConn is a connection given to net/http, which first reads what the
// front door had buffered of it.
type handedConn struct {
	net.Conn
	r *bufio.Reader
}

func (c *handedConn) Read(p []byte) (int, error) { return c.r.Read(p) }

// ReadFrom keeps net/http's sendfile for files on handed connections.
func (c *handedConn) ReadFrom(src io.Reader) (int64, error) {
	if rf, ok := c.Conn.(io.ReaderFrom); ok {
		return rf.ReadFrom(src)
	}
	return io.Copy(struct{ io.Writer }{c.Conn}, src)
}

// CloseWrite lets net/http half-close as it does on a plain TCP connection.
func (c *handedConn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}
