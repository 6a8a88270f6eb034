package site

import (
	"encoding/json"
	"html/template"
	"time"

	"github.com/datelinenews/dateline/internal/article"
)

// structuredData describes an article for search engines as schema.org
// NewsArticle JSON-LD, corrections included. encoding/json escapes <, > and
// &, so the result is safe inside a <script> element.
func structuredData(p ArticlePage, l Layout, a article.Article) template.JS {
	type thing = map[string]any
	modified := a.UpdatedAt
	if modified.Before(a.PublishedAt) {
		modified = a.PublishedAt
	}
	base := l.Origin
	var authors []thing
	for _, au := range a.Authors {
		authors = append(authors, thing{"@type": "Person", "name": au.Name, "url": base + au.Path()})
	}
	doc := thing{
		"@context":         "https://schema.org",
		"@type":            "NewsArticle",
		"headline":         a.Headline,
		"description":      a.Standfirst,
		"datePublished":    a.PublishedAt.Format(time.RFC3339),
		"dateModified":     modified.Format(time.RFC3339),
		"author":           authors,
		"articleSection":   a.Section.Name,
		"inLanguage":       a.Language,
		"mainEntityOfPage": l.Canonical,
		"publisher":        thing{"@type": "Organization", "name": l.Site.Name},
		"commentCount":     a.CommentCount,
	}
	if img := p.Story.Image; img != nil {
		doc["image"] = []string{base + img.FullURL}
	}
	var notes []thing
	for _, c := range p.Corrections {
		notes = append(notes, thing{"@type": "CorrectionComment", "text": c.Body, "datePublished": c.When})
	}
	if len(notes) > 0 {
		doc["correction"] = notes
	}
	out, err := json.Marshal(doc)
	if err != nil {
		return ""
	}
	return template.JS(out)
}
