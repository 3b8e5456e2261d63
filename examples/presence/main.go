// Command presence sets an associate's presence status through the
// Services88 User service, with the client that soapgen generated
// (package github.com/soapgen/soapgen/generated/services88/user) on a
// netserver.Session.
//
// Usage:
//
//	presence -base URL -ticket TICKET [-token TOKEN] -associate ID -status STATUS [-message TEXT] [-timeout 30s] [-soap12]
//
// -base is the installation's Services88 base URL, such as
// https://sod.superoffice.com/Cust12345/Remote/Services88/; the command
// calls User.svc below it. For compatibility, -url takes the full URL of
// the User service instead (https://.../Remote/Services88/User.svc); give
// one of the two.
//
// ID is the associate whose status is set: 0, as in the vendor's
// documented SetUserPresenceStatus request, means the current user (the
// ticket's). STATUS is an EjUserStatus name, such as StatusNormal or
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
	"github.com/soapgen/soapgen/generated/services88/netserver"
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
	// The values -status accepts: those of the enumeration.
	statuses := user.EjUserStatus("").AllValues()
	names := make([]string, len(statuses))
	for i, s := range statuses {
		names[i] = string(s)
	}
	fs := flag.NewFlagSet("presence", flag.ContinueOnError)
	fs.SetOutput(stderr)
	base := fs.String("base", "", "Services88 base `URL`, e.g. https://sod.superoffice.com/Cust12345/Remote/Services88/")
	endpoint := fs.String("url", "", "full `URL` of the User service (.../Remote/Services88/User.svc), instead of -base")
	ticket := fs.String("ticket", "", "credentials `ticket` (default $PRESENCE_TICKET)")
	token := fs.String("token", "", "application `token` (default $PRESENCE_TOKEN)")
	associate := fs.Int("associate", 0, "associate `id`, 0 for the current user (required)")
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
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	if fs.NArg() > 0 {
		return usage("unexpected arguments %q", fs.Args())
	}
	baseURL, err := serviceBase(*base, *endpoint)
	if err != nil {
		return usage("%v", err)
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
	if !given["associate"] {
		return usage("-associate is required (0 for the current user)")
	}
	if *associate < 0 || *associate > math.MaxInt32 {
		return usage("-associate must be an associate id (0 for the current user), not %d", *associate)
	}
	st := user.EjUserStatus(*status)
	if !st.IsValid() {
		return usage("invalid -status %q: want one of %s", *status, strings.Join(names, ", "))
	}
	if *timeout <= 0 {
		return usage("-timeout must be positive")
	}

	opts := []netserver.Option{netserver.WithTickets(netserver.StaticTicket(*ticket))}
	if *token != "" {
		opts = append(opts, netserver.WithApplicationToken(*token))
	}
	if *soap12 {
		opts = append(opts, netserver.WithSOAPOptions(soap.WithVersion(soap.SOAP12)))
	}
	sess, err := netserver.NewSession(baseURL, opts...)
	if err != nil {
		return usage("%v", err)
	}
	defer sess.CloseIdleConnections()
	client := user.NewUserClient(sess)

	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	resp, err := client.SetUserPresenceStatus(ctx, &user.SetUserPresenceStatus{
		AssociateId: soap.Some(int32(*associate)),
		UserPresenceStatus: soap.Some(&user.UserPresenceStatus{
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
		got = &user.UserPresenceStatus{}
	}
	fmt.Fprintf(stdout, "Status: %s\nMessage: %s\n", got.Status.Or("(none)"), got.Message.Or("(none)"))
	return 0
}

// serviceBase returns the Services88 base URL from -base, or from -url,
// the User service's URL, whose last segment must be User.svc: the
// session calls User.svc below the base, so the call goes to that very
// URL. Errors do not quote the URLs, which may hold a password.
func serviceBase(base, endpoint string) (string, error) {
	switch {
	case base != "" && endpoint != "":
		return "", errors.New("give -base or -url, not both")
	case base == "" && endpoint == "":
		return "", errors.New("-base (the Services88 base URL) is required")
	}
	name, raw := "-base", base
	if endpoint != "" {
		name, raw = "-url", endpoint
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Opaque != "" {
		return "", fmt.Errorf("%s must be an http or https URL", name)
	}
	if u.RawQuery != "" || u.ForceQuery || u.Fragment != "" {
		return "", fmt.Errorf("%s must not have a query or fragment", name)
	}
	if endpoint == "" {
		return base, nil
	}
	const svc = "/" + userService
	if !strings.HasSuffix(u.Path, svc) || (u.RawPath != "" && !strings.HasSuffix(u.RawPath, svc)) {
		return "", fmt.Errorf("-url must be the User service's URL, ending in %s (or give -base)", svc)
	}
	u.Path = strings.TrimSuffix(u.Path, userService)
	u.RawPath = strings.TrimSuffix(u.RawPath, userService)
	return u.String(), nil
}

// userService is the User agent's endpoint below the base URL, as the
// generated client names it.
const userService = "User.svc"

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
	case errors.Is(err, netserver.ErrTicketExpired):
		return "the ticket was refused (expired?); get a new one: " + err.Error()
	case errors.As(err, &se):
		return err.Error()
	case errors.As(err, &he):
		return "the server's answer is not SOAP: " + err.Error()
	case errors.Is(err, context.DeadlineExceeded):
		return "timed out: " + err.Error()
	}
	return err.Error()
}
