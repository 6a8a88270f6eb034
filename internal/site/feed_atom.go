package site

import (
	"encoding/xml"
	"time"
)

// atomFeed is an Atom 1.0 (RFC 4287) story feed.
type atomFeed struct {
	XMLName  xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang     string      `xml:"xml:lang,attr,omitempty"`
	Title    string      `xml:"title"`
	Subtitle string      `xml:"subtitle,omitempty"`
	Links    []atomLink  `xml:"link"`
	ID       string      `xml:"id"`
	Updated  string      `xml:"updated"`
	Author   atomPerson  `xml:"author"` // for any entry without a byline of its own
	Entries  []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
	URI  string `xml:"uri,omitempty"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

type atomText struct {
	Type  string `xml:"type,attr"`
	Value string `xml:",chardata"`
}

type atomEntry struct {
	Lang       string         `xml:"xml:lang,attr,omitempty"`
	Title      string         `xml:"title"`
	Links      []atomLink     `xml:"link"`
	ID         string         `xml:"id"`
	Published  string         `xml:"published"`
	Updated    string         `xml:"updated"`
	Authors    []atomPerson   `xml:"author"`
	Categories []atomCategory `xml:"category"`
	Summary    *atomText      `xml:"summary"`
	Content    *atomText      `xml:"content"`
}

// atomEpoch stands in for the update time of a feed with no stories, which
// Atom requires: a fixed time, so the empty feed's ETag stays the same.
var atomEpoch = time.Unix(0, 0).UTC()

func (f feed) atom() ([]byte, error) {
	updated := f.Updated
	if updated.IsZero() {
		updated = atomEpoch
	}
	af := atomFeed{Lang: f.Language, Title: f.Title, Subtitle: f.Description, ID: f.SelfURL,
		Updated: updated.UTC().Format(time.RFC3339), Author: atomPerson{Name: f.Publisher},
		Links: []atomLink{{Rel: "alternate", Type: "text/html", Href: f.HomeURL},
			{Rel: "self", Type: "application/atom+xml", Href: f.SelfURL}}}
	for _, e := range f.Entries {
		af.Entries = append(af.Entries, atomEntryOf(e))
	}
	out, err := xml.MarshalIndent(af, "", "  ")
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), out...), nil
}

func atomEntryOf(e feedEntry) atomEntry {
	ae := atomEntry{Lang: e.Language, Title: e.Title, ID: e.ID,
		Published: e.Published.UTC().Format(time.RFC3339), Updated: e.Updated.UTC().Format(time.RFC3339),
		Links: []atomLink{{Rel: "alternate", Type: "text/html", Href: e.URL}}}
	if img := e.Image; img != nil {
		ae.Links = append(ae.Links, atomLink{Rel: "enclosure", Type: img.MIME, Href: img.URL})
	}
	for _, au := range e.Authors {
		ae.Authors = append(ae.Authors, atomPerson{Name: au.Name, URI: au.URL})
	}
	for _, c := range e.Categories {
		ae.Categories = append(ae.Categories, atomCategory{Term: c})
	}
	if e.Summary != "" {
		ae.Summary = &atomText{Type: "text", Value: e.Summary}
	}
	if e.ContentHTML != "" {
		ae.Content = &atomText{Type: "html", Value: e.ContentHTML}
	}
	return ae
}
