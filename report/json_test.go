package report

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck"
)

// contractKeys are the keys REPORT-CONTRACT.md promises, per object.
var contractKeys = map[string][]string{
	"report":      {"stories"},
	"story":       {"id", "title", "event_date", "articles", "entities", "claims", "conflicts", "quotes", "attributions"},
	"article":     {"id", "source", "outlet", "author", "published", "title", "text"},
	"entity":      {"name", "kind", "aliases", "articles"},
	"claim":       {"id", "text", "status", "sources"},
	"source":      {"article", "sentence"},
	"conflict":    {"about", "variants"},
	"variant":     {"value", "sentence", "articles"},
	"quote":       {"speaker", "text", "articles"},
	"attribution": {"source", "articles"},
}

func decodeJSON(t *testing.T, r *crosscheck.Report) map[string]any {
	t.Helper()
	var b bytes.Buffer
	if err := JSON(&b, r); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b.Bytes(), &m); err != nil {
		t.Fatalf("output is not one JSON object: %v", err)
	}
	return m
}

func hasKeys(t *testing.T, what string, v any) map[string]any {
	t.Helper()
	m, ok := v.(map[string]any)
	if !ok {
		t.Fatalf("%s is %T, want an object", what, v)
	}
	for _, k := range contractKeys[what] {
		if _, ok := m[k]; !ok {
			t.Errorf("%s lacks key %q", what, k)
		}
	}
	return m
}

// list returns m[key] as an array; the contract never allows null there.
func list(t *testing.T, m map[string]any, key string) []any {
	t.Helper()
	a, ok := m[key].([]any)
	if !ok {
		t.Fatalf("%q is %T (%v), want an array", key, m[key], m[key])
	}
	return a
}

var dateOnly = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

func TestJSONContract(t *testing.T) {
	for _, tc := range []struct {
		name string
		r    *crosscheck.Report
	}{{"full", fullReport()}, {"foundation", foundationReport()}, {"hostile", hostileReport()}} {
		t.Run(tc.name, func(t *testing.T) {
			m := hasKeys(t, "report", decodeJSON(t, tc.r))
			stories := list(t, m, "stories")
			if len(stories) != len(tc.r.Stories) {
				t.Fatalf("%d stories, want %d", len(stories), len(tc.r.Stories))
			}
			for _, sv := range stories {
				s := hasKeys(t, "story", sv)
				if d, ok := s["event_date"].(string); s["event_date"] != nil && (!ok || !dateOnly.MatchString(d)) {
					t.Errorf("event_date=%v, want YYYY-MM-DD or null", s["event_date"])
				}
				for _, av := range list(t, s, "articles") {
					a := hasKeys(t, "article", av)
					for _, k := range []string{"outlet", "author", "published", "title"} {
						if _, ok := a[k].(string); a[k] != nil && !ok {
							t.Errorf("article %s=%v, want a string or null", k, a[k])
						}
					}
					if p, ok := a["published"].(string); ok && !dateOnly.MatchString(p) {
						if _, err := time.Parse(time.RFC3339, p); err != nil {
							t.Errorf("published=%q, want YYYY-MM-DD or RFC 3339", p)
						}
					}
				}
				for _, ev := range list(t, s, "entities") {
					e := hasKeys(t, "entity", ev)
					list(t, e, "aliases")
					list(t, e, "articles")
					switch e["kind"] {
					case "person", "organization", "place", "other":
					default:
						if tc.name != "hostile" {
							t.Errorf("entity kind %v", e["kind"])
						}
					}
				}
				for _, cv := range list(t, s, "claims") {
					c := hasKeys(t, "claim", cv)
					for _, src := range list(t, c, "sources") {
						hasKeys(t, "source", src)
					}
					if tc.name != "hostile" {
						switch c["status"] {
						case "corroborated", "single-source", "disputed":
						default:
							t.Errorf("claim status %v", c["status"])
						}
					}
				}
				for _, cv := range list(t, s, "conflicts") {
					c := hasKeys(t, "conflict", cv)
					for _, v := range list(t, c, "variants") {
						list(t, hasKeys(t, "variant", v), "articles")
					}
				}
				for _, q := range list(t, s, "quotes") {
					list(t, hasKeys(t, "quote", q), "articles")
				}
				for _, a := range list(t, s, "attributions") {
					list(t, hasKeys(t, "attribution", a), "articles")
				}
			}
		})
	}
}

// Unknown values are null, not empty strings or zero dates.
func TestJSONNulls(t *testing.T) {
	m := decodeJSON(t, foundationReport())
	s := m["stories"].([]any)[1].(map[string]any)
	if s["event_date"] != nil {
		t.Errorf("event_date=%v, want null", s["event_date"])
	}
	a := s["articles"].([]any)[0].(map[string]any)
	for _, k := range []string{"outlet", "author", "published", "title"} {
		if v, ok := a[k]; !ok || v != nil {
			t.Errorf("%s=%v (present %v), want null", k, v, ok)
		}
	}
	full := decodeJSON(t, fullReport())["stories"].([]any)[0].(map[string]any)
	if got, want := full["event_date"], "2031-03-14"; got != want {
		t.Errorf("event_date=%v, want %v", got, want)
	}
	arts := full["articles"].([]any)
	if got, want := arts[2].(map[string]any)["published"], "2031-03-15"; got != want {
		t.Errorf("date-only published=%v, want %v", got, want)
	}
	if got, want := arts[3].(map[string]any)["published"], "2031-03-14T12:00:00+02:00"; got != want {
		t.Errorf("published=%v, want %v", got, want)
	}
}

func TestJSONEmpty(t *testing.T) {
	for name, r := range map[string]*crosscheck.Report{"nil": nil, "empty": {}, "nil story": {Stories: []*crosscheck.StoryReport{nil}}} {
		var b bytes.Buffer
		if err := JSON(&b, r); err != nil {
			t.Fatal(err)
		}
		if got, want := strings.TrimSpace(b.String()), `{
  "stories": []
}`; got != want {
			t.Errorf("%s: got %s, want %s", name, got, want)
		}
	}
}

// Sentences keep their characters: no HTML escaping of <, > or &.
func TestJSONKeepsText(t *testing.T) {
	r := fullReport()
	r.Stories[0].Claims[0].Sources[0].Sentence = `Fees <rose> by 5% & "more"`
	var b bytes.Buffer
	if err := JSON(&b, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `Fees <rose> by 5% & \"more\"`) {
		t.Error("sentence not kept verbatim")
	}
}

func TestWireStoryNil(t *testing.T) {
	b, err := json.Marshal(WireStory(nil))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	hasKeys(t, "story", m)
}
