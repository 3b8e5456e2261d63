// Command user is a build-cost probe (internal/sdkcost): a program using the
// User agent alone, with one call.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/soapgen/soapgen/generated/services88/user"
	"github.com/soapgen/soapgen/soap"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: user BASEURL")
		os.Exit(2)
	}
	base := os.Args[1]
	ctx := context.Background()

	u := user.NewUserClient(soap.NewClient(base + "/User.svc"))
	resp, err := u.SetUserPresenceStatus(ctx, &user.SetUserPresenceStatus{
		AssociateId: soap.Some(int32(1)),
		UserPresenceStatus: soap.Some(&user.UserPresenceStatus{
			Status:  soap.Some(user.EjUserStatusStatusNormal),
			Message: soap.Some("in"),
		}),
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "user:", err)
		os.Exit(1)
	}
	fmt.Println(resp.Response.Value() != nil)
}
