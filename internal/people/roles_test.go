package people

import "testing"

// TestRoleMatrix spells out, for every role and every action, whether it is
// allowed: the newsroom's permissions in one table.
func TestRoleMatrix(t *testing.T) {
	t.Parallel()
	const (
		C = 1 << iota // contributor
		A             // author
		E             // editor
		D             // admin
	)
	want := map[Action]int{
		WriteStories:     C | A | E | D,
		SubmitForReview:  C | A | E | D,
		ManageOwnProfile: C | A | E | D,
		ManageMedia:      C | A | E | D,
		PublishOwn:       A | E | D,
		EditAny:          E | D,
		PublishAny:       E | D,
		ReviewStories:    E | D,
		CorrectStories:   E | D,
		ModerateComments: E | D,
		ManageSections:   E | D,
		ManageTags:       E | D,
		ManagePages:      E | D,
		EmptyTrash:       E | D,
		ViewAllStories:   E | D,
		RestoreRevisions: E | D,
		ManageAuthors:    E | D,
		ManageUsers:      D,
		ManageSettings:   D,
		ViewAudit:        D,
	}
	if len(want) != len(Actions) {
		t.Fatalf("matrix has %d actions, people.Actions %d: add the new action to this table", len(want), len(Actions))
	}
	bits := map[Role]int{Contributor: C, AuthorRole: A, Editor: E, Admin: D}
	for _, action := range Actions {
		for _, role := range Roles {
			if got, w := role.Can(action), want[action]&bits[role] != 0; got != w {
				t.Errorf("%s can %q = %t, want %t", role, action, got, w)
			}
		}
	}
	if Role("intern").Can(WriteStories) {
		t.Error("an unknown role may write stories")
	}
}
