package soap

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestBindingVersion checks that a client sends the SOAP version of the
// operation's binding unless WithVersion overrides it.
func TestBindingVersion(t *testing.T) {
	var gotCT string
	var gotBody string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotCT = r.Header.Get("Content-Type")
		b, _ := io.ReadAll(r.Body)
		gotBody = string(b)
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(http.StatusBadGateway)
	}))
	defer srv.Close()
	op := &Operation{Name: "Ping", Action: "urn:t/Ping", Input: QName{"urn:t", "Ping"}, Output: QName{"urn:t", "PingResponse"}, Version: SOAP12}
	for _, tc := range []struct {
		name   string
		opts   []ClientOption
		wantCT string
		wantNS string
	}{
		{"binding says 1.2", nil, `application/soap+xml; charset=utf-8; action="urn:t/Ping"`, NSSOAP12Envelope},
		{"WithVersion overrides", []ClientOption{WithVersion(SOAP11)}, "text/xml; charset=utf-8", NSSOAP11Envelope},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := NewClient(srv.URL, tc.opts...)
			err := c.Call(context.Background(), op, emptyBody{}, nil, emptyBody{})
			if err == nil {
				t.Fatal("a 502 should fail")
			}
			if gotCT != tc.wantCT || !strings.Contains(gotBody, tc.wantNS) {
				t.Errorf("Content-Type %q, body %s", gotCT, gotBody)
			}
		})
	}
}

type emptyBody struct{}

func (emptyBody) MarshalSOAP(*Encoder)     {}
func (emptyBody) UnmarshalSOAP(d *Decoder) { d.End() }
