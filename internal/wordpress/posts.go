package wordpress

import (
	"context"
	"errors"
	"fmt"
	"html"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/page"
	"github.com/datelinenews/dateline/internal/problem"
	"github.com/datelinenews/dateline/internal/redirect"
	"github.com/datelinenews/dateline/internal/slug"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/wordpress/markup"
)

// itemSum fingerprints an item without its comments, which have their own.
func itemSum(it *Item) string {
	c := *it
	c.Comments, c.Line = nil, 0
	return checksum(c)
}

// sumOf is itemSum, worked out ahead when it was.
func (im *importer) sumOf(it *Item) string {
	if im.prep != nil && im.prep.item == it {
		return im.prep.sum
	}
	return itemSum(it)
}

// post brings a WordPress post in as a story, with its comments.
func (im *importer) post(ctx context.Context, it *Item) error {
	counts := im.report.Counts["articles"]
	sum := im.sumOf(it)
	prev, found := im.maps[mapArticle][it.ID]
	if found && prev.Checksum == sum {
		counts.Unchanged++
		im.noteLinks(it, "p", prev.Target)
		return im.comments(ctx, it, prev.ID, true)
	}
	in, warnings, err := im.articleInput(ctx, it)
	if err != nil {
		return err
	}
	for _, w := range warnings {
		im.warn(it.Line, "articles", fmt.Sprintf("post %s (%s): %s", it.ID, quote(in.Headline), w))
	}
	if err := in.Validate(); err != nil {
		counts.Skipped++
		im.warn(it.Line, "articles", fmt.Sprintf("post %s (%s) skipped: %s", it.ID, quote(in.Headline), problems(err)))
		return nil
	}
	id := prev.ID
	if found && !im.articleExists(ctx, id) {
		found = false // deleted in Dateline since the last import: bring it back
	}
	if in.Slug, err = im.articleSlug(ctx, in.Slug, id); err != nil {
		return err
	}
	created := articleTime(it, im.loc, im.now)
	if found {
		counts.Updated++
		err = im.st.UpdateArticle(ctx, id, in, created)
	} else {
		counts.Imported++
		id, err = im.st.CreateArticle(ctx, in, created)
	}
	if err != nil {
		return fmt.Errorf("post %s: %w", it.ID, err)
	}
	// Links to a story that has a date (published, scheduled, or held back
	// unpublished, like a password-protected post) point at its new
	// address, which works as soon as the story is public; a draft has none.
	target := ""
	if in.Status == article.Published || in.Status == article.Scheduled || in.Status == article.Unpublished && !in.PublishedAt.IsZero() {
		target = article.DatedPath(in.PublishedAt.In(im.loc), in.Slug)
	}
	if thumb := it.MetaValue("_thumbnail_id"); thumb != "" && in.FeaturedMediaID == 0 {
		im.pendingFeatured = append(im.pendingFeatured, pendingFeatured{articleID: id, attachmentID: thumb})
	}
	im.owned("article", id)
	if err := im.redirects(ctx, it, "p", id, 0); err != nil {
		return err
	}
	im.noteLinks(it, "p", target)
	if err := im.entry(ctx, mapArticle, it.ID, store.ImportEntry{ID: id, Target: target, Checksum: sum}); err != nil {
		return err
	}
	return im.comments(ctx, it, id, found)
}

func (im *importer) articleExists(ctx context.Context, id int64) bool {
	_, err := im.st.ArticleBody(ctx, id)
	return err == nil
}

// articleInput maps a post's fields to a story, with what an editor
// should know about the mapping.
func (im *importer) articleInput(ctx context.Context, it *Item) (article.Input, []string, error) {
	var warnings []string
	state := postState(it.Status, it.Password)
	if state.Warning != "" {
		warnings = append(warnings, state.Warning)
	}
	in := article.Input{
		Headline:     text(it.Title),
		Standfirst:   clip(text(stripTags(it.Excerpt())), article.MaxStandfirst),
		Slug:         slug.Make(decodeSlug(it.Name)),
		Language:     im.lang,
		Status:       state.Status,
		ReviewState:  state.Review,
		Lead:         it.Sticky == "1",
		CommentsOpen: it.CommentStatus == "open",
	}
	if in.Headline == "" {
		in.Headline = "Untitled"
		warnings = append(warnings, "has no title; imported as “Untitled”")
	}
	if in.Slug == "" {
		in.Slug = slug.Make(in.Headline)
	}
	if t, ok := itemTime(it.DateGMT, it.Date, im.loc); ok && in.Status != article.Draft {
		in.PublishedAt = t
	} else if in.Status != article.Draft {
		in.PublishedAt = im.now
		warnings = append(warnings, "has no usable date; given the time of the import")
	}
	if in.Status == article.Unpublished && in.PublishedAt.IsZero() {
		in.PublishedAt = im.now
	}
	var err error
	if in.SectionID, in.TagNames, err = im.terms(ctx, it); err != nil {
		return in, nil, err
	}
	authorID, err := im.authorOf(ctx, it.Creator)
	if err != nil {
		return in, nil, err
	}
	in.AuthorIDs = []int64{authorID}
	if e, ok := im.maps[mapAttachment][it.MetaValue("_thumbnail_id")]; ok {
		in.FeaturedMediaID = e.ID
	}
	in.Body, warnings = im.convert(it.Content(), warnings)
	return in, warnings, nil
}

// terms picks the section (the first category) and the tags (the other
// categories, then the tags).
func (im *importer) terms(ctx context.Context, it *Item) (int64, []string, error) {
	first := ""
	var tags []string
	for _, c := range it.Categories {
		name := text(c.Name)
		switch {
		case c.Domain == "category" && first == "":
			first = c.Nicename
		case c.Domain == "category" || c.Domain == "post_tag":
			if slug.Make(name) != "" && !slices.Contains(tags, name) {
				tags = append(tags, name)
			}
		}
	}
	sectionID, err := im.sectionOf(ctx, first)
	return sectionID, tags, err
}

// authorOf returns the author profile for a post's dc:creator login; a
// login missing from the authors list gets a profile of its own.
func (im *importer) authorOf(ctx context.Context, login string) (int64, error) {
	login = strings.TrimSpace(login)
	if login == "" {
		login = "wordpress"
	}
	if e, ok := im.maps[mapAuthor][login]; ok {
		return e.ID, nil
	}
	return im.authorFor(ctx, &Author{Login: login})
}

// convert turns a WordPress body into Markdown, passing the converter's
// warnings on.
func (im *importer) convert(content string, warnings []string) (string, []string) {
	im.current = &pendingBody{}
	res := markup.Convert(content, markup.Options{URL: im.mapURL, Attachment: im.galleryImage, Video: im.libraryVideo})
	return res.Markdown, append(warnings, res.Warnings...)
}

// galleryImage finds an imported attachment for a [gallery ids=…] shortcode:
// its Dateline address, alt text and caption. Attachments listed after the
// story in the export are not known yet; the converter warns about those.
func (im *importer) galleryImage(id string) (u, alt, caption string, ok bool) {
	e, found := im.maps[mapAttachment][id]
	if !found || e.Target == "" {
		return "", "", "", false
	}
	if e.ID == 0 {
		return e.Target, "", "", true
	}
	img, err := im.st.ImageByID(im.ctx, e.ID)
	if err != nil {
		return e.Target, "", "", true
	}
	return e.Target, img.Alt, html.EscapeString(img.Caption), true
}

// articleSlug keeps a story's slug unique among stories.
func (im *importer) articleSlug(ctx context.Context, base string, id int64) (string, error) {
	return slug.Unique(base, func(c string) (bool, error) { return im.st.ArticleSlugTaken(ctx, c, id) })
}

// articleTime is when the post was written, for the story's creation time.
func articleTime(it *Item, loc *time.Location, now time.Time) time.Time {
	if t, ok := itemTime(it.DateGMT, it.Date, loc); ok {
		return t
	}
	return now
}

// page brings a published WordPress page in as a static page. Pages in
// Dateline have no drafts, so unpublished ones are skipped with a warning.
func (im *importer) page(ctx context.Context, it *Item) error {
	counts := im.report.Counts["pages"]
	title := text(it.Title)
	if it.Status != "publish" || it.Password != "" {
		counts.Skipped++
		why := "is " + it.Status
		if it.Password != "" {
			why = "is password-protected"
		}
		im.warn(it.Line, "pages", fmt.Sprintf("page %s (%s) %s in WordPress: not imported, as Dateline's pages are always public", it.ID, quote(title), why))
		return nil
	}
	sum := im.sumOf(it)
	prev, found := im.maps[mapPage][it.ID]
	if found && prev.Checksum == sum {
		counts.Unchanged++
		im.noteLinks(it, "page_id", prev.Target)
		return nil
	}
	var warnings []string
	p := page.Page{ID: prev.ID, Title: title, Slug: slug.Make(decodeSlug(it.Name))}
	p.Body, warnings = im.convert(it.Content(), nil)
	for _, w := range warnings {
		im.warn(it.Line, "pages", fmt.Sprintf("page %s (%s): %s", it.ID, quote(title), w))
	}
	p = p.Tidy()
	var err error
	if p.Slug, err = im.pageSlug(ctx, p.Slug, p.ID); err != nil {
		return err
	}
	if err := p.Validate(); err != nil {
		counts.Skipped++
		im.warn(it.Line, "pages", fmt.Sprintf("page %s (%s) skipped: %s", it.ID, quote(title), problems(err)))
		return nil
	}
	if found {
		err = im.st.UpdatePage(ctx, p, im.now)
		if errors.Is(err, page.ErrNotFound) {
			found = false
		} else if err == nil {
			counts.Updated++
		}
	}
	if !found {
		counts.Imported++
		p.ID, err = im.st.CreatePage(ctx, p, articleTime(it, im.loc, im.now))
	}
	if err != nil {
		return fmt.Errorf("page %s: %w", it.ID, err)
	}
	im.owned("page", p.ID)
	if err := im.redirects(ctx, it, "page_id", 0, p.ID); err != nil {
		return err
	}
	im.noteLinks(it, "page_id", p.Path())
	return im.entry(ctx, mapPage, it.ID, store.ImportEntry{ID: p.ID, Target: p.Path(), Checksum: sum})
}

// pageSlug keeps a page's slug free of other pages and the site's own paths.
func (im *importer) pageSlug(ctx context.Context, base string, id int64) (string, error) {
	return slug.Unique(base, func(c string) (bool, error) {
		if slices.Contains(page.Reserved, c) {
			return true, nil
		}
		p, err := im.st.PageBySlug(ctx, c)
		if errors.Is(err, page.ErrNotFound) {
			return false, nil
		}
		return err == nil && p.ID != id, err
	})
}

// redirects stores the item's old addresses: its permalink and its query
// link (/?p=ID for posts, /?page_id=ID for pages).
func (im *importer) redirects(ctx context.Context, it *Item, param string, articleID, pageID int64) error {
	paths := []string{redirect.QueryPath(param, it.ID)}
	if p := oldPath(it.Link); p != "" {
		paths = append(paths, p)
	}
	for _, p := range paths {
		if err := im.st.SetRedirect(ctx, p, redirect.To{ArticleID: articleID, PageID: pageID}, im.now); err != nil {
			return err
		}
	}
	return nil
}

// noteLinks remembers where the item's old addresses now lead, for links
// to it in other bodies.
func (im *importer) noteLinks(it *Item, param, target string) {
	if target == "" {
		return
	}
	im.links[redirect.QueryPath(param, it.ID)] = target
	if param == "page_id" {
		im.links[redirect.QueryPath("p", it.ID)] = target
	}
	if p := oldPath(it.Link); p != "" {
		im.links[p] = target
	}
}

// oldPath is the path of a permalink, decoded, with a trailing slash; ""
// for the site's root or a query link.
func oldPath(link string) string {
	u, err := url.Parse(strings.TrimSpace(link))
	if err != nil || u.Path == "" || u.Path == "/" {
		return ""
	}
	p := u.Path
	if !strings.HasSuffix(p, "/") && !strings.Contains(p[strings.LastIndex(p, "/"):], ".") {
		p += "/"
	}
	return p
}

// problems lists a validation error's messages in one line.
func problems(err error) string {
	var v problem.Fields
	if errors.As(err, &v) {
		var list []string
		for field, msg := range v {
			list = append(list, field+": "+msg)
		}
		slices.Sort(list)
		return strings.Join(list, "; ")
	}
	return err.Error()
}

// stripTags removes HTML tags from a short text such as an excerpt.
func stripTags(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>' && in:
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}
