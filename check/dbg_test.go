package check

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/extract"
)

// TestDbgGoldSlots shows, for each reference conflict of the events
// DBG_EVENTS matches, the slot of every value that holds a reference
// value: a development aid, skipped otherwise.
func TestDbgGoldSlots(t *testing.T) {
	evs := os.Getenv("DBG_EVENTS")
	if evs == "" {
		t.Skip()
	}
	dirs, _ := filepath.Glob(filepath.Join(goldRoot, evs))
	for _, dir := range dirs {
		var exp struct {
			Conflicts []struct {
				About    string
				Variants []struct{ File, Value string }
			}
		}
		b, _ := os.ReadFile(filepath.Join(dir, "expected.json"))
		json.Unmarshal(b, &exp)
		arts := loadEvent(t, dir)
		s := newState(extractAll(arts, claimOptions(arts)))
		fmt.Printf("===== %s year=%d month=%d\n", filepath.Base(dir), s.year, s.month)
		for _, c := range exp.Conflicts {
			fmt.Printf("  C %s\n", c.About)
			for _, gv := range c.Variants {
				id := strings.TrimSuffix(gv.File, ".txt")
				found := false
				for i, it := range s.items {
					an := s.ans[it.art]
					if an.Article.ID != id {
						continue
					}
					f := s.fact(i)
					for vi := range f.Values {
						v := &f.Values[vi]
						if !strings.Contains(strings.ToLower(v.Phrase+" "+v.Text), strings.ToLower(gv.Value)) {
							continue
						}
						found = true
						r := slotRef{item: i, art: it.art, v: v, holder: -1}
						if v.Holder >= 0 {
							r.holder = s.gid[it.art][v.Holder]
						}
						if g := s.subjectKey(it.art, v.SubjectKey, v.Subject); strings.HasPrefix(g, "E:") {
							r.subj = g
						}
						fmt.Printf("     %-6s %-28q key=%-24q use=%v off=%v attr=%s head=%s spec=%s cls=%s lem=%s mod=%v upd=%v past=%v part=%v dist=%v N=%g\n",
							id[strings.Index(id, "_")+1:], v.Phrase, s.bucketKey(r), usable(v), s.offStory(f), v.Attr, v.Head, v.Spec, v.VerbClass, v.VerbLemma, v.Modal, v.Update, v.Past, v.Part, v.Distinct || f.Distinct, v.N)
					}
				}
				if !found {
					fmt.Printf("     %-6s %-28q NOT FOUND\n", id[strings.Index(id, "_")+1:], gv.Value)
				}
			}
		}
	}
}

// TestDbgRoles prints the roles attached to each person of the events
// DBG_ROLES matches, per article: a development aid.
func TestDbgRoles(t *testing.T) {
	evs := os.Getenv("DBG_ROLES")
	if evs == "" {
		t.Skip()
	}
	dirs, _ := filepath.Glob(filepath.Join(goldRoot, evs))
	for _, dir := range dirs {
		s := newState(extractAll(loadEvent(t, dir), claimOptions(loadEvent(t, dir))))
		fmt.Printf("===== %s\n", filepath.Base(dir))
		for a, an := range s.ans {
			for _, m := range an.Mentions {
				if m.Role == "" || m.Entity < 0 {
					continue
				}
				g := s.gid[a][m.Entity]
				fmt.Printf("  %-30s %-30q %s\n", s.ents[g].Name, m.Role, an.Article.ID)
			}
		}
	}
}

func TestDbgItemSlots(t *testing.T) {
	dir := os.Getenv("DBG_DIR")
	if dir == "" {
		t.Skip()
	}
	var arts []*crosscheck.Article
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	for _, f := range files {
		body, _ := os.ReadFile(f)
		a, err := extract.Extract(&crosscheck.Document{Source: f, Format: crosscheck.FormatText, Body: body}, extract.Options{})
		if err != nil {
			continue
		}
		a.ID = filepath.Base(f)
		arts = append(arts, a)
	}
	s := newState(extractAll(arts, claimOptions(arts)))
	sl := s.itemSlots()
	for i := range s.items {
		f := s.fact(i)
		if !strings.Contains(f.Text, os.Getenv("DBG_GREP")) {
			continue
		}
		fmt.Printf("%s\n", f.Text)
		for _, v := range f.Values {
			fmt.Printf("    %s %q head=%s spec2=%s total=%v cls=%s use=%v verb=%s subj=%s obj=%s\n", v.Attr, v.Phrase, v.Head, v.Spec2, v.Total, v.VerbClass, usable(&v), v.Verb, v.SubjectKey, v.ObjectKey)
		}
		for _, x := range sl[i] {
			fmt.Printf("    slot %s %q\n", x.key, x.v.Phrase)
		}
	}
}
