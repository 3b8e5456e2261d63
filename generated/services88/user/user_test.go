package user

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/soapgen/soapgen/generated/services88"
	"github.com/soapgen/soapgen/soap"
	"github.com/soapgen/soapgen/soap/soaptest"
)

// TestDocumentedEnvelopes round-trips every documented envelope of the 96
// documented operations through the generated types (soaptest.RoundTrip).
func TestDocumentedEnvelopes(t *testing.T) {
	// The WSDL has 97 operations; ExchangeCodeAndSaveTokens is undocumented.
	if n := len(Operations()); n != 97 {
		t.Errorf("Operations() lists %d operations, want 97", n)
	}
	soaptest.TestDir(t, Operations(), "testdata/examples", 192)
}

// TestDoctoredEnvelopesFail makes sure the round trip can fail: an element
// the types do not know, a value that is not an xs:int, a wrong xsi:type.
func TestDoctoredEnvelopesFail(t *testing.T) {
	orig, err := os.ReadFile("testdata/examples/SetUserPresenceStatus.request.xml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, old, new, want string }{
		{"unknown element", `<User:AssociateId`, `<User:Bogus>1</User:Bogus><User:AssociateId`, "unexpected element"},
		{"bad int", `xsi:type="xsd:int">0<`, `xsi:type="xsd:int">zero<`, `invalid xs:int "zero"`},
		{"wrong xsi:type", `xsi:type="xsd:int">0<`, `xsi:type="xsd:string">0<`, "is not its declared type"},
		{"bad enum", `>StatusNone<`, `>StatusBogus<`, `invalid EjUserStatus "StatusBogus"`},
		{"unknown attribute", `<User:AssociateId `, `<User:AssociateId foo="1" `, "unexpected attribute"},
		{"unknown header", `<User:ApplicationToken>`, `<User:Other>x</User:Other><User:ApplicationToken>`, "unknown SOAP header"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doctored := strings.Replace(string(orig), tc.old, tc.new, 1)
			if doctored == string(orig) {
				t.Fatalf("doctoring did not change the envelope")
			}
			err := soaptest.RoundTrip(Operations(), "SetUserPresenceStatus.request.xml", []byte(doctored))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("RoundTrip = %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

// TestClientSendsDocumentedRequest captures what the generated client puts
// on the wire for SetUserPresenceStatus and compares it with the
// documented request; the documented response is then decoded.
func TestClientSendsDocumentedRequest(t *testing.T) {
	docReq, err := os.ReadFile("testdata/examples/SetUserPresenceStatus.request.xml")
	if err != nil {
		t.Fatal(err)
	}
	docResp, err := os.ReadFile("testdata/examples/SetUserPresenceStatus.response.xml")
	if err != nil {
		t.Fatal(err)
	}
	var got []byte
	var gotHeader http.Header
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got, _ = io.ReadAll(r.Body)
		gotHeader = r.Header.Clone()
		w.Header().Set("Content-Type", "application/soap+xml; charset=utf-8")
		w.Write(docResp)
	}))
	defer srv.Close()

	// The documentation uses SOAP 1.2, so the client does too here.
	c := NewUserClient(soap.NewClient(srv.URL, soap.WithVersion(soap.SOAP12),
		soap.WithDefaultHeader(&services88.RequestHeader{
			ApplicationToken: soap.Some("1234567-1234-9876"),
			Credentials:      soap.Some(&services88.SoCredentials{Ticket: soap.Some("7T:1234abcxyzExample==")}),
		})))
	resp, err := c.SetUserPresenceStatus(context.Background(), &SetUserPresenceStatus{
		AssociateId: soap.Some[int32](0), // a zero value is sent, not dropped
		UserPresenceStatus: soap.Some(&UserPresenceStatus{
			Status:  soap.Some(EjUserStatusStatusNone),
			Message: soap.Some(""),
		}),
	})
	if err != nil {
		t.Fatal(err)
	}
	diffs, err := soaptest.Compare(docReq, got)
	if err != nil {
		t.Fatalf("%v\n%s", err, got)
	}
	if len(diffs) > 0 {
		t.Errorf("sent envelope differs from the documented request:\n%s\nsent:\n%s", strings.Join(diffs, "\n"), got)
	}
	if ct := gotHeader.Get("Content-Type"); ct != `application/soap+xml; charset=utf-8; action="http://www.superoffice.net/ws/crm/NetServer/Services88/User/SetUserPresenceStatus"` {
		t.Errorf("Content-Type = %q", ct)
	}
	st, ok := resp.Response.Get()
	if !ok || st == nil {
		t.Fatalf("response has no Response: %+v", resp)
	}
	if s, _ := st.Status.Get(); s != EjUserStatusStatusNone {
		t.Errorf("Status = %q, want StatusNone", s)
	}
	if m, ok := st.Message.Get(); !ok || m != "" {
		t.Errorf("Message = %q, %v; want an empty string that is present", m, ok)
	}
}

// TestClientSOAP11 checks the SOAP 1.1 request: SOAPAction quoted, text/xml.
func TestClientSOAP11(t *testing.T) {
	var ct, action string
	var body []byte
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ct, action = r.Header.Get("Content-Type"), r.Header.Get("SOAPAction")
		body, _ = io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		io.WriteString(w, `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header><Succeeded xmlns="http://www.superoffice.net/ws/crm/NetServer/Services88">true</Succeeded></s:Header><s:Body><GetUserPresenceStatusResponse xmlns="http://www.superoffice.net/ws/crm/NetServer/Services88"><Response><Status>StatusNormal</Status><Message i:nil="true" xmlns:i="http://www.w3.org/2001/XMLSchema-instance"/></Response></GetUserPresenceStatusResponse></s:Body></s:Envelope>`)
	}))
	defer srv.Close()
	c := NewUserClient(soap.NewClient(srv.URL))
	var rh services88.ResponseHeader
	resp, err := c.GetUserPresenceStatus(context.Background(), &GetUserPresenceStatus{AssociateId: soap.Some[int32](7)}, soap.ResponseHeader(&rh))
	if err != nil {
		t.Fatal(err)
	}
	if ct != "text/xml; charset=utf-8" || action != `"http://www.superoffice.net/ws/crm/NetServer/Services88/User/GetUserPresenceStatus"` {
		t.Errorf("Content-Type %q, SOAPAction %q", ct, action)
	}
	if !bytes.Contains(body, []byte("<AssociateId>7</AssociateId>")) || !bytes.HasPrefix(body, []byte(`<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"`)) {
		t.Errorf("request body:\n%s", body)
	}
	if ok, set := rh.Succeeded.Get(); !set || !ok {
		t.Errorf("response header Succeeded = %v, want true", rh.Succeeded)
	}
	st := resp.Response.Value()
	if s, _ := st.Status.Get(); s != EjUserStatusStatusNormal {
		t.Errorf("Status = %q", s)
	}
	if !st.Message.IsNil() {
		t.Errorf("Message = %v, want nil (xsi:nil)", st.Message)
	}
}

// TestSucceededFalseIsServiceError checks the NetServer failure convention.
func TestSucceededFalseIsServiceError(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		io.WriteString(w, `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header><ExceptionInfo xmlns="http://www.superoffice.net/ws/crm/NetServer/Services88"><Message>No such user</Message><ExceptionType>SoException</ExceptionType><Parameters><SoExceptionInfoParametersKeyValuePair><Key>id</Key><Value>7</Value></SoExceptionInfoParametersKeyValuePair></Parameters></ExceptionInfo><Succeeded xmlns="http://www.superoffice.net/ws/crm/NetServer/Services88">false</Succeeded></s:Header><s:Body><GetUserResponse xmlns="http://www.superoffice.net/ws/crm/NetServer/Services88"/></s:Body></s:Envelope>`)
	}))
	defer srv.Close()
	c := NewUserClient(soap.NewClient(srv.URL))
	_, err := c.GetUser(context.Background(), &GetUser{UserId: soap.Some[int32](7)})
	var se *services88.ServiceError
	if !errors.As(err, &se) {
		t.Fatalf("err = %v (%T), want *ServiceError", err, err)
	}
	if se.Info.Message.Value() != "No such user" || !strings.Contains(err.Error(), "SoException: No such user") {
		t.Errorf("ServiceError = %v", err)
	}
	if v, ok := se.Info.Parameters.Value().Get("id"); !ok || v != "7" {
		t.Errorf("Parameters[id] = %q, %v", v, ok)
	}
}

// TestSOAPFault checks that a SOAP 1.1 fault becomes a *soap.Fault.
func TestSOAPFault(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		w.WriteHeader(500)
		io.WriteString(w, `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring xml:lang="en">Bad ticket</faultstring></s:Fault></s:Body></s:Envelope>`)
	}))
	defer srv.Close()
	_, err := NewUserClient(soap.NewClient(srv.URL)).GetUser(context.Background(), &GetUser{})
	var f *soap.Fault
	if !errors.As(err, &f) {
		t.Fatalf("err = %v, want *soap.Fault", err)
	}
	if f.Code != (soap.QName{Space: soap.NSSOAP11Envelope, Local: "Client"}) || f.Reason != "Bad ticket" || f.HTTPStatus != 500 {
		t.Errorf("fault = %+v", f)
	}
}

// encodeBody encodes v as the body element name and returns the XML.
func encodeBody(t *testing.T, local string, v soap.Marshaler) string {
	t.Helper()
	e := soap.NewEncoder(nil)
	e.StartDefault(ns0, local)
	v.MarshalSOAP(e)
	e.End()
	if err := e.Err(); err != nil {
		t.Fatal(err)
	}
	return string(e.Bytes())
}

// decodeBody decodes data (one element) into v.
func decodeBody(t *testing.T, data string, v soap.Unmarshaler) error {
	t.Helper()
	d := soap.NewBytesDecoder([]byte(data))
	if _, ok := d.Root(); !ok {
		return d.Err()
	}
	v.UnmarshalSOAP(d)
	return d.Err()
}

func TestAbsentNilAndZero(t *testing.T) {
	got := encodeBody(t, "UserPresenceStatus", &UserPresenceStatus{Message: soap.Nil[string]()})
	want := `<UserPresenceStatus xmlns="` + ns0 + `"><Message xmlns:ns1="http://www.w3.org/2001/XMLSchema-instance" ns1:nil="true"/></UserPresenceStatus>`
	if got != want {
		t.Errorf("nil Message:\n got %s\nwant %s", got, want)
	}
	got = encodeBody(t, "UserPresenceStatus", &UserPresenceStatus{Message: soap.Some("")})
	if want := `<UserPresenceStatus xmlns="` + ns0 + `"><Message></Message></UserPresenceStatus>`; got != want && got != strings.Replace(want, "<Message></Message>", "<Message/>", 1) {
		t.Errorf("empty Message: %s", got)
	}
	got = encodeBody(t, "UserPresenceStatus", &UserPresenceStatus{})
	if want := `<UserPresenceStatus xmlns="` + ns0 + `"/>`; got != want {
		t.Errorf("absent Message: got %s want %s", got, want)
	}
	got = encodeBody(t, "GetUser", &GetUser{UserId: soap.Some[int32](0)})
	if !strings.Contains(got, "<UserId>0</UserId>") {
		t.Errorf("zero UserId not sent: %s", got)
	}
	for _, tc := range []struct {
		xml   string
		check func(UserPresenceStatus) bool
	}{
		{`<UserPresenceStatus xmlns="` + ns0 + `"/>`, func(v UserPresenceStatus) bool { return v.Message.IsAbsent() }},
		{`<UserPresenceStatus xmlns="` + ns0 + `"><Message/></UserPresenceStatus>`, func(v UserPresenceStatus) bool { m, ok := v.Message.Get(); return ok && m == "" }},
		{`<UserPresenceStatus xmlns="` + ns0 + `"><Message xmlns:i="http://www.w3.org/2001/XMLSchema-instance" i:nil="true"/></UserPresenceStatus>`, func(v UserPresenceStatus) bool { return v.Message.IsNil() }},
	} {
		var v UserPresenceStatus
		if err := decodeBody(t, tc.xml, &v); err != nil {
			t.Fatal(err)
		}
		if !tc.check(v) {
			t.Errorf("%s decoded as %v", tc.xml, v.Message)
		}
	}
}

func TestFlagSet(t *testing.T) {
	var tr TableRight
	if err := decodeBody(t, `<TableRight xmlns="`+ns0+`"><Mask>Select Update Insert</Mask></TableRight>`, &tr); err != nil {
		t.Fatal(err)
	}
	m := tr.Mask.Value()
	if !m.Has(ETableRightSelect|ETableRightUpdate|ETableRightInsert) || m.Has(ETableRightDelete) {
		t.Errorf("Mask = %b", m)
	}
	if got := encodeBody(t, "TableRight", &tr); !strings.Contains(got, "<Mask>Select Update Insert</Mask>") {
		t.Errorf("re-encoded: %s", got)
	}
	// R is an alias of Select (EnumerationValue 1).
	var r ETableRight
	if err := r.UnmarshalText([]byte("R")); err != nil || r != ETableRightSelect {
		t.Errorf("R = %v, %v", r, err)
	}
	if err := r.UnmarshalText([]byte("Select Bogus")); err == nil {
		t.Error("unknown flag accepted")
	}
	if b, err := ETableRight(0).MarshalText(); err != nil || len(b) != 0 {
		t.Errorf("empty set = %q, %v", b, err)
	}
}

func TestEnumNumbers(t *testing.T) {
	if n := EjUserStatusStatusSystem.Number(); n != 127 {
		t.Errorf("StatusSystem = %d, want 127 (EnumerationValue)", n)
	}
	if n := EjUserStatusStatusNormal.Number(); n != 1 {
		t.Errorf("StatusNormal = %d, want 1", n)
	}
	if _, err := EjUserStatus("Nope").MarshalText(); err == nil {
		t.Error("invalid enum value marshalled")
	}
}

func TestDictionary(t *testing.T) {
	var d StringDictionary
	d.Set("a", "1")
	d.Set("b", "2")
	d.Set("a", "3")
	if v, ok := d.Get("a"); !ok || v != "3" || len(d) != 2 {
		t.Errorf("Get(a) = %q %v, len %d", v, ok, len(d))
	}
	got := encodeBody(t, "StringDictionary", d)
	want := `<StringDictionary xmlns="` + ns0 + `"><StringKeyValuePair><Key>a</Key><Value>3</Value></StringKeyValuePair><StringKeyValuePair><Key>b</Key><Value>2</Value></StringKeyValuePair></StringDictionary>`
	if got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
	var back StringDictionary
	if err := decodeBody(t, got, &back); err != nil {
		t.Fatal(err)
	}
	if v, _ := back.Get("b"); v != "2" {
		t.Errorf("decoded Get(b) = %q", v)
	}
}

func TestArrayOfIntNamespace(t *testing.T) {
	got := encodeBody(t, "GetUserInfoList", &GetUserInfoList{UserInfoIds: soap.Some(ArrayOfint{1, 0, 3})})
	var v GetUserInfoList
	if err := decodeBody(t, got, &v); err != nil {
		t.Fatalf("%v\n%s", err, got)
	}
	ids := v.UserInfoIds.Value()
	if len(ids) != 3 || ids[1] != 0 || ids[2] != 3 {
		t.Errorf("ids = %v", ids)
	}
	// The items are in the Serialization/Arrays namespace.
	want := `<GetUserInfoList xmlns="` + ns0 + `" xmlns:a="http://schemas.microsoft.com/2003/10/Serialization/Arrays"><UserInfoIds><a:int>1</a:int><a:int>0</a:int><a:int>3</a:int></UserInfoIds></GetUserInfoList>`
	if diffs, err := soaptest.Compare([]byte(want), []byte(got)); err != nil || len(diffs) > 0 {
		t.Errorf("%v %v\n%s", err, diffs, got)
	}
}

func TestDateTime(t *testing.T) {
	zoned := time.Date(2025, 11, 26, 12, 8, 54, 0, time.FixedZone("", 3600))
	u := &User{Lastlogin: soap.Some(soap.NewDateTime(zoned)), Lastlogout: soap.Some(soap.LocalDateTime(zoned))}
	got := encodeBody(t, "User", u)
	if !strings.Contains(got, "<Lastlogin>2025-11-26T12:08:54+01:00</Lastlogin>") || !strings.Contains(got, "<Lastlogout>2025-11-26T12:08:54</Lastlogout>") {
		t.Errorf("encoded: %s", got)
	}
	var back User
	if err := decodeBody(t, got, &back); err != nil {
		t.Fatal(err)
	}
	if in, out := back.Lastlogin.Value(), back.Lastlogout.Value(); !in.Equal(soap.NewDateTime(zoned)) || out.HasZone() || !out.In(time.UTC).Equal(time.Date(2025, 11, 26, 12, 8, 54, 0, time.UTC)) {
		t.Errorf("decoded %v %v", in, out)
	}
}

// TestNilWhereForbidden: soap.Nil on AssociateId (an optional xs:int the
// WSDL does not declare nillable) and on UserPresenceStatus.Status (an
// optional enumeration, not nillable) is refused when encoding, naming
// the type and member, as an invalid enumeration value is; Message
// (nillable) may be nil.
func TestNilWhereForbidden(t *testing.T) {
	op, ok := soaptest.Find(Operations(), "SetUserPresenceStatus")
	if !ok {
		t.Fatal("no SetUserPresenceStatus")
	}
	c := soap.NewClient("http://unused.invalid")
	for _, tc := range []struct {
		req  *SetUserPresenceStatus
		want string
	}{
		{&SetUserPresenceStatus{AssociateId: soap.Nil[int32]()}, "soap: SetUserPresenceStatus.AssociateId is soap.Nil, but element {http://www.superoffice.net/ws/crm/NetServer/Services88}AssociateId is not nillable (leave it absent)"},
		{&SetUserPresenceStatus{UserPresenceStatus: soap.Some(&UserPresenceStatus{Status: soap.Nil[EjUserStatus]()})}, "UserPresenceStatus.Status is soap.Nil"},
		{&SetUserPresenceStatus{UserPresenceStatus: soap.Some(&UserPresenceStatus{Status: soap.Some(EjUserStatus("Bogus"))})}, `invalid EjUserStatus "Bogus"`},
		{&SetUserPresenceStatus{AssociateId: soap.Some[int32](1), UserPresenceStatus: soap.Some(&UserPresenceStatus{Message: soap.Nil[string]()})}, ""},
	} {
		_, err := c.EncodeRequest(&op.Operation, tc.req)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%+v: %v", tc.req, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%+v: err = %v, want %q", tc.req, err, tc.want)
		}
	}
}
