package site

import "testing"

func TestAbsoluteLinks(t *testing.T) {
	const origin = "https://news.example.org"
	cases := map[string]string{
		`<a href="/2026/11/25/story/">x</a>`:                               `<a href="https://news.example.org/2026/11/25/story/">x</a>`,
		`<img src="/media/a.jpg" alt="">`:                                  `<img src="https://news.example.org/media/a.jpg" alt="">`,
		`<a href="/">home</a>`:                                             `<a href="https://news.example.org/">home</a>`,
		`<a href="//cdn.example.net/x">x</a>`:                              `<a href="//cdn.example.net/x">x</a>`,
		`<a href="https://other.example/">x</a>`:                           `<a href="https://other.example/">x</a>`,
		`<p>a="/not-an-attribute"</p>`:                                     `<p>a="/not-an-attribute"</p>`,
		`<source srcset="/media/a-320.webp 320w, /media/a-640.webp 640w">`: `<source srcset="https://news.example.org/media/a-320.webp 320w, https://news.example.org/media/a-640.webp 640w">`,
		`<video controls poster="/media/p.jpg" src="/media/v.mp4">`:        `<video controls poster="https://news.example.org/media/p.jpg" src="https://news.example.org/media/v.mp4">`,
		`<p>a, /b</p>`: `<p>a, /b</p>`,
	}
	for in, want := range cases {
		if got := absoluteLinks(in, origin); got != want {
			t.Errorf("absoluteLinks(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestExcerpt(t *testing.T) {
	if got := excerpt("  short \n text ", 300); got != "short text" {
		t.Errorf("short text: %q", got)
	}
	if got := excerpt("one two three four", 10); got != "one two…" {
		t.Errorf("cut at a word: %q", got)
	}
	if got := excerpt("سلام دنیا سلام دنیا", 12); got != "سلام دنیا…" {
		t.Errorf("cut counts characters, not bytes: %q", got)
	}
}
