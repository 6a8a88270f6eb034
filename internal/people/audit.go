package people

import "time"

// AuditEntry is one staff action in the audit log.
type AuditEntry struct {
	ID        int64
	UserID    int64
	UserEmail string
	Action    string // e.g. "story.publish"
	Target    string // what it was done to, e.g. "story 42"
	Detail    string
	Client    string // keyed hash of the client's address, never the address
	At        time.Time
}

// AuditFilter selects audit entries. Zero fields do not filter.
type AuditFilter struct {
	UserID int64
	Action string // prefix, e.g. "story."
	Since  time.Time
	Until  time.Time
	Limit  int
	Offset int
}
