package wordpress

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/datelinenews/dateline/internal/comment"
	"github.com/datelinenews/dateline/internal/store"
	"github.com/datelinenews/dateline/internal/wordpress/markup"
)

// comments brings a post's comments in with their threads. Readers' IP
// addresses are dropped: Dateline never stores them in the clear, and an
// old address is of no use to its rate limits. Emails are kept, private,
// as for comments made on Dateline.
func (im *importer) comments(ctx context.Context, it *Item, articleID int64, existed bool) error {
	placed := map[string]placedComment{}
	todo := make([]pendingComment, len(it.Comments))
	for i, c := range it.Comments {
		todo[i].c = c
		if im.prep != nil && im.prep.item == it {
			todo[i].prep = im.prep.comments[i]
		}
	}
	// Parents usually come before their replies; a reply whose parent is
	// further on waits for another round.
	for len(todo) > 0 {
		var later []pendingComment
		for _, pc := range todo {
			c := pc.c
			parent := strings.TrimSpace(c.Parent)
			if parent != "" && parent != "0" && hasComment(it.Comments, parent) {
				if _, ok := placed[parent]; !ok {
					later = append(later, pc)
					continue
				}
			}
			p, err := im.comment(ctx, it, &c, pc.prep, articleID, existed, placed[parent])
			if err != nil {
				return err
			}
			placed[c.ID] = p
		}
		if len(later) == len(todo) {
			// A loop of parents: place the rest at the top level.
			for i := range later {
				later[i].c.Parent = "0"
				later[i].prep.sum = "" // made from the parent as it was
			}
		}
		todo = later
	}
	return nil
}

// pendingComment is a comment waiting for its parent, with what was
// worked out for it ahead.
type pendingComment struct {
	c    Comment
	prep commentPrep
}

// itemPrep is what the reader's goroutine works out ahead for an item:
// the parts of its import that depend on the item alone.
type itemPrep struct {
	item     *Item
	sum      string        // itemSum
	comments []commentPrep // in the order of item.Comments
}

// commentPrep is a comment's checksum and, when the conversion of its text
// met no link or image to map (which needs what the import has done so
// far), the converted text.
type commentPrep struct {
	sum       string
	converted bool
	body      markup.Result
}

// prepareItem works out ahead what depends on it alone, on the reader's
// goroutine: the import's own goroutine is the busier one.
func prepareItem(it *Item) *itemPrep {
	p := &itemPrep{item: it, sum: itemSum(it), comments: make([]commentPrep, len(it.Comments))}
	for i, c := range it.Comments {
		p.comments[i].sum = commentSum(c)
		mapped := false
		res := markup.Convert(c.Content, markup.Options{URL: func(u string) string { mapped = true; return u }})
		if !mapped {
			p.comments[i].converted, p.comments[i].body = true, res
		}
	}
	return p
}

// commentSum fingerprints a comment. The reader's IP address is not part
// of what is kept, so not of the checksum either.
func commentSum(c Comment) string {
	c.AuthorIP = ""
	return checksum(c)
}

// placedComment is where a comment went: its id and depth, for its replies.
type placedComment struct {
	id       int64
	depth    int
	parentID int64
}

func hasComment(list []Comment, id string) bool {
	for _, c := range list {
		if c.ID == id {
			return true
		}
	}
	return false
}

// comment imports one comment under parent (zero for top level).
func (im *importer) comment(ctx context.Context, it *Item, c *Comment, prep commentPrep, articleID int64, existed bool, parent placedComment) (placedComment, error) {
	counts := im.report.Counts["comments"]
	sum := prep.sum
	if sum == "" {
		sum = commentSum(*c)
	}
	var prev store.ImportEntry
	found := false
	if existed {
		var err error
		if prev, found, err = im.st.ImportEntryOf(ctx, im.source, mapComment, c.ID); err != nil {
			return placedComment{}, err
		}
	}
	if found && prev.Checksum == sum {
		counts.Unchanged++
		depth, parentID := parsePlacement(prev.Target)
		return placedComment{id: prev.ID, depth: depth, parentID: parentID}, nil
	}
	nc := im.newComment(it, c, prep, articleID, parent)
	if found {
		counts.Updated++
		nc.ID = prev.ID
		// Its new parent may be among the comments not written yet.
		if err := im.writeNewComments(ctx); err != nil {
			return placedComment{}, err
		}
		if err := im.st.UpdateImportedComment(ctx, nc); err != nil {
			return placedComment{}, fmt.Errorf("comment %s: %w", c.ID, err)
		}
	} else {
		counts.Imported++
		id, err := im.newCommentID(ctx)
		if err != nil {
			return placedComment{}, err
		}
		nc.ID = id
		im.newComments = append(im.newComments, nc)
	}
	e := store.ImportEntry{ID: nc.ID, Target: fmt.Sprintf("%d/%d", nc.Depth, nc.ParentID), Checksum: sum}
	if err := im.commentEntry(ctx, c.ID, e); err != nil {
		return placedComment{}, err
	}
	return placedComment{id: nc.ID, depth: nc.Depth, parentID: nc.ParentID}, nil
}

// newComment maps a WordPress comment; replies nest as in WordPress up to
// Dateline's depth, past which they join their parent's level.
func (im *importer) newComment(it *Item, c *Comment, prep commentPrep, articleID int64, parent placedComment) comment.Comment {
	status, known := commentStatus(strings.TrimSpace(c.Approved))
	if !known {
		im.warn(it.Line, "comments", fmt.Sprintf("comment %s has the unknown status %s: held for moderation", c.ID, quote(c.Approved)))
	}
	im.current = nil
	res := prep.body
	if !prep.converted {
		res = markup.Convert(c.Content, markup.Options{URL: im.mapURL})
	}
	for _, w := range res.Warnings {
		im.warn(it.Line, "comments", fmt.Sprintf("comment %s: %s", c.ID, w))
	}
	nc := comment.Comment{ArticleID: articleID, Depth: 1, AuthorName: text(c.Author),
		AuthorEmail: strings.ToLower(strings.TrimSpace(c.AuthorEmail)), AuthorURL: strings.TrimSpace(c.AuthorURL),
		Body: res.Markdown, Status: status, UserID: im.userOfAuthor(strings.TrimSpace(c.UserID))}
	nc.FromStaff = nc.UserID != 0
	if nc.AuthorName == "" {
		nc.AuthorName = "Anonymous"
	}
	if parent.id != 0 {
		nc.ParentID, nc.Depth = parent.id, parent.depth+1
		if parent.depth >= comment.MaxDepth {
			nc.ParentID, nc.Depth = parent.parentID, parent.depth
		}
	}
	t, ok := itemTime(c.DateGMT, c.Date, im.loc)
	if !ok {
		t = articleTime(it, im.loc, im.now)
	}
	nc.CreatedAt, nc.UpdatedAt = t, t
	return nc
}

// parsePlacement reads the "depth/parent id" kept in a comment's import entry.
func parsePlacement(s string) (depth int, parentID int64) {
	d, p, _ := strings.Cut(s, "/")
	depth, _ = strconv.Atoi(d)
	parentID, _ = strconv.ParseInt(p, 10, 64)
	if depth < 1 {
		depth = 1
	}
	return depth, parentID
}

// commentBatch is how many new comments are held before they are written,
// and how many ids are reserved at a time.
const commentBatch = 1024

// newCommentID hands out the id of a new comment, reserving a batch of ids
// when none are left; the comments given the previous batch are written
// first, as SQLite's reservations start after the comments in the table.
func (im *importer) newCommentID(ctx context.Context) (int64, error) {
	if len(im.commentIDs) == 0 {
		if err := im.writeNewComments(ctx); err != nil {
			return 0, err
		}
		ids, err := im.st.ReserveCommentIDs(ctx, commentBatch)
		if err != nil {
			return 0, err
		}
		im.commentIDs = ids
	}
	id := im.commentIDs[0]
	im.commentIDs = im.commentIDs[1:]
	return id, nil
}

// writeNewComments writes the new comments held so far, many to a statement.
func (im *importer) writeNewComments(ctx context.Context) error {
	if len(im.newComments) == 0 {
		return nil
	}
	err := im.st.InsertComments(ctx, im.newComments)
	im.newComments = im.newComments[:0]
	return err
}

// commentEntry queues a comment's import entry, writing a batch when full.
func (im *importer) commentEntry(ctx context.Context, wpID string, e store.ImportEntry) error {
	im.commentEntries = append(im.commentEntries, store.ImportRecord{WPID: wpID, Entry: e})
	if len(im.commentEntries) < commentBatch {
		return nil
	}
	return im.flushComments(ctx)
}

// flushComments writes the new comments and the queued comment entries.
func (im *importer) flushComments(ctx context.Context) error {
	if err := im.writeNewComments(ctx); err != nil {
		return err
	}
	err := im.st.SetImportEntries(ctx, im.source, mapComment, im.commentEntries)
	im.commentEntries = im.commentEntries[:0]
	return err
}
