package main

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/soapgen/soapgen/generated/services88"
	"github.com/soapgen/soapgen/generated/services88/user"
	"github.com/soapgen/soapgen/soap"
)

const (
	ticket = "7T:SECRET-ticket=="
	token  = "SECRET-token"
)

// fakeService implements SetUserPresenceStatus: it checks the
// credentials, fails with a fault for associate 13 and with a service
// error for associate 404, and echoes the status otherwise.
type fakeService struct {
	user.UnimplementedUserServer
	seen chan *services88.RequestHeader
}

func (f *fakeService) SetUserPresenceStatus(ctx context.Context, req *user.SetUserPresenceStatus) (*user.SetUserPresenceStatusResponse, error) {
	h := services88.RequestHeaderFrom(ctx)
	f.seen <- h
	if h.Credentials.Value() == nil || h.Credentials.Value().Ticket.Value() != ticket {
		return nil, &soap.Fault{Code: soap.ClientFaultCode(soap.SOAP11), Reason: "invalid ticket"}
	}
	switch req.AssociateId.Value() {
	case 13:
		return nil, &soap.Fault{Code: soap.ClientFaultCode(soap.SOAP11), Reason: "associate 13 is locked"}
	case 404:
		return nil, &services88.ServiceError{Info: &services88.SoExceptionInfo{Message: soap.Some("No such associate"), ExceptionType: soap.Some("SoException")}}
	}
	st := req.UserPresenceStatus.Value()
	return &user.SetUserPresenceStatusResponse{Response: soap.Some(&services88.UserPresenceStatus{
		Status:  st.Status,
		Message: soap.Some("echo: " + st.Message.Value()),
	})}, nil
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
	srv := httptest.NewServer(user.NewUserHandler(fake))
	defer srv.Close()
	base := []string{"-url", srv.URL, "-ticket", ticket, "-token", token}

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
	if code, out, errOut := runCmd(t, env, "-url", srv.URL, "-associate", "5", "-status", "StatusNormal"); code != 0 || !strings.HasPrefix(out, "Status: StatusNormal\n") {
		t.Errorf("env credentials: exit %d, %q %q", code, out, errOut)
	}
	if h := <-fake.seen; h.ApplicationToken.Value() != token {
		t.Errorf("token from env: %v", h.ApplicationToken)
	}

	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"fault", append(base, "-associate", "13", "-status", "StatusNormal"), "fault (Client): associate 13 is locked"},
		{"wrong ticket", []string{"-url", srv.URL, "-ticket", "7T:other", "-associate", "5", "-status", "StatusNormal", "-soap12"}, "fault (Sender): invalid ticket"},
		{"service error", append(base, "-associate", "404", "-status", "StatusNormal"), "service reported failure: SoException: No such associate"},
	} {
		code, out, errOut := runCmd(t, noEnv, tc.args...)
		if code != 1 || out != "" || !strings.Contains(errOut, tc.want) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 1 and %q", tc.name, code, out, errOut, tc.want)
		}
		<-fake.seen
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
		{"HTML 502", html.URL, "30s", "not SOAP: soap: HTTP 502"},
		{"timeout", slow.URL, "100ms", "timed out"},
	} {
		start := time.Now()
		code, out, errOut := runCmd(t, noEnv, "-url", tc.url, "-ticket", ticket, "-token", token, "-associate", "5", "-status", "StatusNormal", "-timeout", tc.timeout)
		if code != 1 || out != "" || !strings.Contains(errOut, tc.want) || time.Since(start) > 5*time.Second {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 1 and %q", tc.name, code, out, errOut, tc.want)
		}
	}
}

func TestPresenceUsage(t *testing.T) {
	ok := []string{"-url", "http://127.0.0.1:1/User.svc", "-ticket", ticket, "-associate", "5", "-status", "StatusNormal"}
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
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"bad status", with("-status", "Sleeping"), `invalid -status "Sleeping": want one of StatusNone, StatusNormal`},
		{"no status", with("-status", ""), `invalid -status ""`},
		{"no url", with("-url", ""), "-url must be an http or https URL"},
		{"no ticket", with("-ticket", ""), "-ticket (or PRESENCE_TICKET) is required"},
		{"bad associate", with("-associate", "0"), "-associate must be a positive associate id"},
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
