package main

import (
	"math/rand/v2"
	"strings"
)

// vocabulary is drawn from with a Zipf skew, so some words are in most
// stories and others in few, roughly as in real reporting.
var vocabulary = strings.Fields(`
the of and to in a said on for that was with by from at as is it has were have
government minister province village farmers water drought canal river wheat harvest price market
traders border refugees returnees school girls teachers hospital clinic doctors health winter snow
flood earthquake aid agency donors appeal funding budget talks ceasefire security police
court judge election council elders district governor mayor road bridge electricity power fuel
Kabul Herat Kandahar Mazar Balkh Bamyan Badakhshan Helmand Nangarhar Kunduz Ghazni Panjshir
pomegranate saffron almonds apricots melons grapes livestock herders pastures glaciers valley mountains
journalist newspaper radio television interview report survey study data figures percent million
women men children families students workers merchants engineers pilots drivers shopkeepers
morning evening week month year decade history future plan project programme scheme
`)

// words makes text from the vocabulary.
type words struct {
	rng  *rand.Rand
	zipf *rand.Zipf
}

func newWords(seed uint64) *words {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	return &words{rng: rng, zipf: rand.NewZipf(rng, 1.1, 4, uint64(len(vocabulary)-1))}
}

// sentence returns n words, the first capitalised, ending in a full stop.
func (w *words) sentence(n int) string {
	var b strings.Builder
	for i := range n {
		word := vocabulary[w.zipf.Uint64()]
		if i == 0 {
			word = strings.ToUpper(word[:1]) + word[1:]
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(word)
	}
	b.WriteByte('.')
	return b.String()
}

// paragraphs returns Markdown paragraphs of a few sentences each.
func (w *words) paragraphs(n int) string {
	ps := make([]string, n)
	for i := range ps {
		ss := make([]string, 3+w.rng.IntN(4))
		for j := range ss {
			ss[j] = w.sentence(8 + w.rng.IntN(18))
		}
		ps[i] = strings.Join(ss, " ")
	}
	return strings.Join(ps, "\n\n")
}

// headline returns a headline without its closing full stop.
func (w *words) headline() string {
	s := w.sentence(6 + w.rng.IntN(6))
	return s[:len(s)-1]
}
