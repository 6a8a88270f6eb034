// Package problem is how every part of Dateline says what is wrong with
// what a person typed: a message per form field, so the form can show each
// one beside its field and keep everything that was typed.
package problem

import (
	"sort"
	"strings"
)

// Fields maps a form field's name to what to fix in it. A non-empty Fields
// is an error; web handlers answer it with 422 and the form again.
type Fields map[string]string

func (f Fields) Error() string {
	parts := make([]string, 0, len(f))
	for k, v := range f {
		parts = append(parts, k+": "+v)
	}
	sort.Strings(parts)
	return "invalid input: " + strings.Join(parts, "; ")
}

// Fields returns the messages by field.
func (f Fields) Fields() map[string]string { return f }

// OrNil returns f as an error, or nil when there is nothing to fix, so a
// validator can end with `return problems.OrNil()`.
func (f Fields) OrNil() error {
	if len(f) == 0 {
		return nil
	}
	return f
}
