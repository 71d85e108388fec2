package web

import (
	"net"
	"net/http"
	"os"
	"strings"
	"sync/atomic"
)

// A page on evil.example whose name is made to resolve to this server
// (DNS rebinding) is, to the browser, same-origin with it: Origin and
// Sec-Fetch-Site pass the cross-origin check of the POST routes, and the
// page could read every API answer. The Host header is what gives it
// away. The server answers only the hosts it is known by: those given
// (--allowed-hosts), else the address it is bound to and the localhost
// names, and when bound to every interface, the machine's own addresses
// and host name.

// hostPolicy is the set of host names and addresses the server answers.
type hostPolicy struct {
	any      bool // "*": every host (the check is off)
	names    map[string]bool
	loopback bool // 127.0.0.0/8, ::1 and localhost names
}

// newHostPolicy reads a list of allowed hosts ("news.example.org",
// "10.0.0.5", "*"). An empty list allows the loopback names only, until
// the server knows its address (see bind).
func newHostPolicy(hosts []string) *hostPolicy {
	p := &hostPolicy{names: map[string]bool{}}
	if len(hosts) == 0 {
		p.loopback = true
	}
	for _, h := range hosts {
		h = normalizeHost(h)
		switch h {
		case "":
		case "*":
			p.any = true
		default:
			p.names[h] = true
		}
	}
	return p
}

// bind adds, to a default policy, the address the server listens on: its
// IP, or for an unspecified address (":8080", "0.0.0.0") every address of
// the machine and its host name.
func (p *hostPolicy) bind(addr net.Addr) *hostPolicy {
	ta, ok := addr.(*net.TCPAddr)
	if !ok || !p.loopback {
		return p
	}
	q := &hostPolicy{loopback: true, names: map[string]bool{}}
	for n := range p.names {
		q.names[n] = true
	}
	if !ta.IP.IsUnspecified() {
		q.names[normalizeHost(ta.IP.String())] = true
		return q
	}
	if addrs, err := net.InterfaceAddrs(); err == nil {
		for _, a := range addrs {
			if ipn, ok := a.(*net.IPNet); ok {
				q.names[normalizeHost(ipn.IP.String())] = true
			}
		}
	}
	if h, err := os.Hostname(); err == nil && h != "" {
		q.names[normalizeHost(h)] = true
	}
	return q
}

// allows reports whether a request's Host header names this server.
func (p *hostPolicy) allows(hostport string) bool {
	if p.any {
		return true
	}
	h := normalizeHost(hostport)
	if h == "" {
		return false
	}
	if p.names[h] {
		return true
	}
	if p.loopback {
		if h == "localhost" || strings.HasSuffix(h, ".localhost") {
			return true
		}
		if ip := net.ParseIP(h); ip != nil && ip.IsLoopback() {
			return true
		}
	}
	return false
}

// list names the allowed hosts for the log.
func (p *hostPolicy) list() []string {
	if p.any {
		return []string{"*"}
	}
	var out []string
	if p.loopback {
		out = append(out, "localhost", "127.0.0.1", "::1")
	}
	for n := range p.names {
		out = append(out, n)
	}
	return out
}

// normalizeHost lowercases a host, drops its port, IPv6 brackets and a
// final dot. A malformed value gives "".
func normalizeHost(s string) string {
	s = strings.TrimSpace(strings.ToLower(s))
	if h, _, err := net.SplitHostPort(s); err == nil {
		s = h
	} else if strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") {
		s = s[1 : len(s)-1]
	}
	s = strings.TrimRight(s, ".")
	if ip := net.ParseIP(s); ip != nil {
		return ip.String()
	}
	// A name never holds a colon: what is left of one is malformed.
	if s == "" || strings.ContainsAny(s, "/@?#[]: \t") {
		return ""
	}
	return s
}

// hostCheck refuses requests for a host the server is not known by, and
// POSTs whose Origin names another host.
type hostCheck struct {
	policy atomic.Pointer[hostPolicy]
}

func (s *Server) checkHost(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := s.hosts.policy.Load()
		if !p.allows(r.Host) {
			s.refuseHost(w, r, "Host")
			return
		}
		if o := r.Header.Get("Origin"); o != "" && o != "null" && r.Method != http.MethodGet && r.Method != http.MethodHead {
			if i := strings.Index(o, "://"); i < 0 || !p.allows(o[i+3:]) {
				s.refuseHost(w, r, "Origin")
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) refuseHost(w http.ResponseWriter, r *http.Request, header string) {
	s.log.Warn("refused host", "header", header, "host", r.Host, "origin", r.Header.Get("Origin"), "path", r.URL.Path)
	msg := "This server does not answer to the host " + quoteHost(r.Host) +
		": open it by the address it listens on, or start it with --allowed-hosts naming this host."
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeJSONError(w, http.StatusForbidden, "forbidden_host", msg)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusForbidden)
	w.Write([]byte(msg + "\n"))
}

func quoteHost(h string) string {
	if len(h) > 100 {
		h = h[:100]
	}
	return "\"" + strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '"' {
			return '?'
		}
		return r
	}, h) + "\""
}
