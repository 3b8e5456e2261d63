package soap

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"sync"
)

// A ClientConn gives a generated client the *Client for its endpoint.
type ClientConn interface {
	// Endpoint returns the client calling endpoint, a URL path relative to a
	// base URL (e.g. "User.svc", as generated code takes it from the WSDL's
	// soap:address; "" for the base URL itself).
	Endpoint(path string) *Client
}

// Endpoint returns c, whatever the path: a Client is bound to one URL, and
// every generated client made from it calls that URL. To call several
// endpoints below one base URL, make the generated clients from a Session.
func (c *Client) Endpoint(path string) *Client { return c }

// A Session is a ClientConn for the endpoints below one base URL: all the
// clients it gives share one HTTP client, and so one connection pool, and
// one set of ClientOptions (headers, version, timeouts, interceptors…).
// It is safe for concurrent use.
//
//	s, err := soap.NewSession("https://host/Remote/Services88",
//		soap.WithDefaultHeader(h))
//	...
//	users := user.NewUserClient(s) // calls .../Remote/Services88/User.svc
//
// A session only calls URLs below its base: an endpoint path that is an
// absolute URL or leaves the base (such as "//other/x" or "../x") gets a
// client whose every call fails, so that the credentials in the session's
// headers never go elsewhere.
type Session struct {
	base   *url.URL
	client *Client // the HTTP client and options that the endpoints' clients copy

	mu      sync.Mutex
	clients map[string]*Client // by path
}

// NewSession returns a session for the endpoints below baseURL, an
// absolute http or https URL without query or fragment. Its path is taken
// as a directory: "https://host/Remote/Services88" and
// "https://host/Remote/Services88/" both put the endpoint "User.svc" at
// "https://host/Remote/Services88/User.svc". The options apply to every
// endpoint's client; the HTTP client is made once, as NewClient makes it,
// or is the one given with WithHTTPClient.
func NewSession(baseURL string, opts ...ClientOption) (*Session, error) {
	u, err := url.Parse(baseURL)
	if err != nil {
		// url.Parse's error quotes the URL, and parts of it, which may hold
		// a password.
		return nil, errors.New("soap: the session's base URL does not parse")
	}
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return nil, fmt.Errorf("soap: the session's base URL %s is not an http or https URL", quoteURL(u))
	case u.Host == "" || u.Opaque != "":
		return nil, fmt.Errorf("soap: the session's base URL %s has no host", quoteURL(u))
	case u.RawQuery != "" || u.ForceQuery || u.Fragment != "":
		return nil, fmt.Errorf("soap: the session's base URL %s has a query or fragment", quoteURL(u))
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
		if u.RawPath != "" {
			u.RawPath += "/"
		}
	}
	return &Session{
		base:    u,
		client:  NewClient(u.String(), opts...),
		clients: make(map[string]*Client),
	}, nil
}

// BaseURL returns the session's base URL, ending in "/", with any password
// replaced by "xxxxx".
func (s *Session) BaseURL() string { return s.base.Redacted() }

// Endpoint returns the client for path resolved against the base URL (as
// url.URL.ResolveReference does): "User.svc", or "" for the base URL
// itself. A path that is an absolute URL, that resolves outside the base
// URL, or that holds an encoded dot segment or a backslash (which servers
// may take for "..", or "/") gets a client whose every call returns an
// error saying so.
//
// Every path's client is made once and kept for the session's life: the
// paths are meant to be the few of a WSDL's services, not one per call.
func (s *Session) Endpoint(path string) *Client {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c, ok := s.clients[path]; ok {
		return c
	}
	c := new(Client)
	*c = *s.client
	c.bind(s.resolve(path))
	s.clients[path] = c
	return c
}

// CloseIdleConnections closes the idle connections of the session's
// transport.
func (s *Session) CloseIdleConnections() { s.client.CloseIdleConnections() }

// resolve returns the URL of the endpoint path, or why it is refused.
func (s *Session) resolve(path string) (string, error) {
	ref, err := url.Parse(path)
	if err != nil {
		return "", fmt.Errorf("endpoint %s refused: not a valid URL reference", quotePath(path, nil))
	}
	refuse := func(why string) (string, error) {
		return "", fmt.Errorf("endpoint %s refused: %s", quotePath(path, ref), why)
	}
	if ref.Scheme != "" || ref.Host != "" || ref.User != nil || ref.Opaque != "" {
		return refuse("a session's endpoints are paths below its base URL " + quoteURL(s.base))
	}
	if strings.Contains(path, `\`) {
		return refuse("it holds a backslash, which some servers take for a slash")
	}
	u := s.base.ResolveReference(ref)
	for seg := range strings.SplitSeq(u.Path, "/") {
		if seg == "." || seg == ".." {
			// ResolveReference removes literal dot segments, so this one was
			// percent-encoded, and the server may still honour it.
			return refuse("it holds an encoded dot segment")
		}
	}
	if u.Scheme != s.base.Scheme || u.Host != s.base.Host || !strings.HasPrefix(u.Path, s.base.Path) {
		return refuse("it leaves the session's base URL " + quoteURL(s.base))
	}
	return u.String(), nil
}

// quoteURL quotes u without its userinfo, for errors.
func quoteURL(u *url.URL) string {
	cp := *u
	cp.User = nil
	return strconv.Quote(cp.String())
}

// quotePath quotes an endpoint path for errors: without the userinfo that
// it holds if it parsed as ref, not at all if it did not parse and might
// hold some.
func quotePath(path string, ref *url.URL) string {
	switch {
	case ref != nil && ref.User != nil:
		return quoteURL(ref)
	case ref == nil && strings.Contains(path, "@"):
		return "(with userinfo, not shown)"
	}
	return strconv.Quote(path)
}
