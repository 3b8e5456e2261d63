// Package netserver connects Go programs to a SuperOffice NetServer
// installation: one session for every Services88 agent, and tickets that
// are obtained and renewed for it.
package netserver

import "context"

// A TicketSource gives the credential ticket a session sends with its calls.
//
// Ticket returns the ticket to use. stale is "" on the first call; after a
// call failed because its ticket expired, the session calls Ticket again
// with that expired ticket as stale: a source that can renew returns a new
// ticket (or the one it already renewed to, if another call got there
// first), one that cannot returns an error wrapping ErrTicketExpired.
// Implementations are safe for concurrent use.
type TicketSource interface {
	Ticket(ctx context.Context, stale string) (string, error)
}
