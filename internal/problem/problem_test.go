package problem

import (
	"errors"
	"testing"
)

func TestFields(t *testing.T) {
	t.Parallel()
	if (Fields{}).OrNil() != nil {
		t.Error("empty Fields is an error")
	}
	err := Fields{"name": "Enter a name.", "email": "Enter an email."}.OrNil()
	var f Fields
	if !errors.As(err, &f) || f["name"] == "" {
		t.Fatalf("errors.As lost the fields: %v", err)
	}
	if got := err.Error(); got != "invalid input: email: Enter an email.; name: Enter a name." {
		t.Errorf("Error() = %q", got)
	}
}
