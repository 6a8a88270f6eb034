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
		"publisher":        publisher(l),
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
	// The breadcrumb trail search engines show: front page, section, story.
	crumbs := thing{"@type": "BreadcrumbList", "itemListElement": []thing{
		{"@type": "ListItem", "position": 1, "name": l.Site.Name, "item": base + "/"},
		{"@type": "ListItem", "position": 2, "name": a.Section.Name, "item": base + a.Section.Path()},
		{"@type": "ListItem", "position": 3, "name": a.Headline, "item": l.Canonical},
	}}
	delete(doc, "@context")
	out, err := json.Marshal(thing{"@context": "https://schema.org", "@graph": []thing{doc, crumbs}})
	if err != nil {
		return ""
	}
	return template.JS(out)
}

// publisher names the newsroom, with its logo when the site has one.
func publisher(l Layout) map[string]any {
	p := map[string]any{"@type": "Organization", "name": l.Site.Name, "url": l.Origin + "/"}
	if l.Site.Logo != "" {
		p["logo"] = map[string]any{"@type": "ImageObject", "url": l.Origin + l.Site.Logo}
	}
	return p
}
