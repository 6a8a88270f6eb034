package people

import "testing"

// The check against dummyHash must cost what a real check costs, so that
// timing does not tell whether an account exists: it has to be a
// well-formed argon2id hash with the same parameters, matching nothing.
func TestDummyHashIsARealHash(t *testing.T) {
	real, err := HashPassword("a real staff password")
	if err != nil {
		t.Fatal(err)
	}
	paramsOf := func(h string) string {
		if len(h) < 30 {
			return h
		}
		return h[:30] // "$argon2id$v=19$m=65536,t=3,p=2"
	}
	if got, want := paramsOf(dummyHash()), paramsOf(real); got != want {
		t.Errorf("dummy hash parameters %q, want %q", got, want)
	}
	ok, err := CheckPassword(dummyHash(), "a real staff password")
	if err != nil || ok {
		t.Errorf("CheckPassword(dummyHash) = %v, %v; want false, nil", ok, err)
	}
	if dummyHash() != dummyHash() {
		t.Error("the dummy hash is made more than once")
	}
}
