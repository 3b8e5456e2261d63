package user_test

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"time"

	"github.com/soapgen/soapgen/generated/services88"
	"github.com/soapgen/soapgen/generated/services88/user"
	"github.com/soapgen/soapgen/soap"
)

// presenceFake is a fake User service for tests: it implements
// SetUserPresenceStatus, and UnimplementedUserServer answers every other
// operation with a "not implemented" fault.
type presenceFake struct {
	user.UnimplementedUserServer
}

// SetUserPresenceStatus checks the ticket and echoes the status, or fails
// like NetServer does for an unknown associate.
func (presenceFake) SetUserPresenceStatus(ctx context.Context, req *user.SetUserPresenceStatus) (*user.SetUserPresenceStatusResponse, error) {
	creds := services88.RequestHeaderFrom(ctx).Credentials.Value()
	if creds == nil || creds.Ticket.Value() == "" {
		return nil, &soap.Fault{Code: soap.ClientFaultCode(soap.SOAP11), Reason: "a ticket is required"}
	}
	if req.AssociateId.Value() <= 0 {
		return nil, &services88.ServiceError{Info: &services88.SoExceptionInfo{Message: soap.Some("No such associate")}}
	}
	st := req.UserPresenceStatus.Value()
	if st == nil {
		st = &user.UserPresenceStatus{}
	}
	return &user.SetUserPresenceStatusResponse{Response: soap.Some(st)}, nil
}

// A client sets an associate's presence status. The server here is a fake
// built from the generated handler; a real client would use the service's
// URL, such as https://sod.superoffice.com/Cust12345/Remote/Services88/User.svc.
func ExampleUserClient_SetUserPresenceStatus() {
	srv := httptest.NewServer(user.NewUserHandler(presenceFake{}))
	defer srv.Close()

	client := user.NewUserClient(soap.NewClient(srv.URL,
		soap.WithDefaultHeader(&services88.RequestHeader{
			ApplicationToken: soap.Some("app-token"),
			Credentials:      soap.Some(&services88.SoCredentials{Ticket: soap.Some("7T:ticket==")}),
		})))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	var rh services88.ResponseHeader
	resp, err := client.SetUserPresenceStatus(ctx, &user.SetUserPresenceStatus{
		AssociateId: soap.Some[int32](5),
		UserPresenceStatus: soap.Some(&user.UserPresenceStatus{
			Status:  soap.Some(user.EjUserStatusStatusNotAvailable),
			Message: soap.Some("On holiday"),
		}),
	}, soap.ResponseHeader(&rh))
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	st := resp.Response.Value()
	fmt.Println(st.Status.Value(), st.Message.Value())
	fmt.Println("succeeded:", rh.Succeeded.Value())
	// Output:
	// StatusNotAvailable On holiday
	// succeeded: true
}

// A downstream test runs its code against a fake User service:
// presenceFake (above) embeds UnimplementedUserServer and implements the
// one operation the code under test calls. Faults and service errors
// reach the client as typed errors.
func ExampleNewUserHandler() {
	srv := httptest.NewServer(user.NewUserHandler(presenceFake{}))
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	anonymous := user.NewUserClient(soap.NewClient(srv.URL, soap.WithVersion(soap.SOAP12)))
	_, err := anonymous.SetUserPresenceStatus(ctx, &user.SetUserPresenceStatus{AssociateId: soap.Some[int32](5)})
	var fault *soap.Fault
	if errors.As(err, &fault) {
		fmt.Println("fault:", fault.Code.Local, fault.Reason)
	}

	client := user.NewUserClient(soap.NewClient(srv.URL, soap.WithDefaultHeader(&services88.RequestHeader{
		Credentials: soap.Some(&services88.SoCredentials{Ticket: soap.Some("7T:ticket==")}),
	})))
	_, err = client.SetUserPresenceStatus(ctx, &user.SetUserPresenceStatus{AssociateId: soap.Some[int32](-1)})
	var se *services88.ServiceError
	if errors.As(err, &se) {
		fmt.Println("service error:", se.Info.Message.Value())
	}

	_, err = client.GetUser(ctx, &user.GetUser{UserId: soap.Some[int32](5)})
	if errors.As(err, &fault) {
		fmt.Println("fault:", fault.Code.Local, fault.Reason)
	}
	// Output:
	// fault: Sender a ticket is required
	// service error: No such associate
	// fault: Server operation GetUser is not implemented
}
