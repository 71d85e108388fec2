package web

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"hash/crc64"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The HTTP conventions every response follows, in one place: errors as
// RFC 9457 problem details, validators (ETag, Last-Modified) with
// conditional GET, gzip for large bodies, and Link headers on lists.

// reply is a whole response body with what to say about it.
type reply struct {
	status int
	ctype  string
	body   []byte
	// cache is the Cache-Control value; "" means "no-cache": stored but
	// checked with the validators before use.
	cache string
	// modified is the resource's Last-Modified time; zero for none.
	modified time.Time
	// filename makes the body a download with this name.
	filename string
}

// minGzip is the smallest body worth compressing.
const minGzip = 1024

var crcTable = crc64.MakeTable(crc64.ECMA)

var gzipPool = sync.Pool{New: func() any {
	w, _ := gzip.NewWriterLevel(nil, gzip.BestSpeed)
	return w
}}

// send writes rep, answering 304 when the client's copy is current.
func send(w http.ResponseWriter, r *http.Request, rep reply) {
	h := w.Header()
	if rep.status == 0 {
		rep.status = http.StatusOK
	}
	h.Set("Content-Type", rep.ctype)
	cache := rep.cache
	if cache == "" {
		cache = "no-cache"
	}
	h.Set("Cache-Control", cache)
	if rep.filename != "" {
		h.Set("Content-Disposition", `attachment; filename="`+rep.filename+`"`)
	}
	body := rep.body
	compress := len(body) >= minGzip && compressible(rep.ctype) && acceptsGzip(r)
	if compressible(rep.ctype) {
		h.Add("Vary", "Accept-Encoding")
	}
	ok := rep.status == http.StatusOK && cache != "no-store"
	if ok {
		// CRC-64 names the content well enough for a validator and costs a
		// tenth of a cryptographic hash on a 100 KB page.
		etag := `"` + strconv.FormatUint(crc64.Checksum(body, crcTable), 36)
		if compress {
			etag += "-gz"
		}
		etag += `"`
		h.Set("ETag", etag)
		if !rep.modified.IsZero() {
			h.Set("Last-Modified", rep.modified.UTC().Format(http.TimeFormat))
		}
		if notModified(r, etag, rep.modified) {
			h.Del("Content-Type")
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	if compress {
		var buf bytes.Buffer
		zw := gzipPool.Get().(*gzip.Writer)
		zw.Reset(&buf)
		zw.Write(body)
		zw.Close()
		gzipPool.Put(zw)
		body = buf.Bytes()
		h.Set("Content-Encoding", "gzip")
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(rep.status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// notModified applies If-None-Match, then If-Modified-Since (RFC 9110 13.2.2).
func notModified(r *http.Request, etag string, modified time.Time) bool {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return false
	}
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		for _, t := range strings.Split(inm, ",") {
			t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
			if t == "*" || t == etag || t == strings.Replace(etag, `-gz"`, `"`, 1) || strings.Replace(t, `-gz"`, `"`, 1) == strings.Replace(etag, `-gz"`, `"`, 1) {
				return true
			}
		}
		return false
	}
	if ims := r.Header.Get("If-Modified-Since"); ims != "" && !modified.IsZero() {
		t, err := http.ParseTime(ims)
		return err == nil && !modified.Truncate(time.Second).After(t)
	}
	return false
}

func compressible(ctype string) bool {
	for _, p := range []string{"text/", "application/json", "application/problem+json", "application/atom+xml", "image/svg+xml", "application/javascript"} {
		if strings.HasPrefix(ctype, p) {
			return true
		}
	}
	return false
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(enc), "gzip") {
			continue
		}
		q := strings.ReplaceAll(params, " ", "")
		return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
	}
	return false
}

func marshal(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.Encode(v)
	return buf.Bytes()
}

// writeJSON sends v as JSON with validators.
func writeJSON(w http.ResponseWriter, status int, v any) {
	send(w, &http.Request{Method: http.MethodPost}, reply{status: status, ctype: "application/json; charset=utf-8", body: marshal(v), cache: "no-store"})
}

// sendJSON sends v as a cacheable JSON read with validators.
func sendJSON(w http.ResponseWriter, r *http.Request, v any, modified time.Time) {
	send(w, r, reply{ctype: "application/json; charset=utf-8", body: marshal(v), modified: modified})
}

// problem is an RFC 9457 problem details object, with our error code and,
// for an ingest, the reason of each input.
type problem struct {
	Type     string       `json:"type"`
	Title    string       `json:"title"`
	Status   int          `json:"status"`
	Detail   string       `json:"detail,omitempty"`
	Instance string       `json:"instance,omitempty"`
	Code     string       `json:"code"`
	Inputs   []inputError `json:"inputs,omitempty"`
}

// writeProblem sends a problem details response.
func writeProblem(w http.ResponseWriter, r *http.Request, status int, code, detail string, inputs []inputError) {
	p := problem{Type: "about:blank", Title: http.StatusText(status), Status: status, Detail: detail, Code: code, Inputs: inputs}
	if r != nil {
		p.Instance = r.URL.RequestURI()
	}
	h := w.Header()
	h.Set("Content-Type", "application/problem+json")
	h.Set("Cache-Control", "no-store")
	h.Del("ETag")
	h.Del("Content-Encoding")
	h.Del("Content-Length")
	w.WriteHeader(status)
	if r == nil || r.Method != http.MethodHead {
		w.Write(marshal(p))
	}
}

// writeJSONError is writeProblem without the request.
func writeJSONError(w http.ResponseWriter, status int, code, msg string) {
	writeProblem(w, nil, status, code, msg, nil)
}

// wantsJSON reports whether an error for r should be problem+json rather
// than a page: API routes, and clients that ask for JSON.
func wantsJSON(r *http.Request) bool {
	if strings.HasPrefix(r.URL.Path, "/api/") || strings.HasPrefix(r.URL.Path, "/feeds/") {
		return true
	}
	acc := r.Header.Get("Accept")
	return strings.Contains(acc, "json") && !strings.Contains(acc, "text/html")
}

// setLinks adds RFC 8288 Link headers for a paged list: first, prev,
// next and last, each keeping the request's other parameters.
func setLinks(w http.ResponseWriter, r *http.Request, offset, limit, total int) {
	if limit <= 0 {
		return
	}
	link := func(off int, rel string) string {
		q := r.URL.Query()
		q.Set("offset", strconv.Itoa(off))
		q.Set("limit", strconv.Itoa(limit))
		u := url.URL{Path: r.URL.Path, RawQuery: q.Encode()}
		return "<" + u.String() + `>; rel="` + rel + `"`
	}
	links := []string{link(0, "first")}
	if offset > 0 {
		links = append(links, link(max(0, offset-limit), "prev"))
	}
	if offset+limit < total {
		links = append(links, link(offset+limit, "next"))
	}
	last := 0
	if total > 0 {
		last = (total - 1) / limit * limit
	}
	links = append(links, link(last, "last"))
	w.Header().Set("Link", strings.Join(links, ", "))
}

// rfc3339 formats an instant for the API: RFC 3339 in UTC, "" for zero.
func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// dayOnly formats a day for the API: YYYY-MM-DD, nil for zero.
func dayOnly(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.UTC().Format(time.DateOnly)
	return &s
}
