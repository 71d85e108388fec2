package crosscheck

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"time"
)

// SourceStatus says whether a source is watched.
type SourceStatus string

// The statuses of a source.
const (
	// SourceActive is checked when due.
	SourceActive SourceStatus = "active"
	// SourcePaused was paused by the user; resume makes it active.
	SourcePaused SourceStatus = "paused"
	// SourceFailing failed too many times in a row and is no longer
	// checked; LastError says why. Resume makes it active again.
	SourceFailing SourceStatus = "failing"
	// SourceGone answered 410 Gone: the publisher removed it for good.
	SourceGone SourceStatus = "gone"
)

// SourceStatuses are all the statuses of a source, in the order above.
var SourceStatuses = []SourceStatus{SourceActive, SourcePaused, SourceFailing, SourceGone}

// Valid reports whether s is one of SourceStatuses.
func (s SourceStatus) Valid() bool {
	return slices.Contains(SourceStatuses, s)
}

// Source is a feed (or a page whose feed is discovered) that the watcher
// checks for new reports.
type Source struct {
	// ID is the store's number for the source.
	ID int64 `json:"id"`
	// URL is the feed's address; it starts as the address given and is
	// replaced by the discovered feed or a permanent redirect's target.
	URL string `json:"url"`
	// SiteURL is the web site the feed belongs to, when known.
	SiteURL string `json:"site_url,omitempty"`
	// Name is the user's name for the source, else the feed's title.
	Name string `json:"name,omitempty"`
	// Category is the folder the source was filed under in an OPML file,
	// nested folders joined by "/"; empty for none.
	Category string `json:"category,omitempty"`
	// Interval is the time between checks set by the user; zero adapts it
	// to how often the source publishes.
	Interval time.Duration `json:"interval,omitempty"`
	// Status says whether the source is watched.
	Status SourceStatus `json:"status"`
	// LastError is the last failure, kept until a check succeeds.
	LastError string `json:"last_error,omitempty"`
	// Failures counts the checks failed in a row.
	Failures int `json:"failures,omitempty"`
	// Added is when the source was added.
	Added time.Time `json:"added,omitzero"`
	// LastCheck is when the source was last checked (successfully or not).
	LastCheck time.Time `json:"last_check,omitzero"`
	// LastNew is when a check last found a new item.
	LastNew time.Time `json:"last_new,omitzero"`
	// NextCheck is when the source is due; zero: as soon as possible.
	NextCheck time.Time `json:"next_check,omitzero"`
	// Cadence is the interval the watcher uses now (Interval, or the
	// adapted one).
	Cadence time.Duration `json:"cadence,omitempty"`
	// Items counts the articles the source added.
	Items int `json:"items"`
	// HTTP holds what conditional requests and WebSub need.
	HTTP SourceHTTP `json:"-"`
}

// SourceHTTP is the protocol state of a source, kept between checks.
type SourceHTTP struct {
	// ETag and LastModified are the validators of the last full answer,
	// sent back as If-None-Match and If-Modified-Since.
	ETag         string
	LastModified string
	// BodyHash is the hex SHA-256 of the last feed body parsed: an
	// identical answer from a server without validators is not parsed again.
	BodyHash string
	// Hub and Topic are the feed's WebSub hub and self URL, when it names them.
	Hub, Topic string
	// Secret signs the content the hub pushes (X-Hub-Signature).
	Secret string
	// LeaseExpires is when the hub subscription ends; zero when not
	// subscribed.
	LeaseExpires time.Time
}

// Validate checks a source given by a user: an http or https URL and a
// non-negative interval.
func (s *Source) Validate() error {
	u, err := url.Parse(strings.TrimSpace(s.URL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Errorf(EINVALID, "source %q is not an http or https URL", s.URL)
	}
	if s.Interval < 0 {
		return Errorf(EINVALID, "source %s: the interval must not be negative", s.URL)
	}
	if s.Interval > 0 && s.Interval < time.Second {
		return Errorf(EINVALID, "source %s: the interval must be at least 1s", s.URL)
	}
	return nil
}

// SourceFilter selects sources. Nil fields do not filter.
type SourceFilter struct {
	// Status keeps sources with this status.
	Status *SourceStatus
	// DueBefore keeps active sources due before this time.
	DueBefore *time.Time
}

// SourceService stores the watched sources and their state. The sqlite
// package implements it.
type SourceService interface {
	// AddSource stores a new source, filling ID, Added and Status (active).
	// EINVALID when the URL is watched already or is not acceptable.
	AddSource(ctx context.Context, s *Source) error
	// Source returns one source; ENOTFOUND when there is none.
	Source(ctx context.Context, id int64) (*Source, error)
	// Sources returns the sources the filter selects, by ID.
	Sources(ctx context.Context, f SourceFilter) ([]*Source, error)
	// SetSourceStatus pauses, resumes or stops a source, clearing its
	// failures when it becomes active; ENOTFOUND when there is none.
	SetSourceStatus(ctx context.Context, id int64, status SourceStatus) error
	// RemoveSource deletes a source and its memory of items seen (the
	// articles stay); ENOTFOUND when there is none.
	RemoveSource(ctx context.Context, id int64) error
}

// SourceView is a Source as the API and 'sources list --format json'
// write it: its durations as text ("10m0s") rather than nanoseconds.
type SourceView struct {
	*Source
	// Interval and Cadence shadow the Source's fields of the same name.
	Interval string `json:"interval,omitempty"`
	Cadence  string `json:"cadence,omitempty"`
}

// View returns s for JSON output.
func (s *Source) View() SourceView {
	v := SourceView{Source: s}
	if s.Interval > 0 {
		v.Interval = s.Interval.String()
	}
	if s.Cadence > 0 {
		v.Cadence = s.Cadence.String()
	}
	return v
}
