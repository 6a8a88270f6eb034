package site

import (
	"bytes"
	"encoding/json"
	"time"
)

// jsonFeed is a JSON Feed 1.1 (https://jsonfeed.org/version/1.1) story feed.
type jsonFeed struct {
	Version     string       `json:"version"`
	Title       string       `json:"title"`
	HomePageURL string       `json:"home_page_url"`
	FeedURL     string       `json:"feed_url"`
	Description string       `json:"description,omitempty"`
	Language    string       `json:"language,omitempty"`
	Authors     []jsonAuthor `json:"authors,omitempty"`
	Items       []jsonItem   `json:"items"`
}

type jsonAuthor struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type jsonItem struct {
	ID            string       `json:"id"`
	URL           string       `json:"url"`
	Title         string       `json:"title"`
	ContentHTML   string       `json:"content_html,omitempty"`
	ContentText   string       `json:"content_text,omitempty"`
	Summary       string       `json:"summary,omitempty"`
	Image         string       `json:"image,omitempty"`
	DatePublished string       `json:"date_published"`
	DateModified  string       `json:"date_modified"`
	Authors       []jsonAuthor `json:"authors,omitempty"`
	Tags          []string     `json:"tags,omitempty"`
	Language      string       `json:"language,omitempty"`
}

func (f feed) json() ([]byte, error) {
	jf := jsonFeed{Version: "https://jsonfeed.org/version/1.1", Title: f.Title, HomePageURL: f.HomeURL,
		FeedURL: f.SelfURL, Description: f.Description, Language: f.Language,
		Authors: []jsonAuthor{{Name: f.Publisher}}, Items: make([]jsonItem, 0, len(f.Entries))}
	for _, e := range f.Entries {
		jf.Items = append(jf.Items, jsonItemOf(e))
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	// Served as application/feed+json, never inside HTML: < and & may stay readable.
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(jf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func jsonItemOf(e feedEntry) jsonItem {
	it := jsonItem{ID: e.ID, URL: e.URL, Title: e.Title, ContentHTML: e.ContentHTML, Summary: e.Summary,
		DatePublished: e.Published.UTC().Format(time.RFC3339), DateModified: e.Updated.UTC().Format(time.RFC3339),
		Tags: e.Categories, Language: e.Language}
	if e.ContentHTML == "" {
		it.ContentText = e.Summary // JSON Feed needs content_html or content_text in every item
	}
	if e.Image != nil {
		it.Image = e.Image.URL
	}
	for _, au := range e.Authors {
		it.Authors = append(it.Authors, jsonAuthor(au))
	}
	return it
}
