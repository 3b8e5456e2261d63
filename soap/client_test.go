package soap_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/soapgen/soapgen/soap"
)

func TestClientRequestHeaders(t *testing.T) {
	for _, tc := range []struct {
		v              soap.Version
		ct, soapAction string
	}{
		{soap.SOAP11, "text/xml; charset=utf-8", `"urn:soapgen:test/Echo"`},
		{soap.SOAP12, `application/soap+xml; charset=utf-8; action="urn:soapgen:test/Echo"`, ""},
	} {
		t.Run(tc.v.String(), func(t *testing.T) {
			var got *http.Request
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				got = r.Clone(context.Background())
				w.Header().Set("Content-Type", contentType(tc.v))
				w.Write(envelope(t, tc.v, nil, &msg{Text: soap.Some("ok")}))
			}))
			defer srv.Close()
			c := soap.NewClient(srv.URL, soap.WithVersion(tc.v))
			if _, _, err := call(testCtx(t), c, &msg{}); err != nil {
				t.Fatal(err)
			}
			if got.Method != http.MethodPost || got.Header.Get("Content-Type") != tc.ct || got.Header.Get("SOAPAction") != tc.soapAction {
				t.Errorf("%s, Content-Type %q, SOAPAction %q", got.Method, got.Header.Get("Content-Type"), got.Header.Get("SOAPAction"))
			}
			if ua := got.Header.Get("User-Agent"); ua != "soapgen/"+soap.RuntimeVersion {
				t.Errorf("User-Agent = %q", ua)
			}
			if ae := got.Header.Get("Accept-Encoding"); ae != "gzip" {
				t.Errorf("Accept-Encoding = %q", ae)
			}
			if got.Close || got.Header.Get("Connection") != "" {
				t.Errorf("the request asks to close the connection")
			}
		})
	}
}

// TestClientBase64 round-trips binary data through a handler.
func TestClientBase64(t *testing.T) {
	data := []byte{0, 1, 2, 0xfe, 0xff, '<', '&'}
	srv := httptest.NewServer(soap.NewHandler([]soap.ServerOperation{{
		OperationInfo: echoInfo(),
		Serve: soap.ServeFunc(func(_ context.Context, req *msg) (*msg, error) {
			return &msg{Data: append(req.Data, 42)}, nil
		}),
	}}))
	defer srv.Close()
	resp, _, err := call(testCtx(t), soap.NewClient(srv.URL), &msg{Data: data})
	if err != nil {
		t.Fatal(err)
	}
	if want := append(data, 42); !bytes.Equal(resp.Data, want) {
		t.Errorf("Data = %v, want %v", resp.Data, want)
	}
	resp, _, err = call(testCtx(t), soap.NewClient(srv.URL), &msg{Data: []byte{}})
	if err != nil || !bytes.Equal(resp.Data, []byte{42}) {
		t.Errorf("empty Data: %v, %v", resp.Data, err)
	}
}

func gzipBytes(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestClientGzipAndSizeLimit(t *testing.T) {
	big := strings.Repeat("x", 1<<20)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		text := "small"
		if r.URL.Query().Has("big") {
			text = big
		}
		body := envelope(t, soap.SOAP11, nil, &msg{Text: soap.Some(text)})
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		if r.URL.Query().Has("plain") {
			w.Write(body)
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(gzipBytes(t, body))
	}))
	defer srv.Close()

	resp, _, err := call(testCtx(t), soap.NewClient(srv.URL), &msg{})
	if err != nil || resp.Text.Value() != "small" {
		t.Fatalf("gzip response: %v, %v", resp.Text, err)
	}
	resp, _, err = call(testCtx(t), soap.NewClient(srv.URL+"?big"), &msg{})
	if err != nil || resp.Text.Value() != big {
		t.Fatalf("big gzip response within the default limit: %v", err)
	}
	// 1 MiB compresses to a few KiB: the limit counts decompressed bytes.
	for _, q := range []string{"?big", "?big&plain"} {
		_, _, err = call(testCtx(t), soap.NewClient(srv.URL+q, soap.WithMaxResponseSize(64<<10)), &msg{})
		if !errors.Is(err, soap.ErrResponseTooLarge) {
			t.Errorf("%s: err = %v, want ErrResponseTooLarge", q, err)
		}
	}
}

func TestClientConnectionReuse(t *testing.T) {
	var conns atomic.Int32
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		switch {
		case bytes.Contains(body, []byte(">fault<")):
			w.Header().Set("Content-Type", "text/xml; charset=utf-8")
			w.WriteHeader(500)
			io.WriteString(w, `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Server</faultcode><faultstring>no</faultstring></s:Fault></s:Body></s:Envelope>`)
		case bytes.Contains(body, []byte(">html<")):
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(502)
			io.WriteString(w, "<html><body>"+strings.Repeat("Bad Gateway ", 1000)+"</body></html>")
		default:
			w.Header().Set("Content-Type", "text/xml; charset=utf-8")
			w.Write(envelope(t, soap.SOAP11, nil, &msg{}))
		}
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()
	c := soap.NewClient(srv.URL)
	for _, answer := range []string{"ok", "fault", "html", "ok", "fault", "ok"} {
		_, _, err := call(testCtx(t), c, &msg{Text: soap.Some(answer)})
		if (answer == "ok") != (err == nil) {
			t.Fatalf("%s: err = %v", answer, err)
		}
	}
	if n := conns.Load(); n != 1 {
		t.Errorf("%d connections for 6 sequential calls, want 1", n)
	}
}

func TestClientRedirectsRefused(t *testing.T) {
	var leaked atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		leaked.Add(1)
	}))
	defer other.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+"/elsewhere", http.StatusTemporaryRedirect)
	}))
	defer srv.Close()
	for name, c := range map[string]*soap.Client{
		"default":         soap.NewClient(srv.URL),
		"own http.Client": soap.NewClient(srv.URL, soap.WithHTTPClient(&http.Client{Timeout: 10 * time.Second})),
	} {
		_, _, err := call(testCtx(t), c, &msg{}, soap.WithHeader(&hdr{Ticket: soap.Some("secret")}))
		var he *soap.HTTPError
		if !errors.As(err, &he) || he.StatusCode != http.StatusTemporaryRedirect || he.Location != other.URL+"/elsewhere" {
			t.Errorf("%s: err = %v, want an *HTTPError for the 307", name, err)
		}
	}
	if n := leaked.Load(); n != 0 {
		t.Errorf("the request was sent on to the redirect target %d times", n)
	}
}

func TestClientOwnHTTPClient(t *testing.T) {
	var used atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/xml")
		w.Write(envelope(t, soap.SOAP11, nil, &msg{}))
	}))
	defer srv.Close()
	hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		used.Add(1)
		return srv.Client().Transport.RoundTrip(r)
	})}
	if _, _, err := call(testCtx(t), soap.NewClient(srv.URL, soap.WithHTTPClient(hc)), &msg{}); err != nil {
		t.Fatal(err)
	}
	if used.Load() != 1 {
		t.Error("the caller's http.Client was not used")
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// blockingServer answers only when the request's context is done (or
// after 10 seconds, to bound the test); served reports each end. It reads
// the request first: net/http notices a closed connection only then.
func blockingServer(t *testing.T) (*httptest.Server, <-chan struct{}) {
	served := make(chan struct{}, 10)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
		served <- struct{}{}
	}))
	t.Cleanup(srv.Close)
	return srv, served
}

func TestClientContext(t *testing.T) {
	srv, served := blockingServer(t)
	check := func(name string, err error, want error) {
		t.Helper()
		if !errors.Is(err, want) {
			t.Errorf("%s: err = %v, want %v", name, err, want)
		}
		select {
		case <-served:
		case <-time.After(time.Minute):
			t.Errorf("%s: the server's request context was not cancelled", name)
		}
	}

	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, _, err := call(ctx, soap.NewClient(srv.URL), &msg{})
	check("deadline", err, context.DeadlineExceeded)

	ctx, cancel = context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	_, _, err = call(ctx, soap.NewClient(srv.URL), &msg{})
	check("cancel", err, context.Canceled)

	// Without a deadline in the context, the client's timeout applies.
	_, _, err = call(context.Background(), soap.NewClient(srv.URL, soap.WithTimeout(100*time.Millisecond)), &msg{})
	check("WithTimeout", err, context.DeadlineExceeded)
}

func TestClientFaults(t *testing.T) {
	for _, tc := range []struct {
		name, ct, body string
		want           soap.Fault
	}{
		{"1.1", "text/xml; charset=utf-8",
			`<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring xml:lang="en">Bad ticket</faultstring><faultactor>urn:gateway</faultactor><detail><Why xmlns="urn:app">expired</Why></detail></s:Fault></s:Body></s:Envelope>`,
			soap.Fault{Version: soap.SOAP11, Code: soap.QName{Space: soap.NSSOAP11Envelope, Local: "Client"}, Reason: "Bad ticket", Actor: "urn:gateway"}},
		{"1.2", "application/soap+xml; charset=utf-8",
			`<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"><e:Body><e:Fault><e:Code><e:Value>e:Sender</e:Value><e:Subcode><e:Value xmlns:a="urn:app">a:Expired</e:Value></e:Subcode></e:Code><e:Reason><e:Text xml:lang="en">Bad ticket</e:Text></e:Reason><e:Node>urn:gateway</e:Node><e:Role>urn:role</e:Role><e:Detail><Why xmlns="urn:app">expired</Why></e:Detail></e:Fault></e:Body></e:Envelope>`,
			soap.Fault{Version: soap.SOAP12, Code: soap.QName{Space: soap.NSSOAP12Envelope, Local: "Sender"}, Subcodes: []soap.QName{{Space: "urn:app", Local: "Expired"}}, Reason: "Bad ticket", Actor: "urn:gateway", Role: "urn:role"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", tc.ct)
				w.WriteHeader(500)
				io.WriteString(w, tc.body)
			}))
			defer srv.Close()
			_, _, err := call(testCtx(t), soap.NewClient(srv.URL), &msg{})
			var f *soap.Fault
			if !errors.As(err, &f) {
				t.Fatalf("err = %v, want *soap.Fault", err)
			}
			if f.Version != tc.want.Version || f.Code != tc.want.Code || f.Reason != tc.want.Reason || f.Actor != tc.want.Actor || f.Role != tc.want.Role || f.HTTPStatus != 500 {
				t.Errorf("fault = %+v", f)
			}
			if len(f.Subcodes) != len(tc.want.Subcodes) || len(f.Subcodes) > 0 && f.Subcodes[0] != tc.want.Subcodes[0] {
				t.Errorf("subcodes = %v", f.Subcodes)
			}
			if f.Detail == nil || len(f.Detail.Children) != 1 || f.Detail.Children[0].Name != (soap.QName{Space: "urn:app", Local: "Why"}) || f.Detail.Children[0].Text != "expired" {
				t.Errorf("detail = %+v", f.Detail)
			}
		})
	}
}

func TestClientHTTPError(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusBadGateway)
		io.WriteString(w, "<html><body><h1>502 Bad Gateway</h1>"+strings.Repeat("padding ", 100)+"</body></html>")
	}))
	defer srv.Close()
	_, _, err := call(testCtx(t), soap.NewClient(srv.URL), &msg{})
	var he *soap.HTTPError
	if !errors.As(err, &he) {
		t.Fatalf("err = %v, want *soap.HTTPError", err)
	}
	if he.StatusCode != 502 || !strings.Contains(he.Excerpt, "502 Bad Gateway") || len(he.Excerpt) > 210 {
		t.Errorf("HTTPError = %+v", he)
	}
	if !strings.Contains(err.Error(), "HTTP 502") {
		t.Errorf("Error() = %q", err)
	}
}

func TestClientHeaders(t *testing.T) {
	srv := httptest.NewServer(soap.NewHandler([]soap.ServerOperation{{
		OperationInfo: echoInfo(),
		Serve: soap.ServeFunc(func(ctx context.Context, req *msg) (*msg, error) {
			in := soap.IncomingHeader(ctx).(*hdr)
			ticket := "<none>"
			if v, ok := in.Ticket.Get(); ok {
				ticket = v
			}
			if err := soap.SetResponseHeader(ctx, &hdr{Ticket: soap.Some("re:" + ticket)}); err != nil {
				return nil, err
			}
			return &msg{Text: soap.Some(ticket)}, nil
		}),
	}}))
	defer srv.Close()
	c := soap.NewClient(srv.URL, soap.WithDefaultHeader(&hdr{Ticket: soap.Some("default")}))
	for _, tc := range []struct {
		name string
		opts []soap.CallOption
		want string
	}{
		{"default", nil, "default"},
		{"override", []soap.CallOption{soap.WithHeader(&hdr{Ticket: soap.Some("per-call")})}, "per-call"},
		{"none", []soap.CallOption{soap.WithHeader(nil)}, "<none>"},
		{"typed nil", []soap.CallOption{soap.WithHeader((*hdr)(nil))}, "<none>"},
		{"default again", nil, "default"},
	} {
		var rh hdr
		resp, _, err := call(testCtx(t), c, &msg{}, append(tc.opts, soap.ResponseHeader(&rh))...)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got := resp.Text.Value(); got != tc.want {
			t.Errorf("%s: server saw ticket %q, want %q", tc.name, got, tc.want)
		}
		if got := rh.Ticket.Value(); got != "re:"+tc.want {
			t.Errorf("%s: response header ticket %q", tc.name, got)
		}
	}
	// A ResponseHeader destination of the wrong type is an error.
	var wrong otherHdr
	if _, _, err := call(testCtx(t), c, &msg{}, soap.ResponseHeader(&wrong)); err == nil || !strings.Contains(err.Error(), "does not match") {
		t.Errorf("wrong ResponseHeader type: err = %v", err)
	}
}

// TestClientActionQuoted: an action holding '"' or '\' is sent as an RFC
// 9110 quoted-string, in the SOAP 1.1 SOAPAction header and in the SOAP
// 1.2 Content-Type's action parameter, and the Handler reads it back
// (it dispatches by action: an action it did not read back exactly would
// be refused as unknown); control characters are refused before sending.
func TestClientActionQuoted(t *testing.T) {
	const action = `urn:a"b\c;d=e f`
	info := echoInfo()
	info.Action = action
	h := soap.NewHandler([]soap.ServerOperation{{OperationInfo: info, Serve: soap.ServeFunc(func(_ context.Context, req *msg) (*msg, error) { return req, nil })}})
	var got atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got.Store(r.Header.Clone())
		h.ServeHTTP(w, r)
	}))
	defer srv.Close()
	for _, tc := range []struct {
		v            soap.Version
		header, want string
	}{
		{soap.SOAP11, "SOAPAction", `"urn:a\"b\\c;d=e f"`},
		{soap.SOAP12, "Content-Type", `application/soap+xml; charset=utf-8; action="urn:a\"b\\c;d=e f"`},
	} {
		t.Run(tc.v.String(), func(t *testing.T) {
			resp := new(msg)
			err := soap.NewClient(srv.URL, soap.WithVersion(tc.v)).Call(testCtx(t), &info.Operation, &msg{Text: soap.Some("x")}, nil, resp)
			if err != nil || resp.Text.Value() != "x" {
				t.Fatalf("err = %v, resp %+v", err, resp)
			}
			if v := got.Load().(http.Header).Get(tc.header); v != tc.want {
				t.Errorf("%s = %s, want %s", tc.header, v, tc.want)
			}
		})
	}
	var hits atomic.Int32
	count := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { hits.Add(1) }))
	defer count.Close()
	for _, bad := range []string{"urn:a\r\nX-Injected: 1", "urn:\x00", "urn:\x7f"} {
		info.Action = bad
		err := soap.NewClient(count.URL, soap.WithVersion(soap.SOAP12)).Call(testCtx(t), &info.Operation, &msg{}, nil, new(msg))
		if err == nil || !strings.Contains(err.Error(), "control character") {
			t.Errorf("action %q: err = %v", bad, err)
		}
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("%d requests with control characters were sent", n)
	}
}
