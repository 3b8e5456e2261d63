package soap_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/soapgen/soapgen/soap"
)

// TestCallErrorNamesOperationAndURL: whatever fails, the error says which
// operation at which endpoint (its password redacted), and the cause stays
// reachable with errors.As.
func TestCallErrorNamesOperationAndURL(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "no such page", http.StatusNotFound)
	}))
	t.Cleanup(srv.Close)
	url := strings.Replace(srv.URL, "http://", "http://bob:hunter2@", 1) + "/User.svc"
	_, _, err := call(testCtx(t), soap.NewClient(url), &msg{})
	var he *soap.HTTPError
	if !errors.As(err, &he) || he.StatusCode != http.StatusNotFound {
		t.Fatalf("err = %v (%T), want an *HTTPError 404", err, err)
	}
	redacted := strings.Replace(srv.URL, "http://", "http://bob:xxxxx@", 1) + "/User.svc"
	want := "soap: Echo " + redacted + ": HTTP 404 Not Found"
	if msg := err.Error(); !strings.HasPrefix(msg, want) || strings.Contains(msg, "hunter2") {
		t.Errorf("err = %q, want it to start with %q and hold no password", msg, want)
	}
}

// TestCallNilRequest: a nil request is an error naming the operation, and
// nothing is sent.
func TestCallNilRequest(t *testing.T) {
	var posted atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { posted.Add(1) }))
	t.Cleanup(srv.Close)
	_, _, err := call(testCtx(t), soap.NewClient(srv.URL), nil)
	if err == nil || !strings.Contains(err.Error(), "Echo") || !strings.Contains(err.Error(), "nil request") {
		t.Errorf("err = %v, want one naming Echo and the nil request", err)
	}
	if n := posted.Load(); n != 0 {
		t.Errorf("%d requests sent", n)
	}
}

// TestNewTransport: the exported transport is the tuned one, and each call
// gives a pool of its own.
func TestNewTransport(t *testing.T) {
	a, b := soap.NewTransport(time.Minute), soap.NewTransport(0)
	if a == b {
		t.Fatal("NewTransport returned the same transport twice")
	}
	if a.ResponseHeaderTimeout != time.Minute || b.ResponseHeaderTimeout != 0 {
		t.Errorf("response header timeouts %v, %v; want 1m0s, 0s", a.ResponseHeaderTimeout, b.ResponseHeaderTimeout)
	}
	if a.TLSHandshakeTimeout != 10*time.Second || a.MaxIdleConnsPerHost != 16 || a.DialContext == nil || a.Proxy == nil {
		t.Errorf("transport not tuned: %+v", a)
	}
	// A client given an HTTP client on it works as the default one does.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/xml")
		w.Write(envelope(t, soap.SOAP11, nil, &msg{Text: soap.Some("hi")}))
	}))
	t.Cleanup(srv.Close)
	resp, _, err := call(testCtx(t), soap.NewClient(srv.URL, soap.WithHTTPClient(&http.Client{Transport: a})), &msg{})
	if err != nil || resp.Text.Value() != "hi" {
		t.Errorf("call = %v, %v", resp, err)
	}
}
