package soap_test

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/soapgen/soapgen/soap"
)

// checkNoLeak waits (up to 5 s) until no more goroutines run than before,
// and fails with their stacks if some stay.
func checkNoLeak(t *testing.T, before int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		n := runtime.NumGoroutine()
		if n <= before {
			return
		}
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			buf = buf[:runtime.Stack(buf, true)]
			t.Errorf("%d goroutines left, %d before:\n%s", n, before, buf)
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestClientNoGoroutineLeak makes calls that succeed, fail with a fault,
// are cancelled, time out, or hit the size limit; once the server and the
// clients' idle connections are closed, no goroutine is left.
func TestClientNoGoroutineLeak(t *testing.T) {
	before := runtime.NumGoroutine()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		switch {
		case strings.Contains(string(body), ">fault<"):
			w.WriteHeader(500)
			io.WriteString(w, `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Server</faultcode><faultstring>no</faultstring></s:Fault></s:Body></s:Envelope>`)
		case strings.Contains(string(body), ">block<"):
			select {
			case <-r.Context().Done():
			case <-time.After(10 * time.Second):
			}
		case strings.Contains(string(body), ">large<"):
			io.WriteString(w, echoResponseStart)
			chunk := []byte(strings.Repeat("large ", 10000))
			for range 10000 { // 600 MB at most
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		default:
			w.Write(envelope(t, soap.SOAP11, nil, &msg{Text: soap.Some("ok")}))
		}
	}))
	clients := []*soap.Client{
		soap.NewClient(srv.URL),
		soap.NewClient(srv.URL, soap.WithMaxResponseSize(1<<20)),
		soap.NewClient(srv.URL, soap.WithTimeout(100*time.Millisecond)),
	}
	for _, c := range clients {
		for _, tc := range []struct {
			text string
			ok   bool
		}{{"ok", true}, {"fault", false}, {"block", false}, {"large", false}, {"ok", true}} {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			if tc.text == "block" {
				time.AfterFunc(50*time.Millisecond, cancel)
			}
			_, _, err := call(ctx, c, &msg{Text: soap.Some(tc.text)})
			cancel()
			if (err == nil) != tc.ok {
				t.Errorf("%s: err = %v", tc.text, err)
			}
		}
	}
	for _, c := range clients {
		c.CloseIdleConnections()
	}
	srv.Close()
	checkNoLeak(t, before)
}

// TestServerNoGoroutineLeak serves, through NewServer on loopback,
// requests that succeed, fail, are too large, are cut off by the header
// timeout, or whose client goes away while the method runs; after
// Shutdown no goroutine is left.
func TestServerNoGoroutineLeak(t *testing.T) {
	before := runtime.NumGoroutine()
	started := make(chan struct{}, 1)
	h := soap.NewHandler([]soap.ServerOperation{{
		OperationInfo: echoInfo(),
		Serve: soap.ServeFunc(func(ctx context.Context, req *msg) (*msg, error) {
			switch req.Text.Value() {
			case "fail":
				return nil, errors.New("failed")
			case "block":
				started <- struct{}{}
				<-ctx.Done()
				return nil, ctx.Err()
			}
			return req, nil
		}),
	}}, soap.WithMaxRequestSize(1<<20))
	srv := soap.NewServer("127.0.0.1:0", h)
	srv.ReadHeaderTimeout = 200 * time.Millisecond
	ln, err := net.Listen("tcp", srv.Addr)
	if err != nil {
		t.Fatal(err)
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	url := "http://" + ln.Addr().String()

	c := soap.NewClient(url)
	for _, text := range []string{"ok", "fail", strings.Repeat("x", 2<<20), "ok"} {
		_, _, err := call(testCtx(t), c, &msg{Text: soap.Some(text)})
		if (err == nil) != (text == "ok") {
			t.Errorf("%.10s: err = %v", text, err)
		}
	}
	// The client goes away while the method runs.
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-started
		cancel()
	}()
	if _, _, err := call(ctx, c, &msg{Text: soap.Some("block")}); !errors.Is(err, context.Canceled) {
		t.Errorf("block: err = %v", err)
	}
	// Malformed requests, and a client that sends half its headers.
	for _, raw := range []string{
		"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nContent-Length: 5\r\n\r\n<oops",
		"GARBAGE\r\n\r\n",
		"POST / HTTP/1.1\r\nHost: x\r\nContent-Ty",
	} {
		conn, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		conn.SetDeadline(time.Now().Add(5 * time.Second))
		io.WriteString(conn, raw)
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err == nil {
			resp.Body.Close()
		}
		conn.Close()
	}
	c.CloseIdleConnections()
	sctx, scancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer scancel()
	if err := srv.Shutdown(sctx); err != nil {
		t.Errorf("Shutdown: %v", err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		t.Errorf("Serve: %v", err)
	}
	checkNoLeak(t, before)
}

// TestServerTimeouts checks what NewServer's read timeouts do, as the
// README's Security table says: a client that does not send its headers
// in time is hung up on, without an answer (net/http replies nothing to a
// read that timed out; it answers 400 only when what arrived is malformed,
// e.g. a line cut short, which is not the timeout's doing); a client whose
// body does not arrive in time gets a 400 with a Fault.
func TestServerTimeouts(t *testing.T) {
	h := soap.NewHandler([]soap.ServerOperation{{
		OperationInfo: echoInfo(),
		Serve:         soap.ServeFunc(func(ctx context.Context, req *msg) (*msg, error) { return req, nil }),
	}})
	srv := soap.NewServer("127.0.0.1:0", h)
	srv.ReadHeaderTimeout = 200 * time.Millisecond
	srv.ReadTimeout = 400 * time.Millisecond
	ln, err := net.Listen("tcp", srv.Addr)
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	// send writes raw, then waits (at most 5 s) for the server's answer
	// and for it to close the connection.
	send := func(raw string) (string, time.Duration) {
		conn, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		conn.SetDeadline(time.Now().Add(5 * time.Second))
		start := time.Now()
		if _, err := io.WriteString(conn, raw); err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(conn)
		if err != nil {
			t.Fatalf("reading the answer to %.30q: %v (the server did not hang up)", raw, err)
		}
		return string(got), time.Since(start)
	}
	for _, raw := range []string{"", "POST / HTTP/1.1\r\n", "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\n"} {
		if got, took := send(raw); got != "" || took < 150*time.Millisecond {
			t.Errorf("headers %q, then nothing: after %v the server answered %q, want it to hang up without an answer after the header timeout", raw, took, got)
		}
	}
	got, took := send("POST / HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nContent-Length: 500\r\n\r\n<Envelope")
	if !strings.HasPrefix(got, "HTTP/1.1 400 ") || !strings.Contains(got, "Fault") || took < 300*time.Millisecond {
		t.Errorf("body cut off: after %v the server answered %q, want a 400 with a Fault after the read timeout", took, got)
	}
}
