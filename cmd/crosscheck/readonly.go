package main

import (
	"context"
	"strings"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/check"
	"github.com/crosscheck-news/crosscheck/pipeline"
	"github.com/crosscheck-news/crosscheck/postgres"
	"github.com/crosscheck-news/crosscheck/sqlite"
	"github.com/crosscheck-news/crosscheck/story"
)

// openAppReadOnly opens an existing store for reading only (serve
// --read-only): it writes nothing, so the store may sit in a directory
// the user cannot write to.
func (m *Main) openAppReadOnly(ctx context.Context, path string) (*app, error) {
	var db store
	var err error
	if postgres.IsURL(path) {
		// A role granted SELECT only can serve: an up-to-date store needs
		// no DDL on open.
		db, err = postgres.OpenExisting(ctx, path)
	} else {
		db, err = sqlite.OpenReadOnly(ctx, path)
	}
	if err != nil {
		if crosscheck.ErrorCode(err) == crosscheck.ENOTFOUND {
			return nil, crosscheck.Errorf(crosscheck.ENOTFOUND,
				"no store at %s: run 'crosscheck ingest PATH...' first, or give --db", path)
		}
		return nil, err
	}
	p := &pipeline.Pipeline{
		Store: db,
		Analyze: func(s *crosscheck.Story, arts []*crosscheck.Article) *crosscheck.StoryReport {
			return check.Analyze(s, arts, check.Options{})
		},
		Clusterer: story.NewClusterer(story.Options{}),
		Logger:    m.Logger,
	}
	return &app{db: db, pipeline: p}, nil
}

// hostList splits --allowed-hosts.
func hostList(s string) ([]string, error) {
	var out []string
	for _, h := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' }) {
		if strings.ContainsAny(h, "/@?#") {
			return nil, usagef("--allowed-hosts %q: give host names or addresses, such as news.example.org,10.0.0.5 (no scheme or path)", h)
		}
		out = append(out, h)
	}
	return out, nil
}
