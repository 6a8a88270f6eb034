package desk

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/datelinenews/dateline/internal/page"
	"github.com/datelinenews/dateline/internal/section"
	"github.com/datelinenews/dateline/internal/web"
)

// Helpers shared by the management pages: sections, tags, static pages and
// site settings.

// manageFormBytes bounds the short forms of the management pages; a static
// page's body gets maxFormBytes, like a story's.
const manageFormBytes = 64 << 10

// readForm parses a POSTed form of at most limit bytes. Text no database
// can store (a NUL byte, broken UTF-8, which PostgreSQL refuses) is turned
// away here, as no browser form sends it.
func readForm(w http.ResponseWriter, r *http.Request, limit int64) error {
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	if err := r.ParseForm(); err != nil {
		return web.BadRequest("The form is too large or malformed. Shorten what you typed and send it again.")
	}
	for _, values := range r.PostForm {
		for _, v := range values {
			if !storable(v) {
				return web.BadRequest("The form holds characters that cannot be stored (a NUL byte or broken text encoding).")
			}
		}
	}
	return nil
}

// storable reports whether s is text both databases keep as sent.
func storable(s string) bool { return utf8.ValidString(s) && !strings.ContainsRune(s, 0) }

// pathID reads {id} from the path: anything but a number names nothing, so
// /admin/sections/abc is a 404 like a number that is not there.
func pathID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, web.NotFound()
	}
	return id, nil
}

// notFound makes the section and page packages' not-found errors a 404;
// the desk's classify knows only those of stories and people.
func notFound(err error) error {
	if errors.Is(err, section.ErrNotFound) || errors.Is(err, page.ErrNotFound) {
		return web.NotFound()
	}
	return err
}

// changes describes for the audit log which of the (field, old, new)
// triples differ: `name "World" → "Global"; description changed`. Long
// texts are only named, so the log stays readable.
func changes(triples ...string) string {
	var out []byte
	for i := 0; i+2 < len(triples); i += 3 {
		field, before, after := triples[i], triples[i+1], triples[i+2]
		if before == after {
			continue
		}
		if len(out) > 0 {
			out = append(out, "; "...)
		}
		if len(before) > 80 || len(after) > 80 {
			out = append(out, field+" changed"...)
		} else {
			out = strconv.AppendQuote(append(out, field+" "...), before)
			out = strconv.AppendQuote(append(out, " → "...), after)
		}
	}
	if len(out) == 0 {
		return "no change"
	}
	return string(out)
}
