package otel_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"

	"github.com/soapgen/soapgen/examples/otel"
	"github.com/soapgen/soapgen/generated/services88/user"
	"github.com/soapgen/soapgen/soap"
)

// presence serves SetUserPresenceStatus, refusing associate 13.
type presence struct{ user.UnimplementedUserServer }

func (presence) SetUserPresenceStatus(_ context.Context, req *user.SetUserPresenceStatus) (*user.SetUserPresenceStatusResponse, error) {
	if req.AssociateId.Value() == 13 {
		return nil, &soap.Fault{Code: soap.ClientFaultCode(soap.SOAP11), Reason: "associate 13 is locked"}
	}
	return &user.SetUserPresenceStatusResponse{}, nil
}

// TestSpans: one call gives the client's operation span, otelhttp's client
// and server spans below it, and the server's operation span below those,
// all in one trace; a fault marks both operation spans as errors.
func TestSpans(t *testing.T) {
	exp := tracetest.NewInMemoryExporter()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSyncer(exp))
	t.Cleanup(func() { tp.Shutdown(context.Background()) })
	prop := propagation.TraceContext{}

	h := user.NewUserHandler(presence{}, soap.WithServerInterceptors(otel.ServerInterceptor(tp)))
	srv := httptest.NewServer(otelhttp.NewHandler(h, "User", otelhttp.WithTracerProvider(tp), otelhttp.WithPropagators(prop)))
	t.Cleanup(srv.Close)
	transport := otelhttp.NewTransport(soap.NewTransport(0), otelhttp.WithTracerProvider(tp), otelhttp.WithPropagators(prop))
	s, err := soap.NewSession(srv.URL+"/", soap.WithHTTPClient(&http.Client{Transport: transport}), soap.WithInterceptors(otel.ClientInterceptor(tp)))
	if err != nil {
		t.Fatal(err)
	}
	c := user.NewUserClient(s)

	if _, err := c.SetUserPresenceStatus(context.Background(), &user.SetUserPresenceStatus{AssociateId: soap.Some[int32](5)}); err != nil {
		t.Fatal(err)
	}
	spans := exp.GetSpans()
	byName := map[string]tracetest.SpanStub{}
	for _, sp := range spans {
		byName[sp.SpanKind.String()+" "+sp.Name] = sp
	}
	clientOp, ok1 := byName["client soap SetUserPresenceStatus"]
	serverOp, ok2 := byName["server soap SetUserPresenceStatus"]
	if !ok1 || !ok2 || len(spans) != 4 {
		t.Fatalf("spans: %v", names(spans))
	}
	if clientOp.SpanContext.TraceID() != serverOp.SpanContext.TraceID() {
		t.Error("the server's span is in another trace: the context did not propagate")
	}
	// The chain: client op → HTTP client → HTTP server → server op.
	parent := map[trace.SpanID]trace.SpanID{}
	for _, sp := range spans {
		parent[sp.SpanContext.SpanID()] = sp.Parent.SpanID()
	}
	hops, id := 0, serverOp.SpanContext.SpanID()
	for id != clientOp.SpanContext.SpanID() && hops < 4 {
		id = parent[id]
		hops++
	}
	if hops != 3 {
		t.Errorf("the server's span is %d spans below the client's, want 3: %v", hops, names(spans))
	}

	exp.Reset()
	_, err = c.SetUserPresenceStatus(context.Background(), &user.SetUserPresenceStatus{AssociateId: soap.Some[int32](13)})
	var f *soap.Fault
	if !errors.As(err, &f) {
		t.Fatalf("err = %v, want the fault", err)
	}
	for _, sp := range exp.GetSpans() {
		if sp.Name == "soap SetUserPresenceStatus" && sp.Status.Code != codes.Error {
			t.Errorf("%s span of the failed call has status %v", sp.SpanKind, sp.Status)
		}
	}
}

func names(spans tracetest.SpanStubs) []string {
	var out []string
	for _, sp := range spans {
		out = append(out, sp.SpanKind.String()+" "+sp.Name)
	}
	return out
}
