package storecore

import (
	"strings"
	"time"

	crosscheck "github.com/crosscheck-news/crosscheck"
)

// CorrectionBody is the part of a correction a store keeps as JSON:
// enough to undo it and to apply it again after a re-cluster.
type CorrectionBody struct {
	Articles []string                 `json:"articles,omitempty"`
	Anchor   string                   `json:"anchor,omitempty"`
	Fields   []crosscheck.FieldChange `json:"fields,omitempty"`
	// Emptied is the summary of a story a merge emptied, to bring it back
	// on undo.
	Emptied *crosscheck.Story `json:"emptied,omitempty"`
}

// FieldOf returns an article field as a correction records it.
func FieldOf(a *crosscheck.Article, field string) string {
	switch field {
	case crosscheck.FieldTitle:
		return a.Title
	case crosscheck.FieldOutlet:
		return a.Outlet
	case crosscheck.FieldAuthor:
		return a.Author
	case crosscheck.FieldPublished:
		switch {
		case a.Published.IsZero():
			return ""
		case a.PublishedDateOnly:
			return a.Published.Format(time.DateOnly)
		}
		return a.Published.Format(time.RFC3339)
	}
	return ""
}

// ParsePublished reads a publication date as corrections give it:
// YYYY-MM-DD (day only), RFC 3339, or "" for unknown.
func ParsePublished(s string) (t time.Time, dateOnly bool, err error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false, nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, true, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, false, nil
	}
	return time.Time{}, false, crosscheck.Errorf(crosscheck.EINVALID, "the date %q is not a date like 2025-09-04 or 2025-09-04T15:06:00Z", s)
}
