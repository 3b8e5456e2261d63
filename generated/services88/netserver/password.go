package netserver

import (
	"context"
	"errors"
	"fmt"

	"github.com/soapgen/soapgen/generated/services88"
	"github.com/soapgen/soapgen/generated/services88/soprincipal"
	"github.com/soapgen/soapgen/soap"
)

// passwordSource logs in through the SoPrincipal agent's
// AuthenticateUsernamePassword: onsite NetServer's user name and password
// login, whose response carries the ticket in its Credentials.
type passwordSource struct {
	client *soprincipal.SoPrincipalClient
	token  string
	user   string
	pass   *string // behind a pointer: a copy formatted by reflection shows an address
	*renewer[*soprincipal.SoPrincipalCarrier]
}

func newPasswordSource(conn soap.ClientConn, token, user, pass string) *passwordSource {
	p := &passwordSource{client: soprincipal.NewSoPrincipalClient(conn), token: token, user: user, pass: &pass}
	p.renewer = &renewer[*soprincipal.SoPrincipalCarrier]{
		what:  fmt.Sprintf("the password login of user %q", user),
		login: p.login,
	}
	return p
}

// Ticket implements TicketSource.
func (p *passwordSource) Ticket(ctx context.Context, stale string) (string, error) {
	return p.get(ctx, stale)
}

// String redacts the password and the ticket.
func (p *passwordSource) String() string {
	return fmt.Sprintf("netserver password login of user %q (password <redacted>)", p.user)
}

// ErrLoginRefused is matched by the error of a password login that
// NetServer answered without a ticket (a wrong user name or password).
var ErrLoginRefused = errors.New("netserver: login refused")

func (p *passwordSource) login(ctx context.Context) (*soprincipal.SoPrincipalCarrier, string, error) {
	var h soap.HeaderMarshaler
	if p.token != "" {
		h = &services88.SoPrincipalRequestHeader{ApplicationToken: soap.Some(p.token)}
	}
	resp, err := p.client.AuthenticateUsernamePassword(context.WithValue(ctx, loginCall{}, true), &soprincipal.AuthenticateUsernamePassword{
		UserName: soap.Some(p.user),
		Password: soap.Some(*p.pass),
	}, soap.WithHeader(h))
	if err != nil {
		return nil, "", fmt.Errorf("netserver: the password login of user %q: %w", p.user, err)
	}
	var ticket string
	if c := resp.Credentials.Value(); c != nil {
		ticket = c.Ticket.Value()
	}
	if ticket == "" {
		return nil, "", fmt.Errorf("%w: the password login of user %q returned no ticket", ErrLoginRefused, p.user)
	}
	return resp.Response.Value(), ticket, nil
}
