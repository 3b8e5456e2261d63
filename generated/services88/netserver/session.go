package netserver

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/soapgen/soapgen/generated/services88"
	"github.com/soapgen/soapgen/soap"
)

// Session is a connection to one NetServer installation, from which every
// Services88 agent's client is made: one base URL
// (".../Remote/Services88/"), one HTTP connection pool, and the request
// headers every call sends (the application token, the credentials ticket
// from a TicketSource, the time zone), as the vendor's .NET agents share
// one session:
//
//	sess, err := netserver.NewSession("https://host/Remote/Services88/",
//		netserver.WithApplicationToken(token),
//		netserver.WithTickets(netserver.StaticTicket(ticket)))
//	persons := person.NewPersonClient(sess)
//	lists := list.NewListClient(sess)
//
// A call whose ticket turns out expired (see WithExpiredTicket) is retried
// once with a ticket the TicketSource renews; if it cannot renew, the call
// fails with an error matching ErrTicketExpired. A call sending
// credentials of its own (soap.WithHeader) gets no ticket and no retry: a
// refusal of them matches ErrTicketExpired too. A Session is safe for
// concurrent use.
type Session struct {
	soap    *soap.Session
	token   string
	tz      *services88.SoTimeZone
	tickets TicketSource
	expired func(*services88.SoExceptionInfo) bool
}

// An Option configures a Session.
type Option func(*config)

type config struct {
	token   string
	tz      *services88.SoTimeZone
	tickets TicketSource
	user    string
	pass    string
	expired func(*services88.SoExceptionInfo) bool
	soap    []soap.ClientOption
}

// WithApplicationToken sets the ApplicationToken header every call sends:
// the application's secret (SuperOffice Online) or token (onsite).
func WithApplicationToken(token string) Option { return func(c *config) { c.token = token } }

// WithTickets sets where the session's credentials tickets come from: a
// StaticTicket, a SystemUser (SuperOffice Online), or any TicketSource.
func WithTickets(src TicketSource) Option { return func(c *config) { c.tickets = src } }

// WithPassword logs in with a user name and password through the
// installation's SoPrincipal agent (onsite NetServer), at the first call,
// and again when the ticket expires.
func WithPassword(user, password string) Option {
	return func(c *config) { c.user, c.pass = user, password }
}

// WithTimeZone sets the TimeZone header every call sends.
func WithTimeZone(tz *services88.SoTimeZone) Option { return func(c *config) { c.tz = tz } }

// WithExpiredTicket replaces the test telling an expired or refused ticket
// from other failures; see IsTicketFailure for the default.
func WithExpiredTicket(f func(*services88.SoExceptionInfo) bool) Option {
	return func(c *config) { c.expired = f }
}

// WithSOAPOptions passes options to the underlying soap.Session: an HTTP
// client, timeouts, the SOAP version, interceptors (which run inside the
// session's own, so they see the headers with the ticket and each retry).
func WithSOAPOptions(opts ...soap.ClientOption) Option {
	return func(c *config) { c.soap = append(c.soap, opts...) }
}

// NewSession returns a session for the installation's Services88 base URL,
// e.g. "https://sod.superoffice.com/Cust12345/Remote/Services88/" (the
// netserver_url claim of a SystemUser's login). It needs a TicketSource
// (WithTickets) or WithPassword; it makes no call.
func NewSession(baseURL string, opts ...Option) (*Session, error) {
	var c config
	for _, o := range opts {
		o(&c)
	}
	switch {
	case c.tickets != nil && c.user != "":
		return nil, errors.New("netserver: NewSession: both WithTickets and WithPassword given; give one")
	case c.tickets == nil && c.user == "":
		return nil, errors.New("netserver: NewSession: no credentials: give WithTickets or WithPassword")
	}
	s := &Session{token: c.token, tz: c.tz, tickets: c.tickets, expired: c.expired}
	if s.expired == nil {
		s.expired = IsTicketFailure
	}
	opts2 := append([]soap.ClientOption{soap.WithInterceptors(s.intercept)}, c.soap...)
	ss, err := soap.NewSession(baseURL, opts2...)
	if err != nil {
		return nil, fmt.Errorf("netserver: %w", err)
	}
	s.soap = ss
	if c.user != "" {
		// The login goes through the session, and so its one connection
		// pool, but past its ticket (see loginCall).
		s.tickets = newPasswordSource(ss, c.token, c.user, c.pass)
	}
	return s, nil
}

// Endpoint implements soap.ClientConn: generated clients made from the
// session call their endpoint below its base URL.
func (s *Session) Endpoint(path string) *soap.Client { return s.soap.Endpoint(path) }

// BaseURL returns the session's base URL (a password in it redacted).
func (s *Session) BaseURL() string { return s.soap.BaseURL() }

// CloseIdleConnections closes the idle connections of the session's pool.
func (s *Session) CloseIdleConnections() { s.soap.CloseIdleConnections() }

var _ soap.ClientConn = (*Session)(nil)

// ErrTicketExpired is matched (errors.Is) by the error of a call whose
// ticket NetServer refused and that could not be retried with a new one.
var ErrTicketExpired = errors.New("netserver: ticket expired or refused")

// TicketError is the error of a call whose ticket NetServer refused: it
// matches ErrTicketExpired, and unwraps to the *services88.ServiceError
// carrying NetServer's ExceptionInfo and, if renewing failed, to that
// error too.
type TicketError struct {
	Operation string
	Err       *services88.ServiceError // the refusal
	Renew     error                    // why no new ticket was had; nil if the retry was refused too
}

// Error describes the refusal.
func (e *TicketError) Error() string {
	// A call's error names the operation and the endpoint before this.
	s := "netserver: ticket refused: " + e.Err.Error()
	if e.Renew != nil {
		s += " (renewing it failed: " + e.Renew.Error() + ")"
	}
	return s
}

// Is reports whether target is ErrTicketExpired.
func (e *TicketError) Is(target error) bool { return target == ErrTicketExpired }

// Unwrap returns the service error and the renewal's error.
func (e *TicketError) Unwrap() []error {
	if e.Renew != nil {
		return []error{e.Err, e.Renew}
	}
	return []error{e.Err}
}

// IsTicketFailure is the default test for a refused ticket: NetServer
// reports a failure with Succeeded=false and an ExceptionInfo header whose
// ExceptionType names the .NET exception; the ticket was refused when that
// exception, or one of its InnerExceptions, is a credentials, ticket or
// session exception: its unqualified type name (after the last '.')
// contains "Ticket", "Credential" or "Session" (ignoring case). It reads
// the structure, never the message text, which NetServer localises.
func IsTicketFailure(info *services88.SoExceptionInfo) bool {
	for depth := 0; info != nil && depth < 16; depth++ {
		if t, ok := info.ExceptionType.Get(); ok {
			name := strings.ToLower(t[strings.LastIndexByte(t, '.')+1:])
			if strings.Contains(name, "ticket") || strings.Contains(name, "credential") || strings.Contains(name, "session") {
				return true
			}
		}
		info = info.InnerException.Value()
	}
	return false
}

// intercept runs every call of the session: it sends the headers with the
// current ticket, and retries once with a renewed ticket when NetServer
// refuses it.
func (s *Session) intercept(ctx context.Context, call *soap.Call, next soap.Invoker) error {
	if ctx.Value(loginCall{}) != nil {
		return next(ctx, call)
	}
	orig := call.Header
	if ownsCredentials(orig) {
		// The call sends credentials of its own, not the session's ticket:
		// there is none to get for it, nor to renew when they are refused.
		call.Header = s.header(orig, "")
		err := next(ctx, call)
		if se := s.refusal(err); se != nil {
			return &TicketError{Operation: call.Operation.Name, Err: se, Renew: errOwnCredentials}
		}
		return err
	}
	ticket, err := s.tickets.Ticket(ctx, "")
	if err != nil {
		return fmt.Errorf("netserver: %s: getting a ticket: %w", call.Operation.Name, err)
	}
	call.Header = s.header(orig, ticket)
	err = next(ctx, call)
	se := s.refusal(err)
	if se == nil {
		return err
	}
	renewed, rerr := s.tickets.Ticket(ctx, ticket)
	if rerr != nil {
		return &TicketError{Operation: call.Operation.Name, Err: se, Renew: rerr}
	}
	call.Header = s.header(orig, renewed)
	err = next(ctx, call)
	if se := s.refusal(err); se != nil {
		return &TicketError{Operation: call.Operation.Name, Err: se}
	}
	return err
}

// loginCall is the context key marking the password login's call, which
// the session's interceptor sends as it is: it carries no ticket, and must
// not wait for one.
type loginCall struct{}

// errOwnCredentials is the TicketError.Renew of a call whose own
// credentials were refused.
var errOwnCredentials = errors.New("netserver: the call's own credentials are not the session's to renew")

// ownsCredentials reports whether h, a call's header, sends credentials of
// its own: a RequestHeader whose Credentials are set, or a header of
// another type (sent as it is, without the session's ticket).
func ownsCredentials(h soap.HeaderMarshaler) bool {
	switch h := h.(type) {
	case nil:
		return false
	case *services88.RequestHeader:
		return h != nil && !h.Credentials.IsAbsent()
	}
	return true
}

// refusal returns err's service error if it reports a refused ticket.
func (s *Session) refusal(err error) *services88.ServiceError {
	var se *services88.ServiceError
	if errors.As(err, &se) && s.expired(se.Info) {
		return se
	}
	return nil
}

// header returns the request header to send: a call's own RequestHeader
// (soap.WithHeader) completed with what it leaves absent, or the
// session's. Other header types (SoPrincipal's, which carries no
// credentials) go as they are.
func (s *Session) header(h soap.HeaderMarshaler, ticket string) soap.HeaderMarshaler {
	var out services88.RequestHeader
	switch h := h.(type) {
	case nil:
	case *services88.RequestHeader:
		if h == nil {
			break
		}
		out = *h
	default:
		return h
	}
	if out.ApplicationToken.IsAbsent() && s.token != "" {
		out.ApplicationToken = soap.Some(s.token)
	}
	if out.Credentials.IsAbsent() {
		out.Credentials = soap.Some(&services88.SoCredentials{Ticket: soap.Some(ticket)})
	}
	if out.TimeZone.IsAbsent() && s.tz != nil {
		out.TimeZone = soap.Some(s.tz)
	}
	return &out
}
