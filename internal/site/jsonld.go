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
	delete(doc, "@context")
	return graph(doc, breadcrumbs(l, crumb{a.Section.Name, base + a.Section.Path()}, crumb{a.Headline, l.Canonical}))
}

// crumb is one step of a breadcrumb trail: a name and an absolute URL.
type crumb struct{ name, url string }

// breadcrumbs is the trail from the front page through the steps given.
func breadcrumbs(l Layout, steps ...crumb) map[string]any {
	items := []map[string]any{{"@type": "ListItem", "position": 1, "name": l.Site.Name, "item": l.Origin + "/"}}
	for i, s := range steps {
		items = append(items, map[string]any{"@type": "ListItem", "position": i + 2, "name": s.name, "item": s.url})
	}
	return map[string]any{"@type": "BreadcrumbList", "itemListElement": items}
}

// graph writes things as one JSON-LD document.
func graph(things ...map[string]any) template.JS {
	out, err := json.Marshal(map[string]any{"@context": "https://schema.org", "@graph": things})
	if err != nil {
		return ""
	}
	return template.JS(out)
}

// frontData describes the front page: the site, how to search it, and the
// newsroom behind it.
func frontData(l Layout) template.JS {
	site := map[string]any{"@type": "WebSite", "name": l.Site.Name, "url": l.Origin + "/",
		"inLanguage": l.Site.Language, "publisher": publisher(l),
		"potentialAction": map[string]any{"@type": "SearchAction",
			"target": l.Origin + "/search?q={search_term_string}", "query-input": "required name=search_term_string"}}
	if l.Site.Tagline != "" {
		site["description"] = l.Site.Tagline
	}
	return graph(site)
}

// pageData describes a page that is not a story: kind is its schema.org
// type (CollectionPage, ProfilePage, WebPage, SearchResultsPage), name its
// heading; about, when given, is what the page is about (an author).
func pageData(l Layout, kind, name string, about map[string]any) template.JS {
	doc := map[string]any{"@type": kind, "name": name, "url": l.Canonical, "inLanguage": l.Lang,
		"isPartOf":  map[string]any{"@type": "WebSite", "name": l.Site.Name, "url": l.Origin + "/"},
		"publisher": publisher(l)}
	if l.Description != "" {
		doc["description"] = l.Description
	}
	if about != nil {
		doc["mainEntity"] = about
	}
	return graph(doc, breadcrumbs(l, crumb{name, l.Canonical}))
}

// publisher names the newsroom, with its logo (or its icon).
func publisher(l Layout) map[string]any {
	p := map[string]any{"@type": "Organization", "name": l.Site.Name, "url": l.Origin + "/"}
	if l.LogoURL != "" {
		p["logo"] = map[string]any{"@type": "ImageObject", "url": l.LogoURL}
	}
	return p
}
