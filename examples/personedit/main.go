// Command personedit moves a person to another country through two
// Services88 agents on one netserver.Session: it fetches the country with
// List.GetCountry, the person with Person.GetPersonEntity, sets the
// person's Country to the country List returned (both agents share the
// type services88.Country, so it goes as it came) and saves the person
// with Person.SavePersonEntity.
//
// Usage:
//
//	personedit -base URL -ticket TICKET [-token TOKEN] -person ID -country ID [-timeout 30s]
//
// -base is the installation's Services88 base URL, such as
// https://sod.superoffice.com/Cust12345/Remote/Services88/; the command
// calls List.svc and Person.svc below it. The ticket and the application
// token may come from the environment variables PERSONEDIT_TICKET and
// PERSONEDIT_TOKEN instead, which keeps them out of the process list; they
// are never printed. -timeout limits the three calls together.
//
// On success it prints the saved person's id, name and country, as
// SavePersonEntity answers them:
//
//	Person 42: Ada Lovelace
//	Country 578: Norway
//
// On a SOAP fault, a service error or any other failure it prints the
// reason to standard error and exits 1; bad arguments exit 2.
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

	"github.com/soapgen/soapgen/generated/services88/list"
	"github.com/soapgen/soapgen/generated/services88/netserver"
	"github.com/soapgen/soapgen/generated/services88/person"
	"github.com/soapgen/soapgen/soap"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run is the command: it parses args, calls the services and reports to
// stdout and stderr; getenv reads the environment. It returns the exit
// code.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("personedit", flag.ContinueOnError)
	fs.SetOutput(stderr)
	base := fs.String("base", "", "Services88 base `URL`, e.g. https://sod.superoffice.com/Cust12345/Remote/Services88/")
	ticket := fs.String("ticket", "", "credentials `ticket` (default $PERSONEDIT_TICKET)")
	token := fs.String("token", "", "application `token` (default $PERSONEDIT_TOKEN)")
	personID := fs.Int("person", 0, "`id` of the person to edit")
	countryID := fs.Int("country", 0, "`id` of the person's new country")
	timeout := fs.Duration("timeout", 30*time.Second, "time limit of the calls together")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	usage := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "personedit: "+format+"\n", a...)
		fs.Usage()
		return 2
	}
	if fs.NArg() > 0 {
		return usage("unexpected arguments %q", fs.Args())
	}
	// The URL is not quoted in errors: it may hold a password.
	if u, err := url.Parse(*base); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Opaque != "" {
		return usage("-base must be an http or https URL")
	} else if u.RawQuery != "" || u.ForceQuery || u.Fragment != "" {
		return usage("-base must not have a query or fragment")
	}
	if *ticket == "" {
		*ticket = getenv("PERSONEDIT_TICKET")
	}
	if *token == "" {
		*token = getenv("PERSONEDIT_TOKEN")
	}
	if *ticket == "" {
		return usage("-ticket (or PERSONEDIT_TICKET) is required")
	}
	if *personID <= 0 || *personID > math.MaxInt32 {
		return usage("-person must be a positive person id")
	}
	if *countryID <= 0 || *countryID > math.MaxInt32 {
		return usage("-country must be a positive country id")
	}
	if *timeout <= 0 {
		return usage("-timeout must be positive")
	}

	opts := []netserver.Option{netserver.WithTickets(netserver.StaticTicket(*ticket))}
	if *token != "" {
		opts = append(opts, netserver.WithApplicationToken(*token))
	}
	sess, err := netserver.NewSession(*base, opts...)
	if err != nil {
		return usage("%v", err)
	}
	defer sess.CloseIdleConnections()

	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	saved, err := edit(ctx, sess, int32(*personID), int32(*countryID))
	if err != nil {
		fmt.Fprintln(stderr, "personedit:", describe(err))
		return 1
	}
	fmt.Fprintf(stdout, "Person %d: %s\n", saved.PersonId.Value(), fullName(saved))
	if c := saved.Country.Value(); c != nil {
		fmt.Fprintf(stdout, "Country %d: %s\n", c.CountryId.Value(), c.Name.Or("(no name)"))
	} else {
		fmt.Fprintln(stdout, "Country: (none)")
	}
	return 0
}

// edit sets the country of person personID to country countryID and
// returns the person as SavePersonEntity saved it. The List and Person
// clients share the session: one connection pool, the same headers.
func edit(ctx context.Context, sess *netserver.Session, personID, countryID int32) (*person.PersonEntity, error) {
	lists := list.NewListClient(sess)
	persons := person.NewPersonClient(sess)

	cr, err := lists.GetCountry(ctx, &list.GetCountry{CountryId: soap.Some(countryID)})
	if err != nil {
		return nil, fmt.Errorf("getting country %d: %w", countryID, err)
	}
	country := cr.Response.Value()
	// NetServer answers an unknown id with no entity or an empty one.
	if country == nil || country.CountryId.Value() != countryID {
		return nil, fmt.Errorf("getting country %d: %w", countryID, errNotFound)
	}

	pr, err := persons.GetPersonEntity(ctx, &person.GetPersonEntity{PersonEntityId: soap.Some(personID)})
	if err != nil {
		return nil, fmt.Errorf("getting person %d: %w", personID, err)
	}
	p := pr.Response.Value()
	if p == nil || p.PersonId.Value() != personID {
		return nil, fmt.Errorf("getting person %d: %w", personID, errNotFound)
	}

	p.Country = soap.Some(country)
	sr, err := persons.SavePersonEntity(ctx, &person.SavePersonEntity{PersonEntity: soap.Some(p)})
	if err != nil {
		return nil, fmt.Errorf("saving person %d: %w", personID, err)
	}
	saved := sr.Response.Value()
	if saved == nil {
		return nil, fmt.Errorf("saving person %d: the service answered without the saved person", personID)
	}
	return saved, nil
}

// errNotFound reports an id the service knows nothing of.
var errNotFound = errors.New("not found")

// fullName returns the person's full name as NetServer formats it, or
// else the name's parts.
func fullName(p *person.PersonEntity) string {
	if n := p.FullName.Value(); n != "" {
		return n
	}
	var parts []string
	for _, s := range []string{p.Firstname.Value(), p.MiddleName.Value(), p.Lastname.Value()} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		return "(no name)"
	}
	return strings.Join(parts, " ")
}

// describe explains a failed call; err names the step that failed, and
// says "soap fault" or "service reported failure" when the service
// answered with one. Errors of the soap runtime, the
// netserver session and the generated packages never hold the request's
// headers, so the ticket and the token cannot show here.
func describe(err error) string {
	var he *soap.HTTPError
	switch {
	case errors.Is(err, netserver.ErrTicketExpired):
		return "the ticket was refused (expired?); get a new one: " + err.Error()
	case errors.As(err, &he):
		return "the server's answer is not SOAP: " + err.Error()
	case errors.Is(err, context.DeadlineExceeded):
		return "timed out: " + err.Error()
	}
	return err.Error()
}
