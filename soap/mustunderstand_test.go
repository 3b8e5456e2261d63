package soap_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/soapgen/soapgen/soap"

	"github.com/soapgen/soapgen/soap/codec"
)

// echoWithHeader is an Echo request of version v whose Header holds
// entries (raw XML, declaring their own namespaces; the envelope's prefix
// is s) and whose body holds inner.
func echoWithHeader(v soap.Version, entries, inner string) []byte {
	return []byte(`<s:Envelope xmlns:s="` + v.EnvelopeNS() + `"><s:Header>` + entries +
		`</s:Header><s:Body><Echo xmlns="` + testNS + `">` + inner + `</Echo></s:Body></s:Envelope>`)
}

// TestHandlerMustUnderstand: a header entry addressed to the handler
// (no actor or role, or next, or ultimateReceiver) that it does not know
// and that carries mustUnderstand is answered with a MustUnderstand fault
// and HTTP 500, without calling the method; entries addressed to other
// nodes are ignored, mandatory or not, and mustUnderstand="0" entries are
// skipped.
func TestHandlerMustUnderstand(t *testing.T) {
	var calls atomic.Int32
	var lastTicket atomic.Value
	srv := echoServer(t, func(ctx context.Context, req *msg) (*msg, error) {
		calls.Add(1)
		lastTicket.Store(soap.IncomingHeader(ctx).(*hdr).Ticket)
		return req, nil
	})
	const x = `xmlns:x="urn:x"`
	for _, tc := range []struct {
		name    string
		v       soap.Version
		entries string
		inner   string
		// mu lists the entries a MustUnderstand fault must name; nil
		// means the call must succeed.
		mu []string
	}{
		{"1.1 mustUnderstand 1", soap.SOAP11, `<x:X ` + x + ` s:mustUnderstand="1"/>`, "", []string{"{urn:x}X"}},
		{"1.1 mustUnderstand true", soap.SOAP11, `<x:X ` + x + ` s:mustUnderstand=" true "/>`, "", []string{"{urn:x}X"}},
		{"1.1 actor next", soap.SOAP11, `<x:X ` + x + ` s:mustUnderstand="1" s:actor="http://schemas.xmlsoap.org/soap/actor/next"/>`, "", []string{"{urn:x}X"}},
		{"1.1 empty actor", soap.SOAP11, `<x:X ` + x + ` s:mustUnderstand="1" s:actor=""/>`, "", []string{"{urn:x}X"}},
		{"1.1 unqualified entry", soap.SOAP11, `<X s:mustUnderstand="1"/>`, "", []string{"X"}},
		{"1.1 two entries, one known", soap.SOAP11, `<x:A ` + x + ` s:mustUnderstand="1"/><Ticket xmlns="` + testNS + `" s:mustUnderstand="1">t</Ticket><x:B ` + x + ` s:mustUnderstand="1">text<x:c/></x:B>`, "", []string{"{urn:x}A", "{urn:x}B"}},
		{"1.1 body not processed", soap.SOAP11, `<x:X ` + x + ` s:mustUnderstand="1"/>`, "<Unknown/>", []string{"{urn:x}X"}},
		{"1.2 mustUnderstand true", soap.SOAP12, `<x:X ` + x + ` s:mustUnderstand="true"/>`, "", []string{"{urn:x}X"}},
		{"1.2 mustUnderstand 1", soap.SOAP12, `<x:X ` + x + ` s:mustUnderstand="1"/>`, "", []string{"{urn:x}X"}},
		{"1.2 role next", soap.SOAP12, `<x:X ` + x + ` s:mustUnderstand="true" s:role="http://www.w3.org/2003/05/soap-envelope/role/next"/>`, "", []string{"{urn:x}X"}},
		{"1.2 role ultimateReceiver", soap.SOAP12, `<x:X ` + x + ` s:mustUnderstand="true" s:role="http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver"/>`, "", []string{"{urn:x}X"}},
		{"1.2 two entries", soap.SOAP12, `<x:A ` + x + ` s:mustUnderstand="true"/><B xmlns="urn:y" s:mustUnderstand="true"/>`, "", []string{"{urn:x}A", "{urn:y}B"}},

		{"1.1 mustUnderstand 0", soap.SOAP11, `<x:X ` + x + ` s:mustUnderstand="0"/>`, "", nil},
		{"1.1 no mustUnderstand", soap.SOAP11, `<x:X ` + x + `/>`, "", nil},
		{"1.1 other actor", soap.SOAP11, `<x:X ` + x + ` s:mustUnderstand="1" s:actor="urn:some:other:node"/>`, "", nil},
		{"1.1 a 1.2 role is no actor", soap.SOAP11, `<x:X ` + x + ` s:mustUnderstand="1" s:role="urn:other"/>`, "", []string{"{urn:x}X"}},
		{"1.1 known entry, mandatory", soap.SOAP11, `<Ticket xmlns="` + testNS + `" s:mustUnderstand="1">t</Ticket>`, "", nil},
		{"1.2 mustUnderstand false", soap.SOAP12, `<x:X ` + x + ` s:mustUnderstand="false"/>`, "", nil},
		{"1.2 role none", soap.SOAP12, `<x:X ` + x + ` s:mustUnderstand="true" s:role="http://www.w3.org/2003/05/soap-envelope/role/none"/>`, "", nil},
		{"1.2 other role", soap.SOAP12, `<x:X ` + x + ` s:mustUnderstand="true" s:role="urn:some:other:node"/>`, "", nil},
		{"1.2 a 1.1 actor is no role", soap.SOAP12, `<x:X ` + x + ` s:mustUnderstand="true" s:actor="urn:other"/>`, "", []string{"{urn:x}X"}},
		{"1.2 mustUnderstand of 1.1", soap.SOAP12, `<x:X ` + x + ` xmlns:s11="http://schemas.xmlsoap.org/soap/envelope/" s11:mustUnderstand="1"/>`, "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := calls.Load()
			status, _, f, v := post(t, srv, http.MethodPost, contentType(tc.v), nil, echoWithHeader(tc.v, tc.entries, tc.inner))
			called := calls.Load() != before
			if tc.mu == nil {
				if status != http.StatusOK || f != nil || !called {
					t.Fatalf("status %d, fault %v, method called: %v; want 200", status, f, called)
				}
				return
			}
			if called {
				t.Error("the method was called")
			}
			want := soap.QName{Space: tc.v.EnvelopeNS(), Local: "MustUnderstand"}
			if status != http.StatusInternalServerError || f == nil || v != tc.v || f.Code != want {
				t.Fatalf("status %d, version %v, fault %+v; want 500 and %s", status, v, f, want)
			}
			for _, name := range tc.mu {
				if !strings.Contains(f.Reason, name) {
					t.Errorf("reason %q does not name %s", f.Reason, name)
				}
			}
		})
	}
	// A known entry addressed to another node is not read.
	status, _, f, _ := post(t, srv, http.MethodPost, contentType(soap.SOAP12), nil,
		echoWithHeader(soap.SOAP12, `<Ticket xmlns="`+testNS+`" s:role="urn:other">t</Ticket>`, ""))
	if status != http.StatusOK || f != nil {
		t.Fatalf("status %d, fault %v", status, f)
	}
	if got := lastTicket.Load().(soap.Opt[string]); got.IsSet() {
		t.Errorf("the method saw the ticket %v addressed to another node", got)
	}
}

// notUnderstoodHdr reads SOAP 1.2 NotUnderstood header blocks strictly:
// the qname attribute, resolved, and nothing else.
type notUnderstoodHdr struct{ names []soap.QName }

func (h *notUnderstoodHdr) MarshalSOAPHeader(*soap.Encoder) {}

func (h *notUnderstoodHdr) UnmarshalSOAPHeader(d *soap.Decoder) bool {
	if !d.AtHeaderAttrs(soap.NSSOAP12Envelope, "NotUnderstood", "", "") {
		return false
	}
	q, ok := codec.ReadAttr(d, "", "qname", codec.ReadQName)
	if !ok {
		d.MissingAttr("", "qname")
	}
	d.EndAttrs()
	d.End()
	h.names = append(h.names, q)
	return true
}

// TestHandlerMustUnderstandEnvelope decodes the whole fault response
// strictly and checks it against what SOAP specifies: SOAP 1.2 Part 1
// §5.4.8 (Code env:MustUnderstand, one NotUnderstood block per entry,
// whose qname resolves to the entry's name) and SOAP 1.1 §4.4.1
// (faultcode MustUnderstand, no header).
func TestHandlerMustUnderstandEnvelope(t *testing.T) {
	srv := echoServer(t, func(_ context.Context, req *msg) (*msg, error) { return req, nil })
	entries := `<abc:Extension1 xmlns:abc="http://example.org/2001/06/ext" s:mustUnderstand="1"/><Ext2 xmlns="urn:y" s:mustUnderstand="1"/><Ext3 s:mustUnderstand="1"/>`
	want := []soap.QName{{Space: "http://example.org/2001/06/ext", Local: "Extension1"}, {Space: "urn:y", Local: "Ext2"}, {Local: "Ext3"}}
	const reason = "mandatory SOAP header entries {http://example.org/2001/06/ext}Extension1, {urn:y}Ext2, Ext3 not understood"
	for _, v := range []soap.Version{soap.SOAP11, soap.SOAP12} {
		t.Run(v.String(), func(t *testing.T) {
			req, err := http.NewRequestWithContext(testCtx(t), http.MethodPost, srv.URL, bytes.NewReader(echoWithHeader(v, entries, "")))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Content-Type", contentType(v))
			resp, err := srv.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			data, err := io.ReadAll(resp.Body)
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != http.StatusInternalServerError {
				t.Errorf("status %d, want 500", resp.StatusCode)
			}
			var h notUnderstoodHdr
			env := soap.Envelope{Header: &h, StrictHeaders: true}
			err = env.Decode(soap.NewBytesDecoder(data))
			var f *soap.Fault
			if !errors.As(err, &f) {
				t.Fatalf("no fault: %v\n%s", err, data)
			}
			code := soap.QName{Space: v.EnvelopeNS(), Local: "MustUnderstand"}
			if f.Version != v || f.Code != code || len(f.Subcodes) != 0 || f.Reason != reason || f.Detail != nil {
				t.Errorf("fault %+v, want %s: %q\n%s", f, code, reason, data)
			}
			blocks := want
			if v == soap.SOAP11 {
				blocks = nil // SOAP 1.1 defines no NotUnderstood block
			}
			if fmt.Sprint(h.names) != fmt.Sprint(blocks) {
				t.Errorf("NotUnderstood blocks name %v, want %v\n%s", h.names, blocks, data)
			}
		})
	}
}

// TestHandlerMustUnderstandPrecedence: a version mismatch comes before
// mustUnderstand (SOAP 1.2 Part 1 §5.4.7), and WithStrictHeaders refuses
// unknown optional entries but still answers mandatory ones with
// MustUnderstand; a malformed mustUnderstand value is a Client fault.
func TestHandlerMustUnderstandPrecedence(t *testing.T) {
	srv := echoServer(t, func(_ context.Context, req *msg) (*msg, error) { return req, nil }, soap.WithStrictHeaders())
	mandatory := `<x:X xmlns:x="urn:x" s:mustUnderstand="1"/>`
	for _, tc := range []struct {
		name, ct string
		body     []byte
		status   int
		code     soap.QName
		reason   string
	}{
		{"version mismatch first", contentType(soap.SOAP11), echoWithHeader(soap.SOAP12, mandatory, ""), 500, soap.QName{Space: soap.NSSOAP11Envelope, Local: "VersionMismatch"}, "SOAP 1.2 envelope"},
		{"strict, mandatory", contentType(soap.SOAP11), echoWithHeader(soap.SOAP11, mandatory, ""), 500, soap.QName{Space: soap.NSSOAP11Envelope, Local: "MustUnderstand"}, "{urn:x}X"},
		{"strict, optional", contentType(soap.SOAP11), echoWithHeader(soap.SOAP11, `<x:X xmlns:x="urn:x"/>`, ""), 500, soap.ClientFaultCode(soap.SOAP11), "unknown SOAP header {urn:x}X"},
		{"strict, other actor", contentType(soap.SOAP11), echoWithHeader(soap.SOAP11, `<x:X xmlns:x="urn:x" s:actor="urn:other"/>`, ""), 200, soap.QName{}, ""},
		{"bad mustUnderstand", contentType(soap.SOAP12), echoWithHeader(soap.SOAP12, `<x:X xmlns:x="urn:x" s:mustUnderstand="yes"/>`, ""), 400, soap.ClientFaultCode(soap.SOAP12), `bad mustUnderstand "yes"`},
		{"malformed header first", contentType(soap.SOAP11), echoWithHeader(soap.SOAP11, `<Ticket xmlns="`+testNS+`"><bad/></Ticket>`+mandatory, ""), 500, soap.ClientFaultCode(soap.SOAP11), "malformed request"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, _, f, _ := post(t, srv, http.MethodPost, tc.ct, nil, tc.body)
			if tc.status == 200 {
				if status != 200 || f != nil {
					t.Errorf("status %d, fault %v", status, f)
				}
				return
			}
			if status != tc.status || f == nil || f.Code != tc.code || !strings.Contains(f.Reason, tc.reason) {
				t.Errorf("status %d, fault %+v; want %d, %s with %q", status, f, tc.status, tc.code, tc.reason)
			}
		})
	}
}

// TestDecodeMustUnderstandError: Envelope.Decode returns a
// *MustUnderstandError with every entry and the first one's position,
// and leaves the body unread.
func TestDecodeMustUnderstandError(t *testing.T) {
	data := echoWithHeader(soap.SOAP11, "\n<x:A xmlns:x=\"urn:x\" s:mustUnderstand=\"1\"/><x:B xmlns:x=\"urn:x\" s:mustUnderstand=\"true\"/>", "<Text>not read</Text>")
	body := new(msg)
	env := soap.Envelope{BodyName: soap.QName{Space: testNS, Local: "Echo"}, Body: body, Header: new(hdr)}
	err := env.Decode(soap.NewBytesDecoder(data))
	var mu *soap.MustUnderstandError
	if !errors.As(err, &mu) {
		t.Fatalf("err = %v (%T), want a *soap.MustUnderstandError", err, err)
	}
	want := []soap.QName{{Space: "urn:x", Local: "A"}, {Space: "urn:x", Local: "B"}}
	if mu.Version != soap.SOAP11 || len(mu.Headers) != 2 || mu.Headers[0] != want[0] || mu.Headers[1] != want[1] || mu.Line != 2 || mu.Col != 1 {
		t.Errorf("error = %+v", mu)
	}
	if body.Text.IsSet() {
		t.Error("the body was read")
	}
	if s := err.Error(); s != "soap: line 2:1: mandatory SOAP header entries {urn:x}A, {urn:x}B not understood (mustUnderstand)" {
		t.Errorf("Error() = %q", s)
	}
}

// TestClientMustUnderstand: the client does not enforce mustUnderstand on
// a fault response (the fault comes back as *soap.Fault, with its declared
// detail decoded, not as *soap.HTTPError); a non-fault response with a
// mandatory entry addressed to the client that it does not know fails the
// call with a *soap.MustUnderstandError (its body is not used); entries
// addressed to other nodes are ignored.
func TestClientMustUnderstand(t *testing.T) {
	mandatory := `<x:Sig xmlns:x="urn:x" s:mustUnderstand="1"/>`
	fault := func(v soap.Version) string {
		if v == soap.SOAP11 {
			return `<s:Fault><faultcode>s:Client</faultcode><faultstring>no ticket</faultstring><detail><Oops xmlns="` + testNS + `"><Text>d</Text></Oops></detail></s:Fault>`
		}
		return `<s:Fault><s:Code><s:Value>s:Sender</s:Value></s:Code><s:Reason><s:Text xml:lang="en">no ticket</s:Text></s:Reason><s:Detail><Oops xmlns="` + testNS + `"><Text>d</Text></Oops></s:Detail></s:Fault>`
	}
	response := `<EchoResponse xmlns="` + testNS + `"><Text>hi</Text></EchoResponse>`
	op := echoInfo()
	op.Faults = []soap.FaultType{{Name: "Oops", Element: soap.QName{Space: testNS, Local: "Oops"}, New: func() soap.Body { return new(msg) }}}
	for _, v := range []soap.Version{soap.SOAP11, soap.SOAP12} {
		for _, tc := range []struct {
			name    string
			status  int
			entries string
			body    string
			check   func(t *testing.T, err error, resp *msg)
		}{
			{"fault", 500, mandatory, fault(v), func(t *testing.T, err error, _ *msg) {
				var f *soap.Fault
				if !errors.As(err, &f) {
					t.Fatalf("err = %v (%T), want a *soap.Fault", err, err)
				}
				d, ok := f.DetailBody.(*msg)
				if f.Code != soap.ClientFaultCode(v) || f.Reason != "no ticket" || f.HTTPStatus != 500 || !ok || d.Text.Value() != "d" {
					t.Errorf("fault = %+v, detail %+v", f, f.DetailBody)
				}
			}},
			{"fault with 400", 400, mandatory, fault(v), func(t *testing.T, err error, _ *msg) {
				var f *soap.Fault
				if !errors.As(err, &f) || f.HTTPStatus != 400 {
					t.Fatalf("err = %v (%T), want a *soap.Fault", err, err)
				}
			}},
			{"response", 200, mandatory, response, func(t *testing.T, err error, resp *msg) {
				var mu *soap.MustUnderstandError
				var he *soap.HTTPError
				if !errors.As(err, &mu) || errors.As(err, &he) || len(mu.Headers) != 1 || mu.Headers[0] != (soap.QName{Space: "urn:x", Local: "Sig"}) {
					t.Fatalf("err = %v (%T), want a *soap.MustUnderstandError", err, err)
				}
				if !strings.HasPrefix(err.Error(), "soap: Echo http://127.0.0.1:") {
					t.Errorf("err = %q does not name the operation and the URL", err)
				}
				if resp.Text.IsSet() {
					t.Error("the response body was read")
				}
			}},
			{"response, entry for another node", 200, `<x:Sig xmlns:x="urn:x" s:mustUnderstand="1" s:actor="urn:other" s:role="urn:other"/>`, response, func(t *testing.T, err error, resp *msg) {
				if err != nil || resp.Text.Value() != "hi" {
					t.Errorf("err = %v, resp %+v", err, resp)
				}
			}},
		} {
			t.Run(v.String()+" "+tc.name, func(t *testing.T) {
				srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
					w.Header().Set("Content-Type", contentType(v))
					w.WriteHeader(tc.status)
					io.WriteString(w, `<s:Envelope xmlns:s="`+v.EnvelopeNS()+`"><s:Header>`+tc.entries+`</s:Header><s:Body>`+tc.body+`</s:Body></s:Envelope>`)
				}))
				defer srv.Close()
				resp := new(msg)
				err := soap.NewClient(srv.URL, soap.WithVersion(v)).Call(testCtx(t), &op.Operation, &msg{}, new(hdr), resp)
				tc.check(t, err, resp)
			})
		}
	}
}
