package wordpress

import (
	"context"
	"errors"
	"fmt"
	"html"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/datelinenews/dateline/internal/section"
	"github.com/datelinenews/dateline/internal/slug"
	"github.com/datelinenews/dateline/internal/store"
)

// category brings a WordPress category in as a section. A section with the
// same slug already in Dateline is used as it is.
func (im *importer) category(ctx context.Context, c *Category) error {
	key := decodeSlug(c.Nicename)
	im.arch.categories = append(im.arch.categories, wpCategory{termID: strings.TrimSpace(c.TermID), key: key, parent: decodeSlug(c.Parent)})
	counts := im.report.Counts["sections"]
	sum := checksum(c)
	prev, found := im.maps[mapSection][key]
	if found && prev.Checksum == sum {
		counts.Unchanged++
		return nil
	}
	sec := section.Section{Name: text(c.Name), Slug: slug.Make(key), Description: clip(text(c.Description), section.MaxDescription)}
	if sec.Slug == "" {
		sec.Slug = slug.Make(sec.Name)
	}
	if utf8.RuneCountInString(sec.Name) > section.MaxName || sec.Name == "" || sec.Slug == "" {
		counts.Skipped++
		im.warn(0, "sections", fmt.Sprintf("category %s has no usable name or slug: skipped (its stories go to the first category they have)", quote(c.Name)))
		return nil
	}
	if found {
		sec.ID = prev.ID
		old, err := im.st.SectionByID(ctx, prev.ID)
		if err == nil {
			sec.Slug = old.Slug // keep the address readers know
			counts.Updated++
			if err := im.st.UpdateSection(ctx, sec, im.now); err != nil {
				return err
			}
			return im.entry(ctx, mapSection, key, store.ImportEntry{ID: sec.ID, Checksum: sum})
		}
		if !errors.Is(err, section.ErrNotFound) {
			return err
		}
	}
	id, created, err := im.ensureSection(ctx, sec)
	if err != nil {
		return err
	}
	if created {
		counts.Imported++
	} else {
		counts.Unchanged++
	}
	return im.entry(ctx, mapSection, key, store.ImportEntry{ID: id, Checksum: sum})
}

// ensureSection returns the section with sec's slug, creating it last in
// the order if there is none.
func (im *importer) ensureSection(ctx context.Context, sec section.Section) (int64, bool, error) {
	old, err := im.st.SectionBySlug(ctx, sec.Slug)
	if err == nil {
		return old.ID, false, nil
	}
	if !errors.Is(err, section.ErrNotFound) {
		return 0, false, err
	}
	sec.Position = im.sectionCount
	im.sectionCount++
	id, err := im.st.CreateSection(ctx, sec, im.now)
	return id, true, err
}

// sectionOf returns the section of a post's first category; a post with
// none goes to "Uncategorized", as in WordPress.
func (im *importer) sectionOf(ctx context.Context, nicename string) (int64, error) {
	if nicename != "" {
		if e, ok := im.maps[mapSection][decodeSlug(nicename)]; ok {
			return e.ID, nil
		}
	}
	if im.fallbackSection == 0 {
		id, created, err := im.ensureSection(ctx, section.Section{Name: "Uncategorized", Slug: "uncategorized"})
		if err != nil {
			return 0, err
		}
		if created {
			im.report.Counts["sections"].Imported++
		}
		im.fallbackSection = id
	}
	return im.fallbackSection, nil
}

// tag brings a WordPress tag in; tags are matched by their Dateline slug,
// so a tag of the same name already in Dateline is shared.
func (im *importer) tag(ctx context.Context, t *Tag) error {
	name := text(t.Name)
	counts := im.report.Counts["tags"]
	if slug.Make(name) == "" {
		counts.Skipped++
		im.warn(0, "tags", fmt.Sprintf("tag %s has no letters or digits: skipped", quote(t.Name)))
		return nil
	}
	key := decodeSlug(t.Slug)
	if _, found := im.maps[mapTag][key]; found {
		counts.Unchanged++
		return nil
	}
	id, created, err := im.st.EnsureTag(ctx, name, im.now)
	if err != nil {
		return err
	}
	if created {
		counts.Imported++
	} else {
		counts.Unchanged++
	}
	return im.entry(ctx, mapTag, key, store.ImportEntry{ID: id})
}

// decodeSlug undoes WordPress's percent-encoding of non-Latin slugs
// (%d8%b3… for Arabic script, %d1%80… for Cyrillic).
func decodeSlug(s string) string {
	s = strings.TrimSpace(s)
	if d, err := url.PathUnescape(s); err == nil && utf8.ValidString(d) {
		return d
	}
	return s
}

// text is a WordPress title or name as plain text: WordPress stores some
// characters as HTML entities.
func text(s string) string { return strings.TrimSpace(html.UnescapeString(s)) }

// clip shortens s to at most n characters.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}
