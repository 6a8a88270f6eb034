package article

import "github.com/datelinenews/dateline/internal/people"

// TagCount is a tag with the number of stories readers can see under it.
type TagCount struct {
	Tag
	Stories int
}

// AuthorCount is an author with the number of their stories readers can see.
type AuthorCount struct {
	people.Author
	Stories int
}
