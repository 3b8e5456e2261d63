// Package otel shows how OpenTelemetry plugs into the soap runtime without
// the runtime depending on it: a client interceptor and a server
// interceptor that make one span per SOAP operation, and otelhttp around
// the transport the runtime exports (soap.NewTransport), so that the HTTP
// spans and the trace context headers come from otelhttp itself.
//
//	tp := sdktrace.NewTracerProvider(...)
//	s, _ := netserver.NewSession(ctx, base, netserver.WithSOAPOptions(
//		soap.WithHTTPClient(&http.Client{Transport: otel.Transport(tp)}),
//		soap.WithInterceptors(otel.ClientInterceptor(tp)),
//	))
//	h := otelhttp.NewHandler(user.NewUserHandler(impl, soap.WithServerInterceptors(otel.ServerInterceptor(tp))), "User")
package otel

import (
	"context"
	"errors"
	"net/http"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"

	"github.com/soapgen/soapgen/soap"
)

// instrumentation names the spans' instrumentation scope.
const instrumentation = "github.com/soapgen/soapgen/examples/otel"

// Transport returns the soap runtime's tuned transport wrapped by otelhttp:
// one client span per HTTP request, and the trace context in its headers.
func Transport(tp trace.TracerProvider) http.RoundTripper {
	return otelhttp.NewTransport(soap.NewTransport(time.Minute), otelhttp.WithTracerProvider(tp))
}

// ClientInterceptor returns an interceptor that wraps each call in a client
// span named after the operation, with its endpoint, and the error (its
// SOAP fault code, if a fault) recorded. Retries (a renewed ticket) are
// HTTP spans below it.
func ClientInterceptor(tp trace.TracerProvider) soap.Interceptor {
	tracer := tp.Tracer(instrumentation)
	return func(ctx context.Context, call *soap.Call, next soap.Invoker) error {
		ctx, span := tracer.Start(ctx, "soap "+call.Operation.Name, trace.WithSpanKind(trace.SpanKindClient),
			trace.WithAttributes(
				attribute.String("rpc.system", "soap"),
				attribute.String("rpc.method", call.Operation.Name),
				attribute.String("soap.action", call.Operation.Action),
				attribute.String("url.full", call.URL),
			))
		defer span.End()
		err := next(ctx, call)
		record(span, err)
		return err
	}
}

// ServerInterceptor returns an interceptor that wraps each call a handler
// serves in a server span named after the operation: a child of the
// otelhttp handler's span, when the handler is wrapped in one.
func ServerInterceptor(tp trace.TracerProvider) soap.ServerInterceptor {
	tracer := tp.Tracer(instrumentation)
	return func(ctx context.Context, call *soap.ServerCall, next soap.ServerInvoker) (soap.Body, error) {
		ctx, span := tracer.Start(ctx, "soap "+call.Operation.Name, trace.WithSpanKind(trace.SpanKindServer),
			trace.WithAttributes(
				attribute.String("rpc.system", "soap"),
				attribute.String("rpc.method", call.Operation.Name),
				attribute.String("soap.version", call.Version.String()),
			))
		defer span.End()
		resp, err := next(ctx, call)
		record(span, err)
		return resp, err
	}
}

// record marks a failed span.
func record(span trace.Span, err error) {
	if err == nil {
		return
	}
	var f *soap.Fault
	if errors.As(err, &f) {
		span.SetAttributes(attribute.String("soap.fault.code", f.Code.Local))
	}
	span.RecordError(err)
	span.SetStatus(codes.Error, err.Error())
}
