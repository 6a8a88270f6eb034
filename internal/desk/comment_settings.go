package desk

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/datelinenews/dateline/internal/comment"
)

// CommentSettingsPage is the comment settings form.
type CommentSettingsPage struct {
	Layout
	Form   CommentSettingsForm
	Errors map[string]string
	Rules  []CommentRule
	Limits CommentLimits
}

// CommentSettingsForm holds the settings as typed, so a mistake in one
// number does not lose the others.
type CommentSettingsForm struct {
	Moderation     string
	CloseAfterDays string
	RetentionDays  string
	MaxLinks       string
}

// CommentRule is one choice of moderation rule.
type CommentRule struct {
	Value comment.Moderation
	Label string
	Hint  string
}

// CommentLimits are the ranges the form's numbers must be in.
type CommentLimits struct{ MaxCloseAfterDays, MinRetentionDays, MaxRetentionDays, MaxLinks int }

var commentRules = []CommentRule{
	{comment.HoldFirst, "Hold a commenter's first comment", "Once an editor approves one comment from an email address, later ones appear at once."},
	{comment.HoldAll, "Hold every comment", "Nothing appears until an editor approves it."},
	{comment.ApproveAll, "Publish comments at once", "Only comments the spam checks catch, or with too many links, are held."},
}

// CommentSettings shows the comment settings.
func (h *Handler) CommentSettings(w http.ResponseWriter, r *http.Request) error {
	set, err := h.Comments.Settings(r.Context())
	if err != nil {
		return err
	}
	form := CommentSettingsForm{Moderation: string(set.Moderation), CloseAfterDays: strconv.Itoa(set.CloseAfterDays),
		RetentionDays: strconv.Itoa(set.RetentionDays), MaxLinks: strconv.Itoa(set.MaxLinks)}
	return h.commentSettings(w, r, http.StatusOK, form, nil)
}

// SaveCommentSettings checks and saves the comment settings.
func (h *Handler) SaveCommentSettings(w http.ResponseWriter, r *http.Request) error {
	if err := parseSmallForm(w, r); err != nil {
		return err
	}
	f := r.PostForm
	form := CommentSettingsForm{Moderation: f.Get("moderation"), CloseAfterDays: f.Get("close_after_days"),
		RetentionDays: f.Get("retention_days"), MaxLinks: f.Get("max_links")}
	set, problems := form.settings()
	if len(problems) > 0 {
		return h.commentSettings(w, r, http.StatusUnprocessableEntity, form, problems)
	}
	if err := h.Comments.SaveSettings(r.Context(), set); err != nil {
		return err
	}
	h.audit(r, "comments.settings", "", form.String())
	return seeOther(w, r, "/admin/comments/settings", "Comment settings saved.")
}

// settings reads the typed numbers; the ranges are the domain's to check.
func (form CommentSettingsForm) settings() (comment.Settings, map[string]string) {
	set := comment.Settings{Moderation: comment.Moderation(form.Moderation)}
	problems := map[string]string{}
	for _, n := range []struct {
		field string
		value string
		dst   *int
	}{
		{"close_after_days", form.CloseAfterDays, &set.CloseAfterDays},
		{"retention_days", form.RetentionDays, &set.RetentionDays},
		{"max_links", form.MaxLinks, &set.MaxLinks},
	} {
		v, err := strconv.Atoi(strings.TrimSpace(n.value))
		if err != nil {
			problems[n.field] = "Enter a whole number, such as 30."
		}
		*n.dst = v
	}
	var v comment.ValidationError
	if errors.As(set.Validate(), &v) {
		for field, msg := range v {
			if problems[field] == "" {
				problems[field] = msg
			}
		}
	}
	return set, problems
}

// String is the settings for the audit log.
func (form CommentSettingsForm) String() string {
	return "moderation=" + form.Moderation + " close_after_days=" + strings.TrimSpace(form.CloseAfterDays) +
		" retention_days=" + strings.TrimSpace(form.RetentionDays) + " max_links=" + strings.TrimSpace(form.MaxLinks)
}

func (h *Handler) commentSettings(w http.ResponseWriter, r *http.Request, status int, form CommentSettingsForm, problems map[string]string) error {
	l, err := h.layout(r, "Comment settings", "comments")
	if err != nil {
		return err
	}
	p := CommentSettingsPage{Layout: l, Form: form, Errors: problems, Rules: commentRules,
		Limits: CommentLimits{comment.MaxCloseAfterDays, comment.MinRetentionDays, comment.MaxRetentionDays, comment.MaxMaxLinks}}
	return h.page(w, r, status, "comment_settings", p)
}
