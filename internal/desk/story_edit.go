package desk

import (
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/media"
	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/render"
	"github.com/datelinenews/dateline/internal/sanitize"
	"github.com/datelinenews/dateline/internal/section"
	"github.com/datelinenews/dateline/internal/web"
)

// EditorPage is the story editor.
type EditorPage struct {
	Layout
	Story      article.Article // the stored story; ID 0 for a new one
	Form       StoryForm
	Errors     map[string]string
	Sections   []section.Section
	Authors    []people.Author
	Preview    template.HTML
	Conflict   *ConflictView // someone else saved first
	CanEdit    bool
	CanPub     bool
	CanFix     bool // may add corrections
	PreviewURL string
	PublicURL  string
	Languages  []Language
	Images     []MediaTile // featured image choices, newest first
	Featured   *MediaTile  // the chosen featured image, for its preview
}

// StoryForm is the editor's fields as typed, so a failed save shows them again.
type StoryForm struct {
	Headline, Standfirst, Body, Slug string
	SectionID                        int64
	Tags                             string
	AuthorIDs                        []int64 // byline order; the editor shows four rows
	Dateline, Language               string
	CommentsOpen, Lead               bool
	PublishAt                        string // datetime-local in the site's time zone
	Version                          int
	FeaturedMediaID                  int64 // 0: none
}

// ConflictView shows the version someone else saved beside the editor's own.
type ConflictView struct {
	Version int
	Current article.Article
}

// Language is a choice in the editor's language list.
type Language struct{ Tag, Name string }

var languages = []Language{{"en", "English"}, {"fa-AF", "Dari (دری)"}, {"ps", "Pashto (پښتو)"}, {"fa", "Persian (فارسی)"},
	{"ar", "Arabic (العربية)"}, {"ur", "Urdu (اردو)"}, {"ru", "Russian (Русский)"}, {"uk", "Ukrainian (Українська)"},
	{"fr", "French (Français)"}, {"es", "Spanish (Español)"}, {"de", "German (Deutsch)"}, {"tr", "Turkish (Türkçe)"}}

// bylineRows is how many author choices the editor offers.
const bylineRows = 4

// NewStory shows an empty editor with the writer in the byline.
func (h *Handler) NewStory(w http.ResponseWriter, r *http.Request) error {
	u := CurrentUser(r)
	me, err := h.Store.AuthorForUser(r.Context(), u, h.Now())
	if err != nil {
		return err
	}
	site, err := h.Store.Site(r.Context())
	if err != nil {
		return err
	}
	form := StoryForm{Language: site.Language, CommentsOpen: true, AuthorIDs: []int64{me.ID}}
	return h.editor(w, r, http.StatusOK, article.Article{}, form, nil, nil)
}

// EditStory shows a story in the editor.
func (h *Handler) EditStory(w http.ResponseWriter, r *http.Request) error {
	a, err := h.story(r)
	if err != nil {
		return err
	}
	site, err := h.Store.Site(r.Context())
	if err != nil {
		return err
	}
	return h.editor(w, r, http.StatusOK, a, formOf(a, site.Location()), nil, nil)
}

func (h *Handler) story(r *http.Request) (article.Article, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return article.Article{}, web.NotFound()
	}
	return h.Articles.Open(r.Context(), CurrentUser(r), id)
}

// SaveStory creates or saves a story; the button pressed says what else to
// do: save, submit for review, publish, schedule or unpublish.
func (h *Handler) SaveStory(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		return web.BadRequest("The story is too large to send (over 3 MB). Your text is still in your browser: shorten it and save again.")
	}
	u := CurrentUser(r)
	site, err := h.Store.Site(r.Context())
	if err != nil {
		return err
	}
	loc := site.Location()
	form, in, problems := parseStoryForm(r, loc)
	action := r.PostForm.Get("action")
	var stored article.Article
	if id := r.PathValue("id"); id != "" {
		if stored, err = h.story(r); err != nil {
			return err
		}
	}
	in.Status = stored.Status
	if stored.ID == 0 {
		in.Status = article.Draft
	}
	switch action {
	case "publish":
		in.Status = article.Published
	case "schedule":
		in.Status = article.Scheduled
		if in.PublishedAt.IsZero() && problems["publish_at"] == "" {
			problems["publish_at"] = "Choose a date and time to publish."
		}
	case "unpublish":
		in.Status = article.Unpublished
	case "save", "submit", "autosave", "":
	default:
		return web.BadRequest("unknown action")
	}
	in.Autosave = action == "autosave"
	if len(problems) > 0 {
		return h.editor(w, r, http.StatusUnprocessableEntity, stored, form, problems, nil)
	}
	var saved article.Article
	if stored.ID == 0 {
		saved, err = h.Articles.Draft(r.Context(), u, in)
	} else {
		saved, err = h.Articles.Save(r.Context(), u, stored.ID, in)
	}
	var v article.ValidationError
	var conflict *article.ConflictError
	switch {
	case errors.As(err, &v):
		return h.editor(w, r, http.StatusUnprocessableEntity, stored, form, v, nil)
	case errors.As(err, &conflict):
		return h.editor(w, r, http.StatusConflict, conflict.Current, form, nil, conflict)
	case err != nil:
		return err
	}
	if action == "submit" {
		if saved, err = h.Articles.Submit(r.Context(), u, saved.ID); err != nil {
			return err
		}
	}
	if h.Posters != nil {
		_, videos := sanitize.Refs(saved.Body)
		h.Posters.Queue(videos) // in the background: saving never waits for a video site
	}
	target := "story " + strconv.FormatInt(saved.ID, 10)
	if action == "autosave" {
		w.Header().Set("Content-Type", "application/json")
		_, err := fmt.Fprintf(w, `{"version":%d,"id":%d,"saved":%q}`, saved.Version, saved.ID, h.Now().In(loc).Format("15:04:05"))
		return err
	}
	verb := map[string]string{"publish": "published", "schedule": "scheduled", "unpublish": "unpublished", "submit": "submitted for review"}[action]
	if verb == "" {
		verb = "saved"
	}
	h.audit(r, "story."+strings.ReplaceAll(verb, " ", "-"), target, saved.Headline)
	msg := "Story " + verb + "."
	if saved.Status == article.Scheduled {
		msg = "Story scheduled for " + saved.PublishedAt.In(loc).Format("2 Jan 2006 15:04 MST") + "."
	}
	return seeOther(w, r, "/admin/stories/"+strconv.FormatInt(saved.ID, 10), msg)
}

// parseStoryForm reads the editor's fields, reporting what cannot be parsed.
func parseStoryForm(r *http.Request, loc *time.Location) (StoryForm, article.Input, map[string]string) {
	f := r.PostForm
	problems := map[string]string{}
	form := StoryForm{
		Headline: f.Get("headline"), Standfirst: f.Get("standfirst"), Body: strings.ReplaceAll(f.Get("body"), "\r\n", "\n"),
		Slug: strings.TrimSpace(f.Get("slug")), Tags: f.Get("tags"), Dateline: f.Get("dateline"),
		Language: strings.TrimSpace(f.Get("language")), CommentsOpen: f.Get("comments") == "on", Lead: f.Get("lead") == "on",
		PublishAt: f.Get("publish_at"),
	}
	form.Version, _ = strconv.Atoi(f.Get("version"))
	form.SectionID, _ = strconv.ParseInt(f.Get("section"), 10, 64)
	form.FeaturedMediaID, _ = strconv.ParseInt(f.Get("featured_media"), 10, 64)
	seen := map[int64]bool{}
	for _, v := range f["author"] {
		if id, err := strconv.ParseInt(v, 10, 64); err == nil && id > 0 && !seen[id] {
			form.AuthorIDs, seen[id] = append(form.AuthorIDs, id), true
		}
	}
	in := article.Input{Headline: form.Headline, Standfirst: form.Standfirst, Body: form.Body, Slug: form.Slug,
		SectionID: form.SectionID, AuthorIDs: form.AuthorIDs, Dateline: form.Dateline, Language: form.Language,
		CommentsOpen: form.CommentsOpen, Lead: form.Lead, ExpectedVersion: form.Version, FeaturedMediaID: max(form.FeaturedMediaID, 0)}
	for t := range strings.SplitSeq(form.Tags, ",") {
		if t = strings.TrimSpace(t); t != "" {
			in.TagNames = append(in.TagNames, t)
		}
	}
	if form.PublishAt != "" {
		// Browsers send seconds only when they are not zero.
		at, err := time.ParseInLocation("2006-01-02T15:04", form.PublishAt, loc)
		if err != nil {
			at, err = time.ParseInLocation("2006-01-02T15:04:05", form.PublishAt, loc)
		}
		if err != nil {
			problems["publish_at"] = "Use the date picker, or type a date and time like 2026-11-25T14:30."
		}
		in.PublishedAt = at
	}
	return form, in, problems
}

// formOf fills the editor from a stored story.
func formOf(a article.Article, loc *time.Location) StoryForm {
	f := StoryForm{Headline: a.Headline, Standfirst: a.Standfirst, Body: a.Body, Slug: a.Slug, SectionID: a.Section.ID,
		Dateline: a.Dateline, Language: a.Language, CommentsOpen: a.CommentsOpen, Lead: a.Lead, Version: a.Version}
	var tags []string
	for _, t := range a.Tags {
		tags = append(tags, t.Name)
	}
	f.Tags = strings.Join(tags, ", ")
	if a.FeaturedImage != nil {
		f.FeaturedMediaID = a.FeaturedImage.ID
	}
	for _, au := range a.Authors {
		f.AuthorIDs = append(f.AuthorIDs, au.ID)
	}
	if !a.PublishedAt.IsZero() {
		f.PublishAt = a.PublishedAt.In(loc).Format("2006-01-02T15:04:05")
	}
	return f
}

func (h *Handler) editor(w http.ResponseWriter, r *http.Request, status int, a article.Article, form StoryForm, problems map[string]string, conflict *article.ConflictError) error {
	title := "New story"
	if a.ID != 0 {
		title = "Edit: " + a.Headline
	}
	l, err := h.layout(r, title, map[bool]string{true: "new", false: "stories"}[a.ID == 0])
	if err != nil {
		return err
	}
	sections, err := h.Store.ListSections(r.Context())
	if err != nil {
		return err
	}
	authors, err := h.Store.ListAuthors(r.Context())
	if err != nil {
		return err
	}
	u := CurrentUser(r)
	for len(form.AuthorIDs) < bylineRows {
		form.AuthorIDs = append(form.AuthorIDs, 0)
	}
	p := EditorPage{Layout: l, Story: a, Form: form, Errors: problems, Sections: sections, Authors: authors,
		Preview: sanitize.Article(form.Body), CanEdit: a.ID == 0 || article.CanEdit(u, a),
		CanPub: (a.ID == 0 && u.Role.Can(people.PublishOwn)) || (a.ID != 0 && article.CanPublish(u, a)),
		CanFix: a.Status == article.Published && u.Role.Can(people.CorrectStories), Languages: languages}
	if a.ID != 0 {
		p.PreviewURL = fmt.Sprintf("/preview/%d/%s/", a.ID, a.PreviewToken)
		if a.Visible(h.Now()) {
			p.PublicURL = a.Path(l.Site.Location())
		}
	}
	if p.Images, p.Featured, err = h.featuredChoices(r, form.FeaturedMediaID); err != nil {
		return err
	}
	if conflict != nil {
		p.Conflict = &ConflictView{Version: conflict.Current.Version, Current: conflict.Current}
		// The editor keeps the user's text but now saves over the newest version,
		// once they have looked at it.
		p.Form.Version = conflict.Current.Version
	}
	return h.page(w, r, status, "story_edit", p)
}

// Preview renders Markdown exactly as the public article will, for the
// editor's live preview.
func (h *Handler) Preview(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	if err := r.ParseForm(); err != nil {
		return web.BadRequest("too large")
	}
	lang := r.PostForm.Get("language")
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, `<div class="body" dir="%s">`, render.Dir(lang))
	md := strings.ReplaceAll(r.PostForm.Get("body"), "\r\n", "\n")
	m, err := sanitize.LoadMedia(r.Context(), h.Store, md, "", "")
	if err != nil {
		return err
	}
	w.Write([]byte(sanitize.ArticleWith(md, m)))
	_, err = w.Write([]byte(`</div>`))
	return err
}

// featuredChoices lists the newest library images for the featured image
// menu, with the chosen one even when it is older.
func (h *Handler) featuredChoices(r *http.Request, chosen int64) ([]MediaTile, *MediaTile, error) {
	images, err := h.Store.ListImages(r.Context(), "", 100, 0)
	if err != nil {
		return nil, nil, err
	}
	var tiles []MediaTile
	var featured *MediaTile
	for _, img := range images {
		if img.IsVideo() {
			continue // a featured image is a picture; videos go in the text
		}
		tiles = append(tiles, tileOf(img))
		if img.ID == chosen {
			featured = &tiles[len(tiles)-1]
		}
	}
	if featured == nil && chosen > 0 {
		img, err := h.Store.ImageByID(r.Context(), chosen)
		if err != nil && !errors.Is(err, media.ErrNotFound) {
			return nil, nil, err
		}
		if err == nil {
			tiles = append(tiles, tileOf(img))
			featured = &tiles[len(tiles)-1]
		}
	}
	if featured != nil {
		t := *featured // tiles may still grow; keep a copy
		featured = &t
	}
	return tiles, featured, nil
}
