package web

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
)

// pageRoutes are the routes of the web pages and forms: HTML, not API,
// so the OpenAPI document leaves them out. Every other route must be in it.
var pageRoutes = []string{
	"GET /{$}", "GET /stories/{id}", "GET /stories/{id}/claims/{key}", "GET /stories/{id}/conflicts/{key}",
	"GET /articles/{id}", "GET /search", "GET /jobs/{id}", "GET /static/", "GET /add",
	"GET /events", "/websub/",
	"POST /add", "POST /analyse", "POST /articles/{id}/corrections", "POST /stories/{id}/corrections", "POST /corrections/{id}/undo",
}

func loadOpenAPI(t *testing.T, b []byte) *openapi3.T {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromData(b)
	if err != nil {
		t.Fatalf("load openapi.json: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("openapi.json is not valid OpenAPI: %v", err)
	}
	return doc
}

// TestOpenAPIMatchesEveryRoute checks the document against the routes the
// server registers, both ways, then calls every documented operation on a
// real server and validates each answer against the document.
func TestOpenAPIMatchesEveryRoute(t *testing.T) {
	f := newFixture(t, fixtureOptions{paris: true})
	doc := loadOpenAPI(t, openAPI)
	// Feeds are text to the validator, as CSV is.
	openapi3filter.RegisterBodyDecoder("application/atom+xml", openapi3filter.FileBodyDecoder)
	documented := map[string]bool{}
	for path, item := range doc.Paths.Map() {
		for m := range item.Operations() {
			documented[m+" "+path] = true
		}
	}
	for _, r := range f.srv.routes {
		if slices.Contains(pageRoutes, r) {
			continue
		}
		if !documented[r] {
			t.Errorf("route %s is not in openapi.json", r)
		}
	}
	for op := range documented {
		if !slices.Contains(f.srv.routes, op) {
			t.Errorf("openapi.json documents %s, which the server does not serve", op)
		}
	}

	// Real calls of every operation, answers validated.
	ctx := t.Context()
	story := f.parisStory(t)
	arts, _, _ := f.db.Articles(ctx, crosscheckFilter())
	art := arts[0].ID
	called := map[string]bool{}
	call := func(method, path, pattern, body string, header map[string]string, want int) []byte {
		t.Helper()
		req, _ := http.NewRequestWithContext(ctx, method, f.http.URL+path, strings.NewReader(body))
		for k, v := range header {
			req.Header.Set(k, v)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != want {
			t.Errorf("%s %s: %d, want %d: %.300s", method, path, resp.StatusCode, want, b)
			return b
		}
		called[method+" "+pattern] = true
		item := doc.Paths.Find(pattern)
		if item == nil {
			t.Fatalf("no path %s in openapi.json", pattern)
		}
		route := &routers.Route{Spec: doc, Path: pattern, PathItem: item, Method: method, Operation: item.GetOperation(method)}
		vreq, _ := http.NewRequest(method, f.http.URL+path, strings.NewReader(body))
		for k, v := range header {
			vreq.Header.Set(k, v)
		}
		params := map[string]string{}
		pp := strings.Split(strings.TrimPrefix(pattern, "/"), "/")
		vp := strings.Split(strings.TrimPrefix(strings.SplitN(path, "?", 2)[0], "/"), "/")
		for i, seg := range pp {
			if strings.HasPrefix(seg, "{") && i < len(vp) {
				params[strings.Trim(seg, "{}")] = vp[i]
			}
		}
		in := &openapi3filter.RequestValidationInput{Request: vreq, PathParams: params, Route: route,
			Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}}
		if err := openapi3filter.ValidateRequest(ctx, in); err != nil && want < 400 {
			t.Errorf("%s %s: request does not match openapi.json: %v", method, path, err)
		}
		out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: resp.StatusCode, Header: resp.Header,
			Options: &openapi3filter.Options{IncludeResponseStatus: true}}
		out.SetBodyBytes(b)
		if err := openapi3filter.ValidateResponse(ctx, out); err != nil {
			t.Errorf("%s %s: answer does not match openapi.json: %v", method, path, err)
		}
		return b
	}
	jsonH := map[string]string{"Content-Type": "application/json"}
	call("GET", "/api/stories?limit=2&sort=event", "/api/stories", "", nil, 200)
	call("GET", "/api/stories/"+story, "/api/stories/{id}", "", nil, 200)
	call("GET", "/api/stories/nope", "/api/stories/{id}", "", nil, 404)
	call("GET", "/api/stories/"+story+"/report", "/api/stories/{id}/report", "", nil, 200)
	call("GET", "/api/stories/"+story+"/claims?limit=3", "/api/stories/{id}/claims", "", nil, 200)
	call("GET", "/api/stories/"+story+"/claims.csv", "/api/stories/{id}/claims.csv", "", nil, 200)
	call("GET", "/api/stories/"+story+"/conflicts", "/api/stories/{id}/conflicts", "", nil, 200)
	call("GET", "/api/stories/"+story+"/conflicts.csv", "/api/stories/{id}/conflicts.csv", "", nil, 200)
	call("GET", "/api/articles?limit=2", "/api/articles", "", nil, 200)
	call("GET", "/api/articles?story=nope", "/api/articles", "", nil, 404)
	call("GET", "/api/articles/"+art, "/api/articles/{id}", "", nil, 200)
	call("GET", "/api/search?q=Witkoff", "/api/search", "", nil, 200)
	call("GET", "/api/search?limit=x&q=a", "/api/search", "", nil, 400)
	call("GET", "/api/outlets?q=a", "/api/outlets", "", nil, 200)
	call("GET", "/api/sources", "/api/sources", "", nil, 200)
	call("GET", "/api/sources?status=paused", "/api/sources", "", nil, 200)
	call("GET", "/api/sources?status=sleeping", "/api/sources", "", nil, 400)
	call("GET", "/api/openapi.json", "/api/openapi.json", "", nil, 200)
	call("GET", "/healthz", "/healthz", "", nil, 200)
	call("GET", "/metrics", "/metrics", "", nil, 200)
	call("GET", "/feeds/stories.atom", "/feeds/stories.atom", "", nil, 200)
	call("GET", "/feeds/conflicts.atom", "/feeds/conflicts.atom", "", nil, 200)
	b := call("POST", "/api/corrections", "/api/corrections", `{"kind":"article","article":"`+art+`","fields":{"outlet":"Fixed Wire"},"note":"test"}`, jsonH, 201)
	var c struct{ ID int }
	json.Unmarshal(b, &c)
	call("POST", "/api/corrections", "/api/corrections", `{"kind":"article","article":"`+art+`","fields":{"colour":"red"}}`, jsonH, 400)
	call("POST", "/api/corrections", "/api/corrections", `kind=article`, map[string]string{"Content-Type": "text/plain"}, 415)
	call("GET", "/api/corrections?article="+art, "/api/corrections", "", nil, 200)
	call("GET", "/api/corrections/"+itoa(c.ID), "/api/corrections/{id}", "", nil, 200)
	call("POST", "/api/corrections/"+itoa(c.ID)+"/undo", "/api/corrections/{id}/undo", "", nil, 200)
	call("POST", "/api/corrections/"+itoa(c.ID)+"/undo", "/api/corrections/{id}/undo", "", nil, 400)
	call("POST", "/api/ingest", "/api/ingest", `{"text":"Harbour news\n\nThe harbour of Ardal reopened on Monday after 3 days, the mayor said."}`, jsonH, 200)
	b = call("POST", "/api/ingest", "/api/ingest", `{"text":"Harbour news two\n\nThe bridge of Ardal reopened on Tuesday after 4 days, the mayor said."}`,
		map[string]string{"Content-Type": "application/json", "Prefer": "respond-async"}, 202)
	var j struct{ ID string }
	json.Unmarshal(b, &j)
	call("GET", "/api/jobs/"+j.ID, "/api/jobs/{id}", "", nil, 200)
	call("POST", "/api/ingest", "/api/ingest", `{}`, jsonH, 400)
	call("POST", "/api/ingest", "/api/ingest", `x`, map[string]string{"Content-Type": "text/plain"}, 415)
	call("POST", "/api/ingest", "/api/ingest", `{"text":"x"}`, map[string]string{"Content-Type": "application/json", "Origin": "https://evil.example"}, 403)
	for op := range documented {
		if !called[op] {
			t.Errorf("no test call of %s", op)
		}
	}
}
