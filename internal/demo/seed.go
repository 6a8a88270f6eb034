// Package demo creates a demonstration newsroom on an empty database: three
// sections, two authors, a dozen stories with generated photos, static pages
// and an admin account, so a new operator sees a working site at once.
package demo

import (
	"bytes"
	"context"
	"crypto/rand"
	"fmt"
	"image"
	"strings"
	"sync"
	"time"

	"golang.org/x/image/draw"

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
	// Each story is created at its publication time, so none shows as updated.
	var clock time.Time
	svc := article.NewService(tx, func() time.Time { return clock })
	for i, a := range articles {
		clock = now.Add(-time.Duration(a.HoursAgo) * time.Hour).Truncate(time.Minute)
		img := pictures[i]
		img.Alt, img.Caption, img.Credit = a.Picture.Alt, a.Picture.Caption, a.Picture.Credit
		mediaID, err := tx.CreateImage(ctx, img, clock)
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

// savePictures draws every story's photo and its variants, two at a time.
func savePictures(ctx context.Context, bucket blob.Bucket, opt Options) ([]media.Image, error) {
	// A random batch name keeps a second demo's files from replacing the first's.
	prefix := "demo-" + strings.ToLower(rand.Text()[:8])
	out := make([]media.Image, len(articles))
	errs := make([]error, len(articles))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for i, a := range articles {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			out[i], errs[i] = savePicture(ctx, bucket, fmt.Sprintf("%s-%02d", prefix, i+1), a.Picture, opt)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func savePicture(ctx context.Context, bucket blob.Bucket, name string, p pictureSeed, opt Options) (media.Image, error) {
	full := Picture(p.Scene, p.Palette, opt.Width, opt.Height)
	img := media.Image{Path: name + ".jpg", MIME: "image/jpeg", Width: opt.Width, Height: opt.Height}
	if err := putJPEG(ctx, bucket, img.Path, full); err != nil {
		return img, err
	}
	// Scale down from the next larger size, widest first: each step is
	// small, so it is both faster and sharper than one big jump.
	src := image.Image(full)
	for i := len(opt.VariantWidths) - 1; i >= 0; i-- {
		w := opt.VariantWidths[i]
		if w >= opt.Width {
			continue // never upscale
		}
		h := opt.Height * w / opt.Width
		small := image.NewRGBA(image.Rect(0, 0, w, h))
		draw.CatmullRom.Scale(small, small.Bounds(), src, src.Bounds(), draw.Src, nil)
		v := media.Variant{Width: w, Height: h, Path: fmt.Sprintf("%s-%d.jpg", name, w)}
		if err := putJPEG(ctx, bucket, v.Path, small); err != nil {
			return img, err
		}
		img.Variants = append([]media.Variant{v}, img.Variants...)
		src = small
	}
	return img, nil
}

func putJPEG(ctx context.Context, bucket blob.Bucket, key string, img image.Image) error {
	var buf bytes.Buffer
	if err := EncodeJPEG(&buf, img); err != nil {
		return fmt.Errorf("encode %s: %w", key, err)
	}
	return bucket.Put(ctx, key, &buf)
}
