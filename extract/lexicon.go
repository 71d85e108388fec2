package extract

import (
	"embed"
	"sort"
	"strings"
)

// The word lists of the metadata step live in lexicon/*.txt, one entry a
// line, "#" starting a comment: knowledge as data, read by the small
// matchers of metaname.go.
//
//go:embed lexicon/*.txt
var lexiconFS embed.FS

// lexiconList reads the entries of a lexicon file, lowercased, in file
// order.
func lexiconList(name string) []string {
	data, err := lexiconFS.ReadFile("lexicon/" + name)
	if err != nil {
		panic("extract: missing lexicon " + name) // embedded: a build error
	}
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if line = strings.ToLower(strings.TrimSpace(line)); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// lexiconSet reads a lexicon file as a set.
func lexiconSet(name string) map[string]bool {
	set := map[string]bool{}
	for _, e := range lexiconList(name) {
		set[e] = true
	}
	return set
}

var (
	// authorLabels introduce an author ("By", "Von", "Text:"), longest
	// first so that "written by" wins over "by".
	authorLabels = func() []string {
		l := lexiconList("byline-labels.txt")
		sort.SliceStable(l, func(i, j int) bool { return len(l[i]) > len(l[j]) })
		return l
	}()
	// authorLabelWords are the first words of the author labels.
	authorLabelWords = func() map[string]bool {
		m := map[string]bool{}
		for _, l := range authorLabels {
			w, _, _ := strings.Cut(l, " ")
			m[strings.TrimSuffix(strings.TrimSuffix(w, ":"), "：")] = true
		}
		return m
	}()
	// notNameWords are words never part of a person's name in an author
	// field: roles, desks, placeholders, navigation.
	notNameLexicon = lexiconSet("not-names.txt")
	// deskLexicon are the words of a desk's name: an organisation, never
	// a person.
	deskLexicon = lexiconSet("desks.txt")
	// roleWords are job titles dropped from the ends of a name.
	roleLexicon = lexiconSet("roles.txt")
	// wireAgencies are news agencies a byline may credit.
	wireAgencies = lexiconSet("agencies.txt")
)
