package spam

import (
	"math"
	"testing"
)

func TestTokenProb(t *testing.T) {
	t.Parallel()
	totals := Counts{Spam: 20, Ham: 80}
	tests := []struct {
		name     string
		c        Counts
		min, max float64
	}{
		{"never seen", Counts{}, 0.5, 0.5},
		{"seen once in spam leans only a little", Counts{Spam: 1}, 0.74, 0.76},
		{"often in spam", Counts{Spam: 12}, 0.95, 0.97},
		{"often in ham", Counts{Ham: 40}, 0.01, 0.02},
		// Same share of each kind: neutral however uneven the training mix.
		{"same share of both", Counts{Spam: 5, Ham: 20}, 0.5, 0.5},
	}
	for _, tt := range tests {
		if got := tokenProb(tt.c, totals); got < tt.min || got > tt.max {
			t.Errorf("%s: tokenProb = %.4f, want %.2f..%.2f", tt.name, got, tt.min, tt.max)
		}
	}
}

func TestClues(t *testing.T) {
	t.Parallel()
	totals := Counts{Spam: 50, Ham: 50}
	counts := map[string]Counts{"neutral": {Spam: 10, Ham: 10}, "weak": {Spam: 1, Ham: 1}}
	for i := range 20 {
		counts[string(rune('a'+i))+"spam"] = Counts{Spam: int64(i + 1)}
	}
	got := clues(counts, totals)
	if len(got) != maxClues {
		t.Fatalf("%d clues, want %d", len(got), maxClues)
	}
	for i, p := range got {
		if p == 0.5 || (i > 0 && math.Abs(p-0.5) > math.Abs(got[i-1]-0.5)) {
			t.Errorf("clue %d = %.3f: want strongest first, no neutral tokens: %v", i, p, got)
		}
	}
}

func TestCombine(t *testing.T) {
	t.Parallel()
	if got := combine(nil); got != 0.5 {
		t.Errorf("no clues: %v, want 0.5", got)
	}
	spammy := []float64{0.9, 0.85, 0.95, 0.8, 0.9, 0.99}
	if got := combine(spammy); got < SpamAt {
		t.Errorf("spammy clues: %.3f, want ≥ %v", got, SpamAt)
	}
	hammy := make([]float64, len(spammy))
	for i, p := range spammy {
		hammy[i] = 1 - p
	}
	// The method is symmetric: mirrored evidence gives a mirrored score.
	if s, h := combine(spammy), combine(hammy); math.Abs(s+h-1) > 1e-9 {
		t.Errorf("combine(spammy) + combine(hammy) = %v, want 1", s+h)
	}
	if got := combine([]float64{0.99, 0.01, 0.98, 0.02}); math.Abs(got-0.5) > 0.05 {
		t.Errorf("evidence both ways: %.3f, want about 0.5", got)
	}
	if got := combine([]float64{1, 1, 1}); math.IsNaN(got) || got < SpamAt {
		t.Errorf("certain clues: %v, want a spam score", got)
	}
}

func TestVerdict(t *testing.T) {
	t.Parallel()
	tests := []struct {
		score      float64
		spam, hold bool
		reason     string
	}{
		{0.5, false, false, ""},
		{0.79, false, false, ""},
		{0.8, false, true, "might be spam (score 0.80)"},
		{0.9499, false, true, "might be spam (score 0.94)"},
		{0.97, true, false, "looks like spam (score 0.97)"},
		{0.99999, true, false, "looks like spam (score 0.99)"},
	}
	for _, tt := range tests {
		v := verdict(tt.score)
		if v.Spam != tt.spam || v.Hold != tt.hold || v.Reason != tt.reason || v.Score != tt.score {
			t.Errorf("verdict(%v) = %+v, want spam %v, hold %v, reason %q", tt.score, v, tt.spam, tt.hold, tt.reason)
		}
	}
}
