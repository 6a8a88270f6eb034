package wordpress

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/datelinenews/dateline/internal/blob"
	"github.com/datelinenews/dateline/internal/comment"
	"github.com/datelinenews/dateline/internal/media"
	"github.com/datelinenews/dateline/internal/store"
)

// Options say where an import takes its files from and what it reports.
type Options struct {
	// Uploads is the folder holding WordPress's wp-content/uploads; empty:
	// media are not imported (their links keep pointing at the old site).
	Uploads string
	// Media is where imported images are stored.
	Media blob.Bucket
	// Images sets the versions made of each image; zero: internal/media's
	// defaults without WebP, which would make a large import hours longer.
	Images media.Options
	// DryRun does the whole import in a transaction that is rolled back,
	// touching no file: the report says what would happen.
	DryRun bool
	// Warnings receives every warning, one per line.
	Warnings io.Writer
	// Progress, when set, is called after each item with the bytes of the
	// file read so far and the items done.
	Progress func(bytesRead int64, items int)
	Now      func() time.Time
	Log      *slog.Logger
}

// errDryRun rolls back a dry run's transaction.
var errDryRun = errors.New("dry run")

// The kinds of import_map entries.
const (
	mapAuthor     = "author"
	mapUser       = "user"
	mapSection    = "section"
	mapTag        = "tag"
	mapArticle    = "article"
	mapPage       = "page"
	mapAttachment = "attachment"
	mapMedia      = "media"
	mapComment    = "comment"
)

// importer is one run of an import, inside its transaction.
type importer struct {
	opt    Options
	st     *store.Store // the transaction
	rd     *Reader
	site   Site      // what the reader knew of the site at the element being imported
	line   int       // the reader's line at the element being imported
	prep   *itemPrep // worked out ahead for the item being imported
	report *Report
	now    time.Time
	source string // the WordPress site's base URL: import_map's key
	host   string // its host, to recognise links to it
	loc    *time.Location
	lang   string
	maps   map[string]map[string]store.ImportEntry
	links  map[string]string // old path or "/?p=ID" → new path
	// Fixed at the end, when every item is known.
	pendingBodies   []pendingBody
	current         *pendingBody // the body being converted, nil for comments
	ctx             context.Context
	failed          error // from the URL mapper, which cannot return one
	pendingFeatured []pendingFeatured
	written         []string             // media files written, removed if the import fails
	commentEntries  []store.ImportRecord // import entries of comments, written in batches
	newComments     []comment.Comment    // new comments, written in batches
	commentIDs      []int64              // ids reserved for new comments, not yet given
	warnedOnce      map[string]bool
	sectionCount    int
	fallbackSection int64
	arch            archives // old archive addresses, redirected at the end
}

type pendingFeatured struct {
	articleID    int64
	attachmentID string
}

// Import reads a WXR export from r and brings it into st in one
// transaction: a malformed file, or any failure, leaves the database as it
// was. Running it again with the same file changes nothing; with a newer
// export it updates what changed and adds what is new.
func Import(ctx context.Context, st *store.Store, r io.Reader, opt Options) (*Report, error) {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Images.MaxWidth == 0 && len(opt.Images.Widths) == 0 {
		opt.Images.SkipWebP = true
	}
	if opt.Warnings == nil {
		opt.Warnings = io.Discard
	}
	report := newReport(opt.DryRun)
	var im *importer
	err := st.InBulkTx(ctx, func(tx *store.Store) error {
		im = &importer{opt: opt, st: tx, rd: NewReader(r), report: report, now: opt.Now().UTC(),
			links: map[string]string{}, warnedOnce: map[string]bool{}, maps: map[string]map[string]store.ImportEntry{}}
		if err := im.run(ctx); err != nil {
			return err
		}
		if opt.DryRun {
			return errDryRun
		}
		return nil
	})
	if errors.Is(err, errDryRun) {
		err = nil
	}
	if im != nil {
		report.Site = im.site
		if err != nil {
			im.removeWritten(ctx)
		}
	}
	return report, err
}

// run streams the file, importing each element as it comes.
func (im *importer) run(ctx context.Context) error {
	site, err := im.st.Site(ctx)
	if err != nil {
		return err
	}
	im.loc, im.lang, im.ctx = site.Location(), site.Language, ctx
	ra := startReadAhead(im.rd)
	defer ra.stop()
	items := 0
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		p, ok := ra.next()
		if !ok {
			return errors.New("the file's reader stopped early") // cannot happen: it ends with an error
		}
		im.site, im.line = p.site, p.line
		for _, w := range p.warnings {
			im.warn(w.line, "", w.msg)
		}
		if p.err == io.EOF {
			break
		}
		if p.err != nil {
			return p.err
		}
		if im.source == "" {
			if err := im.begin(ctx); err != nil {
				return err
			}
		}
		im.prep = p.prep
		if err := im.element(ctx, p.v); err != nil {
			return err
		}
		if im.failed != nil {
			return im.failed
		}
		items++
		if im.opt.Progress != nil {
			im.opt.Progress(p.bytesRead, items)
		}
	}
	if im.source == "" {
		return &SyntaxError{Line: im.line, Msg: "no WordPress export found: the file has no <channel> with <wp:base_site_url>"}
	}
	return im.finish(ctx)
}

// begin runs once the channel's header is read: it names the source and
// loads what earlier imports from it made.
func (im *importer) begin(ctx context.Context) error {
	s := im.site
	base := s.BaseBlogURL
	if base == "" {
		base = s.BaseSiteURL
	}
	if base == "" {
		return &SyntaxError{Line: im.line, Msg: "the channel has no <wp:base_site_url>: is this a WordPress export (Tools › Export)?"}
	}
	u, err := url.Parse(base)
	if err != nil || u.Host == "" {
		return &SyntaxError{Line: im.line, Msg: fmt.Sprintf("<wp:base_site_url> %q is not an address", base)}
	}
	im.source, im.host = strings.TrimRight(base, "/"), strings.ToLower(u.Host)
	if s.WXRVersion != "" && s.WXRVersion != "1.0" && s.WXRVersion != "1.1" && s.WXRVersion != "1.2" {
		im.warn(0, "", fmt.Sprintf("WXR version %s is newer than this importer knows (1.2); unknown parts are skipped", s.WXRVersion))
	}
	if tag, err := language.Parse(s.Language); err == nil && s.Language != "" {
		im.lang = tag.String()
	}
	for _, kind := range []string{mapAuthor, mapUser, mapSection, mapTag, mapArticle, mapPage, mapAttachment, mapMedia} {
		m, err := im.st.ImportEntries(ctx, im.source, kind)
		if err != nil {
			return err
		}
		im.maps[kind] = m
	}
	sections, err := im.st.ListSections(ctx)
	im.sectionCount = len(sections)
	return err
}

// element imports one element the reader returned.
func (im *importer) element(ctx context.Context, v any) error {
	switch x := v.(type) {
	case *Author:
		return im.author(ctx, x)
	case *Category:
		return im.category(ctx, x)
	case *Tag:
		return im.tag(ctx, x)
	case *Term:
		if x.Taxonomy == "category" || x.Taxonomy == "post_tag" {
			return nil // the same as the wp:category and wp:tag elements
		}
		im.once("term "+x.Taxonomy, 0, fmt.Sprintf("terms of the taxonomy %s (such as %s) are not imported", quote(x.Taxonomy), quote(x.Name)))
		return nil
	case *Item:
		return im.item(ctx, x)
	}
	return nil
}

// item imports a post, page or attachment; other post types are skipped.
func (im *importer) item(ctx context.Context, it *Item) error {
	switch it.Type {
	case "post":
		return im.post(ctx, it)
	case "page":
		return im.page(ctx, it)
	case "attachment":
		return im.attachment(ctx, it)
	}
	im.report.Counts["other"].Skipped++
	im.once("type "+it.Type, it.Line, fmt.Sprintf("items of type %s are not imported (the first is %s)", quote(it.Type), quote(it.Title)))
	return nil
}

// finish resolves what could only be known at the end: links to stories
// later in the file, and featured images listed after their story.
func (im *importer) finish(ctx context.Context) error {
	if err := im.flushComments(ctx); err != nil {
		return err
	}
	for _, p := range im.pendingFeatured {
		if e, ok := im.maps[mapAttachment][p.attachmentID]; ok && e.ID != 0 {
			if err := im.st.SetFeaturedImage(ctx, p.articleID, e.ID); err != nil {
				return err
			}
		}
	}
	if err := im.fixLinks(ctx); err != nil {
		return err
	}
	if err := im.archiveRedirects(ctx); err != nil {
		return err
	}
	n, err := im.st.CountRedirects(ctx)
	im.report.Redirects = n
	return err
}

// warn logs a warning about the item at line (0: none).
func (im *importer) warn(line int, kind, msg string) {
	if kind != "" {
		im.report.Counts[kind].Warned++
	}
	im.report.Warnings++
	if line > 0 {
		msg = fmt.Sprintf("line %d: %s", line, msg)
	}
	if len(im.report.First) < firstWarnings {
		im.report.First = append(im.report.First, msg)
	}
	fmt.Fprintln(im.opt.Warnings, msg)
}

// once warns about something the first time only.
func (im *importer) once(key string, line int, msg string) {
	if im.warnedOnce[key] {
		return
	}
	im.warnedOnce[key] = true
	im.warn(line, "", msg)
}

// entry records what a WordPress object became, in the database and in memory.
func (im *importer) entry(ctx context.Context, kind, wpID string, e store.ImportEntry) error {
	if m := im.maps[kind]; m != nil {
		m[wpID] = e
	}
	return im.st.SetImportEntry(ctx, im.source, kind, wpID, e)
}
