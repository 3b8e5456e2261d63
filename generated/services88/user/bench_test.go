package user_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/soapgen/soapgen/generated/internal/encxml"
	"github.com/soapgen/soapgen/generated/services88"
	"github.com/soapgen/soapgen/generated/services88/user"
	"github.com/soapgen/soapgen/soap"
	"github.com/soapgen/soapgen/soap/soaptest"
)

// The benchmarks compare the generated code with encoding/xml on the same
// input (see the README's Performance section;
// internal/peercmp/benchratio.sh runs them in interleaved rounds): decoding
// the documented GetUser response as published (SOAP 1.2, xsi:type
// everywhere), encoding the GetUser response envelope as a server sends it
// and the SetUserPresenceStatus request envelope with its headers; and the
// generated handler serving both operations (BenchmarkServe…).

const getUserResponseFile = "testdata/examples/GetUser.response.xml"

func benchOp(tb testing.TB, name string) *soap.OperationInfo {
	tb.Helper()
	op, ok := soaptest.Find(user.Operations(), name)
	if !ok {
		tb.Fatalf("no operation %s", name)
	}
	return op
}

func benchFile(tb testing.TB) []byte {
	tb.Helper()
	data, err := os.ReadFile(getUserResponseFile)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// decodeGetUserResponse decodes the envelope as a client does. The
// documentation writes xsi:nil on optional elements that are not nillable,
// hence NilForOptional.
func decodeGetUserResponse(op *soap.OperationInfo, data []byte) (*user.GetUserResponse, error) {
	resp := new(user.GetUserResponse)
	env := soap.Envelope{BodyName: op.Output, Body: resp, Header: new(services88.ResponseHeader)}
	d := soap.NewBytesDecoder(data)
	d.NilForOptional = true
	return resp, env.Decode(d)
}

func presenceRequest() (*services88.RequestHeader, *user.SetUserPresenceStatus) {
	return &services88.RequestHeader{
			ApplicationToken: soap.Some("1234567-1234-9876"),
			Credentials:      soap.Some(&services88.SoCredentials{Ticket: soap.Some("7T:1234abcxyzExample==")}),
		}, &user.SetUserPresenceStatus{
			AssociateId: soap.Some[int32](0),
			UserPresenceStatus: soap.Some(&user.UserPresenceStatus{
				Status:  soap.Some(user.EjUserStatusStatusNone),
				Message: soap.Some(""),
			}),
		}
}

// encodeSetUserPresenceStatus encodes the request envelope as a client does.
func encodeSetUserPresenceStatus(op *soap.OperationInfo, h *services88.RequestHeader, req *user.SetUserPresenceStatus) ([]byte, error) {
	env := soap.Envelope{Version: soap.SOAP12, Namespaces: op.Namespaces, Header: h, BodyName: op.Input, Body: req}
	e := soap.NewEncoder(make([]byte, 0, 1024))
	env.Encode(e)
	return e.Bytes(), e.Err()
}

// getUserResponse is the documented GetUser response as a server sends
// it. The documentation writes xsi:nil on four members of the innermost
// MDOListItem that are not nillable, which a server cannot send (the
// encoder refuses them): they are sent as zeros here, as encoding/xml
// sends them, and that item's nil ChildItems is left out, as encoding/xml
// leaves out a nil pointer.
func getUserResponse(tb testing.TB) (*services88.ResponseHeader, *user.GetUserResponse) {
	tb.Helper()
	resp, err := decodeGetUserResponse(benchOp(tb, "GetUser"), benchFile(tb))
	if err != nil {
		tb.Fatal(err)
	}
	items := resp.Response.Value().TicketCategories.Value()
	inner := items[0].ChildItems.Value()[0].ChildItems.Value()[0]
	inner.Id, inner.Deleted, inner.Rank, inner.ColorBlock = soap.Some[int32](0), soap.Some(false), soap.Some[int32](0), soap.Some[int32](0)
	inner.ChildItems = soap.Opt[user.ArrayOfMDOListItem]{}
	return &services88.ResponseHeader{Succeeded: soap.Some(true)}, resp
}

// encodeGetUserResponse encodes the response envelope as a Handler does.
func encodeGetUserResponse(op *soap.OperationInfo, h *services88.ResponseHeader, resp *user.GetUserResponse) ([]byte, error) {
	env := soap.Envelope{Version: soap.SOAP12, Namespaces: op.Namespaces, Header: h, BodyName: op.Output, Body: resp}
	e := soap.NewEncoder(make([]byte, 0, 1024))
	env.Encode(e)
	return e.Bytes(), e.Err()
}

// TestBenchmarkInputs checks that both sides of each benchmark do the
// work: the same values decoded, equivalent envelopes encoded.
func TestBenchmarkInputs(t *testing.T) {
	data := benchFile(t)
	resp, err := decodeGetUserResponse(benchOp(t, "GetUser"), data)
	if err != nil {
		t.Fatal(err)
	}
	var base encxml.GetUserResponseEnvelope
	if err := xml.Unmarshal(data, &base); err != nil {
		t.Fatal(err)
	}
	u, bu := resp.Response.Value(), base.Body.GetUserResponse.Response
	if u == nil || bu == nil {
		t.Fatal("no User decoded")
	}
	lo, blo := u.LicenseOwners.Value(), bu.LicenseOwners.LicenseOwner
	items, bitems := u.TicketCategories.Value(), bu.TicketCategories.MDOListItem
	if len(lo) != 1 || len(blo) != 1 || len(lo[0].RestrictedModuleLicenses.Value()) != len(blo[0].RestrictedModuleLicenses.ModuleLicenseLink) ||
		len(items) != len(bitems) || len(items) == 0 || len(u.PostSaveCommands.Value()) != len(bu.PostSaveCommands.CustomCommand) ||
		!soap.NewDateTime(bu.Lastlogin.Time).Equal(u.Lastlogin.Value()) || u.Person.Value().Firstname.Value() != bu.Person.Firstname {
		t.Errorf("generated and encoding/xml decode differ: %+v / %+v", u, bu)
	}
	child := items[0].ChildItems.Value()
	if len(child) != 1 || len(child[0].ChildItems.Value()) != 1 || !child[0].ChildItems.Value()[0].Id.IsNil() || len(bitems[0].ChildItems.MDOListItem) != 1 {
		t.Errorf("nested MDOListItem: %+v", child)
	}

	rh, rv := getUserResponse(t)
	gotResp, err := encodeGetUserResponse(benchOp(t, "GetUser"), rh, rv)
	if err != nil {
		t.Fatal(err)
	}
	wantResp, err := xml.Marshal(baselineGetUserResponse(t))
	if err != nil {
		t.Fatal(err)
	}
	if diffs, err := soaptest.Compare(wantResp, gotResp); err != nil || len(diffs) > 0 {
		t.Errorf("the encoded GetUser responses differ:\n%s\n%s\n%v %v", gotResp, wantResp, err, diffs)
	}
	// Against the documented response, the only differences are the
	// Succeeded header and the changes of getUserResponse: the four
	// members (xsi:nil and text each) and ChildItems.
	diffs, err := soaptest.Compare(data, gotResp)
	if err != nil {
		t.Fatal(err)
	}
	const inner = "/Envelope/Body/GetUserResponse/Response/TicketCategories/MDOListItem/ChildItems/MDOListItem/ChildItems/MDOListItem/"
	for _, d := range diffs {
		if !strings.HasPrefix(d, "/Envelope/Header: extra element") && !strings.HasPrefix(d, inner) {
			t.Errorf("the encoded GetUser response differs from the documented one: %s", d)
		}
	}
	if len(diffs) != 10 {
		t.Errorf("the encoded GetUser response differs from the documented one in %d places, want 10: %v", len(diffs), diffs)
	}

	h, req := presenceRequest()
	got, err := encodeSetUserPresenceStatus(benchOp(t, "SetUserPresenceStatus"), h, req)
	if err != nil {
		t.Fatal(err)
	}
	want, err := xml.Marshal(baselinePresenceRequest())
	if err != nil {
		t.Fatal(err)
	}
	doc, err := os.ReadFile("testdata/examples/SetUserPresenceStatus.request.xml")
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range [][]byte{got, want} {
		diffs, err := soaptest.Compare(doc, b)
		if err != nil || len(diffs) > 0 {
			t.Errorf("%s\ndiffers from the documented request: %v %v", b, err, diffs)
		}
	}
}

func BenchmarkDecodeGetUserResponse(b *testing.B) {
	data := benchFile(b)
	op := benchOp(b, "GetUser")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := decodeGetUserResponse(op, data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBaselineEncodingXMLDecodeGetUserResponse(b *testing.B) {
	data := benchFile(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var env encxml.GetUserResponseEnvelope
		if err := xml.Unmarshal(data, &env); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBaselineEncodingXMLTokenize(b *testing.B) {
	data := benchFile(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		d := xml.NewDecoder(bytes.NewReader(data))
		for {
			_, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkEncodeSetUserPresenceStatus(b *testing.B) {
	op := benchOp(b, "SetUserPresenceStatus")
	h, req := presenceRequest()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := encodeSetUserPresenceStatus(op, h, req); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncodeGetUserResponse(b *testing.B) {
	op := benchOp(b, "GetUser")
	h, resp := getUserResponse(b)
	out, err := encodeGetUserResponse(op, h, resp)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(out)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := encodeGetUserResponse(op, h, resp); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEncodeGetUserResponseReused encodes into one Encoder, Reset
// between envelopes, as a Handler does with its pooled encoders: what is
// left is the encoding itself, without the buffer's growth.
func BenchmarkEncodeGetUserResponseReused(b *testing.B) {
	op := benchOp(b, "GetUser")
	h, resp := getUserResponse(b)
	env := soap.Envelope{Version: soap.SOAP12, Namespaces: op.Namespaces, Header: h, BodyName: op.Output, Body: resp}
	e := soap.NewEncoder(nil)
	env.Encode(e)
	b.SetBytes(int64(len(e.Bytes())))
	b.ReportAllocs()
	for b.Loop() {
		e.Reset()
		env.Encode(e)
		if err := e.Err(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBaselineEncodingXMLEncodeGetUserResponse(b *testing.B) {
	env := baselineGetUserResponse(b)
	out, err := xml.Marshal(env)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(out)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := xml.Marshal(env); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBaselineEncodingXMLEncodeSetUserPresenceStatus(b *testing.B) {
	env := baselinePresenceRequest()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := xml.Marshal(env); err != nil {
			b.Fatal(err)
		}
	}
}

// benchServer serves the benchmarked operations with fixed responses.
type benchServer struct {
	user.UnimplementedUserServer
	getUser *user.GetUserResponse
}

func (s *benchServer) GetUser(context.Context, *user.GetUser) (*user.GetUserResponse, error) {
	return s.getUser, nil
}

func (s *benchServer) SetUserPresenceStatus(_ context.Context, req *user.SetUserPresenceStatus) (*user.SetUserPresenceStatusResponse, error) {
	return &user.SetUserPresenceStatusResponse{Response: req.UserPresenceStatus}, nil
}

// discardWriter is an http.ResponseWriter that keeps nothing but the
// status and the body's length, so that a benchmark measures the handler.
type discardWriter struct {
	header http.Header
	status int
	n      int
}

func (w *discardWriter) Header() http.Header    { return w.header }
func (w *discardWriter) WriteHeader(status int) { w.status = status }
func (w *discardWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	w.n += len(b)
	return len(b), nil
}

// benchServe serves the request of operation name (its envelope as the
// generated client encodes it, with the documented headers) through the
// generated handler.
func benchServe(b *testing.B, name string, req soap.Marshaler) {
	op := benchOp(b, name)
	_, resp := getUserResponse(b)
	h := user.NewUserHandler(&benchServer{getUser: resp})
	hdr, _ := presenceRequest()
	body, err := soap.NewClient("http://127.0.0.1/User.svc").EncodeRequest(&op.Operation, req, soap.WithHeader(hdr))
	if err != nil {
		b.Fatal(err)
	}
	r := httptest.NewRequest(http.MethodPost, "/User.svc", nil)
	r.Header.Set("Content-Type", "text/xml; charset=utf-8")
	r.Header.Set("SOAPAction", `"`+op.Action+`"`)
	w := &discardWriter{header: http.Header{}}
	rd := bytes.NewReader(body)
	serve := func() {
		rd.Reset(body)
		r.Body, r.ContentLength = io.NopCloser(rd), int64(len(body))
		clear(w.header)
		w.status, w.n = 0, 0
		h.ServeHTTP(w, r)
		if w.status != http.StatusOK || w.n == 0 {
			b.Fatalf("status %d, %d bytes", w.status, w.n)
		}
	}
	serve()
	b.SetBytes(int64(w.n))
	b.ReportAllocs()
	for b.Loop() {
		serve()
	}
}

func BenchmarkServeGetUser(b *testing.B) {
	benchServe(b, "GetUser", &user.GetUser{UserId: soap.Some[int32](0)})
}

func BenchmarkServeSetUserPresenceStatus(b *testing.B) {
	_, req := presenceRequest()
	benchServe(b, "SetUserPresenceStatus", req)
}
