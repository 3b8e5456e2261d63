// Command presence sets an associate's presence status through the
// Services88 User service, with the client that soapgen generated
// (package github.com/soapgen/soapgen/generated/services88/user).
//
// Usage:
//
//	presence -url URL -ticket TICKET [-token TOKEN] -associate ID -status STATUS [-message TEXT] [-timeout 30s] [-soap12]
//
// STATUS is an EjUserStatus name, such as StatusNormal or
// StatusNotAvailable. The ticket and the application token may come from
// the environment variables PRESENCE_TICKET and PRESENCE_TOKEN instead,
// which keeps them out of the process list; they are never printed.
//
// On success it prints the status and message the service answers. On a
// SOAP fault, a service error or any other failure it prints the reason
// to standard error and exits 1; bad arguments exit 2.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"net/url"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/soapgen/soapgen/generated/services88"
	"github.com/soapgen/soapgen/generated/services88/user"
	"github.com/soapgen/soapgen/soap"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is the command: it parses args, calls the service and reports to
// stdout and stderr; getenv reads the environment. It returns the exit
// code.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	// The values -status accepts.
	statuses := []services88.EjUserStatus{
		services88.EjUserStatusStatusNone,
		services88.EjUserStatusStatusNormal,
		services88.EjUserStatusStatusNotAvailable,
		services88.EjUserStatusStatusDeleted,
		services88.EjUserStatusStatusReadOnly,
		services88.EjUserStatusStatusSpm,
		services88.EjUserStatusStatusSystem,
	}
	names := make([]string, len(statuses))
	for i, s := range statuses {
		names[i] = string(s)
	}
	fs := flag.NewFlagSet("presence", flag.ContinueOnError)
	fs.SetOutput(stderr)
	endpoint := fs.String("url", "", "`URL` of the User service, e.g. https://sod.superoffice.com/Cust12345/Remote/Services88/User.svc")
	ticket := fs.String("ticket", "", "credentials `ticket` (default $PRESENCE_TICKET)")
	token := fs.String("token", "", "application `token` (default $PRESENCE_TOKEN)")
	associate := fs.Int("associate", 0, "associate `id`")
	status := fs.String("status", "", "presence `status`: "+strings.Join(names, ", "))
	message := fs.String("message", "", "status `message`")
	timeout := fs.Duration("timeout", 30*time.Second, "time limit of the call")
	soap12 := fs.Bool("soap12", false, "send SOAP 1.2 instead of SOAP 1.1")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	usage := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "presence: "+format+"\n", a...)
		fs.Usage()
		return 2
	}
	if fs.NArg() > 0 {
		return usage("unexpected arguments %q", fs.Args())
	}
	if u, err := url.Parse(*endpoint); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return usage("-url must be an http or https URL")
	}
	if *ticket == "" {
		*ticket = getenv("PRESENCE_TICKET")
	}
	if *token == "" {
		*token = getenv("PRESENCE_TOKEN")
	}
	if *ticket == "" {
		return usage("-ticket (or PRESENCE_TICKET) is required")
	}
	if *associate <= 0 || *associate > math.MaxInt32 {
		return usage("-associate must be a positive associate id")
	}
	st := services88.EjUserStatus(*status)
	if !st.IsValid() {
		return usage("invalid -status %q: want one of %s", *status, strings.Join(names, ", "))
	}
	if *timeout <= 0 {
		return usage("-timeout must be positive")
	}

	header := &services88.RequestHeader{Credentials: soap.Some(&services88.SoCredentials{Ticket: soap.Some(*ticket)})}
	if *token != "" {
		header.ApplicationToken = soap.Some(*token)
	}
	opts := []soap.ClientOption{soap.WithDefaultHeader(header)}
	if *soap12 {
		opts = append(opts, soap.WithVersion(soap.SOAP12))
	}
	client := user.NewUserClient(soap.NewClient(*endpoint, opts...))

	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	resp, err := client.SetUserPresenceStatus(ctx, &user.SetUserPresenceStatus{
		AssociateId: soap.Some(int32(*associate)),
		UserPresenceStatus: soap.Some(&services88.UserPresenceStatus{
			Status:  soap.Some(st),
			Message: soap.Some(*message),
		}),
	})
	if err != nil {
		fmt.Fprintln(stderr, "presence:", describe(err))
		return 1
	}
	got := resp.Response.Value()
	if got == nil {
		got = &services88.UserPresenceStatus{}
	}
	fmt.Fprintf(stdout, "Status: %s\nMessage: %s\n", got.Status.Or("(none)"), got.Message.Or("(none)"))
	return 0
}

// describe explains a failed call. Errors of the soap runtime and the
// generated package never hold the request's headers, so the ticket and
// the token cannot show here.
func describe(err error) string {
	var f *soap.Fault
	var se *services88.ServiceError
	var he *soap.HTTPError
	switch {
	case errors.As(err, &f):
		return fmt.Sprintf("the service answered with a fault (%s): %s", f.Code.Local, f.Reason)
	case errors.As(err, &se):
		return err.Error()
	case errors.As(err, &he):
		return "the server's answer is not SOAP: " + err.Error()
	case errors.Is(err, context.DeadlineExceeded):
		return "timed out: " + err.Error()
	}
	return err.Error()
}
