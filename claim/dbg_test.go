package claim

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/extract"
)

// TestDbgSlots prints the value slots of the files DBG_FILES names (a glob):
// a development aid, skipped otherwise.
func TestDbgSlots(t *testing.T) {
	g := os.Getenv("DBG_FILES")
	if g == "" {
		t.Skip()
	}
	files, _ := filepath.Glob("../" + g)
	for _, f := range files {
		body, _ := os.ReadFile(f)
		a, _ := extract.Extract(&crosscheck.Document{Source: f, Format: crosscheck.FormatText, Body: body}, extract.Options{Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
		an := Extract(a, Options{})
		fmt.Printf("=== %s\n", filepath.Base(f))
		for _, fa := range an.Facts {
			for _, v := range fa.Values {
				h := ""
				if v.Holder >= 0 {
					h = an.Entities[v.Holder].Name
				}
				fmt.Printf("  %-9s %-28q head=%-10s spec=%-8s cls=%-8s oth=%v upd=%v mod=%v past=%v yrs=%v hold=%q [%g,%g]\n", v.Attr, v.Phrase, v.Head, v.Spec, v.VerbClass, v.Other, v.Update, v.Modal, v.Past, v.Years, h, v.Min, v.Max)
			}
		}
	}
}

func TestDbgPOS(t *testing.T) {
	s := os.Getenv("DBG_TEXT")
	if s == "" {
		t.Skip()
	}
	a := &crosscheck.Article{Text: s}
	x := &extractor{a: a, text: s, stems: map[string]string{}}
	x.an = &Analysis{Article: a, Sentences: SplitSentences(s)}
	x.tokenizeAll()
	for _, st := range x.sents {
		for _, tk := range st.toks {
			fmt.Printf("%s/%s ", tk.text, tk.pos)
		}
		fmt.Println()
	}
}

func TestDbgTitle(t *testing.T) {
	s := os.Getenv("DBG_TITLE")
	if s == "" {
		t.Skip()
	}
	a := &crosscheck.Article{Text: "Body text here. It says things.", Meta: crosscheck.Meta{Title: s}}
	an := Extract(a, Options{})
	for _, f := range an.Facts {
		fmt.Printf("title=%v %q\n", f.Title, f.Text)
		for _, v := range f.Values {
			fmt.Printf("   %s %q head=%s conv=%v\n", v.Attr, v.Phrase, v.Head, v.Conv)
		}
	}
}
