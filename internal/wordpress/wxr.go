// Package wordpress moves a newsroom in from WordPress: it reads a
// WordPress eXtended RSS export (WXR 1.1 and 1.2) as a stream and brings its
// authors, categories, tags, posts, pages, comments and media into Dateline,
// keeping every old address working.
package wordpress

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Author is a <wp:author>.
type Author struct {
	ID          string    `xml:"author_id"`
	Login       string    `xml:"author_login"`
	Email       string    `xml:"author_email"`
	DisplayName string    `xml:"author_display_name"`
	FirstName   string    `xml:"author_first_name"`
	LastName    string    `xml:"author_last_name"`
	Unknown     []unknown `xml:",any"`
}

// Category is a <wp:category>.
type Category struct {
	TermID      string    `xml:"term_id"`
	Nicename    string    `xml:"category_nicename"`
	Parent      string    `xml:"category_parent"`
	Name        string    `xml:"cat_name"`
	Description string    `xml:"category_description"`
	Unknown     []unknown `xml:",any"`
}

// Tag is a <wp:tag>.
type Tag struct {
	TermID      string    `xml:"term_id"`
	Slug        string    `xml:"tag_slug"`
	Name        string    `xml:"tag_name"`
	Description string    `xml:"tag_description"`
	Unknown     []unknown `xml:",any"`
}

// Term is a <wp:term> of another taxonomy (navigation menus and the like).
type Term struct {
	Taxonomy string `xml:"term_taxonomy"`
	Name     string `xml:"term_name"`
}

// Item is an <item>: a post, page, attachment, menu item or anything else
// WordPress keeps in its posts table.
type Item struct {
	Title         string    `xml:"title"`
	Link          string    `xml:"link"`
	Creator       string    `xml:"creator"`
	GUID          string    `xml:"guid"`
	Description   string    `xml:"description"`
	Encoded       []encoded `xml:"encoded"` // content:encoded and excerpt:encoded
	ID            string    `xml:"post_id"`
	Date          string    `xml:"post_date"`
	DateGMT       string    `xml:"post_date_gmt"`
	Modified      string    `xml:"post_modified"`
	ModifiedGMT   string    `xml:"post_modified_gmt"`
	CommentStatus string    `xml:"comment_status"`
	PingStatus    string    `xml:"ping_status"`
	Name          string    `xml:"post_name"`
	Status        string    `xml:"status"`
	Parent        string    `xml:"post_parent"`
	MenuOrder     string    `xml:"menu_order"`
	Type          string    `xml:"post_type"`
	Password      string    `xml:"post_password"`
	Sticky        string    `xml:"is_sticky"`
	AttachmentURL string    `xml:"attachment_url"`
	PubDate       string    `xml:"pubDate"`
	Categories    []Term2   `xml:"category"`
	Meta          []Meta    `xml:"postmeta"`
	Comments      []Comment `xml:"comment"`
	Unknown       []unknown `xml:",any"`
	Line          int       `xml:"-"` // where the item starts in the file
}

// Term2 is an item's <category domain="category|post_tag" nicename="…">.
type Term2 struct {
	Domain   string `xml:"domain,attr"`
	Nicename string `xml:"nicename,attr"`
	Name     string `xml:",chardata"`
}

// Meta is a <wp:postmeta> or <wp:commentmeta>.
type Meta struct {
	Key   string `xml:"meta_key"`
	Value string `xml:"meta_value"`
}

// Comment is a <wp:comment>.
type Comment struct {
	ID          string    `xml:"comment_id"`
	Author      string    `xml:"comment_author"`
	AuthorEmail string    `xml:"comment_author_email"`
	AuthorURL   string    `xml:"comment_author_url"`
	AuthorIP    string    `xml:"comment_author_IP"` // read only to be dropped: never stored
	Date        string    `xml:"comment_date"`
	DateGMT     string    `xml:"comment_date_gmt"`
	Content     string    `xml:"comment_content"`
	Approved    string    `xml:"comment_approved"`
	Type        string    `xml:"comment_type"`
	Parent      string    `xml:"comment_parent"`
	UserID      string    `xml:"comment_user_id"`
	Meta        []Meta    `xml:"commentmeta"`
	Unknown     []unknown `xml:",any"`
}

type encoded struct {
	XMLName xml.Name
	Text    string `xml:",chardata"`
}

type unknown struct{ XMLName xml.Name }

// Content is the post's body (content:encoded).
func (it *Item) Content() string { return it.encoded("content") }

// Excerpt is the post's manual excerpt (excerpt:encoded).
func (it *Item) Excerpt() string { return it.encoded("excerpt") }

func (it *Item) encoded(kind string) string {
	for _, e := range it.Encoded {
		if strings.Contains(e.XMLName.Space, kind) {
			return e.Text
		}
	}
	return ""
}

// MetaValue returns the value of the first post meta with key.
func (it *Item) MetaValue(key string) string {
	for _, m := range it.Meta {
		if m.Key == key {
			return m.Value
		}
	}
	return ""
}

// Site is what the channel says about the exported site.
type Site struct {
	Title       string
	Language    string
	WXRVersion  string
	BaseSiteURL string
	BaseBlogURL string
}

// Reader reads a WXR file one element at a time: memory stays flat
// whatever the file's size, as only one item is held at once.
type Reader struct {
	dec   *xml.Decoder
	count *countingReader
	Site  Site
	// Warn receives elements the reader does not know, with their line.
	Warn      func(line int, msg string)
	inChannel bool
	warned    map[string]bool
}

// NewReader reads a WXR file from r.
func NewReader(r io.Reader) *Reader {
	cr := &countingReader{r: r}
	dec := xml.NewDecoder(cr)
	dec.CharsetReader = func(charset string, _ io.Reader) (io.Reader, error) {
		return nil, fmt.Errorf("the file declares the %s encoding: %w", charset, ErrNotUTF8)
	}
	return &Reader{dec: dec, count: cr, warned: map[string]bool{}, Warn: func(int, string) {}}
}

// ErrNotUTF8 is returned for a file in another encoding than UTF-8.
var ErrNotUTF8 = errors.New("WordPress exports are UTF-8; convert the file (iconv -f WINDOWS-1252 -t UTF-8 export.xml > export-utf8.xml) or export it again")

// SyntaxError is a malformed or truncated file, with the line it broke on.
type SyntaxError struct {
	Line int
	Msg  string
	Err  error
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }
func (e *SyntaxError) Unwrap() error { return e.Err }

// BytesRead is how much of the file the reader has consumed, for progress.
func (r *Reader) BytesRead() int64 { return r.count.n }

// Line is the current line in the file.
func (r *Reader) Line() int {
	line, _ := r.dec.InputPos()
	return line
}

// Next returns the next *Author, *Category, *Tag, *Term or *Item, or io.EOF
// after the end of the channel.
func (r *Reader) Next() (any, error) {
	for {
		tok, err := r.dec.Token()
		if err == io.EOF {
			if r.inChannel {
				return nil, &SyntaxError{Line: r.Line(), Msg: "the file ends before </channel>: it is truncated", Err: io.ErrUnexpectedEOF}
			}
			return nil, io.EOF
		}
		if err != nil {
			return nil, r.syntax(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if v, err := r.start(t); v != nil || err != nil {
				return v, err
			}
		case xml.EndElement:
			if t.Name.Local == "channel" {
				r.inChannel = false
			}
		}
	}
}

// start handles an element opening at channel level: one of the kinds
// Next returns, a header field, or something to skip.
func (r *Reader) start(t xml.StartElement) (any, error) {
	line := r.Line()
	var v any
	switch t.Name.Local {
	case "rss":
		return nil, nil
	case "channel":
		r.inChannel = true
		return nil, nil
	case "author":
		v = &Author{}
	case "category":
		v = &Category{}
	case "tag":
		v = &Tag{}
	case "term":
		v = &Term{}
	case "item":
		v = &Item{Line: line}
	case "title", "language", "wxr_version", "base_site_url", "base_blog_url":
		var s string
		if err := r.dec.DecodeElement(&s, &t); err != nil {
			return nil, r.syntax(err)
		}
		r.header(t.Name.Local, strings.TrimSpace(s))
		return nil, nil
	default:
		if isWordPress(t.Name) {
			r.unknown(line, "", t.Name)
		}
		return nil, r.skip()
	}
	if err := r.dec.DecodeElement(v, &t); err != nil {
		return nil, r.syntax(err)
	}
	r.checkUnknown(line, v)
	return v, nil
}

func (r *Reader) header(name, value string) {
	switch name {
	case "title":
		r.Site.Title = value
	case "language":
		r.Site.Language = value
	case "wxr_version":
		r.Site.WXRVersion = value
	case "base_site_url":
		r.Site.BaseSiteURL = value
	case "base_blog_url":
		r.Site.BaseBlogURL = value
	}
}

func (r *Reader) skip() error {
	if err := r.dec.Skip(); err != nil {
		return r.syntax(err)
	}
	return nil
}

// checkUnknown warns, once per element name, about WordPress elements
// inside an item that this importer does not know: a newer WordPress may
// add some, and they are skipped rather than failing the import.
func (r *Reader) checkUnknown(line int, v any) {
	var list []unknown
	in := ""
	switch x := v.(type) {
	case *Author:
		list, in = x.Unknown, "wp:author"
	case *Category:
		list, in = x.Unknown, "wp:category"
	case *Tag:
		list, in = x.Unknown, "wp:tag"
	case *Item:
		list, in = x.Unknown, "item"
		for _, c := range x.Comments {
			for _, u := range c.Unknown {
				r.unknown(line, "wp:comment", u.XMLName)
			}
		}
	}
	for _, u := range list {
		if isWordPress(u.XMLName) {
			r.unknown(line, in, u.XMLName)
		}
	}
}

func (r *Reader) unknown(line int, in string, name xml.Name) {
	key := in + " " + name.Local
	if r.warned[key] {
		return
	}
	r.warned[key] = true
	where := ""
	if in != "" {
		where = " in " + in
	}
	r.Warn(line, fmt.Sprintf("unknown element <wp:%s>%s skipped (from a newer WordPress?); this warning is given once", name.Local, where))
}

// isWordPress reports whether an element is in one of WordPress's export
// namespaces (http://wordpress.org/export/1.2/ and the like).
func isWordPress(n xml.Name) bool {
	return strings.HasPrefix(n.Space, "http://wordpress.org/export/") && !strings.Contains(n.Space, "excerpt")
}

// syntax turns a decoder error into one that names the line.
func (r *Reader) syntax(err error) error {
	if errors.Is(err, ErrNotUTF8) {
		return &SyntaxError{Line: r.Line(), Msg: "the file is not UTF-8: " + err.Error(), Err: err}
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		msg := strings.TrimPrefix(se.Msg, "xml: ")
		switch {
		case strings.Contains(msg, "invalid UTF-8"):
			return &SyntaxError{Line: se.Line, Msg: "the file is not UTF-8 (invalid byte sequence): " + ErrNotUTF8.Error(), Err: ErrNotUTF8}
		case strings.Contains(msg, "unexpected EOF"):
			return &SyntaxError{Line: se.Line, Msg: "the file ends in the middle of an element: it is truncated", Err: io.ErrUnexpectedEOF}
		}
		return &SyntaxError{Line: se.Line, Msg: "malformed XML: " + msg, Err: err}
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return &SyntaxError{Line: r.Line(), Msg: "the file ends in the middle of an element: it is truncated", Err: err}
	}
	return &SyntaxError{Line: r.Line(), Msg: err.Error(), Err: err}
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
