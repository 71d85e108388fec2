package report

import (
	"io"
	"strings"

	"github.com/crosscheck-news/crosscheck"
)

// Formats are the names Write accepts, for flag help.
var Formats = []string{"text", "json", "markdown", "html"}

// Write renders r in the named format: "text", "json", "markdown" (or
// "md") or "html". opts applies to text only. An unknown format is an
// EINVALID *crosscheck.Error naming the choices.
func Write(w io.Writer, r *crosscheck.Report, format string, opts TextOptions) error {
	switch strings.ToLower(strings.TrimSpace(format)) {
	case "text", "txt":
		return Text(w, r, opts)
	case "json":
		return JSON(w, r)
	case "markdown", "md":
		return Markdown(w, r)
	case "html":
		return HTML(w, r)
	}
	return crosscheck.Errorf(crosscheck.EINVALID, "unknown report format %q: choose one of %s", format, strings.Join(Formats, ", "))
}
