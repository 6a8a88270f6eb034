package spam_test

import (
	"context"
	"errors"
	"net/netip"
	"sync"
	"testing"
	"time"

	"github.com/datelinenews/dateline/internal/article"
	"github.com/datelinenews/dateline/internal/comment"
	"github.com/datelinenews/dateline/internal/people"
	"github.com/datelinenews/dateline/internal/section"
	"github.com/datelinenews/dateline/internal/spam"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/store/storetest"
)

var t0 = time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)

// clock is a settable time for the judge's cache.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// spamCorpus is what moderators of a news site mark as spam.
var spamCorpus = []comment.Comment{
	{AuthorName: "Best SEO Services", AuthorEmail: "rank@seo-boost.example", AuthorURL: "https://seo-boost.example", Body: "Great post! We offer cheap SEO services to rank your website first on Google. Visit https://seo-boost.example for a free audit today."},
	{AuthorName: "Crypto Profit", AuthorEmail: "invest@coinmail.example", Body: "Earn $5000 a week from home with our crypto trading bot. Guaranteed profit, no experience needed! https://fastcoin.example"},
	{AuthorName: "Casino Bonus", AuthorEmail: "vip@casino-royal.example", AuthorURL: "http://casino-royal.example", Body: "Play online casino and get a 200% welcome bonus and free spins. Best slots, instant withdrawal, click now!"},
	{AuthorName: "Pharmacy", AuthorEmail: "sales@meds-online.example", Body: "Buy cheap pills online without prescription. Discount pharmacy, fast delivery worldwide. Order at https://meds-online.example/shop"},
	{AuthorName: "Loan Offer", AuthorEmail: "agent@quickcash.example", Body: "Need money fast? Instant loan approval, bad credit ok, cash in your account today. Apply now at quickcash.example"},
	{AuthorName: "Essay Writer", AuthorEmail: "help@essays.example", AuthorURL: "https://essays.example", Body: "Cheap essay writing service, best writers, order your paper now and get a discount. Visit our website."},
	{AuthorName: "Followers", AuthorEmail: "grow@socialboost.example", Body: "Buy real Instagram followers and likes cheap! Boost your account instantly, click the link https://socialboost.example"},
	{AuthorName: "Work From Home", AuthorEmail: "jobs@homeincome.example", Body: "I make $300 a day working from home on my laptop. Easy online job, click here to start earning money today: https://homeincome.example"},
	{AuthorName: "Replica Watches", AuthorEmail: "shop@luxwatch.example", AuthorURL: "https://luxwatch.example", Body: "Best replica watches at cheap price, free shipping, order online now with a big discount."},
	{AuthorName: "Bitcoin Doubler", AuthorEmail: "btc@coinmail.example", Body: "Send bitcoin and get double back in 24 hours! Guaranteed crypto investment, join thousands earning profit now. https://btc-double.example"},
	{AuthorName: "Slots King", AuthorEmail: "win@casino-royal.example", Body: "Free spins every day at the best online casino! Win real money, instant bonus, click https://casino-royal.example/vip"},
	{AuthorName: "Weight Loss", AuthorEmail: "slim@meds-online.example", Body: "Lose 10 kg in one week with our miracle pills! Cheap price, buy now online, free delivery, order today."},
	{AuthorName: "SEO Expert", AuthorEmail: "links@seo-boost.example", Body: "Nice article. Want more traffic? We sell backlinks and SEO packages cheap, rank first on Google, visit seo-boost.example now."},
	{AuthorName: "Forex Signals", AuthorEmail: "signals@fxprofit.example", AuthorURL: "https://fxprofit.example", Body: "Join our forex trading signals group and earn profit every day. Guaranteed returns, click the link to join now!"},
	{AuthorName: "Dating", AuthorEmail: "meet@hotdates.example", Body: "Lonely? Meet beautiful singles near you tonight, free registration, click here now https://hotdates.example"},
	{AuthorName: "Cheap Hosting", AuthorEmail: "offer@webhost.example", Body: "Best cheap web hosting, free domain, 99% uptime, discount code for your website, order now at https://webhost.example"},
	{AuthorName: "کازینو آنلاین", AuthorEmail: "bet@casino-royal.example", Body: "بهترین کازینو آنلاین با بونوس رایگان! همین حالا ثبت نام کنید و پول واقعی ببرید https://casino-royal.example/fa"},
}

// hamCorpus is what readers of a world-affairs desk write and moderators approve.
var hamCorpus = []comment.Comment{
	{AuthorName: "Farid", AuthorEmail: "farid@mail.example", Body: "Thank you for this careful reporting from Herat. The detail about the girls' schools closing again is heartbreaking."},
	{AuthorName: "Anna Keller", AuthorEmail: "anna.keller@post.example", Body: "The article says the border crossing reopened on Tuesday, but the UN statement I read mentions Wednesday. Could you check?"},
	{AuthorName: "Mahmood", AuthorEmail: "m.rahimi@mail.example", Body: "I grew up in Kabul and this story matches what my family tells me about the price of bread and fuel this winter."},
	{AuthorName: "J. Ortega", AuthorEmail: "jortega@uni.example", Body: "A balanced piece. I would have liked to hear from the provincial officials too, but I understand they refused to comment."},
	{AuthorName: "Sara", AuthorEmail: "sara@mail.example", Body: "How can readers support the families who lost their homes in the earthquake? Is there a local organisation you trust?"},
	{AuthorName: "Tom", AuthorEmail: "tom.b@post.example", Body: "The map in the second section is very helpful. Please keep adding maps to stories about the conflict."},
	{AuthorName: "Nilufar", AuthorEmail: "nilufar@mail.example", Body: "As a teacher I can confirm that the new rules affect women working in health clinics as well, not only schools."},
	{AuthorName: "Peter Lund", AuthorEmail: "plund@news-reader.example", Body: "Your correction at the end of the story is appreciated. Few newsrooms are this open about their mistakes."},
	{AuthorName: "Hamid", AuthorEmail: "hamid.k@mail.example", Body: "Will you publish this report in Dari and Pashto as well? Many people in the provinces would want to read it."},
	{AuthorName: "Claire", AuthorEmail: "claire@post.example", Body: "I disagree with the analysis of the peace talks. The history of earlier negotiations suggests more caution."},
	{AuthorName: "Omid", AuthorEmail: "omid@mail.example", Body: "The photographs of the refugees at the border are powerful. Thank you to the reporter for the risks she took."},
	{AuthorName: "Linh", AuthorEmail: "linh@uni.example", Body: "Is there data on how many schools reopened after the ceasefire? The article mentions a number but no source."},
	{AuthorName: "David", AuthorEmail: "david.m@post.example", Body: "Good interview with the doctor in Kandahar. The hospital's lack of medicine should get more attention from donors."},
	{AuthorName: "Zahra", AuthorEmail: "zahra@mail.example", Body: "This story about the women's cooperative selling carpets gives some hope. Please follow up next year."},
	{AuthorName: "Markus", AuthorEmail: "markus@news-reader.example", Body: "The timeline of events in the story is clear and useful. I shared it with my students in our politics class."},
	{AuthorName: "Parisa", AuthorEmail: "parisa@mail.example", Body: "ممنون از گزارش دقیق شما درباره مدارس دختران در هرات. لطفاً این موضوع را پیگیری کنید."},
	{AuthorName: "Ahmad Shah", AuthorEmail: "ashah@mail.example", Body: "The reporter spoke with farmers in Helmand about the drought. I would like to read more about water and the harvest."},
}

func TestJudgeLearnsFromModerators(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		j := spam.New(st, func() time.Time { return t0 })
		fresh := comment.Comment{AuthorName: "Casino VIP", AuthorEmail: "promo@casino-royal.example",
			Body: "Get free spins and a big welcome bonus at the best online casino, cheap and instant, click now https://casino-royal.example/new"}
		ordinary := comment.Comment{AuthorName: "Laila", AuthorEmail: "laila@mail.example",
			Body: "Thank you for the report on the schools in Herat. Could you also write about the teachers who lost their jobs?"}

		// Untrained, the filter has no opinion.
		if v := check(t, j, fresh); v.Score != 0.5 || v.Spam || v.Hold {
			t.Fatalf("untrained: %+v, want score 0.5 and no verdict", v)
		}
		learn(t, st, j, spamCorpus[:9], true)
		learn(t, st, j, hamCorpus, false)
		if v := check(t, j, fresh); v.Score != 0.5 {
			t.Fatalf("after 9 spam messages: score %v, want 0.5 until 10 of each are learned", v.Score)
		}
		learn(t, st, j, spamCorpus[9:], true)

		if v := check(t, j, fresh); !v.Spam || v.Score < spam.SpamAt {
			t.Errorf("spammy comment: %+v, want spam", v)
		} else {
			t.Logf("spammy comment: %s", v.Reason)
		}
		if v := check(t, j, ordinary); v.Spam || v.Hold || v.Score > 0.2 {
			t.Errorf("ordinary comment: %+v, want a low score and no verdict", v)
		} else {
			t.Logf("ordinary comment: score %.3f", v.Score)
		}
		if got, err := st.SpamTotals(ctx); err != nil || got != (spam.Counts{Spam: int64(len(spamCorpus)), Ham: int64(len(hamCorpus))}) {
			t.Errorf("SpamTotals = %+v, %v", got, err)
		}
	})
}

func TestJudgeBlocklist(t *testing.T) {
	storetest.Run(t, func(t *testing.T, st *store.Store) {
		ctx := context.Background()
		clk := &clock{now: t0}
		j := spam.New(st, clk.Now)
		otherNode := spam.New(st, clk.Now)
		c := comment.Comment{AuthorEmail: "reader@mail.example", Body: "Ask a specialist before you buy Cialis."}
		if v := check(t, otherNode, c); v.Spam {
			t.Fatalf("empty blocklist: %+v", v)
		}

		e, err := j.Block(ctx, spam.Entry{Kind: spam.Word, Value: " CIALIS ", Note: "pharmacy spam"})
		if err != nil {
			t.Fatal(err)
		}
		if e.ID == 0 || e.Value != "cialis" || !e.CreatedAt.Equal(t0) {
			t.Errorf("Block returned %+v", e)
		}
		// The node that changed the list sees the change at once.
		if v := check(t, j, c); !v.Spam || v.Reason != "blocklist: cialis" {
			t.Errorf("after Block: %+v, want spam from the blocklist", v)
		}
		// Another node sees it once its copy is 30 seconds old.
		if v := check(t, otherNode, c); v.Spam {
			t.Errorf("other node before reload: %+v, want its cached list", v)
		}
		clk.Advance(30 * time.Second)
		if v := check(t, otherNode, c); !v.Spam {
			t.Errorf("other node after 30 s: %+v, want spam", v)
		}

		if _, err := j.Block(ctx, spam.Entry{Kind: spam.Word, Value: "Cialis"}); !errors.Is(err, spam.ErrConflict) {
			t.Errorf("duplicate entry: err = %v, want ErrConflict", err)
		}
		var verr spam.ValidationError
		if _, err := j.Block(ctx, spam.Entry{Kind: spam.Network, Value: "10.0.0.0/99"}); !errors.As(err, &verr) || verr["value"] == "" {
			t.Errorf("bad range: err = %v, want a ValidationError for the value", err)
		}
		blockNetwork(t, j, "2001:db8::/32")
		if v, err := j.Check(ctx, comment.Comment{Body: "hello"}, netip.MustParseAddr("2001:db8::7")); err != nil || v.Reason != "blocklist: 2001:db8::/32" {
			t.Errorf("client in blocked range: %+v, %v", v, err)
		}

		list, err := j.Blocklist(ctx)
		if err != nil || len(list) != 2 || list[0].Note != "pharmacy spam" {
			t.Fatalf("Blocklist = %+v, %v", list, err)
		}
		if err := j.Unblock(ctx, e.ID); err != nil {
			t.Fatal(err)
		}
		if v := check(t, j, c); v.Spam {
			t.Errorf("after Unblock: %+v, want no verdict", v)
		}
		if err := j.Unblock(ctx, e.ID); !errors.Is(err, spam.ErrNotFound) {
			t.Errorf("Unblock twice: err = %v, want ErrNotFound", err)
		}
	})
}

func blockNetwork(t *testing.T, j *spam.Judge, cidr string) {
	t.Helper()
	if _, err := j.Block(context.Background(), spam.Entry{Kind: spam.Network, Value: cidr}); err != nil {
		t.Fatal(err)
	}
}

func check(t *testing.T, j *spam.Judge, c comment.Comment) comment.Verdict {
	t.Helper()
	v, err := j.Check(context.Background(), c, netip.MustParseAddr("192.0.2.10"))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// learn stores each comment under a story, as a moderated comment is, and
// teaches the judge the moderator's decision about it.
func learn(t *testing.T, st *store.Store, j *spam.Judge, list []comment.Comment, isSpam bool) {
	t.Helper()
	ctx := context.Background()
	story := storyForComments(t, st)
	for _, c := range list {
		c.ArticleID, c.Depth, c.Status, c.CreatedAt, c.UpdatedAt = story, 1, comment.Pending, t0, t0
		id, err := st.CreateComment(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		c.ID = id
		if err := j.Learn(ctx, c, isSpam); err != nil {
			t.Fatal(err)
		}
	}
}

// storyForComments returns the test's one story, made on first use.
func storyForComments(t *testing.T, st *store.Store) int64 {
	t.Helper()
	ctx := context.Background()
	if a, err := st.ArticleBySlug(ctx, "comments-here"); err == nil {
		return a.ID
	}
	sec, err := st.CreateSection(ctx, section.Section{Slug: "world", Name: "World"}, t0)
	if err != nil {
		t.Fatal(err)
	}
	au, err := st.CreateAuthor(ctx, people.Author{Slug: "desk", Name: "Desk"}, t0)
	if err != nil {
		t.Fatal(err)
	}
	id, err := st.CreateArticle(ctx, article.Input{Headline: "Comments here", Slug: "comments-here", SectionID: sec,
		AuthorIDs: []int64{au}, Language: "en", Status: article.Published, CommentsOpen: true, PublishedAt: t0}, t0)
	if err != nil {
		t.Fatal(err)
	}
	return id
}
