package soap_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/soapgen/soapgen/soap"

	"github.com/soapgen/soapgen/soap/codec"
)

// The tests use a hand-written operation, Echo, whose messages and header
// are written like generated code.

const testNS = "urn:soapgen:test"

// msg is the request and response body of Echo.
type msg struct {
	Text soap.Opt[string]
	Data []byte // xs:base64Binary, sent when not nil
}

func (v *msg) MarshalSOAP(e *soap.Encoder) {
	codec.WriteOpt(e, testNS, "Text", v.Text, codec.String)
	if v.Data != nil {
		codec.Write(e, testNS, "Data", v.Data, codec.Base64)
	}
}

func (v *msg) UnmarshalSOAP(d *soap.Decoder) {
	if d.At(testNS, "Text", soap.NSXSD, "string") {
		v.Text = codec.ReadOpt(d, codec.ReadString)
	}
	if d.At(testNS, "Data", soap.NSXSD, "base64Binary") {
		v.Data = codec.ReadItem(d, codec.ReadBase64)
	}
	d.End()
}

// hdr is the request and response header of Echo.
type hdr struct {
	Ticket soap.Opt[string]
}

func (h *hdr) MarshalSOAPHeader(e *soap.Encoder) {
	codec.WriteOpt(e, testNS, "Ticket", h.Ticket, codec.String)
}

func (h *hdr) UnmarshalSOAPHeader(d *soap.Decoder) bool {
	if d.AtHeader(testNS, "Ticket", soap.NSXSD, "string") {
		h.Ticket = codec.ReadOpt(d, codec.ReadString)
		return true
	}
	return false
}

// otherHdr is a header type no operation uses.
type otherHdr struct{ hdr }

func echoInfo() soap.OperationInfo {
	return soap.OperationInfo{
		Operation: soap.Operation{
			Name:       "Echo",
			Action:     "urn:soapgen:test/Echo",
			Input:      soap.QName{Space: testNS, Local: "Echo"},
			Output:     soap.QName{Space: testNS, Local: "EchoResponse"},
			Namespaces: []string{testNS},
		},
		NewRequest:        func() soap.Body { return new(msg) },
		NewResponse:       func() soap.Body { return new(msg) },
		NewRequestHeader:  func() soap.Header { return new(hdr) },
		NewResponseHeader: func() soap.Header { return new(hdr) },
	}
}

// call sends an Echo request through c.
func call(ctx context.Context, c *soap.Client, req *msg, opts ...soap.CallOption) (*msg, *hdr, error) {
	op := echoInfo()
	var h hdr
	resp := new(msg)
	err := c.Call(ctx, &op.Operation, req, &h, resp, opts...)
	return resp, &h, err
}

// envelope encodes a response envelope of Echo.
func envelope(t *testing.T, v soap.Version, h *hdr, body *msg) []byte {
	t.Helper()
	env := soap.Envelope{Version: v, Namespaces: []string{testNS}, BodyName: soap.QName{Space: testNS, Local: "EchoResponse"}, Body: body}
	if h != nil {
		env.Header = h
	}
	return encodeEnvelope(t, &env)
}

// encodeEnvelope encodes env, failing the test if it cannot.
func encodeEnvelope(t *testing.T, env *soap.Envelope) []byte {
	t.Helper()
	e := soap.NewEncoder(nil)
	env.Encode(e)
	if err := e.Err(); err != nil {
		t.Fatal(err)
	}
	return e.Bytes()
}

func contentType(v soap.Version) string {
	if v == soap.SOAP12 {
		return "application/soap+xml; charset=utf-8"
	}
	return "text/xml; charset=utf-8"
}

// testCtx returns a context that ends the test's calls after 10 seconds,
// so that no test can hang.
func testCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// post sends a raw request to srv and returns the status, the response's
// HTTP header, its fault (nil if the body is no fault) and SOAP version.
func post(t *testing.T, srv *httptest.Server, method, ct string, extra http.Header, body []byte) (int, http.Header, *soap.Fault, soap.Version) {
	t.Helper()
	req, err := http.NewRequestWithContext(testCtx(t), method, srv.URL, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if ct != "" {
		req.Header.Set("Content-Type", ct)
	}
	for k, vs := range extra {
		req.Header[k] = vs
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	env := soap.Envelope{}
	err = env.Decode(soap.NewBytesDecoder(data))
	var f *soap.Fault
	if !errors.As(err, &f) {
		f = nil
	}
	if f != nil {
		if want := contentType(env.Version); resp.Header.Get("Content-Type") != want {
			t.Errorf("fault Content-Type = %q, want %q", resp.Header.Get("Content-Type"), want)
		}
	}
	return resp.StatusCode, resp.Header, f, env.Version
}
