package apikey

import (
	"strings"
	"testing"
)

func TestNew(t *testing.T) {
	t.Parallel()
	a, ha := New()
	b, hb := New()
	if a == b || ha == hb {
		t.Fatal("two keys alike")
	}
	if !strings.HasPrefix(a, tag) || len(a) != len(tag)+43 || len(ha) != 64 {
		t.Errorf("key %q hash %q", a, ha)
	}
	if !Matches(a, ha) || Matches(b, ha) || Matches(a+"x", ha) || Matches("", ha) {
		t.Error("Matches accepts the wrong secret or refuses the right one")
	}
	if Hash(a) != ha {
		t.Error("Hash differs from New's hash")
	}
}

func TestNameProblem(t *testing.T) {
	t.Parallel()
	for name, bad := range map[string]bool{"Mobile app": false, "  ": true, "": true, strings.Repeat("ن", 101): true, strings.Repeat("ن", 100): false} {
		if got := NameProblem(name) != ""; got != bad {
			t.Errorf("NameProblem(%.20q) bad = %v, want %v", name, got, bad)
		}
	}
}
