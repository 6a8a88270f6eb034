package store_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/datelinenews/dateline/internal/apikey"
	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/store/storetest"
	"github.com/datelinenews/dateline/internal/support"
)

func TestSupportMethods(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		add := func(m support.Method) int64 {
			id, err := st.CreateSupportMethod(ctx, m, t0)
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		link := add(support.Method{Kind: support.Link, Label: "Join", URL: "https://pay.example.org/", Note: "Monthly."})
		bank := add(support.Method{Kind: support.Bank, Holder: "Dateline", Account: "DE89370400440532013000", BIC: "COBADEFFXXX"})
		coin := add(support.Method{Kind: support.Crypto, Currency: "Bitcoin", Address: "bc1qxyz", Network: "mainnet"})
		order := func() []int64 {
			list, err := st.ListSupportMethods(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var ids []int64
			for _, m := range list {
				ids = append(ids, m.ID)
			}
			return ids
		}
		want := func(what string, ids ...int64) {
			t.Helper()
			if got := order(); !slices.Equal(got, ids) {
				t.Errorf("%s: order %v, want %v", what, got, ids)
			}
		}
		want("added", link, bank, coin)

		got, err := st.SupportMethodByID(ctx, bank)
		if err != nil || got.Kind != support.Bank || got.Holder != "Dateline" || got.BIC != "COBADEFFXXX" || !got.CreatedAt.Equal(t0) {
			t.Errorf("bank method: %+v, %v", got, err)
		}
		got.Reference = "Gift"
		if err := st.UpdateSupportMethod(ctx, got, t0.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if again, _ := st.SupportMethodByID(ctx, bank); again.Reference != "Gift" || !again.UpdatedAt.Equal(t0.Add(time.Hour)) {
			t.Errorf("after update: %+v", again)
		}

		if err := st.MoveSupportMethod(ctx, coin, -2, t0); err != nil {
			t.Fatal(err)
		}
		want("bitcoin to the top", coin, link, bank)
		if err := st.MoveSupportMethod(ctx, coin, 1, t0); err != nil {
			t.Fatal(err)
		}
		want("bitcoin down one", link, coin, bank)
		if err := st.DeleteSupportMethod(ctx, coin); err != nil {
			t.Fatal(err)
		}
		want("bitcoin removed", link, bank)

		for what, err := range map[string]error{
			"get":    func() error { _, err := st.SupportMethodByID(ctx, coin); return err }(),
			"update": st.UpdateSupportMethod(ctx, support.Method{ID: coin, Kind: support.Crypto}, t0),
			"delete": st.DeleteSupportMethod(ctx, coin),
			"move":   st.MoveSupportMethod(ctx, coin, 1, t0),
		} {
			if !errors.Is(err, support.ErrNotFound) {
				t.Errorf("%s of a removed method: %v", what, err)
			}
		}
	})
}

func TestAPIKeyStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		secret, hash := apikey.New()
		id, err := st.CreateAPIKey(ctx, apikey.Key{Name: "App", Prefix: secret[:apikey.PrefixLen], Hash: hash, CreatedAt: t0})
		if err != nil {
			t.Fatal(err)
		}
		k, err := st.APIKeyByHash(ctx, apikey.Hash(secret))
		if err != nil || k.ID != id || !k.Active() || !k.LastUsedAt.IsZero() || k.CreatedBy != 0 {
			t.Fatalf("by hash: %+v, %v", k, err)
		}
		if _, err := st.APIKeyByHash(ctx, apikey.Hash(secret+"x")); !errors.Is(err, apikey.ErrNotFound) {
			t.Errorf("wrong secret: %v", err)
		}
		if _, err := st.CreateAPIKey(ctx, apikey.Key{Name: "Copy", Prefix: "dl_", Hash: hash, CreatedAt: t0}); err == nil {
			t.Error("two keys with one hash")
		}

		// Uses are noted at most once a minute.
		for _, at := range []time.Duration{0, 30 * time.Second, 2 * time.Minute} {
			if err := st.TouchAPIKey(ctx, id, t0.Add(at)); err != nil {
				t.Fatal(err)
			}
		}
		if k, _ := st.APIKeyByID(ctx, id); !k.LastUsedAt.Equal(t0.Add(2 * time.Minute)) {
			t.Errorf("last used %v", k.LastUsedAt)
		}

		if err := st.RevokeAPIKey(ctx, id, t0.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if err := st.RevokeAPIKey(ctx, id, t0.Add(2*time.Hour)); err != nil {
			t.Fatal(err)
		}
		if k, _ := st.APIKeyByID(ctx, id); k.Active() || !k.RevokedAt.Equal(t0.Add(time.Hour)) {
			t.Errorf("revoked key: %+v", k)
		}
		if err := st.RevokeAPIKey(ctx, id+100, t0); !errors.Is(err, apikey.ErrNotFound) {
			t.Errorf("revoke unknown: %v", err)
		}
		list, err := st.ListAPIKeys(ctx)
		if err != nil || len(list) != 1 {
			t.Errorf("list: %v, %v", list, err)
		}
	})
}

// TestPublishedTagsAndAuthors: only stories readers can see count, and a
// date range bounds the article list.
func TestPublishedTagsAndAuthors(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		world, _, a1, a2 := newsroom(t, st)
		now := t0.Add(48 * time.Hour)
		svc := article.NewService(st, func() time.Time { return now })
		story := func(headline, tag string, author int64, status article.Status, at time.Time) {
			_, err := svc.Create(ctx, article.Input{Headline: headline, Body: "Text.", SectionID: world,
				TagNames: []string{tag}, AuthorIDs: []int64{author}, Language: "en", Status: status, PublishedAt: at})
			if err != nil {
				t.Fatal(err)
			}
		}
		story("One", "Water", a1, article.Published, t0)
		story("Two", "Water", a1, article.Published, t0.Add(24*time.Hour))
		story("Three", "Secret", a2, article.Draft, t0)
		story("Four", "Later", a2, article.Scheduled, now.Add(time.Hour))

		tags, err := st.ListPublishedTags(ctx, now, 10, 0)
		if err != nil || len(tags) != 1 || tags[0].Slug != "water" || tags[0].Stories != 2 {
			t.Errorf("tags: %+v, %v", tags, err)
		}
		if n, err := st.CountPublishedTags(ctx, now); n != 1 || err != nil {
			t.Errorf("count: %d, %v", n, err)
		}
		authors, err := st.ListPublishedAuthors(ctx, now)
		if err != nil || len(authors) != 1 || authors[0].ID != a1 || authors[0].Stories != 2 {
			t.Errorf("authors: %+v, %v", authors, err)
		}

		for _, tc := range []struct {
			since, before time.Time
			want          int
		}{
			{t0, time.Time{}, 2}, {t0.Add(time.Second), time.Time{}, 1},
			{time.Time{}, t0.Add(time.Second), 1}, {t0, t0.Add(24 * time.Hour), 1},
		} {
			_, n, err := svc.List(ctx, article.Filter{Since: tc.since, Before: tc.before, Limit: 10})
			if err != nil || n != tc.want {
				t.Errorf("since %v before %v: %d stories, want %d (%v)", tc.since, tc.before, n, tc.want, err)
			}
		}
	})
}
