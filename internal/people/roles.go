package people

// Action is something a staff member may be allowed to do in the desk.
type Action string

// The desk's actions. Story actions on someone else's story need the "Any"
// variant; the rules for a particular story live in the article package.
const (
	WriteStories     Action = "write stories"           // create drafts, edit own drafts
	SubmitForReview  Action = "submit for review"       // contributors hand a draft to an editor
	PublishOwn       Action = "publish own stories"     // publish, schedule, unpublish own stories
	EditAny          Action = "edit any story"          // edit other people's stories
	PublishAny       Action = "publish any story"       // publish, schedule, unpublish anyone's
	ReviewStories    Action = "review stories"          // see the review queue, send back with a note
	CorrectStories   Action = "add corrections"         // public corrections and update notes
	ModerateComments Action = "moderate comments"       // approve, spam, trash reader comments
	ManageSections   Action = "manage sections"         // sections and their order
	ManageTags       Action = "manage tags"             // rename and merge tags
	ManagePages      Action = "manage pages"            // About, Contact, Support…
	ManageUsers      Action = "manage users"            // invite, change role, disable, end sessions
	ManageSettings   Action = "manage settings"         // site name, language, time zone…
	ViewAudit        Action = "view audit log"          // who did what
	EmptyTrash       Action = "empty trash"             // delete trashed stories for good
	ManageMedia      Action = "manage media"            // upload and edit images
	ViewAllStories   Action = "view all stories"        // see other people's drafts in the list
	RestoreRevisions Action = "restore any revision"    // restore old versions of anyone's story
	ManageOwnProfile Action = "edit own author profile" // bio and name in bylines
	ManageAuthors    Action = "manage authors"          // bylines and bios of every author
)

// Actions lists every action, for the role matrix in tests and the desk.
var Actions = []Action{WriteStories, SubmitForReview, PublishOwn, EditAny, PublishAny, ReviewStories,
	CorrectStories, ModerateComments, ManageSections, ManageTags, ManagePages, ManageUsers,
	ManageSettings, ViewAudit, EmptyTrash, ManageMedia, ViewAllStories, RestoreRevisions, ManageOwnProfile, ManageAuthors}

// Roles lists the roles from most to least trusted.
var Roles = []Role{Admin, Editor, AuthorRole, Contributor}

// grants says what each role may do beyond the role below it.
var grants = map[Role][]Action{
	Contributor: {WriteStories, SubmitForReview, ManageOwnProfile, ManageMedia},
	AuthorRole:  {PublishOwn},
	Editor: {EditAny, PublishAny, ReviewStories, CorrectStories, ModerateComments, ManageSections,
		ManageTags, ManagePages, EmptyTrash, ViewAllStories, RestoreRevisions, ManageAuthors},
	Admin: {ManageUsers, ManageSettings, ViewAudit},
}

// rank orders roles so each inherits the grants of those below it.
var rank = map[Role]int{Contributor: 1, AuthorRole: 2, Editor: 3, Admin: 4}

// Can reports whether a role may take an action.
func (r Role) Can(a Action) bool {
	for role, actions := range grants {
		if rank[role] > rank[r] || rank[r] == 0 {
			continue
		}
		for _, g := range actions {
			if g == a {
				return true
			}
		}
	}
	return false
}

// Label is the role's name as shown in the desk.
func (r Role) Label() string {
	switch r {
	case Admin:
		return "Admin"
	case Editor:
		return "Editor"
	case AuthorRole:
		return "Author"
	case Contributor:
		return "Contributor"
	}
	return string(r)
}
