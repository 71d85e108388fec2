package web

import "github.com/crosscheck-news/crosscheck/pipeline"

// analyze is the story analysis the test server uses: check.Analyze once
// package check exists, nil (articles only) before.
var analyze pipeline.AnalyzeFunc
