package report

import (
	"bufio"
	"embed"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/crosscheck-news/crosscheck"
)

//go:embed assets/report.html.tmpl assets/report.css
var assets embed.FS

// htmlTemplate is parsed once; a parse error is a bug caught by the tests.
var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"join":        strings.Join,
	"plural":      plural,
	"statusClass": statusClass,
	"statusLabel": statusLabel,
	"byOutlet":    byOutlet,
	"list":        func(c ...cite) []cite { return c },
}).ParseFS(assets, "assets/report.html.tmpl"))

// css is our own stylesheet, trusted, inlined so the file stands alone.
var css = func() template.CSS {
	b, err := assets.ReadFile("assets/report.css")
	if err != nil {
		panic(err)
	}
	return template.CSS(b)
}()

// HTML writes r as one self-contained HTML page: inline CSS, no scripts,
// no external assets. Every piece of article text goes through
// html/template's contextual escaping; links are made only from http(s)
// URLs.
func HTML(w io.Writer, r *crosscheck.Report) error {
	data := struct {
		*reportView
		CSS template.CSS
	}{newReportView(r, true), css}
	bw := bufio.NewWriter(w)
	if err := htmlTemplate.ExecuteTemplate(bw, "report", data); err != nil {
		return fmt.Errorf("write html report: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write html report: %w", err)
	}
	return nil
}
