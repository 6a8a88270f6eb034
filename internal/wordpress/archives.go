package wordpress

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"unicode"

	"github.com/datelinenews/dateline/internal/redirect"
)

// archives are the old site's archive addresses, gathered as the file is
// read and stored as redirects at the end, when every target is known.
// Feeds need no rows of their own: /category/world/feed/ is answered
// from the redirect of /category/world/.
type archives struct {
	categories  []wpCategory
	attachments []wpAttachment
}

type wpCategory struct{ termID, key, parent string }

type wpAttachment struct{ id, parent, link string }

// archiveRedirects stores, for WordPress's default permalink bases below
// the blog's address, the addresses of the category archives (nested ones
// by their whole path too), tag and author archives and attachment pages,
// with their query forms (?cat=ID, ?tag=slug, ?author=ID, ?attachment_id=ID).
// Each is stored under its own address, so importing again only rewrites
// the same rows.
func (im *importer) archiveRedirects(ctx context.Context) error {
	prefix := blogPrefix(im.source)
	set := func(old string, to redirect.To) error {
		return im.st.SetRedirect(ctx, old, to, im.now)
	}
	if prefix != "" {
		// A blog that lived in a folder: its front page is now the site's.
		if err := set(prefix+"/", redirect.To{Path: "/"}); err != nil {
			return err
		}
	}
	parents := map[string]string{}
	for _, c := range im.arch.categories {
		parents[c.key] = c.parent
	}
	for _, c := range im.arch.categories {
		e, ok := im.maps[mapSection][c.key]
		if !ok || e.ID == 0 || c.key == "" {
			continue
		}
		to := redirect.To{SectionID: e.ID}
		paths := []string{prefix + "/category/" + categoryPath(c.key, parents) + "/", prefix + "/category/" + c.key + "/"}
		if c.termID != "" {
			paths = append(paths, redirect.QueryPath("cat", c.termID))
		}
		for _, p := range slices.Compact(paths) {
			if err := set(p, to); err != nil {
				return err
			}
		}
	}
	for _, key := range sortedKeys(im.maps[mapTag]) {
		if e := im.maps[mapTag][key]; e.ID != 0 && key != "" {
			to := redirect.To{TagID: e.ID}
			if err := set(prefix+"/tag/"+key+"/", to); err != nil {
				return err
			}
			if err := set(redirect.QueryPath("tag", key), to); err != nil {
				return err
			}
		}
	}
	for _, login := range sortedKeys(im.maps[mapAuthor]) {
		e := im.maps[mapAuthor][login]
		if e.ID == 0 {
			continue
		}
		to := redirect.To{AuthorID: e.ID}
		if n := nicename(login); n != "" {
			if err := set(prefix+"/author/"+n+"/", to); err != nil {
				return err
			}
		}
		if e.Target != "" { // the WordPress user id
			if err := set(redirect.QueryPath("author", e.Target), to); err != nil {
				return err
			}
		}
	}
	for _, a := range im.arch.attachments {
		to, ok := im.attachmentTarget(a)
		if !ok {
			continue
		}
		for _, p := range []string{redirect.QueryPath("attachment_id", a.id), oldPath(a.link)} {
			if p == "" {
				continue
			}
			if err := set(p, to); err != nil {
				return err
			}
		}
	}
	return nil
}

// attachmentTarget is where an attachment page leads: the story or page it
// was attached to when that is public, else the imported file itself.
func (im *importer) attachmentTarget(a wpAttachment) (redirect.To, bool) {
	if e, ok := im.maps[mapArticle][a.parent]; ok && e.ID != 0 && e.Target != "" {
		return redirect.To{ArticleID: e.ID}, true
	}
	if e, ok := im.maps[mapPage][a.parent]; ok && e.ID != 0 {
		return redirect.To{PageID: e.ID}, true
	}
	if e, ok := im.maps[mapAttachment][a.id]; ok && strings.HasPrefix(e.Target, "/media/") {
		return redirect.To{Path: e.Target}, true
	}
	return redirect.To{}, false
}

// categoryPath is a category's address below /category/: its parents'
// slugs and its own, as WordPress writes nested categories
// (/category/world/asia/). A loop in the parents ends the walk.
func categoryPath(key string, parents map[string]string) string {
	chain := []string{key}
	for p := parents[key]; p != "" && len(chain) < 16 && !slices.Contains(chain, p); p = parents[p] {
		chain = append(chain, p)
	}
	slices.Reverse(chain)
	return strings.Join(chain, "/")
}

// blogPrefix is the folder the blog lived in ("/news" for
// https://example.org/news), "" at the root of its host.
func blogPrefix(base string) string {
	u, err := url.Parse(base)
	if err != nil {
		return ""
	}
	return strings.TrimRight(u.Path, "/")
}

// nicename is the name WordPress gives a user in the address of their
// archive (/author/NICENAME/), made from the login as WordPress does when
// it creates the user: lower case, dots and spaces made hyphens, other
// punctuation dropped.
func nicename(login string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(login)) {
		switch {
		case r == '.' || r == '-' || unicode.IsSpace(r):
			b.WriteByte('-')
		case r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	s := b.String()
	for strings.Contains(s, "--") {
		s = strings.ReplaceAll(s, "--", "-")
	}
	return strings.Trim(clip(strings.Trim(s, "-"), 50), "-")
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
