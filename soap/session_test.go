package soap_test

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/soapgen/soapgen/soap"
)

// Both a Client and a Session give generated clients their *Client.
var (
	_ soap.ClientConn = (*soap.Client)(nil)
	_ soap.ClientConn = (*soap.Session)(nil)
)

// recordingServer answers every Echo request with an empty response, counting
// its connections and recording the paths and request headers it got.
type recordingServer struct {
	*httptest.Server
	conns   atomic.Int32
	mu      sync.Mutex
	paths   []string
	tickets []string
}

func newRecordingServer(t *testing.T) *recordingServer {
	t.Helper()
	s := new(recordingServer)
	op := echoInfo()
	h := soap.NewHandler([]soap.ServerOperation{{
		OperationInfo: op,
		Serve: soap.ServeFunc(func(ctx context.Context, req *msg) (*msg, error) {
			s.mu.Lock()
			defer s.mu.Unlock()
			if h, ok := soap.IncomingHeader(ctx).(*hdr); ok {
				s.tickets = append(s.tickets, h.Ticket.Value())
			}
			return &msg{Text: req.Text}, nil
		}),
	}})
	s.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.paths = append(s.paths, r.URL.Path)
		s.mu.Unlock()
		h.ServeHTTP(w, r)
	}))
	s.Config.ConnState = func(_ net.Conn, st http.ConnState) {
		if st == http.StateNew {
			s.conns.Add(1)
		}
	}
	s.Start()
	t.Cleanup(s.Close)
	return s
}

func (s *recordingServer) got() (paths, tickets []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.paths...), append([]string(nil), s.tickets...)
}

func TestClientIsItsOwnEndpoint(t *testing.T) {
	c := soap.NewClient("https://host/x.svc")
	for _, p := range []string{"", "User.svc", "../x"} {
		if got := c.Endpoint(p); got != c {
			t.Errorf("Endpoint(%q) = %p, want the client itself %p", p, got, c)
		}
	}
}

func TestNewSessionRefuses(t *testing.T) {
	for _, u := range []string{
		"",
		"host/Remote",
		"/Remote/Services88",
		"ftp://user:secret@host/Remote",
		"https:opaque",
		"https:///Remote",
		"https://user:secret@host/Remote?q=1",
		"https://user:secret@host/Remote#f",
		"https://user:secret@host/Remote/%zz", // does not parse
		"https://user:se/cret@host/Remote",    // does not parse either
	} {
		s, err := soap.NewSession(u)
		if err == nil {
			t.Errorf("NewSession(%q) = %s, want an error", u, s.BaseURL())
			continue
		}
		if msg := err.Error(); strings.Contains(msg, "secret") || strings.Contains(msg, "se/cret") || strings.Contains(msg, "user") {
			t.Errorf("NewSession(%q): the error shows the userinfo: %v", u, err)
		}
	}
}

func TestSessionResolvesBelowBase(t *testing.T) {
	srv := newRecordingServer(t)
	for _, base := range []string{srv.URL + "/Remote/Services88", srv.URL + "/Remote/Services88/"} {
		s, err := soap.NewSession(base)
		if err != nil {
			t.Fatal(err)
		}
		if want := srv.URL + "/Remote/Services88/"; s.BaseURL() != want {
			t.Errorf("BaseURL() = %q, want %q", s.BaseURL(), want)
		}
		for _, p := range []string{"User.svc", "", "./Person.svc", "sub/../List.svc", "Sub/Deep.svc?x=1"} {
			if _, _, err := call(testCtx(t), s.Endpoint(p), &msg{}); err != nil {
				t.Errorf("%s: Endpoint(%q): %v", base, p, err)
			}
		}
	}
	paths, _ := srv.got()
	want := []string{"/Remote/Services88/User.svc", "/Remote/Services88/", "/Remote/Services88/Person.svc", "/Remote/Services88/List.svc", "/Remote/Services88/Sub/Deep.svc"}
	want = append(want, want...)
	if strings.Join(paths, " ") != strings.Join(want, " ") {
		t.Errorf("the server got\n%q, want\n%q", paths, want)
	}

	s, err := soap.NewSession(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if s.BaseURL() != srv.URL+"/" {
		t.Errorf("BaseURL() = %q, want %q", s.BaseURL(), srv.URL+"/")
	}
}

func TestSessionRefusesPathsOutsideBase(t *testing.T) {
	var leaked atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { leaked.Add(1) }))
	defer other.Close()
	srv := newRecordingServer(t)
	s, err := soap.NewSession(srv.URL+"/Remote/Services88", soap.WithDefaultHeader(&hdr{Ticket: soap.Some("secret")}))
	if err != nil {
		t.Fatal(err)
	}
	otherURL := strings.TrimPrefix(other.URL, "http:")
	for _, p := range []string{
		"../x",
		"../Services88x/User.svc", // a sibling sharing the base's prefix
		"a/../../x",
		"/x",
		"//" + strings.TrimPrefix(srv.URL, "http://") + "/x", // same host, outside the base
		otherURL + "/x",
		"http:" + otherURL + "/x",
		"//user:pw@" + strings.TrimPrefix(otherURL, "//") + "/x",
		"%2e%2e/x",
		"a/%2E%2E/%2e%2e/x",
		"..%2fx",
		`..\x`,
		"mailto:x",
		"%zz",
	} {
		c := s.Endpoint(p)
		_, _, err := call(testCtx(t), c, &msg{})
		if err == nil {
			t.Errorf("Endpoint(%q): the call succeeded", p)
			continue
		}
		if !strings.Contains(err.Error(), "refused") || strings.Contains(err.Error(), "pw") || strings.Contains(err.Error(), "secret") {
			t.Errorf("Endpoint(%q): err = %v", p, err)
		}
		if c2 := s.Endpoint(p); c2 != c {
			t.Errorf("Endpoint(%q) twice gives two clients", p)
		}
	}
	if paths, _ := srv.got(); len(paths) != 0 {
		t.Errorf("the server got %q", paths)
	}
	if n := leaked.Load(); n != 0 {
		t.Errorf("the other server got %d requests", n)
	}
}

// TestSessionSharesConnections calls three endpoints of one session in
// sequence: they share one connection, where three clients open three.
func TestSessionSharesConnections(t *testing.T) {
	paths := []string{"User.svc", "Person.svc", "Contact.svc"}

	srv := newRecordingServer(t)
	s, err := soap.NewSession(srv.URL+"/Remote/Services88", soap.WithDefaultHeader(&hdr{Ticket: soap.Some("t1")}))
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		for _, p := range paths {
			if _, _, err := call(testCtx(t), s.Endpoint(p), &msg{}); err != nil {
				t.Fatalf("%s: %v", p, err)
			}
		}
	}
	if n := srv.conns.Load(); n != 1 {
		t.Errorf("one session: %d connections for 6 sequential calls to 3 endpoints, want 1", n)
	}
	_, tickets := srv.got()
	if strings.Join(tickets, " ") != "t1 t1 t1 t1 t1 t1" {
		t.Errorf("the session's default header reached the server as %q", tickets)
	}
	s.CloseIdleConnections()
	if _, _, err := call(testCtx(t), s.Endpoint(paths[0]), &msg{}); err != nil {
		t.Fatal(err)
	}
	if n := srv.conns.Load(); n != 2 {
		t.Errorf("after CloseIdleConnections: %d connections, want 2", n)
	}

	srv = newRecordingServer(t)
	for _, p := range paths {
		c := soap.NewClient(srv.URL + "/Remote/Services88/" + p)
		if _, _, err := call(testCtx(t), c, &msg{}); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
	}
	if n := srv.conns.Load(); n != 3 {
		t.Errorf("three clients: %d connections, want 3", n)
	}
}

func TestSessionOwnHTTPClient(t *testing.T) {
	srv := newRecordingServer(t)
	var used atomic.Int32
	hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		used.Add(1)
		return srv.Client().Transport.RoundTrip(r)
	})}
	s, err := soap.NewSession(srv.URL, soap.WithHTTPClient(hc), soap.WithVersion(soap.SOAP12))
	if err != nil {
		t.Fatal(err)
	}
	op := echoInfo()
	for _, p := range []string{"A.svc", "B.svc"} {
		c := s.Endpoint(p)
		if v := c.Version(&op.Operation); v != soap.SOAP12 {
			t.Errorf("%s: version %v, want the session's SOAP 1.2", p, v)
		}
		if _, _, err := call(testCtx(t), c, &msg{}); err != nil {
			t.Fatal(err)
		}
	}
	if n := used.Load(); n != 2 {
		t.Errorf("the given HTTP client sent %d requests, want 2", n)
	}
}

// TestSessionConcurrentEndpoints gets and uses endpoints from many
// goroutines: one client per path, and (under -race) no data race.
func TestSessionConcurrentEndpoints(t *testing.T) {
	srv := newRecordingServer(t)
	s, err := soap.NewSession(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	paths := []string{"A.svc", "B.svc", "C.svc"}
	got := make([][]*soap.Client, 8)
	var wg sync.WaitGroup
	for g := range got {
		wg.Go(func() {
			for _, p := range paths {
				c := s.Endpoint(p)
				got[g] = append(got[g], c)
				if _, _, err := call(testCtx(t), c, &msg{}); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	for g := range got {
		for i := range paths {
			if got[g][i] != got[0][i] {
				t.Errorf("goroutine %d got another client for %s", g, paths[i])
			}
		}
	}
}
