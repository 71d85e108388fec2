package report

import (
	"path"
	"strings"

	"github.com/crosscheck-news/crosscheck"
)

// Label is how an article's outlet is named everywhere: the web, the
// command line and the reports say the same thing.
type Label struct {
	// Name is the outlet as stated, else the host of the article's URL (or
	// of its source when that is a URL), else "unknown outlet".
	Name string
	// Known is true when Name is the outlet the article states.
	Known bool
	// File is the file name of the source when neither an outlet nor a host
	// is known: shown small beside Name so that articles stay apart.
	File string
}

// String is the label on one line: "Reuters", "nordwire.example",
// "unknown outlet (041_ecb.txt)".
func (l Label) String() string {
	if l.File != "" {
		return l.Name + " (" + l.File + ")"
	}
	return l.Name
}

// OutletLabel names the outlet of a.
func OutletLabel(a *crosscheck.Article) Label {
	if a == nil {
		return Label{Name: unknownOutlet}
	}
	name := outletName(a)
	l := Label{Name: name, Known: clean(a.Outlet) != ""}
	if name == unknownOutlet {
		src := a.Source
		if i := strings.LastIndexAny(src, "#"); i > 0 && !strings.Contains(src[i:], "/") {
			// "articles.jsonl#41": the record, not the container.
			l.File = clean(path.Base(src[:i]) + src[i:])
		} else if src != "" {
			l.File = clean(path.Base(strings.ReplaceAll(src, `\`, "/")))
		}
		if l.File == "" {
			l.File = clean(a.ID)
		}
	}
	return l
}

// UnknownOutlet is the Name of a Label when nothing names the outlet.
const UnknownOutlet = unknownOutlet
