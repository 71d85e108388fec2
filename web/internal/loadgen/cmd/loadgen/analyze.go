package main

import (
	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/check"
)

// analyze cross-checks a story for the served pages, as the CLI does.
func analyze(s *crosscheck.Story, arts []*crosscheck.Article) *crosscheck.StoryReport {
	return check.Analyze(s, arts, check.Options{})
}
