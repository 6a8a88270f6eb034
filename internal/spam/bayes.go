package spam

import (
	"cmp"
	"math"
	"slices"
)

// Counts is how many learned spam and ham (not spam) messages contained a
// token or, for the totals, how many messages were learned.
type Counts struct {
	Spam, Ham int64
}

// The naive Bayes filter's settings.
const (
	// minLearned spam and as many ham messages must be learned before the
	// filter gives an opinion: with fewer, a single word decides.
	minLearned = 10
	// maxClues is how many of a message's most telling tokens are combined.
	maxClues = 15
	// minStrength is how far from 0.5 a token's probability must be to
	// count as a clue; weaker tokens only dilute the strong ones.
	minStrength = 0.1
	// Robinson's prior: a token seen rarely leans towards assumedProb,
	// weighted as priorStrength messages would be.
	priorStrength = 1.0
	assumedProb   = 0.5
)

// tokenProb is Robinson's f(w): the chance that a message containing the
// token is spam, from the share of spam and of ham messages that contained
// it (so an uneven mix of training messages does not skew it), pulled
// towards 0.5 while the token has been seen only a few times.
func tokenProb(c, totals Counts) float64 {
	n := float64(c.Spam + c.Ham)
	if n == 0 || totals.Spam == 0 || totals.Ham == 0 {
		return assumedProb
	}
	spamShare := float64(c.Spam) / float64(totals.Spam)
	hamShare := float64(c.Ham) / float64(totals.Ham)
	p := spamShare / (spamShare + hamShare)
	return (priorStrength*assumedProb + n*p) / (priorStrength + n)
}

// clues returns the probabilities of the most telling tokens: those
// furthest from 0.5, at most maxClues of them. Ties go by token, so that a
// comment always gets the same score.
func clues(counts map[string]Counts, totals Counts) []float64 {
	type clue struct {
		token string
		prob  float64
	}
	var list []clue
	for token, c := range counts {
		if p := tokenProb(c, totals); math.Abs(p-0.5) >= minStrength {
			list = append(list, clue{token, p})
		}
	}
	slices.SortFunc(list, func(a, b clue) int {
		return cmp.Or(cmp.Compare(math.Abs(b.prob-0.5), math.Abs(a.prob-0.5)), cmp.Compare(a.token, b.token))
	})
	probs := make([]float64, 0, maxClues)
	for _, c := range list[:min(len(list), maxClues)] {
		probs = append(probs, c.prob)
	}
	return probs
}

// combine turns token probabilities into the message's probability of
// spam with Robinson's chi-square (Fisher) method: it asks separately how
// unlikely the tokens are if the message were ham and if it were spam.
// Clear evidence either way gives a score near 0 or 1; a message with
// strong clues both ways lands near 0.5, where a person should look.
func combine(probs []float64) float64 {
	if len(probs) == 0 {
		return 0.5
	}
	var lnSpam, lnHam float64 // logarithms avoid the underflow of long products
	for _, p := range probs {
		p = min(max(p, 1e-6), 1-1e-6)
		lnHam += math.Log(p)
		lnSpam += math.Log(1 - p)
	}
	dof := 2 * len(probs)
	spamness := 1 - chi2Q(-2*lnSpam, dof)
	hamness := 1 - chi2Q(-2*lnHam, dof)
	return (spamness - hamness + 1) / 2
}

// chi2Q is the probability that a chi-square variable with dof (even)
// degrees of freedom exceeds x2, summed in closed form.
func chi2Q(x2 float64, dof int) float64 {
	m := x2 / 2
	term := math.Exp(-m)
	sum := term
	for i := 1; i < dof/2; i++ {
		term *= m / float64(i)
		sum += term
	}
	return min(sum, 1)
}
