package soap_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/soapgen/soapgen/soap"
)

// echoServer serves Echo with serve.
func echoServer(t *testing.T, serve func(context.Context, *msg) (*msg, error), opts ...soap.HandlerOption) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(soap.NewHandler([]soap.ServerOperation{{OperationInfo: echoInfo(), Serve: soap.ServeFunc(serve)}}, opts...))
	t.Cleanup(srv.Close)
	return srv
}

// requestEnvelope encodes an Echo request.
func requestEnvelope(t *testing.T, v soap.Version, body *msg) []byte {
	t.Helper()
	c := soap.NewClient("http://unused", soap.WithVersion(v))
	op := echoInfo()
	b, err := c.EncodeRequest(&op.Operation, body)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestHandlerFaultMapping(t *testing.T) {
	appCode := soap.QName{Space: "urn:app", Local: "Denied"}
	for _, tc := range []struct {
		name       string
		err        error
		v          soap.Version
		status     int
		code       soap.QName
		subcodes   []soap.QName
		reason     string
		opts       []soap.HandlerOption
		notInFault string
	}{
		{"1.1 fault as is", &soap.Fault{Code: soap.ClientFaultCode(soap.SOAP11), Reason: "bad ticket", Actor: "urn:a"}, soap.SOAP11, 500, soap.ClientFaultCode(soap.SOAP11), nil, "bad ticket", nil, ""},
		{"1.1 code to 1.2", &soap.Fault{Code: soap.ClientFaultCode(soap.SOAP11), Reason: "bad ticket"}, soap.SOAP12, 400, soap.ClientFaultCode(soap.SOAP12), nil, "bad ticket", nil, ""},
		{"1.2 code to 1.1", &soap.Fault{Code: soap.ServerFaultCode(soap.SOAP12), Reason: "down"}, soap.SOAP11, 500, soap.ServerFaultCode(soap.SOAP11), nil, "down", nil, ""},
		{"wrapped fault", fmt.Errorf("layer: %w", &soap.Fault{Reason: "wrapped"}), soap.SOAP12, 500, soap.ServerFaultCode(soap.SOAP12), nil, "wrapped", nil, ""},
		{"app code 1.1", &soap.Fault{Code: appCode, Reason: "no"}, soap.SOAP11, 500, appCode, nil, "no", nil, ""},
		{"app code 1.2", &soap.Fault{Code: appCode, Reason: "no"}, soap.SOAP12, 500, soap.ServerFaultCode(soap.SOAP12), []soap.QName{appCode}, "no", nil, ""},
		{"status kept", &soap.Fault{Code: soap.ClientFaultCode(soap.SOAP11), Reason: "slow down", HTTPStatus: 429}, soap.SOAP11, 429, soap.ClientFaultCode(soap.SOAP11), nil, "slow down", nil, ""},
		{"other error hidden", errors.New("db: password=hunter2"), soap.SOAP11, 500, soap.ServerFaultCode(soap.SOAP11), nil, "internal error", nil, "hunter2"},
		{"other error hidden 1.2", errors.New("db: password=hunter2"), soap.SOAP12, 500, soap.ServerFaultCode(soap.SOAP12), nil, "internal error", nil, "hunter2"},
		{"WithErrorDetails", errors.New("db: down"), soap.SOAP12, 500, soap.ServerFaultCode(soap.SOAP12), nil, "db: down", []soap.HandlerOption{soap.WithErrorDetails()}, ""},
		{"not implemented", soap.NotImplemented("Echo"), soap.SOAP12, 500, soap.ServerFaultCode(soap.SOAP12), nil, "operation Echo is not implemented", nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := echoServer(t, func(context.Context, *msg) (*msg, error) { return nil, tc.err }, tc.opts...)
			_, _, err := call(testCtx(t), soap.NewClient(srv.URL, soap.WithVersion(tc.v)), &msg{})
			var f *soap.Fault
			if !errors.As(err, &f) {
				t.Fatalf("err = %v, want a fault", err)
			}
			if f.Version != tc.v || f.HTTPStatus != tc.status || f.Code != tc.code || f.Reason != tc.reason || fmt.Sprint(f.Subcodes) != fmt.Sprint(tc.subcodes) {
				t.Errorf("fault = %+v", f)
			}
			if tc.notInFault != "" && strings.Contains(err.Error(), tc.notInFault) {
				t.Errorf("the fault leaks %q: %v", tc.notInFault, err)
			}
		})
	}
}

func TestHandlerErrorLog(t *testing.T) {
	var buf bytes.Buffer
	var mu sync.Mutex
	log := slog.New(slog.NewTextHandler(lockedWriter{&mu, &buf}, nil))
	srv := echoServer(t, func(context.Context, *msg) (*msg, error) { return nil, errors.New("disk on fire") }, soap.WithErrorLog(log))
	if _, _, err := call(testCtx(t), soap.NewClient(srv.URL), &msg{}); err == nil {
		t.Fatal("no error")
	}
	mu.Lock()
	defer mu.Unlock()
	if !strings.Contains(buf.String(), "disk on fire") || !strings.Contains(buf.String(), "operation=Echo") {
		t.Errorf("log: %s", buf.String())
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

func TestHandlerRejects(t *testing.T) {
	srv := echoServer(t, func(_ context.Context, req *msg) (*msg, error) { return req, nil }, soap.WithMaxDepth(16), soap.WithMaxRequestSize(4096))
	ok11, ok12 := requestEnvelope(t, soap.SOAP11, &msg{Text: soap.Some("t")}), requestEnvelope(t, soap.SOAP12, &msg{Text: soap.Some("t")})
	// Unknown header entries are skipped, but not past the depth limit.
	deep := strings.Replace(string(ok11), "<s:Body>", "<s:Header>"+strings.Repeat("<x>", 20)+strings.Repeat("</x>", 20)+"</s:Header><s:Body>", 1)
	action11 := http.Header{"Soapaction": {`"urn:soapgen:test/Echo"`}}
	const ct12 = `application/soap+xml; charset=utf-8; action="urn:soapgen:test/Echo"`
	for _, tc := range []struct {
		name, ct string
		hdr      http.Header
		body     string
		status   int
		v        soap.Version
		code     string
		reason   string
	}{
		{"version mismatch", "text/xml", action11, string(ok12), 500, soap.SOAP11, "VersionMismatch", "SOAP 1.2 envelope"},
		{"too deep", "text/xml", action11, deep, 500, soap.SOAP11, "Client", "nested deeper than 16"},
		{"too deep without action", "text/xml", nil, deep, 500, soap.SOAP11, "Client", "nested deeper than 16"},
		{"DTD", "text/xml", action11, `<!DOCTYPE x [<!ENTITY a "aaaa">]>` + string(ok11), 500, soap.SOAP11, "Client", "DTD"},
		{"charset", "text/xml; charset=iso-8859-1", action11, string(ok11), 415, soap.SOAP11, "Client", "charset"},
		{"gzip request", "text/xml", http.Header{"Soapaction": {`"urn:soapgen:test/Echo"`}, "Content-Encoding": {"gzip"}}, string(ok11), 415, soap.SOAP11, "Client", "Content-Encoding"},
		{"wrong body for action", ct12, nil, strings.ReplaceAll(string(ok12), "Echo>", "Other>"), 400, soap.SOAP12, "Sender", "unexpected element"},
		{"no body element", ct12, nil, `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body/></s:Envelope>`, 400, soap.SOAP12, "Sender", "empty SOAP Body"},
		{"not an envelope", "application/soap+xml", nil, `<Echo xmlns="urn:soapgen:test"/>`, 400, soap.SOAP12, "Sender", "not a SOAP envelope"},
		{"unknown element without action", "application/soap+xml", nil, strings.ReplaceAll(string(ok12), "Echo>", "Other>"), 400, soap.SOAP12, "Sender", "no operation for the body element"},
		{"chunked too large", "text/xml", action11, string(ok11) + strings.Repeat(" ", 5000), 413, soap.SOAP11, "Client", "larger than 4096"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, _, f, v := post(t, srv, http.MethodPost, tc.ct, tc.hdr, []byte(tc.body))
			if status != tc.status || f == nil || v != tc.v || f.Code.Local != tc.code || !strings.Contains(f.Reason, tc.reason) {
				t.Errorf("status %d, version %v, fault %+v; want %d, %v, %s with %q", status, v, f, tc.status, tc.v, tc.code, tc.reason)
			}
		})
	}
	// Dispatch by body element when there is no action.
	for _, v := range []soap.Version{soap.SOAP11, soap.SOAP12} {
		status, _, f, _ := post(t, srv, http.MethodPost, contentType(v), nil, requestEnvelope(t, v, &msg{}))
		if status != 200 || f != nil {
			t.Errorf("%v without action: status %d, fault %v", v, status, f)
		}
	}
}

func TestHandlerOneWay(t *testing.T) {
	info := echoInfo()
	info.NewResponse, info.NewResponseHeader = nil, nil
	got := make(chan string, 1)
	srv := httptest.NewServer(soap.NewHandler([]soap.ServerOperation{{
		OperationInfo: info,
		Serve: soap.ServeOneWay(func(_ context.Context, req *msg) error {
			got <- req.Text.Value()
			return nil
		}),
	}}))
	defer srv.Close()
	status, _, f, _ := post(t, srv, http.MethodPost, "text/xml", nil, requestEnvelope(t, soap.SOAP11, &msg{Text: soap.Some("fire and forget")}))
	if status != http.StatusAccepted || f != nil {
		t.Errorf("status %d, fault %v", status, f)
	}
	if s := <-got; s != "fire and forget" {
		t.Errorf("got %q", s)
	}
}

func TestSetResponseHeaderChecks(t *testing.T) {
	if err := soap.SetResponseHeader(context.Background(), &hdr{}); !errors.Is(err, soap.ErrNotServing) {
		t.Errorf("outside a call: %v", err)
	}
	if soap.IncomingHeader(context.Background()) != nil || soap.OutgoingHeader(context.Background()) != nil {
		t.Error("headers outside a call")
	}
	errs := make(chan error, 1)
	srv := echoServer(t, func(ctx context.Context, _ *msg) (*msg, error) {
		errs <- soap.SetResponseHeader(ctx, &otherHdr{})
		return &msg{}, nil
	})
	if _, _, err := call(testCtx(t), soap.NewClient(srv.URL), &msg{}); err != nil {
		t.Fatal(err)
	}
	if err := <-errs; err == nil || !strings.Contains(err.Error(), "not *soap_test.otherHdr") {
		t.Errorf("wrong header type: %v", err)
	}
}

// TestHandlerConcurrent runs calls in parallel (run with -race).
func TestHandlerConcurrent(t *testing.T) {
	srv := echoServer(t, func(ctx context.Context, req *msg) (*msg, error) {
		in := soap.IncomingHeader(ctx).(*hdr)
		if err := soap.SetResponseHeader(ctx, in); err != nil {
			return nil, err
		}
		return req, nil
	})
	c := soap.NewClient(srv.URL)
	var wg sync.WaitGroup
	for i := range 32 {
		wg.Go(func() {
			want := fmt.Sprint(i)
			var rh hdr
			resp, _, err := call(testCtx(t), c, &msg{Text: soap.Some(want)}, soap.WithHeader(&hdr{Ticket: soap.Some(want)}), soap.ResponseHeader(&rh))
			if err != nil || resp.Text.Value() != want || rh.Ticket.Value() != want {
				t.Errorf("call %d: %v %v %v", i, resp.Text, rh.Ticket, err)
			}
		})
	}
	wg.Wait()
}
