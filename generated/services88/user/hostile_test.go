package user_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/soapgen/soapgen/generated/services88"
	"github.com/soapgen/soapgen/generated/services88/user"
	"github.com/soapgen/soapgen/soap"
)

// The tests here run the generated handler against clients that send too
// much, too deep, too slowly or not SOAP at all, and check that secrets
// stay out of its logs.

// prompt bounds what no timeout ends, generously for a loaded 2-core
// machine.
const prompt = 5 * time.Second

const (
	presenceAction = "http://www.superoffice.net/ws/crm/NetServer/Services88/User/SetUserPresenceStatus"
	env11          = "http://schemas.xmlsoap.org/soap/envelope/"
	env12          = "http://www.w3.org/2003/05/soap-envelope"
)

// presenceEnvelope is a SetUserPresenceStatus request of version v with
// header (header entries, may be "") and inner (the body element's
// content).
func presenceEnvelope(v soap.Version, header, inner string) string {
	ns := env11
	if v == soap.SOAP12 {
		ns = env12
	}
	if header != "" {
		header = "<s:Header>" + header + "</s:Header>"
	}
	return `<s:Envelope xmlns:s="` + ns + `">` + header + `<s:Body><SetUserPresenceStatus xmlns="http://www.superoffice.net/ws/crm/NetServer/Services88">` + inner + `</SetUserPresenceStatus></s:Body></s:Envelope>`
}

// faultOf decodes a response body that must be a Fault.
func faultOf(t *testing.T, resp *http.Response) *soap.Fault {
	t.Helper()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("reading the response: %v", err)
	}
	var env soap.Envelope
	err = env.Decode(soap.NewBytesDecoder(data))
	var f *soap.Fault
	if !errors.As(err, &f) {
		t.Fatalf("status %d, no fault: %v\n%.300s", resp.StatusCode, err, data)
	}
	return f
}

// TestHandlerHostileRequests sends what a hostile or broken client would:
// each request is answered promptly with the right status and a Fault of
// the request's SOAP version.
func TestHandlerHostileRequests(t *testing.T) {
	srv := httptest.NewServer(user.NewUserHandler(&fakeUser{}))
	defer srv.Close()
	const ct11, ct12 = "text/xml; charset=utf-8", `application/soap+xml; charset=utf-8; action="` + presenceAction + `"`
	action := http.Header{"Soapaction": {`"` + presenceAction + `"`}}
	million := strings.Repeat("<a>", 1_000_000) + strings.Repeat("</a>", 1_000_000)
	laughs := `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>` + presenceEnvelope(soap.SOAP11, "", "<AssociateId>&lol3;</AssociateId>")
	ok11 := presenceEnvelope(soap.SOAP11, "", "<AssociateId>1</AssociateId>")
	for _, tc := range []struct {
		name, ct string
		hdr      http.Header
		body     string
		status   int
		v        soap.Version
		reason   string
	}{
		{"million nested header entries 1.1", ct11, action, presenceEnvelope(soap.SOAP11, million, ""), 500, soap.SOAP11, "nested deeper than 256"},
		{"million nested header entries 1.2", ct12, nil, presenceEnvelope(soap.SOAP12, million, ""), 400, soap.SOAP12, "nested deeper than 256"},
		{"million nested, no action", ct11, nil, presenceEnvelope(soap.SOAP11, million, ""), 500, soap.SOAP11, "nested deeper than 256"},
		{"million nested in the body", ct11, action, presenceEnvelope(soap.SOAP11, "", million), 500, soap.SOAP11, "unexpected element"},
		{"billion laughs", ct11, action, laughs, 500, soap.SOAP11, "DTD"},
		{"external entity", ct11, action, `<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>` + ok11, 500, soap.SOAP11, "DTD"},
		{"invalid UTF-8", ct11, action, strings.Replace(ok11, ">1<", ">\xff<", 1), 500, soap.SOAP11, "invalid UTF-8"},
		{"empty body", ct11, action, "", 500, soap.SOAP11, "malformed request"},
		{"not XML", ct11, action, "hello", 500, soap.SOAP11, "malformed request"},
		{"two roots", ct11, action, ok11 + ok11, 500, soap.SOAP11, "malformed request"},
		{"truncated", ct12, nil, presenceEnvelope(soap.SOAP12, "", "<AssociateId>1</Assoc"), 400, soap.SOAP12, "malformed request"},
		{"a Fault as request", ct11, action, `<s:Envelope xmlns:s="` + env11 + `"><s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring>x</faultstring></s:Fault></s:Body></s:Envelope>`, 500, soap.SOAP11, "the request is a Fault"},
		{"MTOM", `multipart/related; type="application/xop+xml"; boundary=x`, action, ok11, 415, soap.SOAP11, "unsupported Content-Type"},
		{"text/plain", "text/plain", action, ok11, 415, soap.SOAP11, "unsupported Content-Type"},
		{"UTF-16", "text/xml; charset=utf-16", action, ok11, 415, soap.SOAP11, "unsupported charset"},
		{"UTF-16 1.2", `application/soap+xml; charset=utf-16; action="` + presenceAction + `"`, nil, presenceEnvelope(soap.SOAP12, "", ""), 415, soap.SOAP12, "unsupported charset"},
		{"malformed Content-Type", "text/xml; charset", action, ok11, 415, soap.SOAP11, "malformed Content-Type"},
		{"Services87 action", ct11, http.Header{"Soapaction": {`"http://www.superoffice.net/ws/crm/NetServer/Services87/User/SetUserPresenceStatus"`}}, ok11, 500, soap.SOAP11, "unknown SOAPAction"},
		{"action of another operation", ct11, http.Header{"Soapaction": {`"http://www.superoffice.net/ws/crm/NetServer/Services88/User/GetUser"`}}, ok11, 500, soap.SOAP11, "unexpected element"},
		{"1.2 action of another operation", `application/soap+xml; action="http://www.superoffice.net/ws/crm/NetServer/Services88/User/GetUser"`, nil, presenceEnvelope(soap.SOAP12, "", ""), 400, soap.SOAP12, "unexpected element"},
		{"declared 1 GiB", ct11, http.Header{"Soapaction": {`"` + presenceAction + `"`}, "X-Length": {"1073741824"}}, ok11, 413, soap.SOAP11, "larger than 67108864 bytes"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, err := http.NewRequestWithContext(testCtx(t), http.MethodPost, srv.URL, strings.NewReader(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Content-Type", tc.ct)
			for k, v := range tc.hdr {
				req.Header[k] = v
			}
			if req.Header.Get("X-Length") != "" {
				// Claims a body it does not send: refused from the header.
				req.ContentLength = 1 << 30
				req.Body = io.NopCloser(io.LimitReader(neverEnding('x'), 1<<30))
			}
			resp, err := srv.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			f := faultOf(t, resp)
			if resp.StatusCode != tc.status || f.Version != tc.v || f.Code != soap.ClientFaultCode(tc.v) || !strings.Contains(f.Reason, tc.reason) {
				t.Errorf("status %d, fault %+v; want %d, a %v Client fault with %q", resp.StatusCode, f, tc.status, tc.v, tc.reason)
			}
		})
	}
}

// TestHandlerMustUnderstand: the generated handler answers a mandatory
// header entry it does not know with a MustUnderstand fault and HTTP 500
// in both versions, and ignores one addressed to another node.
func TestHandlerMustUnderstand(t *testing.T) {
	srv := httptest.NewServer(user.NewUserHandler(&fakeUser{}))
	defer srv.Close()
	for _, tc := range []struct {
		v        soap.Version
		ct, attr string
		status   int
	}{
		{soap.SOAP11, "text/xml; charset=utf-8", `s:mustUnderstand="1"`, 500},
		{soap.SOAP12, "application/soap+xml; charset=utf-8", `s:mustUnderstand="true"`, 500},
		{soap.SOAP11, "text/xml; charset=utf-8", `s:mustUnderstand="1" s:actor="urn:elsewhere"`, 200},
		{soap.SOAP12, "application/soap+xml; charset=utf-8", `s:mustUnderstand="true" s:role="http://www.w3.org/2003/05/soap-envelope/role/none"`, 200},
	} {
		t.Run(tc.v.String()+" "+tc.attr, func(t *testing.T) {
			body := presenceEnvelope(tc.v, `<X xmlns="urn:x" `+tc.attr+`/>`, "<AssociateId>1</AssociateId>")
			req, err := http.NewRequestWithContext(testCtx(t), http.MethodPost, srv.URL, strings.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Content-Type", tc.ct)
			resp, err := srv.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			if tc.status == 200 {
				if resp.StatusCode != 200 {
					data, _ := io.ReadAll(resp.Body)
					t.Fatalf("status %d: %s", resp.StatusCode, data)
				}
				return
			}
			f := faultOf(t, resp)
			if resp.StatusCode != tc.status || f.Version != tc.v || f.Code != (soap.QName{Space: tc.v.EnvelopeNS(), Local: "MustUnderstand"}) || !strings.Contains(f.Reason, "{urn:x}X") {
				t.Errorf("status %d, fault %+v; want %d and a MustUnderstand fault naming {urn:x}X", resp.StatusCode, f, tc.status)
			}
		})
	}
}

// neverEnding reads as an endless run of one byte.
type neverEnding byte

func (b neverEnding) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(b)
	}
	return len(p), nil
}

// countingReader counts the bytes read from it.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// TestHandlerEndlessBody: a chunked request body that never ends is
// answered with 413 and a Fault once the handler has read its limit (the
// default, 64 MiB), and the connection is closed.
func TestHandlerEndlessBody(t *testing.T) {
	srv := httptest.NewServer(user.NewUserHandler(&fakeUser{}))
	defer srv.Close()
	body := &countingReader{r: io.MultiReader(strings.NewReader(presenceEnvelope(soap.SOAP11, "", "<AssociateId>")), io.LimitReader(neverEnding('1'), 16<<30))}
	req, err := http.NewRequestWithContext(testCtx(t), http.MethodPost, srv.URL, io.NopCloser(body))
	if err != nil {
		t.Fatal(err)
	}
	req.ContentLength = -1 // chunked
	req.Header.Set("Content-Type", "text/xml; charset=utf-8")
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	f := faultOf(t, resp)
	runtime.ReadMemStats(&after)
	// The handler holds what it read, the limit, and no more.
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > soap.DefaultMaxRequestSize*5/4 {
		t.Errorf("%d MiB allocated for a %d MiB limit", alloc>>20, soap.DefaultMaxRequestSize>>20)
	}
	if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(f.Reason, "larger than 67108864 bytes") || f.Code != soap.ClientFaultCode(soap.SOAP11) {
		t.Errorf("status %d, fault %+v", resp.StatusCode, f)
	}
	if !resp.Close {
		t.Error("the connection is kept open")
	}
	if n := body.n.Load(); n > soap.DefaultMaxRequestSize+64<<20 {
		t.Errorf("the client got to send %d MiB", n>>20)
	}
}

// TestHandlerDeepNestingMemory: a million nested elements cost little more
// than the request's size.
func TestHandlerDeepNestingMemory(t *testing.T) {
	srv := httptest.NewServer(user.NewUserHandler(&fakeUser{}))
	defer srv.Close()
	million := strings.Repeat("<a>", 1_000_000) + strings.Repeat("</a>", 1_000_000)
	body := presenceEnvelope(soap.SOAP11, million, "")
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	req, _ := http.NewRequestWithContext(testCtx(t), http.MethodPost, srv.URL, strings.NewReader(body))
	req.Header.Set("Content-Type", "text/xml")
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	f := faultOf(t, resp)
	resp.Body.Close()
	runtime.ReadMemStats(&after)
	if !strings.Contains(f.Reason, "nested deeper than 256") {
		t.Errorf("fault %+v", f)
	}
	// The handler reads the body whole (in chunks, joined: twice its
	// size), then stops at depth 256; the client sends it from memory.
	alloc := after.TotalAlloc - before.TotalAlloc
	if alloc > 2*uint64(len(body))+4<<20 {
		t.Errorf("%d MiB allocated for a %d MiB request", alloc>>20, len(body)>>20)
	}
}

// serveNewServer serves h through soap.NewServer on loopback, with
// adjust applied to the server first.
func serveNewServer(t *testing.T, h http.Handler, adjust func(*http.Server)) string {
	t.Helper()
	srv := soap.NewServer("127.0.0.1:0", h)
	if adjust != nil {
		adjust(srv)
	}
	ln, err := net.Listen("tcp", srv.Addr)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		srv.Serve(ln)
	}()
	t.Cleanup(func() {
		srv.Close()
		<-done
	})
	return ln.Addr().String()
}

func TestNewServerDefaults(t *testing.T) {
	h := user.NewUserHandler(&fakeUser{})
	srv := soap.NewServer(":8080", h)
	if srv.Addr != ":8080" || srv.Handler == nil ||
		srv.ReadHeaderTimeout != 10*time.Second || srv.ReadTimeout != time.Minute ||
		srv.WriteTimeout != 2*time.Minute || srv.IdleTimeout != 2*time.Minute || srv.MaxHeaderBytes != 64<<10 {
		t.Errorf("NewServer = %+v", srv)
	}
	// And it serves: a call through the generated client.
	addr := serveNewServer(t, h, nil)
	c := user.NewUserClient(soap.NewClient("http://"+addr, soap.WithDefaultHeader(credentials())))
	if _, err := c.SetUserPresenceStatus(testCtx(t), &user.SetUserPresenceStatus{AssociateId: soap.Some[int32](5)}); err != nil {
		t.Fatal(err)
	}
	// Headers larger than MaxHeaderBytes get 431 from net/http.
	req, _ := http.NewRequestWithContext(testCtx(t), http.MethodPost, "http://"+addr, strings.NewReader(presenceEnvelope(soap.SOAP11, "", "")))
	req.Header.Set("Content-Type", "text/xml")
	req.Header.Set("X-Padding", strings.Repeat("p", 100<<10))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
		t.Errorf("100 KiB of headers: status %d", resp.StatusCode)
	}
}

// TestNewServerSlowClients: a client that sends its headers, or its body,
// a byte a second is cut off by the read timeouts (shortened here to 2 s
// from NewServer's 10 s and 1 min).
func TestNewServerSlowClients(t *testing.T) {
	const timeout = 2 * time.Second
	addr := serveNewServer(t, user.NewUserHandler(&fakeUser{}), func(s *http.Server) {
		s.ReadHeaderTimeout = timeout
		s.ReadTimeout = timeout
	})
	body := presenceEnvelope(soap.SOAP11, "", "<AssociateId>1</AssociateId>")
	head := "POST / HTTP/1.1\r\nHost: " + addr + "\r\nContent-Type: text/xml; charset=utf-8\r\nSOAPAction: \"" + presenceAction + "\"\r\n" + fmt.Sprintf("Content-Length: %d\r\n\r\n", len(body))
	for _, tc := range []struct {
		name        string
		fast, slow  string // sent at once, then a byte a second
		wantFault   bool   // the answer is a Fault (else net/http's plain 400, or none)
		wantStatus  int
		maxSlowSent int
	}{
		{"headers", "", head + body, false, 0, 5},
		{"body", head, body, true, http.StatusBadRequest, 5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			conn, err := net.Dial("tcp", addr)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			conn.SetReadDeadline(time.Now().Add(timeout + prompt))
			start := time.Now()
			stop := make(chan struct{})
			var sent atomic.Int32
			var wg sync.WaitGroup
			wg.Go(func() {
				if _, err := io.WriteString(conn, tc.fast); err != nil {
					return
				}
				for i := range len(tc.slow) {
					if _, err := io.WriteString(conn, tc.slow[i:i+1]); err != nil {
						return
					}
					sent.Add(1)
					select {
					case <-stop:
						return
					case <-time.After(time.Second):
					}
				}
			})
			defer wg.Wait()
			defer close(stop)
			resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
			elapsed := time.Since(start)
			if tc.wantFault {
				if err != nil {
					t.Fatalf("no response: %v", err)
				}
				f := faultOf(t, resp)
				if resp.StatusCode != tc.wantStatus || !strings.Contains(f.Reason, "reading the request failed") {
					t.Errorf("status %d, fault %+v", resp.StatusCode, f)
				}
			} else if err == nil {
				// net/http answers a plain 400 before it hangs up.
				if resp.StatusCode != http.StatusBadRequest {
					t.Errorf("got a response, status %d; want 400 or the connection closed", resp.StatusCode)
				}
				io.Copy(io.Discard, resp.Body)
			} else if ne, ok := err.(net.Error); ok && ne.Timeout() {
				t.Errorf("the server kept the connection open for %v", elapsed)
			}
			if n := int(sent.Load()); n > tc.maxSlowSent {
				t.Errorf("the client got to send %d bytes slowly", n)
			}
			// The server closed the connection: reading more ends.
			if _, err := conn.Read(make([]byte, 1)); err == nil {
				t.Error("the connection is still open")
			}
		})
	}
}

// concurrentUser answers SetUserPresenceStatus with what it got from the
// request and its headers, and fails with a fault or a service error for
// some associates, so that calls mixed up between goroutines show.
type concurrentUser struct {
	user.UnimplementedUserServer
}

func (concurrentUser) SetUserPresenceStatus(ctx context.Context, req *user.SetUserPresenceStatus) (*user.SetUserPresenceStatusResponse, error) {
	id := req.AssociateId.Value()
	ticket := services88.RequestHeaderFrom(ctx).Credentials.Value().Ticket.Value()
	switch id % 4 {
	case 1:
		return nil, &soap.Fault{Code: soap.ClientFaultCode(soap.SOAP11), Reason: fmt.Sprintf("fault %d %s", id, ticket)}
	case 2:
		return nil, &services88.ServiceError{Info: &services88.SoExceptionInfo{Message: soap.Some(fmt.Sprintf("error %d %s", id, ticket))}}
	}
	if err := services88.SetResponseHeader(ctx, &services88.ResponseHeader{TimeZone: soap.Some(&services88.SoTimeZone{SoTimeZoneId: soap.Some(id)})}); err != nil {
		return nil, err
	}
	return &user.SetUserPresenceStatusResponse{Response: soap.Some(&user.UserPresenceStatus{
		Message: soap.Some(fmt.Sprintf("%s %d %s", req.UserPresenceStatus.Value().Message.Value(), id, ticket)),
	})}, nil
}

// TestHandlerConcurrent runs calls of both SOAP versions in parallel
// through one generated handler and one client each (run with -race):
// every call gets its own answer, headers and errors.
func TestHandlerConcurrent(t *testing.T) {
	srv := httptest.NewServer(user.NewUserHandler(concurrentUser{}))
	defer srv.Close()
	clients := map[soap.Version]*user.UserClient{}
	for _, v := range versions {
		clients[v] = user.NewUserClient(soap.NewClient(srv.URL, soap.WithVersion(v)))
	}
	var wg sync.WaitGroup
	for g := range 32 {
		wg.Go(func() {
			for i := range 8 {
				id := int32(g*8 + i)
				v := versions[int(id)%2]
				ticket := fmt.Sprintf("ticket-%d", id)
				var rh services88.ResponseHeader
				resp, err := clients[v].SetUserPresenceStatus(testCtx(t), &user.SetUserPresenceStatus{
					AssociateId:        soap.Some(id),
					UserPresenceStatus: soap.Some(&user.UserPresenceStatus{Message: soap.Some("msg")}),
				}, soap.WithHeader(&services88.RequestHeader{Credentials: soap.Some(&services88.SoCredentials{Ticket: soap.Some(ticket)})}), soap.ResponseHeader(&rh))
				var f *soap.Fault
				var se *services88.ServiceError
				switch id % 4 {
				case 1:
					if !errors.As(err, &f) || f.Reason != fmt.Sprintf("fault %d %s", id, ticket) || f.Version != v {
						t.Errorf("call %d: %v, want its fault", id, err)
					}
				case 2:
					if !errors.As(err, &se) || se.Info.Message.Value() != fmt.Sprintf("error %d %s", id, ticket) {
						t.Errorf("call %d: %v, want its service error", id, err)
					}
				default:
					if err != nil {
						t.Errorf("call %d: %v", id, err)
						continue
					}
					if m := resp.Response.Value().Message.Value(); m != fmt.Sprintf("msg %d %s", id, ticket) {
						t.Errorf("call %d: answer %q", id, m)
					}
					if tz := rh.TimeZone.Value(); tz == nil || tz.SoTimeZoneId.Value() != id || !rh.Succeeded.Value() {
						t.Errorf("call %d: response headers %+v", id, rh)
					}
				}
			}
		})
	}
	wg.Wait()
}

// secretUser fails the calls whose requests carry secrets, with errors
// that quote the request and its headers in every fmt verb, and panics
// with the request for associate 666.
type secretUser struct {
	user.UnimplementedUserServer
}

func quoteAll(ctx context.Context, req any) error {
	h := services88.RequestHeaderFrom(ctx)
	return fmt.Errorf("failed: %v | %+v | %#v | %s | header %v | %+v | %#v | credentials %v", req, req, req, req, h, h, h, h.Credentials)
}

func (secretUser) ChangePassword(ctx context.Context, req *user.ChangePassword) (*user.ChangePasswordResponse, error) {
	if req.AssociateId.Value() == 666 {
		panic(req)
	}
	return nil, fmt.Errorf("wrapped: %w", quoteAll(ctx, req))
}

func (secretUser) SaveServiceAuth(ctx context.Context, req *user.SaveServiceAuth) (*user.SaveServiceAuthResponse, error) {
	return nil, quoteAll(ctx, req)
}

// TestErrorLogNoSecrets: the handler's error log (WithErrorLog), the HTTP
// server's log and the faults sent never show the ticket, the application
// token or the passwords of a failed request, even when the server method
// quotes the request and its headers in its error; nor does the handler
// log anything of a malformed request.
func TestErrorLogNoSecrets(t *testing.T) {
	const (
		oldPW  = "SECRET-old-password"
		newPW  = "SECRET-new-password"
		authPW = "SECRET-service-password"
	)
	secrets := []string{secretTicket, secretToken, oldPW, newPW, authPW, "SECRET"}
	var mu sync.Mutex
	var logs bytes.Buffer
	w := lockedWriter{&mu, &logs}
	for _, details := range []bool{false, true} {
		for _, handler := range []slog.Handler{slog.NewTextHandler(w, nil), slog.NewJSONHandler(w, nil)} {
			opts := []soap.HandlerOption{soap.WithErrorLog(slog.New(handler))}
			if details {
				opts = append(opts, soap.WithErrorDetails())
			}
			addr := serveNewServer(t, user.NewUserHandler(secretUser{}, opts...), func(s *http.Server) {
				s.ErrorLog = log.New(w, "", 0)
			})
			c := user.NewUserClient(soap.NewClient("http://"+addr, soap.WithDefaultHeader(credentials())))
			var errs []error
			_, err := c.ChangePassword(testCtx(t), &user.ChangePassword{AssociateId: soap.Some[int32](7), OldPassword: soap.Some(oldPW), NewPassword: soap.Some(newPW)})
			errs = append(errs, err)
			_, err = c.SaveServiceAuth(testCtx(t), &user.SaveServiceAuth{ServiceAuth: soap.Some(&user.ServiceAuth{Username: soap.Some("svc"), Password: soap.Some(authPW)})})
			errs = append(errs, err)
			_, err = c.ChangePassword(testCtx(t), &user.ChangePassword{AssociateId: soap.Some[int32](666), OldPassword: soap.Some(oldPW), NewPassword: soap.Some(newPW)})
			errs = append(errs, err)
			for i, err := range errs {
				if err == nil {
					t.Fatalf("call %d succeeded", i)
				}
				var f *soap.Fault
				if i < 2 && (!errors.As(err, &f) || details != strings.Contains(f.Reason, "failed: ")) {
					t.Errorf("call %d (details %v): %v", i, details, err)
				}
				for _, s := range secrets {
					if strings.Contains(err.Error(), s) {
						t.Errorf("the client's error holds %q: %v", s, err)
					}
				}
			}
			// A malformed request with secrets in it is not logged.
			req, _ := http.NewRequestWithContext(testCtx(t), http.MethodPost, "http://"+addr, strings.NewReader(presenceEnvelope(soap.SOAP11,
				`<ApplicationToken xmlns="http://www.superoffice.net/ws/crm/NetServer/Services88">`+secretToken+`</ApplicationToken>`, `<AssociateId>`+secretTicket+`</AssociateId>`)))
			req.Header.Set("Content-Type", "text/xml")
			req.Header.Set("Authorization", "Bearer "+secretToken)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			faultOf(t, resp)
			resp.Body.Close()
		}
	}
	mu.Lock()
	out := logs.String()
	mu.Unlock()
	if !strings.Contains(out, "operation=ChangePassword") || !strings.Contains(out, `"operation":"SaveServiceAuth"`) || !strings.Contains(out, "panic serving") {
		t.Errorf("the log lacks the failures:\n%s", out)
	}
	if !strings.Contains(out, "OldPassword:<redacted>") || !strings.Contains(out, "Password:<redacted>") || !strings.Contains(out, "Ticket:<redacted>") {
		t.Errorf("the log lacks the redacted values:\n%s", out)
	}
	for _, s := range secrets {
		if strings.Contains(out, s) {
			t.Errorf("the log holds %q:\n%s", s, out)
		}
	}
}

type lockedWriter struct {
	mu *sync.Mutex
	w  *bytes.Buffer
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
