package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/soapgen/soapgen/generated/services88"
	"github.com/soapgen/soapgen/generated/services88/user"
	"github.com/soapgen/soapgen/soap"
	"github.com/soapgen/soapgen/soap/soaptest"
)

const (
	ticket = "7T:SECRET-ticket=="
	token  = "SECRET-token"
)

// fakeService implements SetUserPresenceStatus: it checks the
// credentials, fails with a fault for associate 13, with a service error
// for associate 404 and with a ticket refusal for associate 401, and
// echoes the status otherwise.
type fakeService struct {
	user.UnimplementedUserServer
	ticket string // the ticket accepted; the constant ticket if ""
	seen   chan *services88.RequestHeader
}

func (f *fakeService) SetUserPresenceStatus(ctx context.Context, req *user.SetUserPresenceStatus) (*user.SetUserPresenceStatusResponse, error) {
	h := services88.RequestHeaderFrom(ctx)
	f.seen <- h
	want := f.ticket
	if want == "" {
		want = ticket
	}
	if h.Credentials.Value() == nil || h.Credentials.Value().Ticket.Value() != want {
		return nil, &soap.Fault{Code: soap.ClientFaultCode(soap.SOAP11), Reason: "invalid ticket"}
	}
	switch req.AssociateId.Value() {
	case 13:
		return nil, &soap.Fault{Code: soap.ClientFaultCode(soap.SOAP11), Reason: "associate 13 is locked"}
	case 404:
		return nil, &services88.ServiceError{Info: &services88.SoExceptionInfo{Message: soap.Some("No such associate"), ExceptionType: soap.Some("SoException")}}
	case 401:
		return nil, &services88.ServiceError{Info: &services88.SoExceptionInfo{Message: soap.Some("Ticket expired"), ExceptionType: soap.Some("SuperOffice.CRM.SoCredentialsExpiredException")}}
	}
	st := req.UserPresenceStatus.Value()
	return &user.SetUserPresenceStatusResponse{Response: soap.Some(&user.UserPresenceStatus{
		Status:  st.Status,
		Message: soap.Some("echo: " + st.Message.Value()),
	})}, nil
}

// servicesPath is where the fake installation serves its agents.
const servicesPath = "/Remote/Services88/"

// newInstallation serves fake at servicesPath+"User.svc" on 127.0.0.1 and
// returns the server and the Services88 base URL. Each request envelope
// the service receives is sent to bodies, when that is not nil.
func newInstallation(t *testing.T, fake *fakeService, bodies chan<- []byte) (*httptest.Server, string) {
	t.Helper()
	h := user.NewUserHandler(fake)
	mux := http.NewServeMux()
	mux.Handle(servicesPath+"User.svc", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if bodies != nil {
			b, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			bodies <- b
			r.Body = io.NopCloser(bytes.NewReader(b))
		}
		h.ServeHTTP(w, r)
	}))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, srv.URL + servicesPath
}

func noEnv(string) string { return "" }

func runCmd(t *testing.T, getenv func(string) string, args ...string) (int, string, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var stdout, stderr strings.Builder
	code := run(ctx, args, getenv, &stdout, &stderr)
	for _, s := range []string{ticket, token, "SECRET"} {
		if strings.Contains(stdout.String()+stderr.String(), s) {
			t.Errorf("the output holds a secret:\n%s%s", stdout.String(), stderr.String())
		}
	}
	return code, stdout.String(), stderr.String()
}

func TestPresence(t *testing.T) {
	fake := &fakeService{seen: make(chan *services88.RequestHeader, 10)}
	srv, baseURL := newInstallation(t, fake, nil)
	base := []string{"-base", baseURL, "-ticket", ticket, "-token", token}

	for _, soap12 := range []bool{false, true} {
		args := append(base, "-associate", "5", "-status", "StatusNotAvailable", "-message", "At lunch")
		if soap12 {
			args = append(args, "-soap12")
		}
		code, out, errOut := runCmd(t, noEnv, args...)
		if code != 0 || out != "Status: StatusNotAvailable\nMessage: echo: At lunch\n" || errOut != "" {
			t.Errorf("soap12=%v: exit %d, stdout %q, stderr %q", soap12, code, out, errOut)
		}
		h := <-fake.seen
		if h.ApplicationToken.Value() != token || h.Credentials.Value().Ticket.Value() != ticket {
			t.Errorf("the server got headers %v", h)
		}
	}

	// Credentials from the environment.
	env := func(k string) string {
		return map[string]string{"PRESENCE_TICKET": ticket, "PRESENCE_TOKEN": token}[k]
	}
	if code, out, errOut := runCmd(t, env, "-base", baseURL, "-associate", "5", "-status", "StatusNormal"); code != 0 || !strings.HasPrefix(out, "Status: StatusNormal\n") {
		t.Errorf("env credentials: exit %d, %q %q", code, out, errOut)
	}
	if h := <-fake.seen; h.ApplicationToken.Value() != token {
		t.Errorf("token from env: %v", h.ApplicationToken)
	}

	// The base URL without its final slash, and the full User.svc URL of
	// the command's earlier versions, reach the same service.
	for _, loc := range [][]string{
		{"-base", strings.TrimSuffix(baseURL, "/")},
		{"-url", srv.URL + servicesPath + "User.svc"},
	} {
		args := append(loc, "-ticket", ticket, "-associate", "0", "-status", "StatusNormal", "-message", "here")
		if code, out, errOut := runCmd(t, noEnv, args...); code != 0 || out != "Status: StatusNormal\nMessage: echo: here\n" || errOut != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", loc, code, out, errOut)
		}
		if h := <-fake.seen; h.ApplicationToken.IsSet() || h.Credentials.Value().Ticket.Value() != ticket {
			t.Errorf("%s: the server got headers %v", loc, h)
		}
	}

	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"fault", append(base, "-associate", "13", "-status", "StatusNormal"), "fault (Client): associate 13 is locked"},
		{"wrong ticket", []string{"-base", baseURL, "-ticket", "7T:other", "-associate", "5", "-status", "StatusNormal", "-soap12"}, "fault (Sender): invalid ticket"},
		{"service error", append(base, "-associate", "404", "-status", "StatusNormal"), "service reported failure: SoException: No such associate"},
		{"ticket refused", append(base, "-associate", "401", "-status", "StatusNormal"), "the ticket was refused (expired?); get a new one: soap: SetUserPresenceStatus " + baseURL + "User.svc: netserver: ticket refused: service reported failure: SuperOffice.CRM.SoCredentialsExpiredException: Ticket expired"},
	} {
		code, out, errOut := runCmd(t, noEnv, tc.args...)
		if code != 1 || out != "" || !strings.Contains(errOut, tc.want) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 1 and %q", tc.name, code, out, errOut, tc.want)
		}
		<-fake.seen
	}
	select {
	case h := <-fake.seen:
		t.Errorf("an unexpected call (a retry?) with headers %v", h)
	default:
	}
}

// TestPresenceDocumentedRequest runs the command with the values of the
// vendor's documented SetUserPresenceStatus request (SOAP 1.2, associate 0,
// StatusNone, an empty message) and compares the envelope it sends with
// the documented one by meaning.
func TestPresenceDocumentedRequest(t *testing.T) {
	const doc = "../../generated/services88/user/testdata/examples/SetUserPresenceStatus.request.xml"
	want, err := os.ReadFile(doc)
	if err != nil {
		t.Fatal(err)
	}
	const (
		docTicket = "7T:1234abcxyzExample=="
		docToken  = "1234567-1234-9876"
	)
	fake := &fakeService{ticket: docTicket, seen: make(chan *services88.RequestHeader, 1)}
	bodies := make(chan []byte, 1)
	_, baseURL := newInstallation(t, fake, bodies)
	code, out, errOut := runCmd(t, noEnv, "-base", baseURL, "-ticket", docTicket, "-token", docToken,
		"-associate", "0", "-status", "StatusNone", "-soap12")
	if code != 0 || out != "Status: StatusNone\nMessage: echo: \n" || errOut != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if h := <-fake.seen; h.ApplicationToken.Value() != docToken || h.Credentials.Value().Ticket.Value() != docTicket {
		t.Errorf("the server got headers %v", h)
	}
	got := <-bodies
	diffs, err := soaptest.Compare(want, got)
	if err != nil {
		t.Fatal(err)
	}
	if len(diffs) > 0 {
		t.Errorf("the request differs from %s:\n%s\nsent:\n%s", doc, strings.Join(diffs, "\n"), got)
	}
}

func TestPresenceTransportErrors(t *testing.T) {
	html := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusBadGateway)
		io.WriteString(w, "<html>Bad Gateway</html>")
	}))
	defer html.Close()
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	}))
	defer slow.Close()
	for _, tc := range []struct {
		name, url, timeout, want string
	}{
		{"HTML 502", html.URL, "30s", "not SOAP: soap: SetUserPresenceStatus " + html.URL + "/User.svc: HTTP 502"},
		{"timeout", slow.URL, "100ms", "timed out"},
	} {
		code, out, errOut := runCmd(t, noEnv, "-base", tc.url, "-ticket", ticket, "-token", token, "-associate", "5", "-status", "StatusNormal", "-timeout", tc.timeout)
		if code != 1 || out != "" || !strings.Contains(errOut, tc.want) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 1 and %q", tc.name, code, out, errOut, tc.want)
		}
	}
}

func TestPresenceUsage(t *testing.T) {
	ok := []string{"-base", "http://127.0.0.1:1/Remote/Services88/", "-ticket", ticket, "-associate", "5", "-status", "StatusNormal"}
	with := func(flag, value string) []string {
		args := append([]string(nil), ok...)
		for i := 0; i < len(args); i += 2 {
			if args[i] == flag {
				args[i+1] = value
				return args
			}
		}
		return append(args, flag, value)
	}
	without := func(flag string) []string {
		var args []string
		for i := 0; i < len(ok); i += 2 {
			if ok[i] != flag {
				args = append(args, ok[i], ok[i+1])
			}
		}
		return args
	}
	withURL := func(u string) []string { return append(without("-base"), "-url", u) }
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"bad status", with("-status", "Sleeping"), `invalid -status "Sleeping": want one of StatusNone, StatusNormal`},
		{"no status", with("-status", ""), `invalid -status ""`},
		{"no base", with("-base", ""), "-base (the Services88 base URL) is required"},
		{"base not http", with("-base", "ftp://127.0.0.1/Remote/Services88/"), "-base must be an http or https URL"},
		{"base without host", with("-base", "Remote/Services88/"), "-base must be an http or https URL"},
		{"base with query", with("-base", "http://127.0.0.1:1/Remote/Services88/?x=1"), "-base must not have a query or fragment"},
		{"base and url", append(with("-status", "StatusNormal"), "-url", "http://127.0.0.1:1/Remote/Services88/User.svc"), "give -base or -url, not both"},
		{"url not http", withURL("file:///Remote/Services88/User.svc"), "-url must be an http or https URL"},
		{"url of another service", withURL("http://127.0.0.1:1/Remote/Services88/Person.svc"), "-url must be the User service's URL, ending in /User.svc (or give -base)"},
		{"url of the base", withURL("http://127.0.0.1:1/Remote/Services88/"), "ending in /User.svc"},
		{"url with fragment", withURL("http://127.0.0.1:1/Remote/Services88/User.svc#x"), "-url must not have a query or fragment"},
		{"no ticket", with("-ticket", ""), "-ticket (or PRESENCE_TICKET) is required"},
		{"no associate", without("-associate"), "-associate is required (0 for the current user)"},
		{"negative associate", with("-associate", "-1"), "-associate must be an associate id (0 for the current user), not -1"},
		{"associate too large", with("-associate", "2147483648"), "-associate must be an associate id (0 for the current user), not 2147483648"},
		{"non-numeric associate", with("-associate", "me"), `invalid value "me" for flag -associate`},
		{"empty associate", with("-associate", ""), `invalid value "" for flag -associate`},
		{"bad timeout", with("-timeout", "0s"), "-timeout must be positive"},
		{"unknown flag", with("-verbose", "x"), "flag provided but not defined: -verbose"},
		{"extra args", append(with("-status", "StatusNormal"), "extra"), `unexpected arguments ["extra"]`},
	} {
		code, out, errOut := runCmd(t, noEnv, tc.args...)
		if code != 2 || out != "" || !strings.Contains(errOut, tc.want) || !strings.Contains(errOut, "Usage of presence") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 2, usage and %q", tc.name, code, out, errOut, tc.want)
		}
	}
}
