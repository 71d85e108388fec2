package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// response is a fetched HTTP body.
type response struct {
	// URL is the final URL, after redirects.
	URL string
	// ContentType is the Content-Type header.
	ContentType string
	// Body is the raw body, at most MaxBytes long.
	Body []byte
}

// BlockedAddressError is the reason a connection was refused under
// Options.BlockPrivate.
type BlockedAddressError struct {
	// Addr is the resolved address refused.
	Addr netip.Addr
}

func (e *BlockedAddressError) Error() string {
	return fmt.Sprintf("refused to connect to non-public address %s (only public addresses may be fetched here)", e.Addr)
}

// nonPublic are the ranges netip's predicates do not cover that are still
// not the public internet.
var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("192.0.2.0/24"),    // documentation
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("198.51.100.0/24"), // documentation
	netip.MustParsePrefix("203.0.113.0/24"),  // documentation
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, and broadcast
	netip.MustParsePrefix("64:ff9b::/96"),    // NAT64: may embed a private v4
	netip.MustParsePrefix("64:ff9b:1::/48"),  // local-use NAT64
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
	netip.MustParsePrefix("100::/64"),        // discard
}

// isPublic reports whether addr is a public unicast address.
func isPublic(addr netip.Addr) bool {
	addr = addr.Unmap()
	if !addr.IsValid() || addr.IsLoopback() || addr.IsPrivate() || addr.IsUnspecified() ||
		addr.IsLinkLocalUnicast() || addr.IsLinkLocalMulticast() ||
		addr.IsInterfaceLocalMulticast() || addr.IsMulticast() {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(addr) {
			return false
		}
	}
	return true
}

// guardControl is a net.Dialer Control function refusing non-public
// addresses. It sees the address actually dialled, after DNS.
func guardControl(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("refused to connect to %q: not an IP address", address)
	}
	if !isPublic(ap.Addr()) {
		return &BlockedAddressError{Addr: ap.Addr().Unmap()}
	}
	return nil
}

func newClient(o Options) *http.Client {
	rt := o.Transport
	if rt == nil {
		d := &net.Dialer{Timeout: o.Timeout, KeepAlive: 30 * time.Second}
		if o.BlockPrivate {
			d.Control = guardControl
		}
		t := &http.Transport{
			DialContext:           d.DialContext,
			ForceAttemptHTTP2:     true,
			MaxIdleConns:          32,
			IdleConnTimeout:       60 * time.Second,
			TLSHandshakeTimeout:   o.Timeout,
			ResponseHeaderTimeout: o.Timeout,
			ExpectContinueTimeout: time.Second,
		}
		if !o.BlockPrivate {
			t.Proxy = http.ProxyFromEnvironment
		}
		rt = t
	}
	max := o.MaxRedirects
	return &http.Client{
		Transport: rt,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > max {
				return fmt.Errorf("stopped after %d redirects", max)
			}
			if s := req.URL.Scheme; s != "http" && s != "https" {
				return fmt.Errorf("redirected to unsupported scheme %q", s)
			}
			return nil
		},
	}
}

// checkURL parses a user-given URL, accepting http and https only.
func checkURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, fmt.Errorf("not a valid URL: %w", errors.Unwrap(err))
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	case "":
		return nil, errors.New("not a URL: it has no http:// or https:// scheme")
	default:
		return nil, fmt.Errorf("unsupported URL scheme %q: only http and https URLs can be fetched", u.Scheme)
	}
	if u.Host == "" {
		return nil, errors.New("URL has no host")
	}
	u.Fragment = ""
	return u, nil
}

// accept lists what crosscheck reads, best first.
const accept = "text/html, application/xhtml+xml;q=0.9, application/rss+xml;q=0.9, " +
	"application/atom+xml;q=0.9, application/feed+json;q=0.9, application/xml;q=0.8, " +
	"text/xml;q=0.8, application/json;q=0.7, text/plain;q=0.7, */*;q=0.1"

// get fetches raw, following redirects, within Timeout and MaxBytes.
func (r *Reader) get(ctx context.Context, raw string) (*response, error) {
	u, err := checkURL(raw)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, r.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("new request: %w", err)
	}
	req.Header.Set("User-Agent", r.opts.UserAgent)
	req.Header.Set("Accept", accept)
	resp, err := r.client.Do(req)
	if err != nil {
		return nil, r.fetchError(ctx, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("HTTP %s", resp.Status)
	}
	max := r.opts.MaxBytes
	if resp.ContentLength > max {
		return nil, fmt.Errorf("response is %s, over the %s size cap", size(resp.ContentLength), size(max))
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, r.fetchError(ctx, fmt.Errorf("read body: %w", err))
	}
	if int64(len(body)) > max {
		return nil, fmt.Errorf("response is over the %s size cap", size(max))
	}
	return &response{URL: resp.Request.URL.String(), ContentType: resp.Header.Get("Content-Type"), Body: body}, nil
}

// fetchError turns a client error into a message a user can act on.
func (r *Reader) fetchError(ctx context.Context, err error) error {
	var blocked *BlockedAddressError
	if errors.As(err, &blocked) {
		return blocked
	}
	if errors.Is(err, context.DeadlineExceeded) && ctx.Err() != nil {
		return fmt.Errorf("no complete answer within %s (timeout)", r.opts.Timeout)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		if ue.Timeout() {
			return fmt.Errorf("no complete answer within %s (timeout)", r.opts.Timeout)
		}
		// The client's own CheckRedirect errors read well as they are.
		if ue.Err != nil && strings.HasPrefix(ue.Err.Error(), "stopped after") {
			return ue.Err
		}
		return fmt.Errorf("fetch: %w", ue.Err)
	}
	return fmt.Errorf("fetch: %w", err)
}

// size formats a byte count for messages.
func size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
