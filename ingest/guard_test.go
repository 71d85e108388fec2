package ingest

import (
	"errors"
	"net/netip"
	"strings"
	"testing"
)

func TestIsPublic(t *testing.T) {
	tests := []struct {
		addr string
		want bool
	}{
		{"93.184.215.14", true},
		{"8.8.8.8", true},
		{"2a00:1450:4001:81b::200e", true},
		{"127.0.0.1", false},
		{"127.8.9.10", false},
		{"::1", false},
		{"10.1.2.3", false},
		{"172.16.0.1", false},
		{"172.31.255.255", false},
		{"192.168.1.1", false},
		{"169.254.169.254", false}, // cloud metadata
		{"fe80::1", false},
		{"fc00::1", false},
		{"fd12:3456::1", false},
		{"0.0.0.0", false},
		{"::", false},
		{"224.0.0.1", false},
		{"ff02::1", false},
		{"100.64.0.1", false},
		{"255.255.255.255", false},
		{"::ffff:127.0.0.1", false},
		{"::ffff:10.0.0.1", false},
		{"64:ff9b::a00:1", false},
		{"198.18.0.1", false},
		{"172.32.0.1", true},
	}
	for _, tt := range tests {
		if got := isPublic(netip.MustParseAddr(tt.addr)); got != tt.want {
			t.Errorf("isPublic(%s)=%v, want %v", tt.addr, got, tt.want)
		}
	}
}

func TestGuardControl(t *testing.T) {
	tests := []struct {
		address string
		blocked bool
	}{
		{"127.0.0.1:80", true},
		{"[::1]:443", true},
		{"[::ffff:192.168.0.1]:80", true},
		{"93.184.215.14:443", false},
		{"[2a00:1450:4001:81b::200e]:443", false},
	}
	for _, tt := range tests {
		err := guardControl("tcp", tt.address, nil)
		var be *BlockedAddressError
		if got := errors.As(err, &be); got != tt.blocked {
			t.Errorf("guardControl(%s)=%v, want blocked=%v", tt.address, err, tt.blocked)
		}
	}
	if err := guardControl("tcp", "example.com:80", nil); err == nil {
		t.Error("a host name was let through: the guard must see resolved IPs only")
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want kind
	}{
		{"text", "The council met on Monday.", kindText},
		{"text with angle brackets", "Profits rose <5% as costs fell >2%.", kindText},
		{"html doc", "<!DOCTYPE html><html><body>x</body></html>", kindHTML},
		{"html fragment", "<p>One</p><p>Two</p>", kindHTML},
		{"html after text", "Intro\n<div class=a><p>Body</p></div>", kindHTML},
		{"rss", `<?xml version="1.0"?>` + "\n<!-- c -->\n" + `<rss version="2.0"><channel></channel></rss>`, kindFeed},
		{"rdf", `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>`, kindFeed},
		{"atom with BOM", "\ufeff<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>", kindFeed},
		{"json feed", `{"title":"x","version":"https://jsonfeed.org/version/1.1","items":[]}`, kindFeed},
		{"jsonl", "{\"text\":\"a\"}\n{\"text\":\"b\"}\n", kindJSONL},
		{"jsonl after blank line", "\n\n{\"text\":\"a\"}", kindJSONL},
		{"pretty json", "{\n \"a\": 1\n}", kindText},
		{"jsonl with a long first line", `{"id":"1","text":"` + strings.Repeat("word ", 4000) + `"}` + "\n", kindJSONL},
		{"long brace text", "{" + strings.Repeat("word ", 4000), kindText},
		{"brace text", "{Update} The minister resigned.", kindText},
		{"blank", " \n ", kindUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sniff([]byte(tt.in)); got != tt.want {
				t.Fatalf("sniff(%q)=%v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestMediaKind(t *testing.T) {
	tests := []struct {
		ct   string
		want kind
		ok   bool
	}{
		{"text/html; charset=windows-1251", kindHTML, true},
		{"application/xhtml+xml", kindHTML, true},
		{"application/rss+xml", kindFeed, true},
		{"application/atom+xml; charset=utf-8", kindFeed, true},
		{"text/xml", kindFeed, true},
		{"application/feed+json", kindFeed, true},
		{"application/x-ndjson", kindJSONL, true},
		{"text/plain", kindUnknown, true},
		{"application/json", kindUnknown, true},
		{"", kindUnknown, true},
		{"image/png", kindUnknown, false},
		{"application/pdf", kindUnknown, false},
	}
	for _, tt := range tests {
		if got, ok := mediaKind(tt.ct); got != tt.want || ok != tt.ok {
			t.Errorf("mediaKind(%q)=%v,%v, want %v,%v", tt.ct, got, ok, tt.want, tt.ok)
		}
	}
}

func TestDeclareUTF8(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<meta charset="windows-1251"><p>x`, `<meta charset="utf-8"><p>x`},
		{`<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=ISO-8859-1">`, `<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=utf-8">`},
		{`<meta charset=koi8-r>`, `<meta charset=utf-8>`},
		{`<p>no declaration</p>`, `<p>no declaration</p>`},
	}
	for _, tt := range tests {
		if got := string(declareUTF8([]byte(tt.in))); got != tt.want {
			t.Errorf("declareUTF8(%q)=%q, want %q", tt.in, got, tt.want)
		}
	}
}
