package wordpress_test

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"github.com/datelinenews/dateline/internal/wordpress"
)

// FuzzReader feeds the WXR reader arbitrary bytes: it must return items or
// an error naming a line, never panic or loop.
func FuzzReader(f *testing.F) {
	var b bytes.Buffer
	if err := wordpress.Generate(&b, wordpress.GenerateOptions{Posts: 2, CommentsPerPost: 2}); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Add(b.Bytes()[:b.Len()/2])
	f.Add([]byte(`<?xml version="1.0" encoding="latin1"?><rss/>`))
	f.Add([]byte("<rss><channel><item><wp:comment></item>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rd := wordpress.NewReader(bytes.NewReader(data))
		for range 10_000 {
			_, err := rd.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				var se *wordpress.SyntaxError
				if !errors.As(err, &se) || se.Line < 1 {
					t.Fatalf("error %v (%T) does not name a line", err, err)
				}
				return
			}
		}
	})
}
