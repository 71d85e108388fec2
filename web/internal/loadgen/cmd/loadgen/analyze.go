package main

import "github.com/crosscheck-news/crosscheck/pipeline"

// analyze cross-checks a story for the served pages.
var analyze pipeline.AnalyzeFunc
