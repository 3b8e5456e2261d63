// Package netserver connects Go programs to a SuperOffice NetServer
// installation: one session for every Services88 agent, and tickets that
// are obtained and renewed for it.
package netserver

import (
	"context"
	"fmt"
	"sync"
)

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

// StaticTicket is a TicketSource of one ticket that cannot be renewed: a
// call refused for it fails with an error matching ErrTicketExpired.
type StaticTicket string

// Ticket implements TicketSource.
func (t StaticTicket) Ticket(_ context.Context, stale string) (string, error) {
	if stale != "" && stale == string(t) {
		return "", fmt.Errorf("%w: a static ticket cannot be renewed", ErrTicketExpired)
	}
	return string(t), nil
}

// String redacts the ticket.
func (t StaticTicket) String() string { return "netserver.StaticTicket(<redacted>)" }

// GoString redacts the ticket.
func (t StaticTicket) GoString() string { return t.String() }

// renewer keeps a ticket (and what its login gave with it) and renews it
// through login, one login at a time: concurrent callers renewing the same
// stale ticket share one login.
type renewer[T any] struct {
	login func(context.Context) (T, string, error)
	what  string // names the login in errors, e.g. "the password login of user \"x\""

	mu     sync.Mutex
	has    bool
	ticket string
	value  T
	flight *flight // the login in progress, if any
}

// A flight is one login, which concurrent renewals of a ticket wait for.
type flight struct {
	done     chan struct{}
	ticket   string
	err      error
	canceled bool // the leader's context ended it: waiters try again
}

// get returns the kept ticket unless there is none or it is stale (equal
// to the kept one), in which case it logs in; a stale ticket other than the
// kept one means another caller has renewed already. A failed login keeps
// the old ticket and is returned to every caller that waited for it, unless
// it failed because its caller's context ended: then the waiters try again
// with theirs.
func (r *renewer[T]) get(ctx context.Context, stale string) (string, error) {
	for {
		r.mu.Lock()
		if r.has && r.ticket != stale {
			t := r.ticket
			r.mu.Unlock()
			return t, nil
		}
		if f := r.flight; f != nil {
			r.mu.Unlock()
			select {
			case <-f.done:
			case <-ctx.Done():
				return "", fmt.Errorf("netserver: waiting for %s: %w", r.what, ctx.Err())
			}
			if f.canceled {
				continue
			}
			return f.ticket, f.err
		}
		f := &flight{done: make(chan struct{})}
		r.flight = f
		r.mu.Unlock()

		value, ticket, err := r.login(ctx)

		r.mu.Lock()
		if err == nil {
			r.has, r.ticket, r.value = true, ticket, value
			f.ticket = ticket
		} else {
			f.err = err
			f.canceled = ctx.Err() != nil
		}
		r.flight = nil
		r.mu.Unlock()
		close(f.done)
		return f.ticket, f.err
	}
}

// current returns what the last successful login gave, and false before
// the first.
func (r *renewer[T]) current() (T, string, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.value, r.ticket, r.has
}
