package demo

import "testing"

// The demo's ways to give must pass the desk's own checks.
func TestWaysToGiveAreValid(t *testing.T) {
	for _, m := range waysToGive {
		if errs := m.Validate(); len(errs) > 0 {
			t.Errorf("%s: %v", m.Title(), errs)
		}
	}
}
