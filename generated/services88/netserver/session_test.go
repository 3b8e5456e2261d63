package netserver_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/soapgen/soapgen/generated/services88"
	"github.com/soapgen/soapgen/generated/services88/archive"
	"github.com/soapgen/soapgen/generated/services88/list"
	"github.com/soapgen/soapgen/generated/services88/netserver"
	"github.com/soapgen/soapgen/generated/services88/person"
	"github.com/soapgen/soapgen/generated/services88/user"
	"github.com/soapgen/soapgen/soap"
)

// oslo is the session's time zone in these tests.
var oslo = &services88.SoTimeZone{SoTimeZoneId: soap.Some[int32](19), SoTimeZoneLocationCode: soap.Some("NOOSL")}

func tzString(tz *services88.SoTimeZone) string {
	if tz == nil {
		return "<absent>"
	}
	return fmt.Sprintf("%d/%s", tz.SoTimeZoneId.Value(), tz.SoTimeZoneLocationCode.Value())
}

// presence calls User's SetUserPresenceStatus through the session.
func presence(ctx context.Context, s *netserver.Session, opts ...soap.CallOption) (*user.SetUserPresenceStatusResponse, error) {
	return user.NewUserClient(s).SetUserPresenceStatus(ctx, &user.SetUserPresenceStatus{
		AssociateId:        soap.Some[int32](7),
		UserPresenceStatus: soap.Some(&user.UserPresenceStatus{Status: soap.Some(user.EjUserStatusStatusNormal), Message: soap.Some("in a meeting")}),
	}, opts...)
}

// wantRequests fails unless every request the fake saw carries the token,
// ticket and time zone given.
func wantRequests(t *testing.T, got []seen, token, tkt string, tz *services88.SoTimeZone) {
	t.Helper()
	for i, r := range got {
		if r.Token != token || !r.HasTicket || r.Ticket != tkt || tzString(r.TZ) != tzString(tz) {
			t.Errorf("request %d (%s): token %q, ticket %q (set %v), time zone %s; want %q, %q, %s",
				i, r.Op, r.Token, r.Ticket, r.HasTicket, tzString(r.TZ), token, tkt, tzString(tz))
		}
	}
}

// 1. One session, three agents, one TCP connection; a List value saved in a
// Person entity as it is.
func TestSessionAgentsShareHeadersAndConnection(t *testing.T) {
	f := newFakeNS(t)
	f.accept("S-1")
	s := f.session(netserver.WithApplicationToken(nsToken), netserver.WithTickets(netserver.StaticTicket("S-1")), netserver.WithTimeZone(oslo))
	ctx := t.Context()

	pres, err := presence(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	if got := pres.Response.Value(); got == nil || got.Status.Value() != user.EjUserStatusStatusNormal || got.Message.Value() != "in a meeting" {
		t.Errorf("SetUserPresenceStatus answered %v", got)
	}

	lists, persons := list.NewListClient(s), person.NewPersonClient(s)
	cr, err := lists.GetCountry(ctx, &list.GetCountry{CountryId: soap.Some[int32](578)})
	if err != nil {
		t.Fatal(err)
	}
	country := cr.Response.Value()
	if country == nil || country.TwoLetterISOCountry.Value() != "NO" {
		t.Fatalf("GetCountry answered %v", country)
	}
	pr, err := persons.GetPersonEntity(ctx, &person.GetPersonEntity{PersonEntityId: soap.Some[int32](5)})
	if err != nil {
		t.Fatal(err)
	}
	p := pr.Response.Value()
	if p == nil || p.PersonId.Value() != 5 || p.Firstname.Value() != "Ola" {
		t.Fatalf("GetPersonEntity answered %v", p)
	}
	// The List agent's *list.Country, as it is: list.Country and
	// person.Country are one type (this compiles only if they are).
	p.Country = soap.Some(country)
	sr, err := persons.SavePersonEntity(ctx, &person.SavePersonEntity{PersonEntity: soap.Some(p)})
	if err != nil {
		t.Fatal(err)
	}
	if c := sr.Response.Value().Country.Value(); c == nil || c.CountryId.Value() != 578 {
		t.Errorf("SavePersonEntity answered the country %v", c)
	}

	f.mu.Lock()
	saved := f.saved
	f.mu.Unlock()
	if saved == nil {
		t.Fatal("the fake saved no person")
	}
	sc := saved.Country.Value()
	want := countries[578]
	if sc == nil || !reflect.DeepEqual(*sc, *want) {
		t.Errorf("the fake received the country %+v, want %+v", sc, want)
	}
	if saved.PersonId.Value() != 5 || saved.Lastname.Value() != "Nordmann" {
		t.Errorf("the fake saved person %d %q", saved.PersonId.Value(), saved.Lastname.Value())
	}

	reqs := f.requests()
	ops := make([]string, len(reqs))
	for i, r := range reqs {
		ops[i] = r.Op
	}
	if want := []string{"SetUserPresenceStatus", "GetCountry", "GetPersonEntity", "SavePersonEntity"}; !slices.Equal(ops, want) {
		t.Errorf("the fake served %v, want %v", ops, want)
	}
	wantRequests(t, reqs, nsToken, "S-1", oslo)
	f.mu.Lock()
	paths := maps2string(f.paths)
	f.mu.Unlock()
	if want := "/Remote/Services88/List.svc=1 /Remote/Services88/Person.svc=2 /Remote/Services88/User.svc=1"; paths != want {
		t.Errorf("requests by path: %s, want %s", paths, want)
	}
	if n := f.connCount(); n != 1 {
		t.Errorf("%d TCP connections for the session's calls to three agents, want 1", n)
	}
}

// maps2string formats a count map in key order.
func maps2string(m map[string]int) string {
	var out []string
	for _, k := range slices.Sorted(func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}) {
		out = append(out, fmt.Sprintf("%s=%d", k, m[k]))
	}
	return strings.Join(out, " ")
}

// 2. A refused StaticTicket fails the call after one request.
func TestSessionStaticTicketRefused(t *testing.T) {
	f := newFakeNS(t) // accepts no ticket
	s := f.session(netserver.WithApplicationToken(nsToken), netserver.WithTickets(netserver.StaticTicket("S-old")))
	_, err := presence(t.Context(), s)
	if err == nil {
		t.Fatal("a refused ticket did not fail the call")
	}
	if !errors.Is(err, netserver.ErrTicketExpired) {
		t.Errorf("error %v does not match ErrTicketExpired", err)
	}
	var se *services88.ServiceError
	if !errors.As(err, &se) || se.Info == nil {
		t.Fatalf("error %v has no *services88.ServiceError with ExceptionInfo", err)
	}
	if got := se.Info.ExceptionType.Value(); got != ticketRefusedType {
		t.Errorf("ExceptionType %q, want %q", got, ticketRefusedType)
	}
	if got := se.Info.Message.Value(); got != "The ticket is not valid, or it has expired" {
		t.Errorf("Message %q", got)
	}
	var te *netserver.TicketError
	if !errors.As(err, &te) {
		t.Fatalf("error %v (%T) is not a *netserver.TicketError", err, err)
	}
	if te.Operation != "SetUserPresenceStatus" || te.Err != se || te.Renew == nil || !errors.Is(te.Renew, netserver.ErrTicketExpired) {
		t.Errorf("TicketError{Operation: %q, Err: %v, Renew: %v}", te.Operation, te.Err, te.Renew)
	}
	if strings.Contains(err.Error(), "S-old") {
		t.Errorf("the error quotes the ticket: %v", err)
	}
	if n := f.count("SetUserPresenceStatus"); n != 1 {
		t.Errorf("%d requests for the call, want 1", n)
	}
}

// 3. A password login at the first call, and again when the ticket expires;
// a wrong password is refused and never reaches an agent.
func TestSessionPassword(t *testing.T) {
	f := newFakeNS(t)
	s := f.session(netserver.WithApplicationToken(nsToken), netserver.WithPassword(nsUser, nsPassword), netserver.WithTimeZone(oslo))
	ctx := t.Context()
	if n := f.loginTryCount(); n != 0 {
		t.Fatalf("NewSession logged in (%d)", n)
	}
	for i := range 3 {
		if _, err := presence(ctx, s); err != nil {
			t.Fatalf("call %d: %v", i, err)
		}
	}
	if n := f.loginCount(); n != 1 {
		t.Errorf("%d logins for three calls, want 1", n)
	}
	wantRequests(t, f.requests(), nsToken, "T1", oslo)
	if n := f.connCount(); n != 1 {
		t.Errorf("%d TCP connections for the login and the calls, want 1 (the session's one pool)", n)
	}

	f.expire("T1")
	if _, err := presence(ctx, s); err != nil {
		t.Fatalf("after T1 expired: %v", err)
	}
	reqs := f.requests()
	if len(reqs) != 5 {
		t.Fatalf("%d requests, want 3 + the refused one + its retry", len(reqs))
	}
	wantRequests(t, reqs[3:4], nsToken, "T1", oslo)
	wantRequests(t, reqs[4:], nsToken, "T2", oslo)
	if _, err := presence(ctx, s); err != nil {
		t.Fatal(err)
	}
	wantRequests(t, f.requests()[5:], nsToken, "T2", oslo)
	if n := f.loginCount(); n != 2 {
		t.Errorf("%d logins, want 2", n)
	}
	f.mu.Lock()
	tokens := slices.Clone(f.loginTokens)
	f.mu.Unlock()
	if !slices.Equal(tokens, []string{nsToken, nsToken}) {
		t.Errorf("the logins sent the application tokens %q", tokens)
	}

	// A wrong password.
	bad := f.session(netserver.WithApplicationToken(nsToken), netserver.WithPassword(nsUser, "wrong-password-123"))
	before := len(f.requests())
	_, err := presence(ctx, bad)
	if !errors.Is(err, netserver.ErrLoginRefused) {
		t.Fatalf("wrong password: error %v, want one matching ErrLoginRefused", err)
	}
	if strings.Contains(err.Error(), "wrong-password-123") || strings.Contains(err.Error(), nsPassword) {
		t.Errorf("the error quotes the password: %v", err)
	}
	if n := len(f.requests()) - before; n != 0 {
		t.Errorf("a refused login still sent %d agent requests", n)
	}
	if n := f.loginTryCount(); n != 3 {
		t.Errorf("%d login attempts, want 3", n)
	}

	f.mu.Lock()
	defer f.mu.Unlock()
	if want := map[string]int{basePath + "SoPrincipal.svc": 2}; !equalCounts(f.passwordAt, want) {
		t.Errorf("requests holding the password, by path: %v, want %v (the logins only)", f.passwordAt, want)
	}
	if f.paths[basePath+"User.svc"] != 6 {
		t.Errorf("%d requests to User.svc, want 6", f.paths[basePath+"User.svc"])
	}
}

func equalCounts(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// 4. A ticket that expires at the third page of a paged list.
func TestSessionPagedListTicketExpires(t *testing.T) {
	f := newFakeNS(t)
	var once sync.Once
	f.setHook(func(op string, arg any) error {
		if page, ok := arg.(int32); ok && op == "GetArchiveListByColumns" && page == 2 {
			once.Do(f.expireAll)
		}
		return nil
	})
	s := f.session(netserver.WithApplicationToken(nsToken), netserver.WithPassword(nsUser, nsPassword))
	arch := archive.NewArchiveClient(s)
	cols := archive.ArrayOfstring{new("personId"), new("fullName")}

	var got [][]int32
	for page := int32(0); page < 4; page++ {
		resp, err := arch.GetArchiveListByColumns(t.Context(), &archive.GetArchiveListByColumns{
			ProviderName: soap.Some("person"),
			Columns:      soap.Some(cols),
			Page:         soap.Some(page),
			PageSize:     soap.Some[int32](10),
		})
		if err != nil {
			t.Fatalf("page %d: %v", page, err)
		}
		var ids []int32
		for _, it := range resp.Response.Value() {
			if it.EntityName.Value() != "person" || it.LinkHint.Value() != fmt.Sprintf("person_id=%d", it.PrimaryKey.Value()) {
				t.Errorf("page %d: item %+v", page, it)
			}
			ids = append(ids, it.PrimaryKey.Value())
		}
		got = append(got, ids)
	}
	for page, ids := range got {
		var want []int32
		for id := int32(page*10 + 1); id <= int32(page*10+10) && id <= archiveRows; id++ {
			want = append(want, id)
		}
		if !slices.Equal(ids, want) {
			t.Errorf("page %d: ids %v, want %v", page, ids, want)
		}
	}
	if order := f.pageOrder(); !slices.Equal(order, []int32{0, 1, 2, 2, 3}) {
		t.Errorf("pages requested in the order %v, want [0 1 2 2 3]", order)
	}
	if n := f.loginCount(); n != 2 {
		t.Errorf("%d logins, want 2", n)
	}
	reqs := f.requests()
	if len(reqs) != 5 {
		t.Fatalf("%d requests, want 5", len(reqs))
	}
	wantRequests(t, reqs[:3], nsToken, "T1", nil)
	wantRequests(t, reqs[3:], nsToken, "T2", nil)
}

// 5. A retry refused again fails, after exactly two requests.
func TestSessionRetryRefusedAgain(t *testing.T) {
	f := newFakeNS(t)
	f.setHook(func(op string, _ any) error {
		if op == "GetCountry" {
			return refusal("refused, whatever the ticket")
		}
		return nil
	})
	s := f.session(netserver.WithApplicationToken(nsToken), netserver.WithPassword(nsUser, nsPassword))
	_, err := list.NewListClient(s).GetCountry(t.Context(), &list.GetCountry{CountryId: soap.Some[int32](578)})
	var te *netserver.TicketError
	if !errors.As(err, &te) {
		t.Fatalf("error %v (%T), want a *netserver.TicketError", err, err)
	}
	if te.Operation != "GetCountry" || te.Renew != nil || te.Err == nil || te.Err.Info.Message.Value() != "refused, whatever the ticket" {
		t.Errorf("TicketError{Operation: %q, Err: %v, Renew: %v}", te.Operation, te.Err, te.Renew)
	}
	if !errors.Is(err, netserver.ErrTicketExpired) {
		t.Errorf("error %v does not match ErrTicketExpired", err)
	}
	if se := (*services88.ServiceError)(nil); !errors.As(err, &se) || se != te.Err || se.Info.ExceptionType.Value() != ticketRefusedType {
		t.Errorf("error %v does not unwrap to the retry's refusal", err)
	}
	if n := f.count("GetCountry"); n != 2 {
		t.Errorf("%d requests for the call, want 2 (the call and one retry)", n)
	}
	if n := f.loginCount(); n != 2 {
		t.Errorf("%d logins, want 2", n)
	}
	reqs := f.requests()
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2", len(reqs))
	}
	wantRequests(t, reqs[:1], nsToken, "T1", nil)
	wantRequests(t, reqs[1:], nsToken, "T2", nil)
}

// 6. A service error that is not about the ticket is returned as it is.
func TestSessionBusinessErrorNotRetried(t *testing.T) {
	f := newFakeNS(t)
	business := &services88.ServiceError{Info: &services88.SoExceptionInfo{
		ExceptionType: soap.Some(businessErrorType),
		Message:       soap.Some("Person 5 is locked"),
	}}
	f.setHook(func(op string, _ any) error {
		if op == "SavePersonEntity" {
			return business
		}
		return nil
	})
	s := f.session(netserver.WithApplicationToken(nsToken), netserver.WithPassword(nsUser, nsPassword))
	_, err := person.NewPersonClient(s).SavePersonEntity(t.Context(), &person.SavePersonEntity{
		PersonEntity: soap.Some(&person.PersonEntity{PersonId: soap.Some[int32](5)}),
	})
	var se *services88.ServiceError
	if !errors.As(err, &se) || se.Info == nil {
		t.Fatalf("error %v (%T), want a *services88.ServiceError", err, err)
	}
	if se.Info.ExceptionType.Value() != businessErrorType || se.Info.Message.Value() != "Person 5 is locked" {
		t.Errorf("ExceptionInfo %q %q", se.Info.ExceptionType.Value(), se.Info.Message.Value())
	}
	if errors.Is(err, netserver.ErrTicketExpired) {
		t.Errorf("a business error matches ErrTicketExpired: %v", err)
	}
	var te *netserver.TicketError
	if errors.As(err, &te) {
		t.Errorf("a business error is a TicketError: %v", err)
	}
	if n := f.count("SavePersonEntity"); n != 1 {
		t.Errorf("%d requests, want 1 (no retry)", n)
	}
	if n := f.loginCount(); n != 1 {
		t.Errorf("%d logins, want 1 (no renewal)", n)
	}
}

// 7. Concurrent calls refused together share one re-login.
func TestSessionConcurrentExpiry(t *testing.T) {
	const callers = 20
	f := newFakeNS(t)
	s := f.session(netserver.WithApplicationToken(nsToken), netserver.WithPassword(nsUser, nsPassword))
	lists := list.NewListClient(s)
	ctx := t.Context()
	if _, err := lists.GetCountry(ctx, &list.GetCountry{CountryId: soap.Some[int32](1)}); err != nil {
		t.Fatal(err)
	}
	f.expireAll()
	// The re-login answers only once every caller has been refused with T1
	// (or after a while, if that never happens), so that all of them
	// renew the same stale ticket at the same time.
	allRefused := make(chan struct{})
	var closeOnce sync.Once
	f.setHook(func(string, any) error {
		f.mu.Lock()
		last := f.refused == callers-1 // this call is about to be the last refused
		f.mu.Unlock()
		if last {
			closeOnce.Do(func() { close(allRefused) })
		}
		return nil
	})
	f.setBeforeAnswer(func(try int) {
		if try > 1 {
			select {
			case <-allRefused:
			case <-time.After(10 * time.Second):
			}
		}
	})

	start := make(chan struct{})
	errs := make([]error, callers)
	var wg sync.WaitGroup
	for i := range callers {
		wg.Go(func() {
			<-start
			id := int32(1000 + i)
			resp, err := lists.GetCountry(ctx, &list.GetCountry{CountryId: soap.Some(id)})
			if err == nil {
				if c := resp.Response.Value(); c == nil || c.CountryId.Value() != id || c.Name.Value() != fmt.Sprintf("Country %d", id) {
					err = fmt.Errorf("answered %v", c)
				}
			}
			errs[i] = err
		})
	}
	close(start)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("caller %d: %v", i, err)
		}
	}
	if n := f.loginCount(); n != 2 {
		t.Errorf("%d logins, want 2 (the first and one re-login for %d callers)", n, callers)
	}
	if n := f.refusedCount(); n != callers {
		t.Errorf("%d calls refused, want %d", n, callers)
	}
	if n := f.count("GetCountry"); n != 1+2*callers {
		t.Errorf("%d requests, want %d", n, 1+2*callers)
	}
	var t1, t2 int
	for _, r := range f.requests()[1:] {
		switch r.Ticket {
		case "T1":
			t1++
		case "T2":
			t2++
		}
	}
	if t1 != callers || t2 != callers {
		t.Errorf("%d requests with T1 and %d with T2, want %d of each", t1, t2, callers)
	}
}

// 8. A call's own RequestHeader keeps what it sets and gets the session's
// token and ticket.
func TestSessionCallHeader(t *testing.T) {
	f := newFakeNS(t)
	f.accept("S-1", "OWN-1")
	s := f.session(netserver.WithApplicationToken(nsToken), netserver.WithTickets(netserver.StaticTicket("S-1")), netserver.WithTimeZone(oslo))
	ctx := t.Context()
	utc := &services88.SoTimeZone{SoTimeZoneId: soap.Some[int32](1), SoTimeZoneLocationCode: soap.Some("UTC")}
	own := &services88.RequestHeader{TimeZone: soap.Some(utc)}
	if _, err := presence(ctx, s, soap.WithHeader(own)); err != nil {
		t.Fatal(err)
	}
	if _, err := presence(ctx, s); err != nil {
		t.Fatal(err)
	}
	reqs := f.requests()
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2", len(reqs))
	}
	wantRequests(t, reqs[:1], nsToken, "S-1", utc)
	wantRequests(t, reqs[1:], nsToken, "S-1", oslo)
	if !own.ApplicationToken.IsAbsent() || !own.Credentials.IsAbsent() || own.TimeZone.Value() != utc {
		t.Errorf("the session changed the call's header: %v", own)
	}

	// Its own ApplicationToken and Credentials are kept too.
	mine := &services88.RequestHeader{
		ApplicationToken: soap.Some("other-token"),
		Credentials:      soap.Some(&services88.SoCredentials{Ticket: soap.Some("OWN-1")}),
	}
	if _, err := presence(ctx, s, soap.WithHeader(mine)); err != nil {
		t.Fatal(err)
	}
	wantRequests(t, f.requests()[2:], "other-token", "OWN-1", oslo)
}

// 8b. A call that sends credentials of its own is not the session's to
// renew: when they are refused, the session neither logs in again nor
// retries the call with the same refused ticket.
func TestSessionCallCredentialsRefused(t *testing.T) {
	f := newFakeNS(t)
	s := f.session(netserver.WithApplicationToken(nsToken), netserver.WithPassword(nsUser, nsPassword))
	_, err := presence(t.Context(), s, soap.WithHeader(&services88.RequestHeader{
		Credentials: soap.Some(&services88.SoCredentials{Ticket: soap.Some("OWN-expired")}),
	}))
	if !errors.Is(err, netserver.ErrTicketExpired) {
		t.Fatalf("error %v, want one matching ErrTicketExpired", err)
	}
	var se *services88.ServiceError
	if !errors.As(err, &se) || se.Info.ExceptionType.Value() != ticketRefusedType {
		t.Errorf("error %v does not unwrap to the refusal", err)
	}
	if n := f.count("SetUserPresenceStatus"); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
	if n := f.loginTryCount(); n != 0 {
		t.Errorf("%d logins for a call with its own credentials, want 0", n)
	}
	wantRequests(t, f.requests(), nsToken, "OWN-expired", nil)
}

func exception(typ string, inner *services88.SoExceptionInfo) *services88.SoExceptionInfo {
	e := &services88.SoExceptionInfo{ExceptionType: soap.Some(typ), Message: soap.Some("message of " + typ)}
	if inner != nil {
		e.InnerException = soap.Some(inner)
	}
	return e
}

// 9. IsTicketFailure reads the exception chain; WithExpiredTicket replaces it.
func TestIsTicketFailure(t *testing.T) {
	deep := exception(ticketRefusedType, nil)
	for range 10 {
		deep = exception(businessErrorType, deep)
	}
	tooDeep := exception(ticketRefusedType, nil)
	for range 16 {
		tooDeep = exception(businessErrorType, tooDeep)
	}
	for _, tc := range []struct {
		name string
		info *services88.SoExceptionInfo
		want bool
	}{
		{"nil", nil, false},
		{"no type", &services88.SoExceptionInfo{Message: soap.Some("Ticket expired")}, false},
		{"ticket", exception(ticketRefusedType, nil), true},
		{"credentials", exception("SuperOffice.CRM.Security.SoCredentialsException", nil), true},
		{"session, lower case", exception("SuperOffice.x.invalidsessionexception", nil), true},
		{"unqualified", exception("TicketExpiredException", nil), true},
		{"business", exception(businessErrorType, nil), false},
		{"ticket only in the namespace", exception("SuperOffice.Ticket.Credential.Session.SoBusinessException", nil), false},
		{"message says ticket", &services88.SoExceptionInfo{ExceptionType: soap.Some(businessErrorType), Message: soap.Some("invalid ticket")}, false},
		{"inner ticket", exception(businessErrorType, exception("System.Exception", exception(ticketRefusedType, nil))), true},
		{"inner business", exception("System.Exception", exception(businessErrorType, nil)), false},
		{"inner nil", &services88.SoExceptionInfo{ExceptionType: soap.Some(businessErrorType), InnerException: soap.Nil[*services88.SoExceptionInfo]()}, false},
		{"11 deep", deep, true},
		{"17 deep", tooDeep, false},
	} {
		if got := netserver.IsTicketFailure(tc.info); got != tc.want {
			t.Errorf("%s: IsTicketFailure = %v, want %v", tc.name, got, tc.want)
		}
	}

	// A custom test: "Acme.Expired" is a refused ticket, the default's
	// ticket exception is not.
	const custom = "Acme.Expired"
	f := newFakeNS(t)
	var mu sync.Mutex
	var answer []string // what GetCountry answers, call by call: "" serves it
	f.setHook(func(op string, _ any) error {
		mu.Lock()
		defer mu.Unlock()
		if op != "GetCountry" || len(answer) == 0 {
			return nil
		}
		typ := answer[0]
		answer = answer[1:]
		if typ == "" {
			return nil
		}
		return &services88.ServiceError{Info: exception(typ, nil)}
	})
	var tested []string
	s := f.session(netserver.WithApplicationToken(nsToken), netserver.WithPassword(nsUser, nsPassword),
		netserver.WithExpiredTicket(func(info *services88.SoExceptionInfo) bool {
			mu.Lock()
			defer mu.Unlock()
			tested = append(tested, info.ExceptionType.Value())
			return info.ExceptionType.Value() == custom
		}))
	lists := list.NewListClient(s)
	call := func() error {
		_, err := lists.GetCountry(t.Context(), &list.GetCountry{CountryId: soap.Some[int32](578)})
		return err
	}

	mu.Lock()
	answer = []string{custom, ""}
	mu.Unlock()
	if err := call(); err != nil {
		t.Fatalf("refused with %s, then served: %v", custom, err)
	}
	if n, l := f.count("GetCountry"), f.loginCount(); n != 2 || l != 2 {
		t.Errorf("%d requests and %d logins, want 2 and 2 (a retry after a re-login)", n, l)
	}

	mu.Lock()
	answer = []string{ticketRefusedType}
	mu.Unlock()
	err := call()
	var se *services88.ServiceError
	if !errors.As(err, &se) || se.Info.ExceptionType.Value() != ticketRefusedType {
		t.Fatalf("error %v, want the service error", err)
	}
	if errors.Is(err, netserver.ErrTicketExpired) {
		t.Errorf("with a custom test, %s still matches ErrTicketExpired", ticketRefusedType)
	}
	if n, l := f.count("GetCountry"), f.loginCount(); n != 3 || l != 2 {
		t.Errorf("%d requests and %d logins, want 3 and 2 (no retry)", n, l)
	}
	mu.Lock()
	defer mu.Unlock()
	if !slices.Equal(tested, []string{custom, ticketRefusedType}) {
		t.Errorf("the custom test saw %q", tested)
	}
}

// 10. NewSession's errors.
func TestNewSessionErrors(t *testing.T) {
	const base = "https://host.example/Remote/Services88/"
	for _, tc := range []struct {
		name string
		url  string
		opts []netserver.Option
		want string
	}{
		{"no credentials", base, []netserver.Option{netserver.WithApplicationToken(nsToken)}, "no credentials"},
		{"both", base, []netserver.Option{netserver.WithTickets(netserver.StaticTicket("S-1")), netserver.WithPassword(nsUser, nsPassword)}, "both WithTickets and WithPassword"},
		{"not http", "ftp://host.example/Remote/Services88/", []netserver.Option{netserver.WithTickets(netserver.StaticTicket("S-1"))}, "not an http or https URL"},
		{"no host", "https:///Remote/", []netserver.Option{netserver.WithTickets(netserver.StaticTicket("S-1"))}, "has no host"},
		{"query", base + "?x=1", []netserver.Option{netserver.WithPassword(nsUser, nsPassword)}, "query or fragment"},
		{"does not parse", "https://user:hunter2-secret@host.example:port/x", []netserver.Option{netserver.WithTickets(netserver.StaticTicket("S-1"))}, "does not parse"},
		{"password in the URL", "ftp://user:hunter2-secret@host.example/", []netserver.Option{netserver.WithTickets(netserver.StaticTicket("S-1"))}, "not an http or https URL"},
	} {
		s, err := netserver.NewSession(tc.url, tc.opts...)
		if err == nil || s != nil {
			t.Errorf("%s: NewSession = %v, %v; want an error", tc.name, s, err)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, tc.want) || !strings.HasPrefix(msg, "netserver: ") {
			t.Errorf("%s: error %q, want one starting with netserver: and holding %q", tc.name, msg, tc.want)
		}
		for _, secret := range []string{"hunter2-secret", nsPassword} {
			if strings.Contains(err.Error(), secret) {
				t.Errorf("%s: the error shows a secret: %v", tc.name, err)
			}
		}
	}
	s, err := netserver.NewSession(base, netserver.WithTickets(netserver.StaticTicket("S-1")))
	if err != nil || s.BaseURL() != base {
		t.Errorf("a valid session: %v, %v", s, err)
	}
}

// 11. A session whose tickets come from a SystemUser, end to end: the
// partner system user service's JWT carries the ticket the agent gets.
func TestSessionSystemUser(t *testing.T) {
	su := newSetup(t, nil) // the fake partner system user service (systemuser_test.go)
	f := newFakeNS(t)
	f.accept(ticket(1))
	s := f.session(netserver.WithApplicationToken(appToken), netserver.WithTickets(su.su), netserver.WithTimeZone(oslo))
	ctx := t.Context()
	for range 2 {
		if _, err := presence(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	if n := su.fake.Calls(); n != 1 {
		t.Errorf("%d system user logins for two calls, want 1", n)
	}
	wantRequests(t, f.requests(), appToken, ticket(1), oslo)

	// NetServer forgets the ticket: the SystemUser logs in again.
	f.expire(ticket(1))
	f.accept(ticket(2))
	if _, err := presence(ctx, s); err != nil {
		t.Fatal(err)
	}
	if n := su.fake.Calls(); n != 2 {
		t.Errorf("%d system user logins, want 2", n)
	}
	reqs := f.requests()
	if len(reqs) != 4 {
		t.Fatalf("%d requests, want 4", len(reqs))
	}
	wantRequests(t, reqs[2:3], appToken, ticket(1), oslo)
	wantRequests(t, reqs[3:], appToken, ticket(2), oslo)
	if c, ok := su.su.Claims(); !ok || c.Ticket != ticket(2) {
		t.Errorf("the SystemUser keeps the claims of ticket %q", c.Ticket)
	}
}
