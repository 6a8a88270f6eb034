package render

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
)

// Assets serves static files under /static/<hash>/<path>. The hash is of the
// file's content, so a URL never changes meaning and can be cached forever.
type Assets struct {
	files map[string]asset // by path inside the static folder
}

type asset struct {
	hash string
	body []byte
	gz   []byte // gzip of body for text files, compressed once at start-up
}

// LoadAssets reads and hashes every static file once, at start-up.
func LoadAssets(static fs.FS) (*Assets, error) {
	a := &Assets{files: map[string]asset{}}
	err := fs.WalkDir(static, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := fs.ReadFile(static, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(body)
		f := asset{hash: hex.EncodeToString(sum[:6]), body: body}
		switch path.Ext(p) {
		case ".css", ".js", ".svg", ".json", ".txt":
			var buf bytes.Buffer
			zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
			zw.Write(body)
			zw.Close()
			f.gz = buf.Bytes()
		}
		a.files[p] = f
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load static files: %w", err)
	}
	return a, nil
}

// URL returns the hashed URL of a static file; it panics on an unknown file
// because that is a template bug found the first time the page renders in tests.
func (a *Assets) URL(p string) string {
	f, ok := a.files[p]
	if !ok {
		panic(fmt.Sprintf("render: no static file %q", p))
	}
	return "/static/" + f.hash + "/" + p
}

// ServeHTTP answers /static/{hash}/{dir}/{file}; a stale hash is 404 so a
// cache never stores old content under a new name.
func (a *Assets) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("dir") + "/" + r.PathValue("file")
	f, ok := a.files[name]
	if !ok || f.hash != r.PathValue("hash") {
		http.NotFound(w, r)
		return
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	w.Header().Set("ETag", `"`+f.hash+`"`)
	w.Header().Set("Vary", "Accept-Encoding")
	if match := r.Header.Get("If-None-Match"); match != "" && strings.Contains(match, f.hash) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := f.body
	if f.gz != nil && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		body = f.gz
		w.Header().Set("Content-Encoding", "gzip")
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}
