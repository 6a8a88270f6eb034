package wordpress

import "sync"

// readAhead is the reader running on a goroutine of its own, a few
// elements ahead of the importer: parsing the XML takes a good part of a
// large import's time, and this way it runs beside the database's work on
// another core.
type readAhead struct {
	out  chan parsed
	done chan struct{}
	wg   sync.WaitGroup
}

// parsed is one element the reader returned, or its error (io.EOF at the
// end), with what the reader knew at that point: the importer must not
// look at the reader itself while it runs ahead.
type parsed struct {
	v         any
	prep      *itemPrep // for an *Item
	err       error
	site      Site
	line      int
	bytesRead int64
	warnings  []readerWarning // the reader's warnings up to this element
}

type readerWarning struct {
	line int
	msg  string
}

// readAheadDepth is how many elements may wait for the importer: enough to
// even out their different sizes, few enough to keep memory flat.
const readAheadDepth = 16

// startReadAhead runs rd on a goroutine until the end of the file, its
// first error, or stop. It takes over rd's Warn.
func startReadAhead(rd *Reader) *readAhead {
	ra := &readAhead{out: make(chan parsed, readAheadDepth), done: make(chan struct{})}
	var warnings []readerWarning
	rd.Warn = func(line int, msg string) { warnings = append(warnings, readerWarning{line, msg}) }
	ra.wg.Add(1)
	go func() {
		defer ra.wg.Done()
		defer close(ra.out)
		for {
			v, err := rd.Next()
			p := parsed{v: v, err: err, site: rd.Site, line: rd.Line(), bytesRead: rd.BytesRead(), warnings: warnings}
			warnings = nil
			if it, ok := v.(*Item); ok {
				p.prep = prepareItem(it)
			}
			select {
			case ra.out <- p:
			case <-ra.done:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	return ra
}

// next returns the next element; after the last (whose err is set) it
// returns a zero parsed with ok false.
func (ra *readAhead) next() (p parsed, ok bool) {
	p, ok = <-ra.out
	return p, ok
}

// stop ends the goroutine, letting it finish the element it is reading,
// and waits for it: after stop nothing reads the file.
func (ra *readAhead) stop() {
	close(ra.done)
	ra.wg.Wait()
}
