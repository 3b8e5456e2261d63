package netserver_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/soapgen/soapgen/generated/services88"
	"github.com/soapgen/soapgen/generated/services88/archive"
	"github.com/soapgen/soapgen/generated/services88/list"
	"github.com/soapgen/soapgen/generated/services88/netserver"
	"github.com/soapgen/soapgen/generated/services88/person"
	"github.com/soapgen/soapgen/generated/services88/soprincipal"
	"github.com/soapgen/soapgen/generated/services88/user"
	"github.com/soapgen/soapgen/soap"
)

// The .NET exception types the fake reports. They are ILLUSTRATIVE names,
// made up for these tests and not quoted from NetServer: what matters is
// that the refusal's unqualified type name holds "Ticket" (as the default
// test, netserver.IsTicketFailure, looks for) and the business error's
// does not.
const (
	ticketRefusedType = "SuperOffice.CRM.Security.SoTicketRefusedException"
	businessErrorType = "SuperOffice.CRM.SoBusinessException"
)

// The onsite installation's application token and the user's login.
const (
	nsToken    = "app-token-9d2e61b4c0"
	nsUser     = "jane.doe"
	nsPassword = "pw-Kx7q2zP-very-secret"
)

// The fake's base path: the agents are at <base>/<Agent>.svc.
const basePath = "/Remote/Services88/"

// seen is one agent request as the fake received it.
type seen struct {
	Op        string
	Token     string // ApplicationToken; "" when absent
	HasTicket bool
	Ticket    string
	TZ        *services88.SoTimeZone // nil when absent
}

// fakeNS is a NetServer installation made of the generated handlers of
// the User, List, Person, Archive and SoPrincipal agents on one ServeMux,
// served by httptest on 127.0.0.1. Agent calls are refused as NetServer
// refuses them (Succeeded=false, ExceptionInfo) unless their ticket is
// one of the valid ones; the SoPrincipal password login makes ticket
// "T<n>" valid at its n-th success.
type fakeNS struct {
	t    *testing.T
	srv  *httptest.Server
	base string // the session's base URL

	mu           sync.Mutex
	valid        map[string]bool
	conns        int            // TCP connections accepted (StateNew)
	paths        map[string]int // HTTP requests by URL path
	passwordAt   map[string]int // HTTP requests whose raw body holds the password, by path
	reqs         []seen         // agent calls, in arrival order
	refused      int            // agent calls refused for their ticket
	pages        []int32        // the Page of every GetArchiveListByColumns, in order
	loginTries   int            // AuthenticateUsernamePassword calls
	logins       int            // successful ones
	loginTokens  []string       // the ApplicationToken of every login
	saved        *person.PersonEntity
	hook         func(op string, arg any) error // runs for every agent call before the ticket check
	beforeAnswer func(try int)                  // runs in every login before it answers
}

func newFakeNS(t *testing.T) *fakeNS {
	t.Helper()
	f := &fakeNS{t: t, valid: map[string]bool{}, paths: map[string]int{}, passwordAt: map[string]int{}}
	mux := http.NewServeMux()
	mux.Handle(basePath+"User.svc", user.NewUserHandler(&fakeUser{f: f}))
	mux.Handle(basePath+"List.svc", list.NewListHandler(&fakeList{f: f}))
	mux.Handle(basePath+"Person.svc", person.NewPersonHandler(&fakePerson{f: f}))
	mux.Handle(basePath+"Archive.svc", archive.NewArchiveHandler(&fakeArchive{f: f}))
	mux.Handle(basePath+"SoPrincipal.svc", soprincipal.NewSoPrincipalHandler(&fakePrincipal{f: f}))
	f.srv = httptest.NewUnstartedServer(f.observe(mux))
	f.srv.Config.ConnState = func(_ net.Conn, st http.ConnState) {
		if st == http.StateNew {
			f.mu.Lock()
			f.conns++
			f.mu.Unlock()
		}
	}
	f.srv.Start()
	t.Cleanup(f.srv.Close)
	if !strings.HasPrefix(f.srv.URL, "http://127.0.0.1:") {
		t.Fatalf("fake served at %s, want 127.0.0.1", f.srv.URL)
	}
	f.base = f.srv.URL + basePath
	return f
}

// observe records every HTTP request's path, and whether its raw body holds
// the password, before the mux sees it.
func (f *fakeNS) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		f.mu.Lock()
		f.paths[r.URL.Path]++
		if bytes.Contains(body, []byte(nsPassword)) {
			f.passwordAt[r.URL.Path]++
		}
		f.mu.Unlock()
		next.ServeHTTP(w, r)
	})
}

// session returns a session on the fake, closing its idle connections at
// the test's end.
func (f *fakeNS) session(opts ...netserver.Option) *netserver.Session {
	f.t.Helper()
	s, err := netserver.NewSession(f.base, opts...)
	if err != nil {
		f.t.Fatal(err)
	}
	f.t.Cleanup(s.CloseIdleConnections)
	return s
}

// accept makes tickets valid; expire makes them invalid; expireAll makes
// every ticket invalid.
func (f *fakeNS) accept(tickets ...string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, t := range tickets {
		f.valid[t] = true
	}
}

func (f *fakeNS) expire(tickets ...string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, t := range tickets {
		delete(f.valid, t)
	}
}

func (f *fakeNS) expireAll() { f.mu.Lock(); defer f.mu.Unlock(); clear(f.valid) }

func (f *fakeNS) setHook(h func(op string, arg any) error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.hook = h
}

func (f *fakeNS) setBeforeAnswer(h func(try int)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.beforeAnswer = h
}

// Snapshots, under the lock.

func (f *fakeNS) requests() []seen {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]seen(nil), f.reqs...)
}

func (f *fakeNS) count(op string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, r := range f.reqs {
		if r.Op == op {
			n++
		}
	}
	return n
}

func (f *fakeNS) loginCount() int { f.mu.Lock(); defer f.mu.Unlock(); return f.logins }
func (f *fakeNS) loginTryCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.loginTries
}
func (f *fakeNS) connCount() int    { f.mu.Lock(); defer f.mu.Unlock(); return f.conns }
func (f *fakeNS) refusedCount() int { f.mu.Lock(); defer f.mu.Unlock(); return f.refused }
func (f *fakeNS) pageOrder() []int32 {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]int32(nil), f.pages...)
}

// refusal is the ServiceError the fake returns for a refused ticket: the
// handler sends it as NetServer does, Succeeded=false with ExceptionInfo.
func refusal(msg string) *services88.ServiceError {
	return &services88.ServiceError{Info: &services88.SoExceptionInfo{
		ExceptionType: soap.Some(ticketRefusedType),
		Message:       soap.Some(msg),
		Source:        soap.Some("SoCore"),
	}}
}

// check records an agent call and refuses it unless its ticket is valid;
// the hook runs first and may change the fake's state or fail the call.
func (f *fakeNS) check(ctx context.Context, op string, arg any) error {
	h := services88.RequestHeaderFrom(ctx)
	if h == nil {
		return fmt.Errorf("fake: %s: no request header in the context", op)
	}
	s := seen{Op: op, Token: h.ApplicationToken.Value()}
	if c := h.Credentials.Value(); c != nil {
		s.Ticket, s.HasTicket = c.Ticket.Get()
	}
	s.TZ = h.TimeZone.Value()
	f.mu.Lock()
	f.reqs = append(f.reqs, s)
	hook := f.hook
	f.mu.Unlock()
	if hook != nil {
		if err := hook(op, arg); err != nil {
			return err
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if !s.HasTicket || !f.valid[s.Ticket] {
		f.refused++
		return refusal("The ticket is not valid, or it has expired")
	}
	return nil
}

type fakeUser struct {
	user.UnimplementedUserServer
	f *fakeNS
}

func (u *fakeUser) SetUserPresenceStatus(ctx context.Context, req *user.SetUserPresenceStatus) (*user.SetUserPresenceStatusResponse, error) {
	if err := u.f.check(ctx, "SetUserPresenceStatus", req); err != nil {
		return nil, err
	}
	return &user.SetUserPresenceStatusResponse{Response: req.UserPresenceStatus}, nil
}

type fakeList struct {
	list.UnimplementedListServer
	f *fakeNS
}

// countries are the fake's List of countries.
var countries = map[int32]*list.Country{
	578: {CountryId: soap.Some[int32](578), Name: soap.Some("Norge"), EnglishName: soap.Some("Norway"),
		TwoLetterISOCountry: soap.Some("NO"), ThreeLetterISOCountry: soap.Some("NOR"), CurrencyId: soap.Some[int32](12),
		DialInPrefix: soap.Some("+47"), DomainName: soap.Some(".no"), Rank: soap.Some[int16](3), Deleted: soap.Some(false)},
}

func (l *fakeList) GetCountry(ctx context.Context, req *list.GetCountry) (*list.GetCountryResponse, error) {
	if err := l.f.check(ctx, "GetCountry", req); err != nil {
		return nil, err
	}
	id := req.CountryId.Value()
	c, ok := countries[id]
	if !ok {
		// Any other id: a country named after it, for the concurrent test.
		c = &list.Country{CountryId: soap.Some(id), Name: soap.Some(fmt.Sprintf("Country %d", id))}
	}
	return &list.GetCountryResponse{Response: soap.Some(c)}, nil
}

type fakePerson struct {
	person.UnimplementedPersonServer
	f *fakeNS
}

func (p *fakePerson) GetPersonEntity(ctx context.Context, req *person.GetPersonEntity) (*person.GetPersonEntityResponse, error) {
	if err := p.f.check(ctx, "GetPersonEntity", req); err != nil {
		return nil, err
	}
	return &person.GetPersonEntityResponse{Response: soap.Some(&person.PersonEntity{
		PersonId:  req.PersonEntityId,
		Firstname: soap.Some("Ola"),
		Lastname:  soap.Some("Nordmann"),
	})}, nil
}

func (p *fakePerson) SavePersonEntity(ctx context.Context, req *person.SavePersonEntity) (*person.SavePersonEntityResponse, error) {
	if err := p.f.check(ctx, "SavePersonEntity", req); err != nil {
		return nil, err
	}
	p.f.mu.Lock()
	p.f.saved = req.PersonEntity.Value()
	p.f.mu.Unlock()
	return &person.SavePersonEntityResponse{Response: req.PersonEntity}, nil
}

type fakeArchive struct {
	archive.UnimplementedArchiveServer
	f *fakeNS
}

// archiveRows is how many rows the fake's archive has: pages 0 to 2 of
// 10 are full, page 3 has 5.
const archiveRows = 35

func (a *fakeArchive) GetArchiveListByColumns(ctx context.Context, req *archive.GetArchiveListByColumns) (*archive.GetArchiveListByColumnsResponse, error) {
	page, size := req.Page.Value(), req.PageSize.Value()
	a.f.mu.Lock()
	a.f.pages = append(a.f.pages, page)
	a.f.mu.Unlock()
	if err := a.f.check(ctx, "GetArchiveListByColumns", page); err != nil {
		return nil, err
	}
	var items archive.ArrayOfArchiveListItem
	for id := page*size + 1; id <= (page+1)*size && id <= archiveRows; id++ {
		items = append(items, &archive.ArchiveListItem{
			EntityName: soap.Some(req.ProviderName.Value()),
			PrimaryKey: soap.Some(id),
			LinkHint:   soap.Some(fmt.Sprintf("person_id=%d", id)),
		})
	}
	return &archive.GetArchiveListByColumnsResponse{Response: soap.Some(items)}, nil
}

type fakePrincipal struct {
	soprincipal.UnimplementedSoPrincipalServer
	f *fakeNS
}

// AuthenticateUsernamePassword logs nsUser in with nsPassword and the
// application token nsToken: its n-th success returns, and makes valid,
// the ticket "T<n>". Anything else is answered without credentials, as a
// refused login.
func (p *fakePrincipal) AuthenticateUsernamePassword(ctx context.Context, req *soprincipal.AuthenticateUsernamePassword) (*soprincipal.AuthenticateResponse, error) {
	f := p.f
	var token string
	if h := services88.SoPrincipalRequestHeaderFrom(ctx); h != nil {
		token = h.ApplicationToken.Value()
	}
	f.mu.Lock()
	f.loginTries++
	try := f.loginTries
	f.loginTokens = append(f.loginTokens, token)
	before := f.beforeAnswer
	f.mu.Unlock()
	if before != nil {
		before(try)
	}
	if token != nsToken || req.UserName.Value() != nsUser || req.Password.Value() != nsPassword {
		return &soprincipal.AuthenticateResponse{AuthenticationSucceeded: soap.Some(false), Credentials: soap.Nil[*services88.SoCredentials]()}, nil
	}
	f.mu.Lock()
	f.logins++
	tkt := fmt.Sprintf("T%d", f.logins)
	f.valid[tkt] = true
	f.mu.Unlock()
	return &soprincipal.AuthenticateResponse{
		AuthenticationSucceeded: soap.Some(true),
		Credentials:             soap.Some(&services88.SoCredentials{Ticket: soap.Some(tkt)}),
		Response:                soap.Some(&soprincipal.SoPrincipalCarrier{Associate: soap.Some(nsUser), AssociateId: soap.Some[int32](7)}),
	}, nil
}
