// Package pipeline runs the stages in order for one batch of inputs:
// documents are extracted in parallel, stored in batches, and placed into
// stories; and it builds a story's report from the store. The CLI and the
// web UI both ingest through it, so a report added in the browser takes the
// same path as one added on the command line.
//
// It knows the stages only through the small interfaces declared here; the
// concrete stages are wired in cmd/crosscheck.
package pipeline
