// Command userpersonlist is a build-cost probe: the User, Person and List agents,
// one call of each (Person: a get and a save).
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/soapgen/soapgen/generated/services88/list"
	"github.com/soapgen/soapgen/generated/services88/person"
	"github.com/soapgen/soapgen/generated/services88/user"
	"github.com/soapgen/soapgen/soap"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: userpersonlist BASEURL")
		os.Exit(2)
	}
	base := os.Args[1]
	ctx := context.Background()
	fail := func(err error) {
		fmt.Fprintln(os.Stderr, "userpersonlist:", err)
		os.Exit(1)
	}

	l := list.NewListClient(soap.NewClient(base + "/List.svc"))
	c, err := l.GetCountry(ctx, &list.GetCountry{CountryId: soap.Some(int32(578))})
	if err != nil {
		fail(err)
	}
	fmt.Println(c.Response.Value() != nil)

	p := person.NewPersonClient(soap.NewClient(base + "/Person.svc"))
	pe, err := p.GetPersonEntity(ctx, &person.GetPersonEntity{PersonEntityId: soap.Some(int32(1))})
	if err != nil {
		fail(err)
	}
	saved, err := p.SavePersonEntity(ctx, &person.SavePersonEntity{PersonEntity: pe.Response})
	if err != nil {
		fail(err)
	}
	fmt.Println(saved.Response.Value() != nil)

	u := user.NewUserClient(soap.NewClient(base + "/User.svc"))
	st, err := u.SetUserPresenceStatus(ctx, &user.SetUserPresenceStatus{
		AssociateId: soap.Some(int32(1)),
		UserPresenceStatus: soap.Some(&user.UserPresenceStatus{
			Status:  soap.Some(user.EjUserStatusStatusNormal),
			Message: soap.Some("in"),
		}),
	})
	if err != nil {
		fail(err)
	}
	fmt.Println(st.Response.Value() != nil)
}
