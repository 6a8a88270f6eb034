package desk

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/datelinenews/dateline/internal/media"
)

// UploadResult is the answer to the story editor's drop zone: the image to
// insert, or the sentence saying why it was refused.
type UploadResult struct {
	ID       int64  `json:"id,omitempty"`
	URL      string `json:"url,omitempty"` // the full-size version, as a body image links it
	Alt      string `json:"alt,omitempty"`
	Label    string `json:"label,omitempty"` // as the featured image list names it
	Markdown string `json:"markdown,omitempty"`
	Message  string `json:"message,omitempty"`
	Error    string `json:"error,omitempty"`
}

func uploaded(img media.Image, message string) UploadResult {
	url := "/media/" + img.Path
	label := img.Caption
	if label == "" {
		label = img.Alt
	}
	if label == "" {
		label = img.OriginalName
	}
	return UploadResult{ID: img.ID, URL: url, Alt: img.Alt, Label: label, Message: message,
		Markdown: "![" + markdownText(img.Alt) + "](" + url + ")"}
}

// markdownText keeps alt text from closing the image's brackets early.
func markdownText(s string) string {
	return strings.NewReplacer(`\`, `\\`, `[`, `\[`, `]`, `\]`, "\n", " ").Replace(s)
}

// wantsJSON tells the editor's script, which asks for JSON, from the form.
func wantsJSON(r *http.Request) bool {
	return strings.Contains(r.Header.Get("Accept"), "application/json")
}

func writeJSON(w http.ResponseWriter, status int, v any) error {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	return json.NewEncoder(w).Encode(v)
}
