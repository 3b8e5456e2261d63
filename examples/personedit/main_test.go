package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/soapgen/soapgen/generated/services88"
	"github.com/soapgen/soapgen/generated/services88/list"
	"github.com/soapgen/soapgen/generated/services88/person"
	"github.com/soapgen/soapgen/soap"
)

const (
	ticket = "7T:SECRET-ticket=="
	token  = "SECRET-token"
)

// servicesPath is where the fake installation serves its agents.
const servicesPath = "/Remote/Services88/"

// norway is the country the fake List agent knows, every member set.
func norway() *list.Country {
	return &list.Country{
		Carrier: list.Carrier{TableRight: soap.Some(&list.TableRight{
			Mask:   soap.Some(list.ETableRightSelect | list.ETableRightUpdate),
			Reason: soap.Some("read and update"),
		})},
		CountryId:               soap.Some[int32](578),
		Name:                    soap.Some("Norge"),
		CurrencyId:              soap.Some[int32](11),
		EnglishName:             soap.Some("Norway"),
		TwoLetterISOCountry:     soap.Some("NO"),
		ThreeLetterISOCountry:   soap.Some("NOR"),
		ImageDescription:        soap.Some("flag of Norway"),
		OrgNrText:               soap.Some("Org.nr"),
		InterAreaPrefix:         soap.Some("00"),
		DialInPrefix:            soap.Some("+47"),
		ZipPrefix:               soap.Some("N-"),
		DomainName:              soap.Some("no"),
		AddressLayoutId:         soap.Some[int32](3),
		DomesticAddressLayoutId: soap.Some[int32](4),
		ForeignAddressLayoutId:  soap.Some[int32](5),
		Rank:                    soap.Some[int16](7),
		Tooltip:                 soap.Some("Kongeriket Norge"),
		Deleted:                 soap.Some(false),
	}
}

// ada is the person the fake Person agent knows, in Sweden.
func ada(id int32) *person.PersonEntity {
	return &person.PersonEntity{
		PersonId:    soap.Some(id),
		Firstname:   soap.Some("Ada"),
		Lastname:    soap.Some("Lovelace"),
		Title:       soap.Some("Countess"),
		Description: soap.Some("first programmer"),
		IsAssociate: soap.Some(false),
		Country: soap.Some(&list.Country{
			CountryId: soap.Some[int32](752),
			Name:      soap.Some("Sverige"),
		}),
	}
}

// A call is what a fake agent received: the operation and its headers.
type call struct {
	op     string
	header *services88.RequestHeader
}

func serviceError(typ, msg string) error {
	return &services88.ServiceError{Info: &services88.SoExceptionInfo{ExceptionType: soap.Some(typ), Message: soap.Some(msg)}}
}

// fakeList serves GetCountry: country 578 is norway(), 999 fails with a
// service error, others are unknown (a nil entity).
type fakeList struct {
	list.UnimplementedListServer
	calls chan<- call
}

func (f *fakeList) GetCountry(ctx context.Context, req *list.GetCountry) (*list.GetCountryResponse, error) {
	f.calls <- call{"GetCountry", services88.RequestHeaderFrom(ctx)}
	switch req.CountryId.Value() {
	case 578:
		return &list.GetCountryResponse{Response: soap.Some(norway())}, nil
	case 999:
		return nil, serviceError("SoException", "The country list is unavailable")
	}
	return &list.GetCountryResponse{Response: soap.Nil[*list.Country]()}, nil
}

// fakePerson serves GetPersonEntity and SavePersonEntity: person 404
// fails with a service error, 401 with a ticket refusal, 43 cannot be
// saved, 0 and ids above 1000 are unknown; the others are ada(id). It
// sends each saved entity to saved.
type fakePerson struct {
	person.UnimplementedPersonServer
	calls chan<- call
	saved chan *person.PersonEntity
}

func (f *fakePerson) GetPersonEntity(ctx context.Context, req *person.GetPersonEntity) (*person.GetPersonEntityResponse, error) {
	f.calls <- call{"GetPersonEntity", services88.RequestHeaderFrom(ctx)}
	switch id := req.PersonEntityId.Value(); {
	case id == 404:
		return nil, serviceError("SuperOffice.CRM.SoException", "No such person")
	case id == 401:
		return nil, serviceError("SuperOffice.CRM.Security.SoTicketExpiredException", "Ticket expired")
	case id <= 0 || id > 1000:
		return &person.GetPersonEntityResponse{}, nil
	default:
		return &person.GetPersonEntityResponse{Response: soap.Some(ada(id))}, nil
	}
}

func (f *fakePerson) SavePersonEntity(ctx context.Context, req *person.SavePersonEntity) (*person.SavePersonEntityResponse, error) {
	f.calls <- call{"SavePersonEntity", services88.RequestHeaderFrom(ctx)}
	p := req.PersonEntity.Value()
	f.saved <- p
	if p.PersonId.Value() == 43 {
		return nil, serviceError("SoException", "Person 43 is locked by another user")
	}
	saved := *p
	saved.FullName = soap.Some("Ada Lovelace")
	return &person.SavePersonEntityResponse{Response: soap.Some(&saved)}, nil
}

// installation is a fake NetServer: the generated List and Person
// handlers on one mux, below servicesPath, on 127.0.0.1.
type installation struct {
	base   string // the Services88 base URL
	calls  chan call
	person *fakePerson
}

func newInstallation(t *testing.T) *installation {
	t.Helper()
	calls := make(chan call, 10)
	fl := &fakeList{calls: calls}
	fp := &fakePerson{calls: calls, saved: make(chan *person.PersonEntity, 10)}
	mux := http.NewServeMux()
	mux.Handle(servicesPath+"List.svc", list.NewListHandler(fl))
	mux.Handle(servicesPath+"Person.svc", person.NewPersonHandler(fp))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return &installation{base: srv.URL + servicesPath, calls: calls, person: fp}
}

// takeCalls returns the operations called since the last takeCalls,
// checking that each carried the ticket and, if token is not "", the
// application token.
func (in *installation) takeCalls(t *testing.T, token string) []string {
	t.Helper()
	var ops []string
	for {
		select {
		case c := <-in.calls:
			ops = append(ops, c.op)
			h := c.header
			if cr := h.Credentials.Value(); cr == nil || cr.Ticket.Value() != ticket {
				t.Errorf("%s: the credentials header is %v, want ticket %q", c.op, h.Credentials, ticket)
			}
			if got, ok := h.ApplicationToken.Get(); token != "" && got != token || token == "" && ok {
				t.Errorf("%s: the application token header is %v, want %q", c.op, h.ApplicationToken, token)
			}
		default:
			return ops
		}
	}
}

func noEnv(string) string { return "" }

func runCmd(t *testing.T, getenv func(string) string, args ...string) (int, string, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var stdout, stderr strings.Builder
	code := run(ctx, args, getenv, &stdout, &stderr)
	if strings.Contains(stdout.String()+stderr.String(), "SECRET") {
		t.Errorf("the output holds a secret:\n%s%s", stdout.String(), stderr.String())
	}
	return code, stdout.String(), stderr.String()
}

// compareFields compares two structs member by member (an embedded
// struct as one member), naming each that differs.
func compareFields(t *testing.T, what string, got, want any) {
	t.Helper()
	g, w := reflect.ValueOf(got), reflect.ValueOf(want)
	for i := range w.NumField() {
		name := w.Type().Field(i).Name
		if gv, wv := g.Field(i).Interface(), w.Field(i).Interface(); !reflect.DeepEqual(gv, wv) {
			t.Errorf("%s.%s = %v, want %v", what, name, fmt.Sprint(gv), fmt.Sprint(wv))
		}
	}
}

func TestPersonEdit(t *testing.T) {
	// The fixture sets every member of Country, so that the comparison
	// below covers each.
	want := norway()
	wv := reflect.ValueOf(*want)
	for i := range wv.NumField() {
		if set, ok := wv.Field(i).Interface().(interface{ IsSet() bool }); ok && !set.IsSet() {
			t.Fatalf("the fixture norway() leaves Country.%s absent", wv.Type().Field(i).Name)
		}
	}

	in := newInstallation(t)
	code, out, errOut := runCmd(t, noEnv, "-base", in.base, "-ticket", ticket, "-token", token, "-person", "42", "-country", "578")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if wantOut := "Person 42: Ada Lovelace\nCountry 578: Norge\n"; out != wantOut {
		t.Errorf("stdout %q, want %q", out, wantOut)
	}
	if ops := in.takeCalls(t, token); !reflect.DeepEqual(ops, []string{"GetCountry", "GetPersonEntity", "SavePersonEntity"}) {
		t.Errorf("calls %q", ops)
	}

	saved := <-in.person.saved
	got := saved.Country.Value()
	if got == nil {
		t.Fatalf("SavePersonEntity got no country: %v", saved.Country)
	}
	compareFields(t, "Country", *got, *want)
	if tr := got.TableRight.Value(); tr != nil {
		compareFields(t, "Country.TableRight", *tr, *want.TableRight.Value())
	}
	// The rest of the person goes back as GetPersonEntity gave it.
	rest := *saved
	rest.Country = ada(42).Country
	compareFields(t, "PersonEntity", rest, *ada(42))
}

func TestPersonEditEnv(t *testing.T) {
	in := newInstallation(t)
	env := func(k string) string {
		return map[string]string{"PERSONEDIT_TICKET": ticket, "PERSONEDIT_TOKEN": token}[k]
	}
	code, out, errOut := runCmd(t, env, "-base", strings.TrimSuffix(in.base, "/"), "-person", "7", "-country", "578")
	if code != 0 || out != "Person 7: Ada Lovelace\nCountry 578: Norge\n" || errOut != "" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if ops := in.takeCalls(t, token); len(ops) != 3 {
		t.Errorf("calls %q", ops)
	}

	// Without a token, no ApplicationToken header.
	env = func(k string) string { return map[string]string{"PERSONEDIT_TICKET": ticket}[k] }
	if code, out, errOut := runCmd(t, env, "-base", in.base, "-person", "7", "-country", "578"); code != 0 {
		t.Errorf("no token: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if ops := in.takeCalls(t, ""); len(ops) != 3 {
		t.Errorf("calls %q", ops)
	}
}

func TestPersonEditErrors(t *testing.T) {
	in := newInstallation(t)
	for _, tc := range []struct {
		name            string
		person, country string
		want            string
		calls           []string
	}{
		{"country service error", "42", "999", "personedit: getting country 999: soap: GetCountry " + in.base + "List.svc: service reported failure: SoException: The country list is unavailable\n",
			[]string{"GetCountry"}},
		{"unknown country", "42", "1", "personedit: getting country 1: not found\n",
			[]string{"GetCountry"}},
		{"person service error", "404", "578", "personedit: getting person 404: soap: GetPersonEntity " + in.base + "Person.svc: service reported failure: SuperOffice.CRM.SoException: No such person\n",
			[]string{"GetCountry", "GetPersonEntity"}},
		{"unknown person", "5000", "578", "personedit: getting person 5000: not found\n",
			[]string{"GetCountry", "GetPersonEntity"}},
		{"save refused", "43", "578", "personedit: saving person 43: soap: SavePersonEntity " + in.base + "Person.svc: service reported failure: SoException: Person 43 is locked by another user\n",
			[]string{"GetCountry", "GetPersonEntity", "SavePersonEntity"}},
		{"ticket refused", "401", "578", "personedit: the ticket was refused (expired?); get a new one: getting person 401: soap: GetPersonEntity " + in.base + "Person.svc: netserver: ticket refused: service reported failure: SuperOffice.CRM.Security.SoTicketExpiredException: Ticket expired (renewing it failed: netserver: ticket expired or refused: a static ticket cannot be renewed)\n",
			[]string{"GetCountry", "GetPersonEntity"}},
	} {
		code, out, errOut := runCmd(t, noEnv, "-base", in.base, "-ticket", ticket, "-token", token, "-person", tc.person, "-country", tc.country)
		if code != 1 || out != "" || errOut != tc.want {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 1 and %q", tc.name, code, out, errOut, tc.want)
		}
		if ops := in.takeCalls(t, token); !reflect.DeepEqual(ops, tc.calls) {
			t.Errorf("%s: calls %q, want %q", tc.name, ops, tc.calls)
		}
		for len(in.person.saved) > 0 {
			<-in.person.saved
		}
	}

	// A server that is not NetServer, and one that does not answer in time.
	notSOAP := httptest.NewServer(http.NotFoundHandler())
	defer notSOAP.Close()
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body) // then the server sees the client leave
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	}))
	defer slow.Close()
	for _, tc := range []struct{ name, base, timeout, want string }{
		{"not SOAP", notSOAP.URL + servicesPath, "30s", "personedit: the server's answer is not SOAP: getting country 578: soap: GetCountry " + notSOAP.URL + servicesPath + "List.svc: HTTP 404"},
		{"timeout", slow.URL + servicesPath, "100ms", "personedit: timed out: getting country 578:"},
	} {
		code, out, errOut := runCmd(t, noEnv, "-base", tc.base, "-ticket", ticket, "-person", "42", "-country", "578", "-timeout", tc.timeout)
		if code != 1 || out != "" || !strings.HasPrefix(errOut, tc.want) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 1 and %q", tc.name, code, out, errOut, tc.want)
		}
	}
}

func TestPersonEditUsage(t *testing.T) {
	ok := []string{"-base", "http://127.0.0.1:1/Remote/Services88/", "-ticket", ticket, "-person", "42", "-country", "578"}
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
		{"no base", with("-base", ""), "-base must be an http or https URL"},
		{"base not http", with("-base", "ftp://127.0.0.1/Remote/Services88/"), "-base must be an http or https URL"},
		{"base with query", with("-base", "http://127.0.0.1:1/Remote/Services88/?a=b"), "-base must not have a query or fragment"},
		{"no ticket", with("-ticket", ""), "-ticket (or PERSONEDIT_TICKET) is required"},
		{"no person", with("-person", "0"), "-person must be a positive person id"},
		{"negative person", with("-person", "-3"), "-person must be a positive person id"},
		{"person too large", with("-person", "2147483648"), "-person must be a positive person id"},
		{"non-numeric person", with("-person", "ada"), `invalid value "ada" for flag -person`},
		{"no country", with("-country", "0"), "-country must be a positive country id"},
		{"non-numeric country", with("-country", "NO"), `invalid value "NO" for flag -country`},
		{"bad timeout", with("-timeout", "0s"), "-timeout must be positive"},
		{"unknown flag", with("-verbose", "x"), "flag provided but not defined: -verbose"},
		{"extra args", append(with("-person", "42"), "extra"), `unexpected arguments ["extra"]`},
	} {
		code, out, errOut := runCmd(t, noEnv, tc.args...)
		if code != 2 || out != "" || !strings.Contains(errOut, tc.want) || !strings.Contains(errOut, "Usage of personedit") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 2, usage and %q", tc.name, code, out, errOut, tc.want)
		}
	}
}
