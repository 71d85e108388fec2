package web

import (
	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/check"
	"github.com/crosscheck-news/crosscheck/pipeline"
)

// analyze is the story analysis the test server uses, as the CLI wires it.
var analyze pipeline.AnalyzeFunc = func(s *crosscheck.Story, arts []*crosscheck.Article) *crosscheck.StoryReport {
	return check.Analyze(s, arts, check.Options{})
}
