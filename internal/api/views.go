package api

import (
	"regexp"
	"strings"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/media"
	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/sanitize"
	"github.com/datelinenews/dateline/internal/section"
)

// Article is a story as the API gives it. Lists leave out the body.
type Article struct {
	ID            int64        `json:"id"`
	URL           string       `json:"url"`
	Slug          string       `json:"slug"`
	Headline      string       `json:"headline"`
	Standfirst    string       `json:"standfirst"`
	BodyHTML      string       `json:"body_html,omitempty"`
	BodyMarkdown  string       `json:"body_markdown,omitempty"`
	Language      string       `json:"language"`
	Dateline      string       `json:"dateline"`
	Section       Section      `json:"section"`
	Tags          []Tag        `json:"tags"`
	Authors       []Author     `json:"authors"`
	PublishedAt   time.Time    `json:"published_at"`
	UpdatedAt     time.Time    `json:"updated_at"`
	FeaturedImage *Image       `json:"featured_image"`
	Corrections   []Correction `json:"corrections"`
}

// Section is a section as the API gives it.
type Section struct {
	ID          int64  `json:"id"`
	Slug        string `json:"slug"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	URL         string `json:"url"`
}

// Tag is a tag; Stories is set in the tag list.
type Tag struct {
	ID      int64  `json:"id"`
	Slug    string `json:"slug"`
	Name    string `json:"name"`
	URL     string `json:"url"`
	Stories int    `json:"stories,omitempty"`
}

// Author is a byline; Bio and Stories are set in the author list.
type Author struct {
	ID      int64  `json:"id"`
	Slug    string `json:"slug"`
	Name    string `json:"name"`
	URL     string `json:"url"`
	Bio     string `json:"bio,omitempty"`
	Stories int    `json:"stories,omitempty"`
}

// Image is a featured image with its sizes, full size first.
type Image struct {
	URL      string    `json:"url"`
	Width    int       `json:"width"`
	Height   int       `json:"height"`
	Alt      string    `json:"alt"`
	Caption  string    `json:"caption,omitempty"`
	Credit   string    `json:"credit,omitempty"`
	Variants []Variant `json:"variants"`
}

// Variant is one size of an image, as JPEG and, when made, WebP.
type Variant struct {
	Width   int    `json:"width"`
	Height  int    `json:"height"`
	URL     string `json:"url"`
	WebPURL string `json:"webp_url,omitempty"`
}

// Correction is a dated public note on a story.
type Correction struct {
	Kind      string    `json:"kind"` // correction or update
	Body      string    `json:"body"`
	CreatedAt time.Time `json:"created_at"`
}

// view turns stories into API values, with absolute URLs.
type view struct {
	origin string
	loc    *time.Location
}

func (v view) article(a article.Article, full bool) Article {
	out := Article{ID: a.ID, URL: v.origin + a.Path(v.loc), Slug: a.Slug, Headline: a.Headline,
		Standfirst: a.Standfirst, Language: a.Language, Dateline: a.Dateline, Section: v.section(a.Section),
		Tags: []Tag{}, Authors: []Author{}, PublishedAt: a.PublishedAt.UTC(), UpdatedAt: a.UpdatedAt.UTC(),
		FeaturedImage: v.image(a.FeaturedImage), Corrections: []Correction{}}
	for _, t := range a.Tags {
		out.Tags = append(out.Tags, v.tag(t))
	}
	for _, au := range a.Authors {
		out.Authors = append(out.Authors, v.author(au))
	}
	for _, c := range a.Corrections {
		out.Corrections = append(out.Corrections, Correction{Kind: string(c.Kind), Body: c.Body, CreatedAt: c.CreatedAt.UTC()})
	}
	if full {
		out.BodyMarkdown = a.Body
		out.BodyHTML = absoluteLinks(string(sanitize.Article(a.Body)), v.origin)
	}
	return out
}

func (v view) section(s section.Section) Section {
	return Section{ID: s.ID, Slug: s.Slug, Name: s.Name, Description: s.Description, URL: v.origin + s.Path()}
}

func (v view) tag(t article.Tag) Tag {
	return Tag{ID: t.ID, Slug: t.Slug, Name: t.Name, URL: v.origin + t.Path()}
}

func (v view) author(a people.Author) Author {
	return Author{ID: a.ID, Slug: a.Slug, Name: a.Name, URL: v.origin + "/author/" + a.Slug + "/"}
}

func (v view) image(img *media.Image) *Image {
	if img == nil {
		return nil
	}
	out := &Image{URL: v.media(img.Path), Width: img.Width, Height: img.Height, Alt: img.Alt,
		Caption: img.Caption, Credit: img.Credit, Variants: []Variant{}}
	for _, vr := range img.Variants {
		out.Variants = append(out.Variants, Variant{Width: vr.Width, Height: vr.Height, URL: v.media(vr.Path), WebPURL: v.media(vr.WebPPath)})
	}
	return out
}

func (v view) media(key string) string {
	if key == "" {
		return ""
	}
	return v.origin + "/media/" + key
}

// sitePath matches href and src attributes holding a path on this site.
var sitePath = regexp.MustCompile(`(\s(?:href|src))="/([^/"])`)

// absoluteLinks makes a story's links to this site absolute: the HTML is
// shown far from the site, where a bare path leads nowhere.
func absoluteLinks(html, origin string) string {
	if !strings.Contains(html, `="/`) {
		return html
	}
	return sitePath.ReplaceAllString(html, `$1="`+origin+`/$2`)
}
