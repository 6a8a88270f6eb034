// Package demo creates a demonstration newsroom on an empty database: three
// sections, two authors, a dozen stories with generated photos, static pages
// and an admin account, so a new operator sees a working site at once.
package demo

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/blob"
	"github.com/datelinenews/dateline/internal/media"
	"github.com/datelinenews/dateline/internal/page"
	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/section"
	"github.com/datelinenews/dateline/internal/settings"
	"github.com/datelinenews/dateline/internal/store"
)

// Options sizes the generated photos: the full-size picture and its variants.
type Options struct {
	Width, Height int   // full size, 16:9
	VariantWidths []int // smaller copies, narrowest first
	SkipWebP      bool  // JPEG only: quicker, for tests
}

// DefaultOptions make photos as a newsroom would publish them.
func DefaultOptions() Options {
	return Options{Width: 1600, Height: 900, VariantWidths: []int{320, 480, 640, 800, 960, 1280}}
}

// Admin is the demo's admin account, with the password shown once.
type Admin struct {
	Email    string
	Password string
}

// AdminEmail is the demo admin's sign-in address.
const AdminEmail = "admin@example.org"

// Site is the demo newsroom's settings.
var Site = settings.Site{
	Name:     "The Northern Dispatch",
	Tagline:  "Independent reporting from Afghanistan and the world",
	Language: "en",
	TimeZone: "Asia/Kabul",
}

// Empty reports whether the database holds no newsroom yet: no staff and no sections.
func Empty(ctx context.Context, st *store.Store) (bool, error) {
	users, err := st.CountUsers(ctx)
	if err != nil {
		return false, err
	}
	sections, err := st.ListSections(ctx)
	if err != nil {
		return false, err
	}
	return users == 0 && len(sections) == 0, nil
}

// Seed creates the demo newsroom. Photos are written to the bucket first;
// every database row is then written in one transaction, so a failure
// leaves the database as empty as it was.
func Seed(ctx context.Context, st *store.Store, bucket blob.Bucket, now time.Time, opt Options) (Admin, error) {
	pictures, err := savePictures(ctx, bucket, opt)
	if err != nil {
		return Admin{}, err
	}
	admin := Admin{Email: AdminEmail, Password: people.RandomPassword()}
	hash, err := people.HashPassword(admin.Password)
	if err != nil {
		return Admin{}, err
	}
	err = st.InTx(ctx, func(tx *store.Store) error {
		if err := tx.SaveSite(ctx, Site); err != nil {
			return err
		}
		if _, err := tx.CreateUser(ctx, people.User{Email: admin.Email, Name: "Newsroom Admin", Role: people.Admin, PasswordHash: hash}, now); err != nil {
			return err
		}
		return seedContent(ctx, tx, pictures, now)
	})
	if err != nil {
		return Admin{}, fmt.Errorf("create demo newsroom: %w", err)
	}
	return admin, nil
}

func seedContent(ctx context.Context, tx *store.Store, pictures []media.Image, now time.Time) error {
	sectionIDs := map[string]int64{}
	for i, s := range sections {
		id, err := tx.CreateSection(ctx, section.Section{Slug: s.Slug, Name: s.Name, Description: s.Description, Position: i}, now)
		if err != nil {
			return err
		}
		sectionIDs[s.Slug] = id
	}
	authorIDs := map[string]int64{}
	for _, a := range authors {
		id, err := tx.CreateAuthor(ctx, people.Author{Slug: a.Slug, Name: a.Name, Bio: a.Bio}, now)
		if err != nil {
			return err
		}
		authorIDs[a.Slug] = id
	}
	for _, p := range pages {
		if _, err := tx.CreatePage(ctx, page.Page{Slug: p.Slug, Title: p.Title, Body: p.Body}, now); err != nil {
			return err
		}
	}
	for _, m := range waysToGive {
		if _, err := tx.CreateSupportMethod(ctx, m, now); err != nil {
			return err
		}
	}
	// Each story is created at its publication time, so none shows as updated.
	var clock time.Time
	svc := article.NewService(tx, func() time.Time { return clock })
	for i, a := range articles {
		clock = now.Add(-time.Duration(a.HoursAgo) * time.Hour).Truncate(time.Minute)
		img := pictures[i]
		img.Alt, img.Caption, img.Credit = a.Picture.Alt, a.Picture.Caption, a.Picture.Credit
		mediaID, err := demoImage(ctx, tx, img, clock)
		if err != nil {
			return err
		}
		in := article.Input{
			Headline: a.Headline, Standfirst: a.Standfirst, Body: a.Body,
			SectionID: sectionIDs[a.Section], TagNames: a.Tags, Dateline: a.Dateline,
			Language: a.Language, Status: article.Published, Lead: a.Lead,
			CommentsOpen: a.CommentsOpen, FeaturedMediaID: mediaID, PublishedAt: clock,
		}
		for _, slug := range a.Authors {
			in.AuthorIDs = append(in.AuthorIDs, authorIDs[slug])
		}
		if _, err := svc.Create(ctx, in); err != nil {
			return fmt.Errorf("story %q: %w", a.Headline, err)
		}
	}
	return nil
}

// savePictures draws every story's photo and puts it through media.Process
// like any upload, so the demo serves real variants in JPEG and WebP. Two
// are drawn at a time; Process itself spreads its scaling over every CPU.
func savePictures(ctx context.Context, bucket blob.Bucket, opt Options) ([]media.Image, error) {
	out := make([]media.Image, len(articles))
	errs := make([]error, len(articles))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for i, a := range articles {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			out[i], errs[i] = savePicture(ctx, bucket, a.Picture, opt)
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}

func savePicture(ctx context.Context, bucket blob.Bucket, p pictureSeed, opt Options) (media.Image, error) {
	var buf bytes.Buffer
	if err := EncodeJPEG(&buf, Picture(p.Scene, p.Palette, opt.Width, opt.Height)); err != nil {
		return media.Image{}, fmt.Errorf("encode demo photo: %w", err)
	}
	size := int64(buf.Len())
	processed, err := media.Process(ctx, &buf, media.Options{MaxWidth: opt.Width, Widths: opt.VariantWidths, SkipWebP: opt.SkipWebP})
	if err != nil {
		return media.Image{}, fmt.Errorf("process demo photo: %w", err)
	}
	img, err := media.Store(ctx, bucket, processed)
	img.OriginalName, img.SizeBytes = p.Scene+".jpg", size
	return img, err
}

// demoImage records a demo photo, or finds it recorded already: names are
// made from the pictures' content, so the same picture has one entry.
func demoImage(ctx context.Context, tx *store.Store, img media.Image, now time.Time) (int64, error) {
	if old, err := tx.ImageByPath(ctx, img.Path); err == nil {
		return old.ID, nil
	} else if !errors.Is(err, media.ErrNotFound) {
		return 0, err
	}
	return tx.CreateImage(ctx, img, now)
}
