package netserver_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/soapgen/soapgen/generated/services88"
	"github.com/soapgen/soapgen/generated/services88/list"
	"github.com/soapgen/soapgen/generated/services88/netserver"
	"github.com/soapgen/soapgen/generated/services88/person"
	"github.com/soapgen/soapgen/soap"
)

// exampleList and examplePerson are a fake installation's List and Person
// agents, made from the generated handlers.
type exampleList struct{ list.UnimplementedListServer }

func (exampleList) GetCountry(ctx context.Context, req *list.GetCountry) (*list.GetCountryResponse, error) {
	if services88.RequestHeaderFrom(ctx).Credentials.Value().Ticket.Value() != "7T:ticket" {
		return nil, &services88.ServiceError{Info: &services88.SoExceptionInfo{ExceptionType: soap.Some("Example.SoTicketRefusedException")}}
	}
	return &list.GetCountryResponse{Response: soap.Some(&list.Country{CountryId: req.CountryId, Name: soap.Some("Norge")})}, nil
}

type examplePerson struct {
	person.UnimplementedPersonServer
	saved *person.PersonEntity
}

func (p *examplePerson) GetPersonEntity(_ context.Context, req *person.GetPersonEntity) (*person.GetPersonEntityResponse, error) {
	return &person.GetPersonEntityResponse{Response: soap.Some(&person.PersonEntity{PersonId: req.PersonEntityId, Firstname: soap.Some("Ada")})}, nil
}

func (p *examplePerson) SavePersonEntity(_ context.Context, req *person.SavePersonEntity) (*person.SavePersonEntityResponse, error) {
	p.saved = req.PersonEntity.Value()
	return &person.SavePersonEntityResponse{Response: req.PersonEntity}, nil
}

// editPerson is the README's example: one session for every agent, a value
// from List given to Person as it is.
func editPerson(ctx context.Context, base, token, ticket string) error {
	sess, err := netserver.NewSession(base,
		netserver.WithApplicationToken(token),
		netserver.WithTickets(netserver.StaticTicket(ticket)))
	if err != nil {
		return err
	}
	lists, persons := list.NewListClient(sess), person.NewPersonClient(sess)
	c, err := lists.GetCountry(ctx, &list.GetCountry{CountryId: soap.Some[int32](578)})
	if err != nil {
		return err
	}
	p, err := persons.GetPersonEntity(ctx, &person.GetPersonEntity{PersonEntityId: soap.Some[int32](42)})
	if err != nil {
		return err
	}
	pe := p.Response.Value()
	pe.Country = c.Response // list.Country and person.Country are one type
	_, err = persons.SavePersonEntity(ctx, &person.SavePersonEntity{PersonEntity: soap.Some(pe)})
	return err
}

func ExampleNewSession() {
	fake := &examplePerson{}
	mux := http.NewServeMux()
	mux.Handle("/Cust12345/Remote/Services88/List.svc", list.NewListHandler(exampleList{}))
	mux.Handle("/Cust12345/Remote/Services88/Person.svc", person.NewPersonHandler(fake))
	srv := httptest.NewServer(mux)
	defer srv.Close()

	err := editPerson(context.Background(), srv.URL+"/Cust12345/Remote/Services88/", "token", "7T:ticket")
	fmt.Println(err)
	c := fake.saved.Country.Value()
	fmt.Println(fake.saved.Firstname.Value(), c.CountryId.Value(), c.Name.Value())

	err = editPerson(context.Background(), srv.URL+"/Cust12345/Remote/Services88/", "token", "7T:old")
	fmt.Println(err != nil, errors.Is(err, netserver.ErrTicketExpired))
	// Output:
	// <nil>
	// Ada 578 Norge
	// true true
}
