package soap_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/soapgen/soapgen/soap"
)

// events collects trace events.
type events struct {
	mu  sync.Mutex
	evs []soap.TraceEvent
}

func (e *events) trace(_ context.Context, ev soap.TraceEvent) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.evs = append(e.evs, ev)
}

func (e *events) all() []soap.TraceEvent {
	e.mu.Lock()
	defer e.mu.Unlock()
	return slices.Clone(e.evs)
}

// ticketEchoServer serves Echo, answering with the request's text, the ticket
// header echoed back.
func ticketEchoServer(t *testing.T, opts ...soap.HandlerOption) *httptest.Server {
	info := echoInfo()
	srv := httptest.NewServer(soap.NewHandler([]soap.ServerOperation{{OperationInfo: info, Serve: soap.ServeFunc(func(ctx context.Context, req *msg) (*msg, error) {
		if h, ok := soap.IncomingHeader(ctx).(*hdr); ok {
			soap.SetResponseHeader(ctx, &hdr{Ticket: h.Ticket})
		}
		return &msg{Text: req.Text}, nil
	})}}, opts...))
	t.Cleanup(srv.Close)
	return srv
}

// TestTraceRedacts: a client's and a handler's traces show each envelope,
// with the ticket header's text and a secret attribute redacted, and the
// rest as sent.
func TestTraceRedacts(t *testing.T) {
	var server, client events
	srv := ticketEchoServer(t, soap.WithHandlerTrace(server.trace))
	c := soap.NewClient(srv.URL+"/Echo.svc", soap.WithTrace(client.trace), soap.WithDefaultHeader(&hdr{Ticket: soap.Some("7T:s3cr3t")}))
	if _, _, err := call(testCtx(t), c, &msg{Text: soap.Some("hello")}); err != nil {
		t.Fatal(err)
	}
	for side, evs := range map[string][]soap.TraceEvent{"client": client.all(), "server": server.all()} {
		if len(evs) != 2 {
			t.Fatalf("%s: %d events, want the request and the response", side, len(evs))
		}
		for i, ev := range evs {
			env := string(ev.Envelope)
			if ev.Operation != "Echo" || ev.Response != (i == 1) || strings.Contains(env, "s3cr3t") ||
				!strings.Contains(env, "<Ticket>[redacted]</Ticket>") || !strings.Contains(env, "hello") {
				t.Errorf("%s event %d: %+v\n%s", side, i, ev, env)
			}
		}
		if evs[1].HTTPStatus != 200 {
			t.Errorf("%s: response status %d", side, evs[1].HTTPStatus)
		}
	}
	if u := client.all()[0].URL; u != srv.URL+"/Echo.svc" {
		t.Errorf("client URL %q", u)
	}
	if u := server.all()[0].URL; u != "/Echo.svc" {
		t.Errorf("server URL %q", u)
	}
}

func TestRedactEnvelope(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`<a><Password>x</Password><b>y</b></a>`, `<a><Password>[redacted]</Password><b>y</b></a>`},
		{`<a><p:ApiKey xmlns:p="urn:p">k&amp;<!-- c --></p:ApiKey></a>`, `<a><p:ApiKey xmlns:p="urn:p">[redacted]</p:ApiKey></a>`}, // comments inside go too,
		// A secret element's whole content, nested elements' text included.
		{`<a><Secret><v>1</v> <w>2</w></Secret>after</a>`, `<a><Secret><v>[redacted]</v>[redacted]<w>[redacted]</w></Secret>after</a>`},
		{`<a user="bob" password='hunter2'/>`, `<a user="bob" password="[redacted]"/>`},
		{`<a token="t&quot;>" x="1">text</a>`, `<a token="[redacted]" x="1">text</a>`},
		{`<a><TicketId>12</TicketId></a>`, `<a><TicketId>12</TicketId></a>`},
		{`<a><Ticket/></a>`, `<a><Ticket/></a>`},
		{`<a><Ticket>x</b></a>`, `[20 bytes that are not well-formed XML, not shown]`},
	} {
		if got := soap.RedactEnvelopeForTest([]byte(tc.in)); string(got) != tc.want {
			t.Errorf("redact %s\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
}

// TestServerInterceptors: interceptors run outermost first around the
// method, see the operation, the request and its headers, and may answer
// themselves.
func TestServerInterceptors(t *testing.T) {
	var mu sync.Mutex
	var order []string
	mark := func(name string) soap.ServerInterceptor {
		return func(ctx context.Context, c *soap.ServerCall, next soap.ServerInvoker) (soap.Body, error) {
			mu.Lock()
			order = append(order, name+":"+c.Operation.Name)
			mu.Unlock()
			h, _ := c.Header.(*hdr)
			if h == nil || h.Ticket.Value() != "good" {
				return nil, &soap.Fault{Code: soap.ClientFaultCode(c.Version), Reason: "bad ticket"}
			}
			resp, err := next(ctx, c)
			if m, ok := resp.(*msg); ok && name == "outer" {
				m.Text = soap.Some(m.Text.Value() + "!")
			}
			return resp, err
		}
	}
	srv := ticketEchoServer(t, soap.WithServerInterceptors(mark("outer"), nil, mark("inner")))
	resp, _, err := call(testCtx(t), soap.NewClient(srv.URL, soap.WithDefaultHeader(&hdr{Ticket: soap.Some("good")})), &msg{Text: soap.Some("hi")})
	if err != nil || resp.Text.Value() != "hi!" {
		t.Fatalf("call = %+v, %v; want hi!", resp, err)
	}
	if want := []string{"outer:Echo", "inner:Echo"}; !slices.Equal(order, want) {
		t.Errorf("order %v, want %v", order, want)
	}
	_, _, err = call(testCtx(t), soap.NewClient(srv.URL, soap.WithDefaultHeader(&hdr{Ticket: soap.Some("bad")})), &msg{Text: soap.Some("hi")})
	var f *soap.Fault
	if !errors.As(err, &f) || f.Reason != "bad ticket" {
		t.Errorf("err = %v, want the interceptor's fault", err)
	}
}
