package check

import (
	"flag"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/claim"
)

var dbgEv = flag.String("dbg.ev", "", "event")
var dbgPat = flag.String("dbg.pat", "", "regexp on entity names")

func TestDebugEnt(t *testing.T) {
	if *dbgEv == "" {
		t.Skip()
	}
	arts := loadEvent(t, filepath.Join(goldRoot, *dbgEv))
	re := regexp.MustCompile("(?i)" + *dbgPat)
	for _, a := range arts {
		an := claim.Extract(a, claim.Options{})
		for i, e := range an.Entities {
			all := e.Name + "|" + strings.Join(e.Aliases, "|")
			if !re.MatchString(all) {
				continue
			}
			fmt.Printf("%s e%d [%s] %q al=%q roles=%q g=%q s=%q k=%q cued=%v n=%d\n", a.ID, i, e.Kind, e.Name, e.Aliases, e.Roles, e.Given, e.Surname, e.Key, e.Cued, e.Mentions)
			for _, m := range an.Mentions {
				if m.Entity == i {
					s := an.Sentences[m.Sentence]
					fmt.Printf("      %q  in: %s\n", m.Text, a.Text[s.Start:s.End])
				}
			}
		}
	}
}

func TestDebugRep(t *testing.T) {
	if *dbgEv == "" {
		t.Skip()
	}
	arts := loadEvent(t, filepath.Join(goldRoot, *dbgEv))
	sr := Analyze(&crosscheck.Story{ID: "x"}, arts, Options{})
	re := regexp.MustCompile("(?i)" + *dbgPat)
	for _, e := range sr.Entities {
		all := e.Name + "|" + strings.Join(e.Aliases, "|")
		if re.MatchString(all) {
			fmt.Printf("[%s] %q al=%q arts=%d m=%d\n", e.Kind, e.Name, e.Aliases, len(e.Articles), e.Mentions)
		}
	}
}
