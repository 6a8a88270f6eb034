// Package render parses Dateline's templates once at start-up and renders
// pages into buffers, so a template error never sends half a page.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"

	"golang.org/x/text/language"
)

// Renderer holds one parsed template set per page.
type Renderer struct {
	pages  map[string]page
	assets *Assets
}

type page struct {
	t      *template.Template
	layout string // the template that wraps the page
}

// New parses every page in templates/site/ and templates/desk/ together
// with the layouts and partials. It fails if any template fails to parse.
func New(templates fs.FS, assets *Assets) (*Renderer, error) {
	r := &Renderer{pages: map[string]page{}, assets: assets}
	funcs := template.FuncMap{
		"asset": assets.URL,
		"dir":   Dir,
		"add":   func(a, b int) int { return a + b },
	}
	base, err := template.New("").Funcs(funcs).ParseFS(templates, "templates/layout/*.html", "templates/partials/*.html")
	if err != nil {
		return nil, fmt.Errorf("parse layouts: %w", err)
	}
	// Public pages fill the site layout; desk pages the desk's.
	for _, group := range []struct{ dir, prefix, layout string }{
		{"site", "", "layout"},
		{"desk", "desk/", "desk-layout"},
	} {
		pages, err := fs.Glob(templates, "templates/"+group.dir+"/*.html")
		if err != nil {
			return nil, err
		}
		for _, p := range pages {
			t, err := template.Must(base.Clone()).ParseFS(templates, p)
			if err != nil {
				return nil, fmt.Errorf("parse %s: %w", p, err)
			}
			name := group.prefix + strings.TrimSuffix(path.Base(p), ".html")
			r.pages[name] = page{t: t, layout: group.layout}
		}
	}
	return r, nil
}

// Render executes the named page with data and returns the HTML.
func (r *Renderer) Render(name string, data any) ([]byte, error) {
	p, ok := r.pages[name]
	if !ok {
		return nil, fmt.Errorf("render: no page template %q", name)
	}
	var buf bytes.Buffer
	if err := p.t.ExecuteTemplate(&buf, p.layout, data); err != nil {
		return nil, fmt.Errorf("render %s: %w", name, err)
	}
	return buf.Bytes(), nil
}

// Asset returns the content-hashed URL path of a static file.
func (r *Renderer) Asset(p string) string { return r.assets.URL(p) }

// Has reports whether a page template exists, for start-up checks.
func (r *Renderer) Has(name string) bool { _, ok := r.pages[name]; return ok }

// Dir returns "rtl" for languages written right to left, else "ltr".
func Dir(lang string) string {
	tag, err := language.Parse(lang)
	if err != nil {
		return "ltr"
	}
	base, _ := tag.Base()
	switch base.String() {
	case "ar", "fa", "ps", "ur", "he", "yi", "ckb", "sd", "ug", "dv", "prs", "syr":
		return "rtl"
	}
	return "ltr"
}
