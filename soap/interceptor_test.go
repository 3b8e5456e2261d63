package soap_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/soapgen/soapgen/soap"
)

func TestInterceptorReplacesHeader(t *testing.T) {
	srv := newRecordingServer(t)
	var seen []string
	replace := func(ctx context.Context, call *soap.Call, next soap.Invoker) error {
		if h, ok := call.Header.(*hdr); ok {
			seen = append(seen, h.Ticket.Value())
		} else {
			seen = append(seen, "none")
		}
		switch call.Request.(*msg).Text.Value() {
		case "renew":
			call.Header = &hdr{Ticket: soap.Some("new")}
		case "drop":
			call.Header = nil
		}
		if call.URL != srv.URL || call.Operation.Name != "Echo" {
			t.Errorf("URL %q, operation %q", call.URL, call.Operation.Name)
		}
		return next(ctx, call)
	}
	c := soap.NewClient(srv.URL, soap.WithDefaultHeader(&hdr{Ticket: soap.Some("old")}), soap.WithInterceptors(replace))
	for _, tc := range []struct {
		text string
		opts []soap.CallOption
	}{
		{"renew", nil},
		{"keep", nil},
		{"renew", []soap.CallOption{soap.WithHeader(&hdr{Ticket: soap.Some("per call")})}},
		{"keep", []soap.CallOption{soap.WithHeader(&hdr{Ticket: soap.Some("per call")})}},
		{"keep", []soap.CallOption{soap.WithHeader(nil)}},
		{"drop", nil},
	} {
		if _, _, err := call(testCtx(t), c, &msg{Text: soap.Some(tc.text)}, tc.opts...); err != nil {
			t.Fatal(err)
		}
	}
	if want := []string{"old", "old", "per call", "per call", "none", "old"}; !reflect.DeepEqual(seen, want) {
		t.Errorf("the interceptor saw the headers %q, want %q", seen, want)
	}
	if _, tickets := srv.got(); !reflect.DeepEqual(tickets, []string{"new", "old", "new", "per call", "", ""}) {
		t.Errorf("the server got the tickets %q", tickets)
	}
}

func TestInterceptorURLRedacted(t *testing.T) {
	srv := newRecordingServer(t)
	u := strings.Replace(srv.URL, "http://", "http://user:secret@", 1)
	var got string
	c := soap.NewClient(u, soap.WithInterceptors(func(ctx context.Context, call *soap.Call, next soap.Invoker) error {
		got = call.URL
		call.URL = "http://elsewhere.invalid/" // ignored
		return next(ctx, call)
	}))
	if _, _, err := call(testCtx(t), c, &msg{}); err != nil {
		t.Fatal(err)
	}
	if want := strings.Replace(srv.URL, "http://", "http://user:xxxxx@", 1); got != want {
		t.Errorf("Call.URL = %q, want %q", got, want)
	}
}

func TestInterceptorOrder(t *testing.T) {
	srv := newRecordingServer(t)
	var log []string
	ic := func(name string) soap.Interceptor {
		return func(ctx context.Context, call *soap.Call, next soap.Invoker) error {
			log = append(log, name+" in")
			err := next(ctx, call)
			log = append(log, name+" out")
			return err
		}
	}
	c := soap.NewClient(srv.URL, soap.WithInterceptors(ic("a"), nil, ic("b")), soap.WithInterceptors(ic("c")))
	if _, _, err := call(testCtx(t), c, &msg{}); err != nil {
		t.Fatal(err)
	}
	if want := []string{"a in", "b in", "c in", "c out", "b out", "a out"}; !reflect.DeepEqual(log, want) {
		t.Errorf("got %q, want %q", log, want)
	}

	// Clients of one session share the interceptors, and an interceptor
	// that does not call next sends nothing.
	errStop := errors.New("stopped")
	s, err := soap.NewSession(srv.URL, soap.WithInterceptors(func(context.Context, *soap.Call, soap.Invoker) error { return errStop }))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"A.svc", "B.svc"} {
		if _, _, err := call(testCtx(t), s.Endpoint(p), &msg{}); !errors.Is(err, errStop) {
			t.Errorf("%s: err = %v, want the interceptor's", p, err)
		}
	}
	if paths, _ := srv.got(); len(paths) != 1 {
		t.Errorf("the server got %q, want only the first client's request", paths)
	}
}

// statusHdr is a response header that reports failure, as NetServer's
// Succeeded header does.
type statusHdr struct{ hdr }

var errRejected = errors.New("ticket rejected")

func (h *statusHdr) Err() error {
	if h.Ticket.Value() == "rejected" {
		return errRejected
	}
	return nil
}

// TestInterceptorRetry renews the ticket after a response rejecting it and
// sends the call again: the caller sees the second response only.
func TestInterceptorRetry(t *testing.T) {
	var attempts atomic.Int32
	info := echoInfo()
	info.NewResponseHeader = func() soap.Header { return new(statusHdr) }
	srv := httptest.NewServer(soap.NewHandler([]soap.ServerOperation{{
		OperationInfo: info,
		Serve: soap.ServeFunc(func(ctx context.Context, req *msg) (*msg, error) {
			attempts.Add(1)
			switch soap.IncomingHeader(ctx).(*hdr).Ticket.Value() {
			case "expired":
				if err := soap.SetResponseHeader(ctx, &statusHdr{hdr{Ticket: soap.Some("rejected")}}); err != nil {
					return nil, err
				}
				return &msg{Text: soap.Some("first"), Data: []byte{1, 2, 3}}, nil
			case "renewed":
				if req.Text.Value() == "abort" {
					panic(http.ErrAbortHandler) // no response
				}
				return &msg{Text: soap.Some("second")}, nil
			}
			return nil, errors.New("unknown ticket")
		}),
	}}))
	defer srv.Close()

	var mu sync.Mutex
	var first *msg
	var firstHdr statusHdr
	renew := func(ctx context.Context, call *soap.Call, next soap.Invoker) error {
		err := next(ctx, call)
		if !errors.Is(err, errRejected) {
			return err
		}
		mu.Lock()
		first = new(msg)
		*first = *call.Response.(*msg)
		firstHdr = *call.ResponseHeader.(*statusHdr)
		mu.Unlock()
		call.Header = &hdr{Ticket: soap.Some("renewed")}
		return next(ctx, call)
	}
	c := soap.NewClient(srv.URL, soap.WithDefaultHeader(&hdr{Ticket: soap.Some("expired")}), soap.WithInterceptors(renew))

	var rh, got statusHdr
	resp := new(msg)
	if err := c.Call(testCtx(t), &info.Operation, &msg{}, &rh, resp, soap.ResponseHeader(&got)); err != nil {
		t.Fatal(err)
	}
	if n := attempts.Load(); n != 2 {
		t.Errorf("%d attempts, want 2", n)
	}
	if first.Text.Value() != "first" || len(first.Data) != 3 || firstHdr.Ticket.Value() != "rejected" {
		t.Errorf("the first attempt decoded %v, %v", first, firstHdr)
	}
	if resp.Text.Value() != "second" || resp.Data != nil {
		t.Errorf("response %v %v, want the second only", resp.Text, resp.Data)
	}
	if rh.Ticket.IsSet() || got.Ticket.IsSet() {
		t.Errorf("response header %v, ResponseHeader %v: want the second response's, none", rh.Ticket, got.Ticket)
	}

	// A second attempt that gets no response leaves nothing of the first.
	attempts.Store(0)
	rh, got = statusHdr{}, statusHdr{hdr{Ticket: soap.Some("untouched")}}
	resp = new(msg)
	err := c.Call(testCtx(t), &info.Operation, &msg{Text: soap.Some("abort")}, &rh, resp, soap.ResponseHeader(&got))
	if err == nil || errors.Is(err, errRejected) {
		t.Errorf("err = %v, want the second attempt's", err)
	}
	if n := attempts.Load(); n != 2 {
		t.Errorf("%d attempts, want 2", n)
	}
	if resp.Text.IsSet() || resp.Data != nil || rh.Ticket.IsSet() || got.Ticket.Value() != "untouched" {
		t.Errorf("after a failed retry: response %v %v, header %v, ResponseHeader %v", resp.Text, resp.Data, rh.Ticket, got.Ticket)
	}
}

// TestInterceptorSeesErrors observes the errors of the innermost invoker,
// typed as Call returns them, and the call's deadline.
func TestInterceptorSeesErrors(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		switch {
		case strings.Contains(string(body), ">fault<"):
			w.Header().Set("Content-Type", "text/xml; charset=utf-8")
			w.WriteHeader(500)
			io.WriteString(w, `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Server</faultcode><faultstring>no</faultstring></s:Fault></s:Body></s:Envelope>`)
		case strings.Contains(string(body), ">html<"):
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(502)
			io.WriteString(w, "<html>Bad Gateway</html>")
		default:
			w.Header().Set("Content-Type", "text/xml; charset=utf-8")
			w.Write(envelope(t, soap.SOAP11, nil, &msg{}))
		}
	}))
	defer srv.Close()
	var seen []string
	observe := func(ctx context.Context, call *soap.Call, next soap.Invoker) error {
		if _, ok := ctx.Deadline(); !ok {
			t.Error("the interceptor's context has no deadline")
		}
		err := next(ctx, call)
		var f *soap.Fault
		var he *soap.HTTPError
		switch {
		case err == nil:
			seen = append(seen, "ok")
		case errors.As(err, &f):
			seen = append(seen, "fault "+f.Reason)
		case errors.As(err, &he):
			seen = append(seen, "http "+strconv.Itoa(he.StatusCode))
		default:
			seen = append(seen, "other")
		}
		return err
	}
	c := soap.NewClient(srv.URL, soap.WithInterceptors(observe))
	for _, text := range []string{"ok", "fault", "html"} {
		_, _, err := call(context.Background(), c, &msg{Text: soap.Some(text)})
		var f *soap.Fault
		var he *soap.HTTPError
		if ok := (text == "ok" && err == nil) || (text == "fault" && errors.As(err, &f)) || (text == "html" && errors.As(err, &he)); !ok {
			t.Errorf("%s: err = %v", text, err)
		}
	}
	if want := []string{"ok", "fault no", "http 502"}; !reflect.DeepEqual(seen, want) {
		t.Errorf("the interceptor saw %q, want %q", seen, want)
	}
}

func TestInterceptorOneWay(t *testing.T) {
	got := make(chan string, 1)
	info := soap.OperationInfo{
		Operation:  soap.Operation{Name: "Notify", Action: "urn:soapgen:test/Notify", Input: soap.QName{Space: testNS, Local: "Notify"}, Namespaces: []string{testNS}},
		NewRequest: func() soap.Body { return new(msg) },
	}
	srv := httptest.NewServer(soap.NewHandler([]soap.ServerOperation{{OperationInfo: info, Serve: soap.ServeOneWay(func(_ context.Context, m *msg) error {
		got <- m.Text.Value()
		return nil
	})}}))
	defer srv.Close()
	var calls int
	c := soap.NewClient(srv.URL, soap.WithInterceptors(func(ctx context.Context, call *soap.Call, next soap.Invoker) error {
		calls++
		if call.Response != nil || call.ResponseHeader != nil || call.Operation.Name != "Notify" {
			t.Errorf("one-way call: response %v, response header %v, operation %s", call.Response, call.ResponseHeader, call.Operation.Name)
		}
		return next(ctx, call)
	}))
	if err := c.Call(testCtx(t), &info.Operation, &msg{Text: soap.Some("hello")}, nil, nil); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "hello" || calls != 1 {
		t.Errorf("the server got %q, the interceptor ran %d times", s, calls)
	}
}
