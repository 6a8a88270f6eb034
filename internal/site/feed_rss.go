package site

import (
	"encoding/xml"
	"time"
)

// storyRSS is an RSS 2.0 story feed. Authors go in dc:creator, since RSS's
// own <author> must hold an email address and we publish none; the image
// goes in media:content, which needs no file size as <enclosure> would.
type storyRSS struct {
	XMLName xml.Name        `xml:"rss"`
	Version string          `xml:"version,attr"`
	DC      string          `xml:"xmlns:dc,attr"`
	Atom    string          `xml:"xmlns:atom,attr"`
	Content string          `xml:"xmlns:content,attr"`
	Media   string          `xml:"xmlns:media,attr"`
	Channel storyRSSChannel `xml:"channel"`
}

type storyRSSChannel struct {
	Title         string         `xml:"title"`
	Link          string         `xml:"link"`
	Self          rssSelf        `xml:"atom:link"`
	Description   string         `xml:"description"`
	Language      string         `xml:"language"`
	LastBuildDate string         `xml:"lastBuildDate,omitempty"`
	Items         []storyRSSItem `xml:"item"`
}

type storyRSSItem struct {
	Title       string        `xml:"title"`
	Link        string        `xml:"link"`
	GUID        rssGUID       `xml:"guid"`
	Creators    []string      `xml:"dc:creator"`
	Categories  []string      `xml:"category"`
	PubDate     string        `xml:"pubDate"`
	Description string        `xml:"description"`
	Content     *rssCDATA     `xml:"content:encoded"`
	Image       *rssMediaItem `xml:"media:content"`
}

type rssGUID struct {
	IsPermaLink bool   `xml:"isPermaLink,attr"`
	Value       string `xml:",chardata"`
}

// rssCDATA keeps story HTML readable in the feed's source.
type rssCDATA struct {
	Value string `xml:",cdata"`
}

type rssMediaItem struct {
	URL    string `xml:"url,attr"`
	Type   string `xml:"type,attr"`
	Medium string `xml:"medium,attr"`
	Width  int    `xml:"width,attr,omitempty"`
	Height int    `xml:"height,attr,omitempty"`
}

func (f feed) rss() ([]byte, error) {
	ch := storyRSSChannel{Title: f.Title, Link: f.HomeURL, Description: f.Description, Language: f.Language,
		Self: rssSelf{Href: f.SelfURL, Rel: "self", Type: "application/rss+xml"}}
	if !f.Updated.IsZero() {
		ch.LastBuildDate = f.Updated.Format(time.RFC1123Z)
	}
	for _, e := range f.Entries {
		it := storyRSSItem{Title: e.Title, Link: e.URL, GUID: rssGUID{Value: e.ID}, Categories: e.Categories,
			PubDate: e.Published.Format(time.RFC1123Z), Description: e.Summary}
		for _, au := range e.Authors {
			it.Creators = append(it.Creators, au.Name)
		}
		if e.ContentHTML != "" {
			it.Content = &rssCDATA{Value: e.ContentHTML}
		}
		if img := e.Image; img != nil {
			it.Image = &rssMediaItem{URL: img.URL, Type: img.MIME, Medium: "image", Width: img.Width, Height: img.Height}
		}
		ch.Items = append(ch.Items, it)
	}
	out, err := xml.MarshalIndent(storyRSS{Version: "2.0", DC: "http://purl.org/dc/elements/1.1/",
		Atom: "http://www.w3.org/2005/Atom", Content: "http://purl.org/rss/1.0/modules/content/",
		Media: "http://search.yahoo.com/mrss/", Channel: ch}, "", "  ")
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), out...), nil
}
