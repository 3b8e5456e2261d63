package soap

import (
	"context"
	"net/url"
	"reflect"
)

// Call is one call as interceptors see it. Client.Call makes it from its
// arguments; an interceptor may change its fields before passing it on.
type Call struct {
	Operation *Operation
	Request   Marshaler
	// Header is the request's SOAP headers: the call's WithHeader, else the
	// client's WithDefaultHeader. An interceptor may replace it (nil sends
	// none), for example with renewed credentials before a retry.
	Header HeaderMarshaler
	// ResponseHeader is where the response's SOAP headers are decoded; nil
	// when the operation has none.
	ResponseHeader HeaderUnmarshaler
	// Response is where the response body is decoded; nil for a one-way
	// operation.
	Response Unmarshaler
	// URL is the endpoint, with any password replaced by "xxxxx" (empty if
	// it does not parse), for logs and metrics. The request goes to the
	// client's URL whatever an interceptor sets here.
	URL string

	state *callState // what the last attempt decoded, for ResponseHeader options
}

// callState records what the innermost invoker did last, for the
// ResponseHeader options of Client.Call. It is shared by copies of a Call.
type callState struct {
	read   bool              // the last attempt read a response envelope
	header HeaderUnmarshaler // and decoded its headers here
}

// Invoker sends a call and decodes its response: the next interceptor, or
// the client's own sending, encoding the request with call.Header, posting
// it, and decoding into call.ResponseHeader and call.Response. Before it
// sends, it resets *call.ResponseHeader and *call.Response to their zero
// values, so that an attempt never leaves anything of an earlier one. Its
// errors are those Client.Call documents: *Fault, *HTTPError, the error of
// a response header reporting failure, and others.
type Invoker func(ctx context.Context, call *Call) error

// Interceptor wraps the sending of a call: it may inspect or change call,
// call next zero or more times (for example once more after renewing
// expired credentials), and inspect or replace the error. It must be safe
// for concurrent use.
type Interceptor func(ctx context.Context, call *Call, next Invoker) error

// WithInterceptors adds interceptors around every call of the client; the
// first given is the outermost, and interceptors given by an earlier
// WithInterceptors are outside those of a later one. Nil interceptors are
// ignored.
func WithInterceptors(ics ...Interceptor) ClientOption {
	return func(c *Client) {
		for _, ic := range ics {
			if ic != nil {
				// Copied on write, so that clients sharing the slice never
				// see each other's appends.
				c.interceptors = append(c.interceptors[:len(c.interceptors):len(c.interceptors)], ic)
			}
		}
	}
}

// chain returns inner wrapped in ics, ics[0] outermost.
func chain(ics []Interceptor, inner Invoker) Invoker {
	next := inner
	for i := len(ics) - 1; i >= 0; i-- {
		ic, n := ics[i], next
		next = func(ctx context.Context, call *Call) error { return ic(ctx, call, n) }
	}
	return next
}

// resetValue sets *v to its zero value when v is a non-nil pointer, as
// generated messages and headers are.
func resetValue(v any) {
	if v == nil {
		return
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer && !rv.IsNil() {
		rv.Elem().SetZero()
	}
}

// redactURL returns s with any password replaced by "xxxxx", or "" if s
// does not parse.
func redactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return ""
	}
	return u.Redacted()
}
