package user_test

import (
	"context"
	"errors"
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

// The tests here run the generated client against the generated handler
// over loopback, with fakeUser as the implementation.

const (
	secretTicket = "7T:SECRET-TICKET-do-not-log=="
	secretToken  = "SECRET-APP-TOKEN-0123456789"
)

// Associate ids that make fakeUser fail.
const (
	faultID   = 13  // returns a *soap.Fault
	missingID = 404 // returns a *user.ServiceError
	blockID   = 999 // blocks until the request's context is done
)

// fakeUser implements a few operations of user.UserServer.
type fakeUser struct {
	user.UnimplementedUserServer
	headers chan *services88.RequestHeader // each call's request headers, if not nil
	done    chan struct{}                  // closed by a blocked call when its context ends
}

func (f *fakeUser) record(ctx context.Context) {
	if f.headers != nil {
		f.headers <- services88.RequestHeaderFrom(ctx)
	}
}

func (f *fakeUser) SetUserPresenceStatus(ctx context.Context, req *user.SetUserPresenceStatus) (*user.SetUserPresenceStatusResponse, error) {
	f.record(ctx)
	switch req.AssociateId.Value() {
	case faultID:
		return nil, &soap.Fault{Code: soap.ClientFaultCode(soap.SOAP11), Reason: "associate 13 may not change status", Actor: "urn:fake"}
	case missingID:
		return nil, &services88.ServiceError{Info: &services88.SoExceptionInfo{Message: soap.Some("No such associate"), ExceptionType: soap.Some("SoException")}}
	case blockID:
		<-ctx.Done()
		close(f.done)
		return nil, ctx.Err()
	}
	var extra services88.SoExtraInfo
	extra.Set("server", "fake")
	if err := services88.SetResponseHeader(ctx, &services88.ResponseHeader{
		ExtraInfo: soap.Some(extra),
		TimeZone:  soap.Some(&services88.SoTimeZone{SoTimeZoneId: soap.Some[int32](7), SoTimeZoneLocationCode: soap.Some("NOOSL")}),
	}); err != nil {
		return nil, err
	}
	st := req.UserPresenceStatus.Value()
	if st == nil {
		st = &user.UserPresenceStatus{}
	}
	return &user.SetUserPresenceStatusResponse{Response: soap.Some(&user.UserPresenceStatus{
		Status:  st.Status,
		Message: soap.Some("set: " + st.Message.Or("<nil>")),
	})}, nil
}

// GetUserInfoList answers one UserInfo per id; id 0 gives a nil item.
func (f *fakeUser) GetUserInfoList(ctx context.Context, req *user.GetUserInfoList) (*user.GetUserInfoListResponse, error) {
	f.record(ctx)
	var infos user.ArrayOfUserInfo
	for _, id := range req.UserInfoIds.Value() {
		if id == 0 {
			infos = append(infos, nil)
			continue
		}
		infos = append(infos, &user.UserInfo{
			UserInfoId:      soap.Some(id),
			UserName:        soap.Some("user" + string(rune('0'+id%10))),
			Tooltip:         soap.Nil[string](),
			GrantedLicenses: soap.Some(user.ArrayOfstring{new("crm"), nil, new("")}),
			Carrier:         user.Carrier{TableRight: soap.Some(&user.TableRight{Mask: soap.Some(user.ETableRightSelect | user.ETableRightDelete)})},
		})
	}
	return &user.GetUserInfoListResponse{Response: soap.Some(infos)}, nil
}

// SaveUser answers the user it got, with one more extra field.
func (f *fakeUser) SaveUser(ctx context.Context, req *user.SaveUser) (*user.SaveUserResponse, error) {
	f.record(ctx)
	u := req.User.Value()
	if u == nil {
		return &user.SaveUserResponse{Response: soap.Nil[*user.User]()}, nil
	}
	saved := *u
	fields := append(user.StringDictionary(nil), u.ExtraFields.Value()...)
	fields.Set("saved", "yes")
	saved.ExtraFields = soap.Some(fields)
	return &user.SaveUserResponse{Response: soap.Some(&saved)}, nil
}

// GetAllUserGroups answers two groups.
func (f *fakeUser) GetAllUserGroups(ctx context.Context, req *user.GetAllUserGroups) (*user.GetAllUserGroupsResponse, error) {
	f.record(ctx)
	return &user.GetAllUserGroupsResponse{Response: soap.Some(user.ArrayOfUserGroup{
		{Id: soap.Some[int32](1), Value: soap.Some("Sales"), Deleted: soap.Some(false)},
		{Id: soap.Some[int32](2), Value: soap.Some("Old"), Deleted: soap.Some(req.IncludeDeleted.Value()), Tooltip: soap.Nil[string]()},
	})}, nil
}

var versions = []soap.Version{soap.SOAP11, soap.SOAP12}

// newPair starts the generated handler with impl and returns a generated
// client for it, sending the secret credentials by default.
func newPair(t *testing.T, impl user.UserServer, v soap.Version, opts ...soap.ClientOption) (*user.UserClient, *httptest.Server) {
	t.Helper()
	srv := httptest.NewServer(user.NewUserHandler(impl))
	t.Cleanup(srv.Close)
	opts = append([]soap.ClientOption{soap.WithVersion(v), soap.WithDefaultHeader(credentials())}, opts...)
	return user.NewUserClient(soap.NewClient(srv.URL, opts...)), srv
}

func credentials() *services88.RequestHeader {
	return &services88.RequestHeader{
		ApplicationToken: soap.Some(secretToken),
		Credentials:      soap.Some(&services88.SoCredentials{Ticket: soap.Some(secretTicket)}),
	}
}

func testCtx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// xmlOf encodes v as element local, to compare values by their wire form.
func xmlOf(t *testing.T, local string, v soap.Marshaler) string {
	t.Helper()
	e := soap.NewEncoder(nil)
	e.StartDefault(user.Operations()[0].Namespaces[0], local)
	v.MarshalSOAP(e)
	e.End()
	if err := e.Err(); err != nil {
		t.Fatal(err)
	}
	return string(e.Bytes())
}

func TestEndToEndSetUserPresenceStatus(t *testing.T) {
	for _, v := range versions {
		t.Run(v.String(), func(t *testing.T) {
			impl := &fakeUser{headers: make(chan *services88.RequestHeader, 1)}
			c, _ := newPair(t, impl, v)
			var rh services88.ResponseHeader
			resp, err := c.SetUserPresenceStatus(testCtx(t), &user.SetUserPresenceStatus{
				AssociateId:        soap.Some[int32](5),
				UserPresenceStatus: soap.Some(&user.UserPresenceStatus{Status: soap.Some(user.EjUserStatusStatusNotAvailable), Message: soap.Some("in a meeting")}),
			}, soap.ResponseHeader(&rh))
			if err != nil {
				t.Fatal(err)
			}
			st := resp.Response.Value()
			if st == nil || st.Status.Value() != user.EjUserStatusStatusNotAvailable || st.Message.Value() != "set: in a meeting" {
				t.Errorf("response = %+v", st)
			}
			// The request headers reached the implementation.
			h := <-impl.headers
			if h == nil || h.ApplicationToken.Value() != secretToken || h.Credentials.Value() == nil || h.Credentials.Value().Ticket.Value() != secretTicket || !h.TimeZone.IsAbsent() {
				t.Errorf("request headers at the server = %+v", h)
			}
			// The response headers came back, Succeeded filled in by the handler.
			if ok, set := rh.Succeeded.Get(); !set || !ok {
				t.Errorf("Succeeded = %v", rh.Succeeded)
			}
			if s, _ := rh.ExtraInfo.Value().Get("server"); s != "fake" {
				t.Errorf("ExtraInfo = %v", rh.ExtraInfo)
			}
			if tz := rh.TimeZone.Value(); tz == nil || tz.SoTimeZoneId.Value() != 7 || tz.SoTimeZoneLocationCode.Value() != "NOOSL" {
				t.Errorf("TimeZone = %v", rh.TimeZone)
			}

			// A nil UserPresenceStatus and a nil Message travel as xsi:nil.
			resp, err = c.SetUserPresenceStatus(testCtx(t), &user.SetUserPresenceStatus{UserPresenceStatus: soap.Some(&user.UserPresenceStatus{Message: soap.Nil[string]()})})
			if err != nil {
				t.Fatal(err)
			}
			if m := resp.Response.Value().Message.Value(); m != "set: <nil>" {
				t.Errorf("nil Message arrived as %q", m)
			}
			<-impl.headers
		})
	}
}

func TestEndToEndValues(t *testing.T) {
	lastLogin := time.Date(2025, 11, 26, 12, 8, 54, 500_000_000, time.FixedZone("", -5*3600))
	var extra user.StringDictionary
	extra.Set("colour", "blue")
	extra.Set("empty", "")
	sent := &user.User{
		Carrier:     user.Carrier{TableRight: soap.Some(&user.TableRight{Mask: soap.Some(user.ETableRightSelect | user.ETableRightUpdate | user.ETableRightInsert), Reason: soap.Nil[string]()})},
		AssociateId: soap.Some[int32](0), // a zero value is sent
		Name:        soap.Some("Ann <&> \"Example\""),
		Rank:        soap.Some[int16](-3),
		Tooltip:     soap.Nil[string](),
		Person:      soap.Nil[*user.Person](),
		OtherGroups: soap.Some(user.ArrayOfUserGroup{{Id: soap.Some[int32](4), Value: soap.Some("Support")}, nil}),
		Lastlogin:   soap.Some(soap.NewDateTime(lastLogin)),
		Lastlogout:  soap.Some(soap.LocalDateTime(lastLogin)),
		ExtraFields: soap.Some(extra),
		Type:        soap.Some(user.UserTypeInternalAssociate),
	}
	for _, v := range versions {
		t.Run(v.String(), func(t *testing.T) {
			c, _ := newPair(t, &fakeUser{}, v)

			// A struct with flags, a dictionary, dateTimes, an array of
			// structs with a nil item, and nil members, both ways.
			resp, err := c.SaveUser(testCtx(t), &user.SaveUser{User: soap.Some(sent)})
			if err != nil {
				t.Fatal(err)
			}
			got := resp.Response.Value()
			if got == nil {
				t.Fatal("no user in the response")
			}
			want := *sent
			wantFields := append(user.StringDictionary(nil), extra...)
			wantFields.Set("saved", "yes")
			want.ExtraFields = soap.Some(wantFields)
			if g, w := xmlOf(t, "User", got), xmlOf(t, "User", &want); g != w {
				t.Errorf("user changed on the way:\n got %s\nwant %s", g, w)
			}
			if m := got.TableRight.Value().Mask.Value(); !m.Has(user.ETableRightSelect|user.ETableRightUpdate|user.ETableRightInsert) || m.Has(user.ETableRightDelete) {
				t.Errorf("Mask = %b", m)
			}
			if s, ok := got.ExtraFields.Value().Get("saved"); !ok || s != "yes" {
				t.Errorf("ExtraFields = %v", got.ExtraFields)
			}
			if s, ok := got.ExtraFields.Value().Get("empty"); !ok || s != "" {
				t.Errorf("ExtraFields[empty] = %q, %v", s, ok)
			}
			if ll, ok := got.Lastlogin.Value().Instant(); !ok || !ll.Equal(lastLogin) {
				t.Errorf("Lastlogin = %v", ll)
			}
			if lo := got.Lastlogout.Value(); lo.HasZone() || lo.In(time.UTC).Hour() != 12 || lo.In(time.UTC).Nanosecond() != 500_000_000 {
				t.Errorf("Lastlogout = %v", lo)
			}
			if !got.Tooltip.IsNil() || !got.Person.IsNil() || !got.TableRight.Value().Reason.IsNil() || !got.Role.IsAbsent() {
				t.Errorf("nil members: Tooltip %v, Person %v, Reason %v, Role %v", got.Tooltip, got.Person, got.TableRight.Value().Reason, got.Role)
			}
			if g := got.OtherGroups.Value(); len(g) != 2 || g[1] != nil || g[0].Value.Value() != "Support" {
				t.Errorf("OtherGroups = %v", g)
			}
			if id, ok := got.AssociateId.Get(); !ok || id != 0 {
				t.Errorf("AssociateId = %v", got.AssociateId)
			}
			// A nil user comes back nil.
			resp, err = c.SaveUser(testCtx(t), &user.SaveUser{User: soap.Nil[*user.User]()})
			if err != nil || !resp.Response.IsNil() {
				t.Errorf("nil user: %v, %v", resp, err)
			}

			// ArrayOfint in, ArrayOf<struct> out, with a nil item.
			list, err := c.GetUserInfoList(testCtx(t), &user.GetUserInfoList{UserInfoIds: soap.Some(user.ArrayOfint{3, 0, 7})})
			if err != nil {
				t.Fatal(err)
			}
			infos := list.Response.Value()
			if len(infos) != 3 || infos[1] != nil || infos[0].UserInfoId.Value() != 3 || infos[2].UserName.Value() != "user7" {
				t.Fatalf("infos = %v", infos)
			}
			if lic := infos[0].GrantedLicenses.Value(); len(lic) != 3 || *lic[0] != "crm" || lic[1] != nil || *lic[2] != "" {
				t.Errorf("GrantedLicenses = %v", lic)
			}
			if !infos[0].Tooltip.IsNil() || !infos[0].TableRight.Value().Mask.Value().Has(user.ETableRightDelete) {
				t.Errorf("info = %+v", infos[0])
			}
			// An empty array is sent as an empty element, not dropped.
			list, err = c.GetUserInfoList(testCtx(t), &user.GetUserInfoList{UserInfoIds: soap.Some(user.ArrayOfint{})})
			if err != nil || list.Response.IsAbsent() || len(list.Response.Value()) != 0 {
				t.Errorf("empty list: %v, %v", list, err)
			}

			groups, err := c.GetAllUserGroups(testCtx(t), &user.GetAllUserGroups{IncludeDeleted: soap.Some(true)})
			if err != nil {
				t.Fatal(err)
			}
			if g := groups.Response.Value(); len(g) != 2 || g[0].Value.Value() != "Sales" || !g[1].Deleted.Value() || !g[1].Tooltip.IsNil() {
				t.Errorf("groups = %v", g)
			}
		})
	}
}

func TestEndToEndErrors(t *testing.T) {
	for _, v := range versions {
		t.Run(v.String(), func(t *testing.T) {
			impl := &fakeUser{done: make(chan struct{})}
			c, _ := newPair(t, impl, v)

			_, err := c.SetUserPresenceStatus(testCtx(t), &user.SetUserPresenceStatus{AssociateId: soap.Some[int32](faultID)})
			var f *soap.Fault
			if !errors.As(err, &f) {
				t.Fatalf("err = %v (%T), want *soap.Fault", err, err)
			}
			wantStatus := 500
			if v == soap.SOAP12 {
				wantStatus = 400
			}
			if f.Version != v || f.Code != soap.ClientFaultCode(v) || f.Reason != "associate 13 may not change status" || f.Actor != "urn:fake" || f.HTTPStatus != wantStatus {
				t.Errorf("fault = %+v", f)
			}

			var rh services88.ResponseHeader
			_, err = c.SetUserPresenceStatus(testCtx(t), &user.SetUserPresenceStatus{AssociateId: soap.Some[int32](missingID)}, soap.ResponseHeader(&rh))
			var se *services88.ServiceError
			if !errors.As(err, &se) {
				t.Fatalf("err = %v (%T), want *user.ServiceError", err, err)
			}
			if se.Info.Message.Value() != "No such associate" || !strings.HasSuffix(err.Error(), ": service reported failure: SoException: No such associate") || !strings.HasPrefix(err.Error(), "soap: SetUserPresenceStatus http://127.0.0.1:") {
				t.Errorf("ServiceError = %v", err)
			}
			if ok, set := rh.Succeeded.Get(); !set || ok {
				t.Errorf("Succeeded = %v, want false", rh.Succeeded)
			}

			// An operation the fake does not implement.
			_, err = c.GetUser(testCtx(t), &user.GetUser{})
			if !errors.As(err, &f) || f.Reason != "operation GetUser is not implemented" || f.Code != soap.ServerFaultCode(v) {
				t.Errorf("unimplemented: %v", err)
			}

			// Cancelling the call ends it, and the implementation's context.
			ctx, cancel := context.WithCancel(testCtx(t))
			time.AfterFunc(50*time.Millisecond, cancel)
			_, err = c.SetUserPresenceStatus(ctx, &user.SetUserPresenceStatus{AssociateId: soap.Some[int32](blockID)})
			if !errors.Is(err, context.Canceled) {
				t.Errorf("cancelled call: %v", err)
			}
			select {
			case <-impl.done:
			case <-time.After(5 * time.Second):
				t.Error("the implementation's context was not cancelled")
			}
		})
	}
}

// TestHandlerRejectsBadRequests checks the answers to requests the
// handler refuses: HTTP status and a Fault of the request's version.
func TestHandlerRejectsBadRequests(t *testing.T) {
	srv := httptest.NewServer(user.NewUserHandler(&fakeUser{}, soap.WithMaxRequestSize(1<<10)))
	defer srv.Close()
	const action = "http://www.superoffice.net/ws/crm/NetServer/Services88/User/SetUserPresenceStatus"
	good11 := `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><SetUserPresenceStatus xmlns="http://www.superoffice.net/ws/crm/NetServer/Services88"><AssociateId>1</AssociateId></SetUserPresenceStatus></s:Body></s:Envelope>`
	good12 := strings.ReplaceAll(good11, "http://schemas.xmlsoap.org/soap/envelope/", "http://www.w3.org/2003/05/soap-envelope")
	ct11, ct12 := "text/xml; charset=utf-8", `application/soap+xml; charset=utf-8; action="`+action+`"`
	soapAction := http.Header{"Soapaction": {`"` + action + `"`}}
	for _, tc := range []struct {
		name, method, ct string
		hdr              http.Header
		body             string
		status           int
		v                soap.Version
		code             soap.QName
		reason           string
	}{
		{"good 1.1", "POST", ct11, soapAction, good11, 200, soap.SOAP11, soap.QName{}, ""},
		{"good 1.2", "POST", ct12, nil, good12, 200, soap.SOAP12, soap.QName{}, ""},
		{"GET", "GET", "", nil, "", 405, soap.SOAP11, soap.ClientFaultCode(soap.SOAP11), "method GET not allowed"},
		{"PUT 1.2", "PUT", ct12, nil, good12, 405, soap.SOAP12, soap.ClientFaultCode(soap.SOAP12), "method PUT not allowed"},
		{"JSON", "POST", "application/json", nil, `{}`, 415, soap.SOAP11, soap.ClientFaultCode(soap.SOAP11), `unsupported Content-Type "application/json"`},
		{"no content type", "POST", "", nil, good11, 415, soap.SOAP11, soap.ClientFaultCode(soap.SOAP11), "Content-Type"},
		{"oversized 1.1", "POST", ct11, soapAction, good11 + strings.Repeat(" ", 2<<10), 413, soap.SOAP11, soap.ClientFaultCode(soap.SOAP11), "larger than 1024 bytes"},
		{"oversized 1.2", "POST", ct12, nil, good12 + strings.Repeat(" ", 2<<10), 413, soap.SOAP12, soap.ClientFaultCode(soap.SOAP12), "larger than 1024 bytes"},
		{"malformed 1.1", "POST", ct11, soapAction, good11[:len(good11)-20], 500, soap.SOAP11, soap.ClientFaultCode(soap.SOAP11), "malformed request"},
		{"malformed 1.2", "POST", ct12, nil, strings.Replace(good12, "<AssociateId>", "<AssociateId", 1), 400, soap.SOAP12, soap.ClientFaultCode(soap.SOAP12), "malformed request"},
		{"unknown element 1.2", "POST", ct12, nil, strings.Replace(good12, "<AssociateId>", "<Bogus/><AssociateId>", 1), 400, soap.SOAP12, soap.ClientFaultCode(soap.SOAP12), "unexpected element"},
		{"bad value 1.1", "POST", ct11, soapAction, strings.Replace(good11, ">1<", ">one<", 1), 500, soap.SOAP11, soap.ClientFaultCode(soap.SOAP11), `invalid xs:int "one"`},
		{"unknown action 1.1", "POST", ct11, http.Header{"Soapaction": {`"urn:nope"`}}, good11, 500, soap.SOAP11, soap.ClientFaultCode(soap.SOAP11), `unknown SOAPAction "urn:nope"`},
		{"unknown action 1.2", "POST", `application/soap+xml; action="urn:nope"`, nil, good12, 400, soap.SOAP12, soap.ClientFaultCode(soap.SOAP12), `unknown SOAPAction "urn:nope"`},
		{"by body element", "POST", ct11, nil, good11, 200, soap.SOAP11, soap.QName{}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, err := http.NewRequestWithContext(testCtx(t), tc.method, srv.URL, strings.NewReader(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			if tc.ct != "" {
				req.Header.Set("Content-Type", tc.ct)
			}
			for k, v := range tc.hdr {
				req.Header[k] = v
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
			if resp.StatusCode != tc.status {
				t.Errorf("status %d, want %d\n%s", resp.StatusCode, tc.status, data)
			}
			wantCT := "text/xml; charset=utf-8"
			if tc.v == soap.SOAP12 {
				wantCT = "application/soap+xml; charset=utf-8"
			}
			if got := resp.Header.Get("Content-Type"); got != wantCT {
				t.Errorf("Content-Type %q, want %q", got, wantCT)
			}
			if tc.status == 405 && resp.Header.Get("Allow") != "POST" {
				t.Errorf("Allow = %q", resp.Header.Get("Allow"))
			}
			env := soap.Envelope{BodyName: user.Operations()[3].Output, Body: new(user.SetUserPresenceStatusResponse), Header: new(services88.ResponseHeader)}
			err = env.Decode(soap.NewBytesDecoder(data))
			if env.Version != tc.v {
				t.Errorf("answer in %v, want %v", env.Version, tc.v)
			}
			if tc.code == (soap.QName{}) {
				if err != nil {
					t.Errorf("err = %v", err)
				}
				return
			}
			var f *soap.Fault
			if !errors.As(err, &f) {
				t.Fatalf("no fault: %v\n%s", err, data)
			}
			if f.Version != tc.v || f.Code != tc.code || !strings.Contains(f.Reason, tc.reason) {
				t.Errorf("fault %+v, want %v with %q", f, tc.code, tc.reason)
			}
		})
	}
}

// TestSecretsNotInErrors calls with a secret ticket and application token
// against servers that fail in every way the client reports, and checks
// that no error text holds either.
func TestSecretsNotInErrors(t *testing.T) {
	echo := func(w http.ResponseWriter, r *http.Request) []byte {
		b, _ := io.ReadAll(r.Body)
		return b
	}
	handlers := map[string]http.HandlerFunc{
		"HTML 502": func(w http.ResponseWriter, r *http.Request) {
			echo(w, r)
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(502)
			io.WriteString(w, "<html><body>Bad Gateway</body></html>")
		},
		"malformed XML": func(w http.ResponseWriter, r *http.Request) {
			echo(w, r)
			w.Header().Set("Content-Type", "text/xml")
			io.WriteString(w, `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><oops`)
		},
		"wrong element": func(w http.ResponseWriter, r *http.Request) {
			echo(w, r)
			w.Header().Set("Content-Type", "text/xml")
			io.WriteString(w, `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><Other/></s:Body></s:Envelope>`)
		},
		"empty 500": func(w http.ResponseWriter, r *http.Request) {
			echo(w, r)
			w.WriteHeader(500)
		},
		"redirect": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "http://127.0.0.1:1/elsewhere", http.StatusPermanentRedirect)
		},
		"timeout": func(w http.ResponseWriter, r *http.Request) {
			echo(w, r)
			select {
			case <-r.Context().Done():
			case <-time.After(10 * time.Second):
			}
		},
		"connection dropped": func(w http.ResponseWriter, r *http.Request) {
			echo(w, r)
			panic(http.ErrAbortHandler)
		},
		"too large": func(w http.ResponseWriter, r *http.Request) {
			echo(w, r)
			w.Header().Set("Content-Type", "text/xml")
			io.WriteString(w, strings.Repeat("<x/>", 1<<10))
		},
	}
	for _, v := range versions {
		for name, h := range handlers {
			t.Run(v.String()+"/"+name, func(t *testing.T) {
				srv := httptest.NewServer(h)
				defer srv.Close()
				c := user.NewUserClient(soap.NewClient(srv.URL, soap.WithVersion(v), soap.WithDefaultHeader(credentials()), soap.WithMaxResponseSize(2<<10)))
				ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
				defer cancel()
				_, err := c.SetUserPresenceStatus(ctx, &user.SetUserPresenceStatus{AssociateId: soap.Some[int32](1)})
				checkNoSecrets(t, err)
			})
		}
		// Faults and service errors from the generated handler.
		t.Run(v.String()+"/faults", func(t *testing.T) {
			c, _ := newPair(t, &fakeUser{}, v)
			for _, id := range []int32{faultID, missingID} {
				_, err := c.SetUserPresenceStatus(testCtx(t), &user.SetUserPresenceStatus{AssociateId: soap.Some(id)})
				checkNoSecrets(t, err)
			}
			_, err := c.GetUser(testCtx(t), &user.GetUser{})
			checkNoSecrets(t, err)
		})
	}
}

func checkNoSecrets(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		t.Fatal("the call succeeded")
	}
	for _, s := range []string{secretTicket, secretToken, "SECRET"} {
		if strings.Contains(err.Error(), s) {
			t.Errorf("error text holds a secret: %v", err)
		}
	}
}
