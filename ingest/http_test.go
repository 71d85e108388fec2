package ingest_test

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/ingest"
)

func encode(t *testing.T, cm *charmap.Charmap, s string) []byte {
	t.Helper()
	b, err := cm.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// fetchOne fetches url and wants exactly one result.
func fetchOne(t *testing.T, r *ingest.Reader, url string) result {
	t.Helper()
	got := collect(t, r.All(t.Context(), []string{url}))
	if len(got) != 1 {
		t.Fatalf("%s: got %v, want one result", url, names(got))
	}
	return got[0]
}

func TestFetchCharsets(t *testing.T) {
	const ru = "Министр заявил, что переговоры в Вельске продолжатся в четверг."
	const fr = "Le maire de Sévrac a annoncé que la fête aura lieu à l'été, déjà prévue."
	mux := http.NewServeMux()
	mux.HandleFunc("/cp1251", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1251")
		w.Write([]byte(`<html><head><meta charset="windows-1251"><title>x</title></head><body><p>`))
		w.Write(encode(t, charmap.Windows1251, ru))
		w.Write([]byte(`</p></body></html>`))
	})
	mux.HandleFunc("/latin1", func(w http.ResponseWriter, r *http.Request) {
		// No charset in the header: the <meta> says it.
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body><p>`))
		w.Write(encode(t, charmap.ISO8859_1, fr))
		w.Write([]byte(`</p></body></html>`))
	})
	mux.HandleFunc("/koi8.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=koi8-r")
		w.Write(encode(t, charmap.KOI8R, ru))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	rd := ingest.New(ingest.Options{})

	tests := []struct {
		path   string
		format crosscheck.Format
		want   string
	}{
		{"/cp1251", crosscheck.FormatHTML, ru},
		{"/latin1", crosscheck.FormatHTML, fr},
		{"/koi8.txt", crosscheck.FormatText, ru},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			r := fetchOne(t, rd, srv.URL+tt.path)
			if r.err != nil {
				t.Fatal(r.err)
			}
			d := r.doc
			if d.Format != tt.format || !strings.Contains(string(d.Body), tt.want) {
				t.Fatalf("got %s %q, want %s containing %q", d.Format, d.Body, tt.format, tt.want)
			}
			if d.Source != srv.URL+tt.path || d.URL != srv.URL+tt.path {
				t.Errorf("source %q url %q", d.Source, d.URL)
			}
			if b := string(d.Body); tt.format == crosscheck.FormatHTML && (strings.Contains(b, "windows-1251") || strings.Contains(b, "iso-8859-1")) {
				t.Errorf("the body still declares its old charset: %.200s", d.Body)
			}
		})
	}
}

func TestFetchFailures(t *testing.T) {
	release := make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("/silent", func(w http.ResponseWriter, r *http.Request) {
		select { // never answers while the client waits
		case <-r.Context().Done():
		case <-release:
		}
	})
	mux.HandleFunc("/slowbody", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("The start of a body that never ends"))
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-release:
		}
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/hop/{n}", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscan(r.PathValue("n"), &n)
		if n == 0 {
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.Write([]byte(article))
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/hop/%d", n-1), http.StatusMovedPermanently)
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Header().Set("Content-Length", "5000")
		w.Write([]byte(strings.Repeat("x", 5000)))
	})
	mux.HandleFunc("/huge-chunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		for range 50 {
			w.Write([]byte(strings.Repeat("y", 100)))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/image", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	})
	mux.HandleFunc("/binary", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Write([]byte("\x00\x01\x02\x03 binary"))
	})
	mux.HandleFunc("/empty", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	defer close(release)

	rd := ingest.New(ingest.Options{Timeout: 300 * time.Millisecond, MaxBytes: 1000})
	tests := []struct {
		url  string
		want string
	}{
		{srv.URL + "/silent", "timeout"},
		{srv.URL + "/slowbody", "timeout"},
		{srv.URL + "/loop", "stopped after 5 redirects"},
		{srv.URL + "/hop/6", "stopped after 5 redirects"},
		{srv.URL + "/huge", "4.9 KiB, over the 1000 bytes size cap"},
		{srv.URL + "/huge-chunked", "over the 1000 bytes size cap"},
		{srv.URL + "/nothing-here", "HTTP 404 Not Found"},
		{srv.URL + "/image", `unsupported content type "image/png"`},
		{srv.URL + "/binary", "binary"},
		{srv.URL + "/empty", "empty"},
		{"ftp://127.0.0.1/file.txt", `unsupported URL scheme "ftp"`},
		{"file:///etc/passwd", `unsupported URL scheme "file"`},
		{"http://127.0.0.1:1/closed", "connection refused"},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			r := fetchOne(t, rd, tt.url)
			if r.err == nil {
				t.Fatalf("got a document %q, want an error with %q", r.doc.Body, tt.want)
			}
			if r.err.Input != tt.url {
				t.Errorf("input %q, want %q", r.err.Input, tt.url)
			}
			if !strings.Contains(r.err.Error(), tt.want) {
				t.Fatalf("error %q, want it to contain %q", r.err, tt.want)
			}
		})
	}

	// Five redirects are allowed; fewer allowed when asked.
	if r := fetchOne(t, rd, srv.URL+"/hop/5"); r.err != nil || r.doc.URL != srv.URL+"/hop/0" {
		t.Errorf("5 hops: %v", r)
	}
	two := ingest.New(ingest.Options{MaxRedirects: 2})
	if r := fetchOne(t, two, srv.URL+"/hop/3"); r.err == nil || !strings.Contains(r.err.Error(), "stopped after 2 redirects") {
		t.Errorf("3 hops, limit 2: %v", r)
	}
}

func TestFetchUserAgent(t *testing.T) {
	var ua atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ua.Store(r.UserAgent())
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte(article))
	}))
	defer srv.Close()
	fetchOne(t, ingest.New(ingest.Options{}), srv.URL)
	if got, want := ua.Load(), ingest.DefaultUserAgent; got != want {
		t.Fatalf("User-Agent %q, want %q", got, want)
	}
}

func TestBlockPrivate(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte(article))
	}))
	defer srv.Close()
	port := srv.URL[strings.LastIndex(srv.URL, ":")+1:]

	blocked := ingest.New(ingest.Options{BlockPrivate: true})
	for _, u := range []string{
		srv.URL,                             // 127.0.0.1
		"http://localhost:" + port + "/",    // a name resolving to loopback
		"http://[::ffff:127.0.0.1]:" + port, // v4-mapped v6
		"http://0.0.0.0:" + port,
	} {
		var got []result
		for d, err := range blocked.FetchURL(t.Context(), u) {
			got = append(got, result{doc: d, err: asInput(err)})
		}
		if len(got) != 1 || got[0].err == nil {
			t.Fatalf("%s: got %v, want one error", u, names(got))
		}
		var be *ingest.BlockedAddressError
		if !errors.As(got[0].err, &be) {
			t.Errorf("%s: error %q (%T), want a BlockedAddressError", u, got[0].err, got[0].err.Err)
		}
	}
	if n := hits.Load(); n != 0 {
		t.Fatalf("the server was reached %d times", n)
	}
	// The CLI default reaches loopback.
	if r := fetchOne(t, ingest.New(ingest.Options{}), srv.URL); r.err != nil {
		t.Fatal(r.err)
	}
}

func asInput(err error) *crosscheck.InputError {
	var ie *crosscheck.InputError
	if errors.As(err, &ie) {
		return ie
	}
	return nil
}
