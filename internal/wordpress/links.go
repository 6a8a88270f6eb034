package wordpress

import (
	"context"
	"html"
	"net/url"
	"strings"

	"github.com/datelinenews/dateline/internal/redirect"
)

// pendingBody is a story or page whose body links to stories of the old
// site that were not imported yet when it was converted.
type pendingBody struct {
	kind string // "article" or "page"
	id   int64
	urls []string // the links as they appear in the body
}

// owned ties the body just converted to the row it was saved as.
func (im *importer) owned(kind string, id int64) {
	if im.current != nil && len(im.current.urls) > 0 {
		im.current.kind, im.current.id = kind, id
		im.pendingBodies = append(im.pendingBodies, *im.current)
	}
	im.current = nil
}

// mapURL is the converter's URL mapper: uploads become the imported
// media's addresses, links to imported stories their new URLs. Links to
// stories further on in the file are noted and fixed at the end.
func (im *importer) mapURL(raw string) string {
	u, ok := im.ownURL(raw)
	if !ok {
		return raw
	}
	if i := strings.Index(u.Path, "/wp-content/uploads/"); i >= 0 {
		if e, ok := im.mediaFile(im.ctx, u.Path[i+len("/wp-content/uploads/"):]); ok && e.Target != "" {
			return e.Target
		}
		return raw
	}
	if target, ok := im.linkTarget(u); ok {
		if u.Fragment != "" {
			target += "#" + u.Fragment
		}
		return target
	}
	if im.current != nil && (u.Path != "/" && u.Path != "" || u.RawQuery != "") {
		im.current.urls = append(im.current.urls, raw)
	}
	return raw
}

// ownURL parses a link and reports whether it points into the old site.
func (im *importer) ownURL(raw string) (*url.URL, bool) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, false
	}
	switch {
	case u.Host != "":
		host := strings.ToLower(u.Host)
		return u, host == im.host || strings.TrimPrefix(host, "www.") == strings.TrimPrefix(im.host, "www.")
	case u.Scheme == "" && strings.HasPrefix(u.Path, "/"):
		return u, true
	}
	return nil, false
}

// linkTarget is the new address of an imported story or page linked to
// by its permalink or its ?p= / ?page_id= link.
func (im *importer) linkTarget(u *url.URL) (string, bool) {
	q := u.Query()
	for _, param := range []string{"p", "page_id"} {
		if id := q.Get(param); id != "" {
			t, ok := im.links[redirect.QueryPath(param, id)]
			return t, ok
		}
	}
	p := oldPath(u.String())
	if p == "" {
		return "", false
	}
	t, ok := im.links[p]
	return t, ok
}

// fixLinks rewrites, in the bodies that had them, links to stories that
// came later in the file than the body itself.
func (im *importer) fixLinks(ctx context.Context) error {
	for _, pb := range im.pendingBodies {
		get, set := im.st.ArticleBody, im.st.SetArticleBody
		if pb.kind == "page" {
			get, set = im.st.PageBody, im.st.SetPageBody
		}
		body, err := get(ctx, pb.id)
		if err != nil {
			return err
		}
		fixed := body
		for _, raw := range pb.urls {
			u, ok := im.ownURL(raw)
			if !ok {
				continue
			}
			target, ok := im.linkTarget(u)
			if !ok {
				continue
			}
			if u.Fragment != "" {
				target += "#" + u.Fragment
			}
			fixed = strings.ReplaceAll(fixed, raw, target)
			fixed = strings.ReplaceAll(fixed, html.EscapeString(raw), target)
		}
		if fixed != body {
			if err := set(ctx, pb.id, fixed); err != nil {
				return err
			}
		}
	}
	return nil
}
