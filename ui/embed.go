// Package ui holds the templates and static files of Dateline's pages,
// embedded in the binary.
package ui

import (
	"embed"
	"io/fs"
)

// Templates holds layout/, partials/ and site/ page templates under templates/.
//
//go:embed templates
var Templates embed.FS

//go:embed static
var static embed.FS

// Static holds css/, js/ and img/, served under content-hashed URLs.
var Static = mustSub(static, "static")

func mustSub(f fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(f, dir)
	if err != nil {
		panic(err) // the folder is embedded above; this cannot fail
	}
	return sub
}
