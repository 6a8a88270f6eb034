package wordpress

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// The kinds of things an import brings, in the order the summary lists them.
var Kinds = []string{"authors", "sections", "tags", "articles", "pages", "comments", "media", "other"}

// Counts is what happened to one kind of thing.
type Counts struct {
	Imported  int // new in Dateline
	Updated   int // imported before, changed in WordPress since, rewritten
	Unchanged int // imported before and the same: left alone
	Skipped   int // not imported (see the warnings)
	Warned    int // imported or skipped with a warning
}

// Report is the outcome of an import.
type Report struct {
	DryRun    bool
	Site      Site
	Counts    map[string]*Counts
	Warnings  int      // all warnings, also in the warnings log
	First     []string // the first few warnings, to print
	Missing   []string // files under wp-content/uploads not found in the uploads folder
	Redirects int      // old addresses that now answer with a redirect
}

// firstWarnings is how many warnings the report keeps to print.
const firstWarnings = 5

func newReport(dry bool) *Report {
	r := &Report{DryRun: dry, Counts: map[string]*Counts{}}
	for _, k := range Kinds {
		r.Counts[k] = &Counts{}
	}
	return r
}

// Total is the sum of one column over every kind.
func (r *Report) Total(col func(*Counts) int) int {
	n := 0
	for _, c := range r.Counts {
		n += col(c)
	}
	return n
}

// WriteSummary prints the per-kind table.
func (r *Report) WriteSummary(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "\timported\tupdated\tunchanged\tskipped\twarned\t")
	for _, k := range Kinds {
		c := r.Counts[k]
		if k == "other" && *c == (Counts{}) {
			continue
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t\n", k, c.Imported, c.Updated, c.Unchanged, c.Skipped, c.Warned)
	}
	tw.Flush()
}
