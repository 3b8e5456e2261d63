package soap

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// DefaultMaxRequestSize limits the bytes a Handler reads of a request body.
const DefaultMaxRequestSize = 64 << 20

// NewServer returns an HTTP server serving h (a Handler, or a mux of
// them) on addr, with the timeouts and limits a server facing untrusted
// clients needs; http.Server's zero value has none, so that one client
// sending slowly can hold a connection and a goroutine forever:
//
//   - ReadHeaderTimeout 10 s: a client must send its request line and
//     headers within 10 s, or its connection is closed (slowloris);
//   - ReadTimeout 1 min: the whole request, body included, within a
//     minute; a body that does not arrive in time is answered with 400
//     and a Fault, and the connection is closed;
//   - WriteTimeout 2 min: from the end of the request's headers to the end
//     of the response, the server method's time included; it does not
//     stop the method (the request's context ends when the client goes
//     away), but a response not written by then is cut off;
//   - IdleTimeout 2 min: keep-alive connections idle longer are closed;
//   - MaxHeaderBytes 64 KiB: larger request headers are answered with 431.
//
// The body's size and nesting are the Handler's limits (WithMaxRequestSize,
// WithMaxDepth). Change the fields before serving if they do not suit,
// e.g. a longer WriteTimeout for slow operations; serve with
// ListenAndServe, ListenAndServeTLS or Serve, and stop with Shutdown.
func NewServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
}

// ServerOperation is one operation a Handler serves. Generated
// New<PortType>Handler functions build them from the operations'
// OperationInfo and the methods of a <PortType>Server.
type ServerOperation struct {
	OperationInfo
	// Serve calls the implementation with the decoded request, a value made
	// by NewRequest, and returns the response to encode; a nil response is
	// sent as an empty response element. For a one-way operation
	// (NewResponse is nil) the response is ignored. See ServeFunc.
	Serve func(ctx context.Context, req Body) (Body, error)
	// Finish, if set, is called after Serve with its error (nil on
	// success). It may set response headers (SetResponseHeader) and
	// returns the error to send as a Fault, or nil to send the response.
	// Generated code uses it for conventions such as the NetServer
	// Succeeded header.
	Finish func(ctx context.Context, err error) error
}

// ServeFunc adapts a server method to a ServerOperation's Serve. Its type
// parameters are the request and response pointer types (*T), so that one
// instantiation (pointers share a GC shape) serves every operation of a
// package: one function to compile instead of one per operation.
func ServeFunc[PReq, PResp Body](f func(context.Context, PReq) (PResp, error)) func(context.Context, Body) (Body, error) {
	return func(ctx context.Context, req Body) (Body, error) {
		r, ok := req.(PReq)
		if !ok {
			return nil, fmt.Errorf("soap: ServeFunc: request is %T, want %T", req, r)
		}
		resp, err := f(ctx, r)
		if err != nil {
			return nil, err
		}
		if isNilPointer(resp) {
			return nil, nil
		}
		return resp, nil
	}
}

// ServeOneWay adapts the server method of a one-way operation; see
// ServeFunc.
func ServeOneWay[PReq Body](f func(context.Context, PReq) error) func(context.Context, Body) (Body, error) {
	return func(ctx context.Context, req Body) (Body, error) {
		r, ok := req.(PReq)
		if !ok {
			return nil, fmt.Errorf("soap: ServeOneWay: request is %T, want %T", req, r)
		}
		return nil, f(ctx, r)
	}
}

// ServiceOperation is an operation of a generated service whose
// implementation is an S (a <PortType>Server): generated code lists them in
// a table that needs no code to build, and New<PortType>Handler passes it
// to NewServiceHandler. Serve calls the method of s serving the operation
// with the decoded request (a value made by NewRequest); Finish is as in
// ServerOperation.
type ServiceOperation[S any] struct {
	OperationInfo
	Serve  func(ctx context.Context, s S, req Body) (Body, error)
	Finish func(ctx context.Context, err error) error
}

// NewServiceHandler returns a Handler serving ops with the implementation
// s; see NewHandler.
func NewServiceHandler[S any](s S, ops []ServiceOperation[S], opts ...HandlerOption) *Handler {
	bound := make([]ServerOperation, len(ops))
	for i := range ops {
		serve := ops[i].Serve
		bound[i] = ServerOperation{
			OperationInfo: ops[i].OperationInfo,
			Finish:        ops[i].Finish,
		}
		if serve != nil {
			bound[i].Serve = func(ctx context.Context, req Body) (Body, error) { return serve(ctx, s, req) }
		}
	}
	return NewHandler(bound, opts...)
}

// OperationInfos returns a copy of the OperationInfo of each of ops.
func OperationInfos[S any](ops []ServiceOperation[S]) []OperationInfo {
	infos := make([]OperationInfo, len(ops))
	for i := range ops {
		infos[i] = ops[i].OperationInfo
	}
	return infos
}

// isNilPointer reports whether v is a nil pointer (a method returning no
// response).
func isNilPointer(v any) bool {
	rv := reflect.ValueOf(v)
	return !rv.IsValid() || rv.Kind() == reflect.Pointer && rv.IsNil()
}

// NotImplemented returns the Fault that generated Unimplemented<PortType>Server
// methods return: a Server (Receiver) fault saying so.
func NotImplemented(operation string) error {
	return &Fault{Code: ServerFaultCode(SOAP11), Reason: "operation " + operation + " is not implemented"}
}

// HandlerOption configures a Handler.
type HandlerOption func(*Handler)

// WithMaxRequestSize limits the size of a request body (default
// DefaultMaxRequestSize); a larger one is answered with HTTP 413.
func WithMaxRequestSize(n int64) HandlerOption { return func(h *Handler) { h.maxRequestSize = n } }

// WithMaxDepth limits the element nesting of a request (default
// DefaultMaxDepth).
func WithMaxDepth(n int) HandlerOption { return func(h *Handler) { h.maxDepth = n } }

// WithStrictHeaders refuses requests with SOAP header entries addressed
// to this node that the operation does not declare; by default they are
// ignored unless they carry mustUnderstand, which is answered with a
// MustUnderstand fault either way.
func WithStrictHeaders() HandlerOption { return func(h *Handler) { h.strictHeaders = true } }

// WithErrorDetails sends the text of every error a server method returns
// as the Fault's reason. By default only a *Fault is sent as it is, and
// other errors become a Server (Receiver) fault with the reason "internal
// error", so that what an error says about the server's internals stays
// there (see WithErrorLog).
func WithErrorDetails() HandlerOption { return func(h *Handler) { h.errorDetails = true } }

// WithErrorLog sets the logger that records the errors of server methods
// that are not sent to the client, and responses that fail to encode
// (default: none). Records carry the operation's name and the error.
func WithErrorLog(l *slog.Logger) HandlerOption { return func(h *Handler) { h.log = l } }

// Handler serves SOAP 1.1 and 1.2 requests over HTTP for a set of
// operations. It accepts POST only (405 otherwise), with a Content-Type of
// text/xml (SOAP 1.1) or application/soap+xml (SOAP 1.2) in UTF-8 (415
// otherwise), and a body up to the size limit (413 otherwise). It picks
// the operation by SOAPAction (the 1.1 header, or the action parameter of
// the 1.2 Content-Type); when that is empty or shared by operations, by
// the body's element. It decodes the request strictly, calls the
// operation's Serve with the request's SOAP headers in the context (see
// IncomingHeader), and encodes the response with the headers set through
// SetResponseHeader, in the request's SOAP version.
//
// Every failure is answered with a SOAP Fault of the request's version
// (SOAP 1.1 when it cannot be told): a Client (Sender) fault for a request
// that is malformed, has unknown elements or names no operation; a
// MustUnderstand fault (HTTP 500; in SOAP 1.2 with a NotUnderstood header
// block per entry) for a request with header entries addressed to this
// node, carrying mustUnderstand, that the operation does not declare
// (entries addressed to another actor or role are ignored); for an
// error of a server method, the *Fault in its chain as it is (its code
// translated to the request's version), or a Server (Receiver) fault that
// says "internal error" unless WithErrorDetails is given. Faults are sent
// with HTTP 500, or 400 for SOAP 1.2 Sender faults, unless the Fault's
// HTTPStatus says otherwise.
//
// A Handler is safe for concurrent use and starts no goroutines. Panics
// of server methods are not recovered here: net/http's server logs them
// and drops the connection.
type Handler struct {
	ops            []ServerOperation
	opState        []opState      // per operation, in the order of ops
	byAction       map[string]int // -1 when operations share the action
	byElement      map[QName]int  // -1 when operations share the element
	maxRequestSize int64
	maxDepth       int
	strictHeaders  bool
	errorDetails   bool
	log            *slog.Logger
	interceptors   []ServerInterceptor
	chain          ServerInvoker // the interceptors around the operations; nil without
	trace          Tracer

	// Decoders and encoders are reused across requests: a Decoder keeps
	// the namespace names it has met, an Encoder its buffer.
	decoders, encoders sync.Pool
}

// opState is what a Handler keeps about one of its operations.
type opState struct {
	respHeaderType reflect.Type // of NewResponseHeader's values; nil without it
	lastSize       atomic.Int64 // of the last response envelope, to size the next one's buffer
}

// maxPooledBuffer bounds the buffers a Handler keeps for reuse: a rare huge
// response does not stay in memory.
const maxPooledBuffer = 1 << 20

// decoder returns a pooled Decoder for data.
func (h *Handler) decoder(data []byte) *Decoder {
	d, _ := h.decoders.Get().(*Decoder)
	if d == nil {
		d = NewBytesDecoder(data)
	} else {
		d.reuse(data)
	}
	d.MaxDepth = h.maxDepth
	return d
}

// encoder returns a pooled Encoder with room for size bytes.
func (h *Handler) encoder(size int) *Encoder {
	e, _ := h.encoders.Get().(*Encoder)
	if e == nil {
		e = NewEncoder(nil)
	}
	if cap(e.buf) < size {
		e.buf = make([]byte, 0, size)
	}
	return e
}

// putEncoder returns e to the pool, unless its buffer has grown too large.
func (h *Handler) putEncoder(e *Encoder) {
	if cap(e.buf) > maxPooledBuffer {
		return
	}
	e.Reset()
	h.encoders.Put(e)
}

// NewHandler returns a Handler serving ops. It panics if an operation has
// no Serve or NewRequest function.
func NewHandler(ops []ServerOperation, opts ...HandlerOption) *Handler {
	h := &Handler{
		ops:            ops,
		opState:        make([]opState, len(ops)),
		byAction:       map[string]int{},
		byElement:      map[QName]int{},
		maxRequestSize: DefaultMaxRequestSize,
		maxDepth:       DefaultMaxDepth,
	}
	for _, o := range opts {
		o(h)
	}
	h.chain = serverChain(h.interceptors)
	for i, op := range ops {
		if op.Serve == nil || op.NewRequest == nil {
			panic("soap: NewHandler: operation " + op.Name + " has no Serve or NewRequest")
		}
		if op.NewResponseHeader != nil {
			h.opState[i].respHeaderType = reflect.TypeOf(op.NewResponseHeader())
		}
		if op.Action != "" {
			if _, dup := h.byAction[op.Action]; dup {
				h.byAction[op.Action] = -1
			} else {
				h.byAction[op.Action] = i
			}
		}
		if _, dup := h.byElement[op.Input]; dup {
			h.byElement[op.Input] = -1
		} else {
			h.byElement[op.Input] = i
		}
	}
	return h
}

// serverCall is what the context of a Serve call carries.
type serverCall struct {
	op        *ServerOperation
	state     *opState
	version   Version
	reqHeader Header
	mu        sync.Mutex
	respHdr   HeaderMarshaler
}

type serverCallKey struct{}

func serverCallFrom(ctx context.Context) *serverCall {
	c, _ := ctx.Value(serverCallKey{}).(*serverCall)
	return c
}

// IncomingHeader returns the SOAP headers of the request a Handler is
// serving with ctx: a value made by the operation's NewRequestHeader, with
// the entries the request carried. It is nil outside a Handler's call and
// for operations that declare no request headers. Generated code offers a
// typed accessor, <RequestHeader>From.
func IncomingHeader(ctx context.Context) Header {
	if c := serverCallFrom(ctx); c != nil {
		return c.reqHeader
	}
	return nil
}

// OutgoingHeader returns the SOAP headers set so far for the response of
// the call that ctx belongs to, or nil.
func OutgoingHeader(ctx context.Context) HeaderMarshaler {
	if c := serverCallFrom(ctx); c != nil {
		c.mu.Lock()
		defer c.mu.Unlock()
		return c.respHdr
	}
	return nil
}

// ErrNotServing is returned by SetResponseHeader for a context that does
// not belong to a Handler's call.
var ErrNotServing = errors.New("soap: the context is not a Handler call's")

// SetResponseHeader sets the SOAP headers of the response to the call that
// ctx belongs to; nil sends none. h must be of the type the operation's
// NewResponseHeader makes. Generated code offers a typed variant,
// Set<ResponseHeader>.
func SetResponseHeader(ctx context.Context, h HeaderMarshaler) error {
	c := serverCallFrom(ctx)
	if c == nil {
		return ErrNotServing
	}
	if !isNilHeader(h) {
		if c.op.NewResponseHeader == nil {
			return fmt.Errorf("soap: SetResponseHeader: operation %s declares no response headers", c.op.Name)
		}
		if want := c.state.respHeaderType; reflect.TypeOf(h) != want {
			return fmt.Errorf("soap: SetResponseHeader: operation %s sends %v, not %T", c.op.Name, want, h)
		}
	} else {
		h = nil
	}
	c.mu.Lock()
	c.respHdr = h
	c.mu.Unlock()
	return nil
}

// ServeHTTP implements http.Handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if h.trace == nil {
		h.serveHTTP(w, r, nil)
		return
	}
	tw := &traceWriter{ResponseWriter: w}
	var op string
	h.serveHTTP(tw, r, &op)
	h.trace(r.Context(), TraceEvent{Operation: op, URL: r.URL.Path, Response: true, HTTPStatus: tw.status, Envelope: redactEnvelope(tw.body.Bytes())})
}

// serveHTTP serves a request; with a trace, it sets *traced to the
// operation's name and traces the request.
func (h *Handler) serveHTTP(w http.ResponseWriter, r *http.Request, traced *string) {
	ct, ctErr := parseContentType(r.Header.Get("Content-Type"))
	mt := ct.mediaType
	v := SOAP11
	if ctErr == nil && mt == "application/soap+xml" {
		v = SOAP12
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		h.fault(w, v, http.StatusMethodNotAllowed, ClientFaultCode(v), "method "+r.Method+" not allowed: SOAP requests are POSTed")
		return
	}
	var action string
	switch {
	case ctErr != nil:
		h.fault(w, v, http.StatusUnsupportedMediaType, ClientFaultCode(v), "malformed Content-Type")
		return
	case mt == "text/xml":
		action = unquoteAction(r.Header.Get("SOAPAction"))
	case mt == "application/soap+xml":
		action = ct.action
	default:
		h.fault(w, v, http.StatusUnsupportedMediaType, ClientFaultCode(v), "unsupported Content-Type "+strconv.Quote(mt)+": want text/xml (SOAP 1.1) or application/soap+xml (SOAP 1.2)")
		return
	}
	if cs := ct.charset; ct.hasCharset && !strings.EqualFold(cs, "utf-8") {
		h.fault(w, v, http.StatusUnsupportedMediaType, ClientFaultCode(v), "unsupported charset "+strconv.Quote(cs)+": want utf-8")
		return
	}
	if enc := r.Header.Get("Content-Encoding"); enc != "" && !strings.EqualFold(enc, "identity") {
		h.fault(w, v, http.StatusUnsupportedMediaType, ClientFaultCode(v), "unsupported Content-Encoding "+strconv.Quote(enc))
		return
	}
	tooLarge := func() string { return fmt.Sprintf("request body larger than %d bytes", h.maxRequestSize) }
	if r.ContentLength > h.maxRequestSize {
		h.fault(w, v, http.StatusRequestEntityTooLarge, ClientFaultCode(v), tooLarge())
		return
	}
	// readLimited, not io.ReadAll: memory grows with the bytes received,
	// about once their size, not two and a half times.
	data, err := readLimited(http.MaxBytesReader(w, r.Body, h.maxRequestSize), h.maxRequestSize, r.ContentLength)
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			h.fault(w, v, http.StatusRequestEntityTooLarge, ClientFaultCode(v), tooLarge())
			return
		}
		h.fault(w, v, http.StatusBadRequest, ClientFaultCode(v), "reading the request failed")
		return
	}

	i, status, reason := h.dispatch(action, data, v)
	if traced != nil {
		if i >= 0 {
			*traced = h.ops[i].Name
		}
		h.trace(r.Context(), TraceEvent{Operation: *traced, URL: r.URL.Path, Envelope: redactEnvelope(data)})
	}
	if i < 0 {
		h.fault(w, v, status, ClientFaultCode(v), reason)
		return
	}
	op, state := &h.ops[i], &h.opState[i]
	call := &serverCall{op: op, state: state, version: v}
	env := Envelope{BodyName: op.Input, Body: op.NewRequest(), StrictHeaders: h.strictHeaders}
	if op.NewRequestHeader != nil {
		call.reqHeader = op.NewRequestHeader()
		env.Header = call.reqHeader
	}
	d := h.decoder(data)
	err = env.Decode(d)
	h.decoders.Put(d)
	var mu *MustUnderstandError
	if err != nil {
		mu = asMustUnderstand(err)
	}
	if (err == nil || mu != nil) && env.Version != v {
		h.fault(w, v, http.StatusInternalServerError, QName{v.EnvelopeNS(), "VersionMismatch"},
			fmt.Sprintf("%s envelope sent with the Content-Type of %s", env.Version, v))
		return
	}
	if mu != nil {
		h.mustUnderstandFault(w, v, mu)
		return
	}
	if err != nil {
		var f *Fault
		if errors.As(err, &f) {
			h.fault(w, v, clientStatus(v), ClientFaultCode(v), "the request is a Fault")
			return
		}
		h.fault(w, v, clientStatus(v), ClientFaultCode(v), "malformed request: "+err.Error())
		return
	}

	ctx := context.WithValue(r.Context(), serverCallKey{}, call)
	resp, err := h.invoke(ctx, op, call, env.Body.(Body))
	if op.Finish != nil {
		err = op.Finish(ctx, err)
	}
	if err != nil {
		h.serveError(ctx, w, v, op, err)
		return
	}
	if op.NewResponse == nil {
		w.WriteHeader(http.StatusAccepted)
		return
	}
	if isNilBody(resp) {
		resp = op.NewResponse()
	}
	out := Envelope{Version: v, Namespaces: op.Namespaces, BodyName: op.Output, Body: resp}
	if hdr := OutgoingHeader(ctx); hdr != nil {
		out.Header = hdr
	}
	// The buffer is sized from the operation's last response, so that it
	// rarely grows while encoding (a pooled one may be large already).
	e := h.encoder(int(state.lastSize.Load()) + 512)
	out.Encode(e)
	if err := e.Err(); err != nil {
		h.putEncoder(e)
		h.serveError(ctx, w, v, op, fmt.Errorf("encoding the response: %w", err))
		return
	}
	body := e.Bytes()
	state.lastSize.Store(int64(len(body)))
	writeEnvelope(w, v, http.StatusOK, body)
	h.putEncoder(e) // the ResponseWriter keeps nothing of body (io.Writer)
}

// ServerCall is a call a Handler serves, as server interceptors see it.
type ServerCall struct {
	Operation *OperationInfo
	Version   Version
	// Request is the decoded request body, a value of NewRequest's type.
	Request Body
	// Header is the request's decoded SOAP headers, a value of
	// NewRequestHeader's type; nil when the operation declares none.
	Header Header

	serve func(ctx context.Context, req Body) (Body, error) // the operation's Serve
}

// ServerInvoker serves a call: the next interceptor, or the operation's
// method, which it calls with call.Request.
type ServerInvoker func(ctx context.Context, call *ServerCall) (Body, error)

// ServerInterceptor wraps the serving of a call: it may inspect the call,
// call next (or answer itself, e.g. with a *Fault for a refused
// credential), and inspect or replace the response and the error, which
// the Handler then sends (a ServiceError-style Finish sees that error).
// It runs with the request's SOAP headers in ctx (IncomingHeader) and may
// set the response's (SetResponseHeader). It must be safe for concurrent
// use.
type ServerInterceptor func(ctx context.Context, call *ServerCall, next ServerInvoker) (Body, error)

// WithServerInterceptors adds interceptors around every call the Handler
// serves; the first given is the outermost. Nil interceptors are ignored.
func WithServerInterceptors(ics ...ServerInterceptor) HandlerOption {
	return func(h *Handler) {
		for _, ic := range ics {
			if ic != nil {
				h.interceptors = append(h.interceptors[:len(h.interceptors):len(h.interceptors)], ic)
			}
		}
	}
}

// invoke calls op's method with req through the Handler's interceptors,
// whose chain NewHandler built.
func (h *Handler) invoke(ctx context.Context, op *ServerOperation, call *serverCall, req Body) (Body, error) {
	if h.chain == nil {
		return op.Serve(ctx, req)
	}
	return h.chain(ctx, &ServerCall{Operation: &op.OperationInfo, Version: call.version, Request: req, Header: call.reqHeader, serve: op.Serve})
}

// serverChain returns the Handler's interceptors around the innermost
// invoker, which calls the operation's Serve; nil without interceptors.
func serverChain(ics []ServerInterceptor) ServerInvoker {
	if len(ics) == 0 {
		return nil
	}
	next := ServerInvoker(func(ctx context.Context, c *ServerCall) (Body, error) { return c.serve(ctx, c.Request) })
	for i := len(ics) - 1; i >= 0; i-- {
		ic, n := ics[i], next
		next = func(ctx context.Context, c *ServerCall) (Body, error) { return ic(ctx, c, n) }
	}
	return next
}

// asMustUnderstand returns the *MustUnderstandError in err's chain, or
// nil. (A function of its own: the variable errors.As needs goes to the
// heap, which only requests with errors pay for.)
func asMustUnderstand(err error) *MustUnderstandError {
	var mu *MustUnderstandError
	if errors.As(err, &mu) {
		return mu
	}
	return nil
}

// dispatch finds the operation of a request, returning its index in
// h.ops: by action, else by the body's element. On failure it returns -1,
// the HTTP status and the reason.
func (h *Handler) dispatch(action string, data []byte, v Version) (int, int, string) {
	if action != "" {
		i, ok := h.byAction[action]
		if !ok {
			return -1, clientStatus(v), "unknown SOAPAction " + strconv.Quote(action)
		}
		if i >= 0 {
			return i, 0, ""
		}
	}
	d := h.decoder(data)
	name, err := bodyElement(d)
	h.decoders.Put(d)
	if i, ok := h.byElement[QName{}]; ok && i >= 0 && errors.Is(err, errEmptyBody) {
		name, err = QName{}, nil // the operation whose input has no parts
	}
	if err != nil {
		return -1, clientStatus(v), "malformed request: " + err.Error()
	}
	i, ok := h.byElement[name]
	if !ok || i < 0 {
		return -1, clientStatus(v), "no operation for the body element " + name.String()
	}
	if action != "" && h.ops[i].Action != action {
		return -1, clientStatus(v), "the body element " + name.String() + " does not belong to SOAPAction " + strconv.Quote(action)
	}
	return i, 0, ""
}

// bodyElement returns the name of the first element in the Body of the
// envelope d reads.
func bodyElement(d *Decoder) (QName, error) {
	root, ok := d.Root()
	if !ok {
		return QName{}, d.Err()
	}
	var ns string
	switch root {
	case QName{NSSOAP11Envelope, "Envelope"}:
		ns = NSSOAP11Envelope
	case QName{NSSOAP12Envelope, "Envelope"}:
		ns = NSSOAP12Envelope
	default:
		return QName{}, fmt.Errorf("not a SOAP envelope: root element is %s", root)
	}
	if d.At(ns, "Header", "", "") {
		d.Skip()
	}
	if !d.At(ns, "Body", "", "") {
		if err := d.Err(); err != nil {
			return QName{}, err
		}
		return QName{}, errors.New("SOAP envelope has no Body")
	}
	name, ok := d.Peek()
	if !ok {
		if err := d.Err(); err != nil {
			return QName{}, err
		}
		return QName{}, errEmptyBody
	}
	return name, nil
}

// errEmptyBody is bodyElement's error for an empty Body.
var errEmptyBody = errors.New("empty SOAP Body")

// unquoteAction reads a SOAP 1.1 SOAPAction header: an RFC 9110
// quoted-string (quotes stripped, backslash escapes resolved), or a value
// written without quotes, taken as it is.
func unquoteAction(s string) string {
	s = strings.TrimSpace(s)
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return s
	}
	if inner := s[1 : len(s)-1]; !strings.ContainsAny(inner, `"\`) {
		return inner // no escapes: the common case, without a copy
	}
	var b strings.Builder
	b.Grow(len(s) - 2)
	for i := 1; i < len(s)-1; i++ {
		c := s[i]
		if c == '\\' && i+1 < len(s)-1 {
			i++
			c = s[i]
		} else if c == '"' || c == '\\' {
			return s[1 : len(s)-1] // not a quoted-string: the value inside the quotes, as written
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isNilBody(b Body) bool {
	if b == nil {
		return true
	}
	v := reflect.ValueOf(b)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

// clientStatus is the HTTP status of a fault caused by the sender: 400 in
// SOAP 1.2; SOAP 1.1 (and the WS-I Basic Profile) send every fault with 500.
func clientStatus(v Version) int {
	if v == SOAP12 {
		return http.StatusBadRequest
	}
	return http.StatusInternalServerError
}

// serveError answers a call whose server method (or Finish) failed.
func (h *Handler) serveError(ctx context.Context, w http.ResponseWriter, v Version, op *ServerOperation, err error) {
	var f *Fault
	if errors.As(err, &f) {
		out := faultFor(f, v)
		status := f.HTTPStatus
		if status < 400 || status > 599 {
			status = http.StatusInternalServerError
			if out.Version == SOAP12 && out.Code == ClientFaultCode(SOAP12) {
				status = http.StatusBadRequest
			}
		}
		h.writeFault(w, out, status)
		return
	}
	reason := "internal error"
	if h.errorDetails {
		reason = err.Error()
	} else if h.log != nil {
		h.log.LogAttrs(ctx, slog.LevelError, "soap: server method failed", slog.String("operation", op.Name), slog.String("error", err.Error()))
	}
	h.fault(w, v, http.StatusInternalServerError, ServerFaultCode(v), reason)
}

// faultFor returns a copy of f for a response in version v: the standard
// codes of the other version are translated (Client and Sender, Server and
// Receiver), and in SOAP 1.2, where Code must be a standard code, an
// application code becomes the first Subcode of a Receiver fault.
func faultFor(f *Fault, v Version) *Fault {
	out := *f
	out.Version = v
	out.HTTPStatus = 0
	code := f.Code
	if code.Space == NSSOAP11Envelope || code.Space == NSSOAP12Envelope {
		local := code.Local
		if base, _, ok := strings.Cut(local, "."); ok && code.Space == NSSOAP11Envelope {
			local = base // Client.Authentication and the like
		}
		switch local {
		case "Client", "Sender":
			out.Code = ClientFaultCode(v)
		case "Server", "Receiver":
			out.Code = ServerFaultCode(v)
		case "VersionMismatch", "MustUnderstand":
			out.Code = QName{v.EnvelopeNS(), local}
		case "DataEncodingUnknown":
			if v == SOAP12 {
				out.Code = QName{NSSOAP12Envelope, local}
			} else {
				out.Code = ClientFaultCode(v)
			}
		default:
			out.Code = ServerFaultCode(v)
		}
		return &out
	}
	switch {
	case code == (QName{}):
		out.Code = ServerFaultCode(v)
	case v == SOAP12:
		out.Code = ServerFaultCode(v)
		out.Subcodes = append([]QName{code}, f.Subcodes...)
	}
	return &out
}

// fault answers with a fault made of code and reason.
func (h *Handler) fault(w http.ResponseWriter, v Version, status int, code QName, reason string) {
	h.writeFault(w, &Fault{Version: v, Code: code, Reason: reason}, status)
}

func (h *Handler) writeFault(w http.ResponseWriter, f *Fault, status int) {
	h.writeFaultHeader(w, f, nil, status)
}

// writeFaultHeader answers with f, with the header entries hdr writes (if
// not nil).
func (h *Handler) writeFaultHeader(w http.ResponseWriter, f *Fault, hdr HeaderMarshaler, status int) {
	body, err := encodeFault(f, hdr)
	if err != nil {
		// The detail could not be encoded: send the fault without it.
		plain := *f
		plain.Detail, plain.DetailBody = nil, nil
		body, _ = encodeFault(&plain, hdr)
	}
	writeEnvelope(w, f.Version, status, body)
}

// mustUnderstandFault answers a request with mandatory header entries the
// operation does not know: a MustUnderstand fault with HTTP 500 (SOAP 1.1
// §4.4.1; SOAP 1.2 Part 1 §5.4.8 and Part 2 §7.5.1.2), in SOAP 1.2 with a
// NotUnderstood header block naming each entry.
func (h *Handler) mustUnderstandFault(w http.ResponseWriter, v Version, mu *MustUnderstandError) {
	f := &Fault{Version: v, Code: QName{v.EnvelopeNS(), "MustUnderstand"}, Reason: mu.reason()}
	var hdr HeaderMarshaler
	if v == SOAP12 {
		hdr = notUnderstood(mu.Headers)
	}
	h.writeFaultHeader(w, f, hdr, http.StatusInternalServerError)
}

// notUnderstood writes a SOAP 1.2 NotUnderstood header block per name.
type notUnderstood []QName

func (n notUnderstood) MarshalSOAPHeader(e *Encoder) {
	for _, q := range n {
		e.Start(NSSOAP12Envelope, "NotUnderstood")
		e.Attr("", "qname", e.QNameValue(q.Space, q.Local))
		e.End()
	}
}

// encodeFault returns an envelope whose Body holds f, in f.Version, with
// the header entries hdr writes (if not nil).
func encodeFault(f *Fault, hdr HeaderMarshaler) ([]byte, error) {
	ns := f.Version.EnvelopeNS()
	e := NewEncoder(make([]byte, 0, 512))
	e.StartPrefixed("s", ns, "Envelope")
	e.ReserveXSI()
	if hdr != nil {
		e.Start(ns, "Header")
		hdr.MarshalSOAPHeader(e)
		e.End()
	}
	e.Start(ns, "Body")
	f.Encode(e)
	e.End()
	e.End()
	return e.Bytes(), e.Err()
}

// writeEnvelope sends body with one Write, after a Content-Length (so
// that net/http sends it as it is, not chunked).
func writeEnvelope(w http.ResponseWriter, v Version, status int, body []byte) {
	ct := "text/xml; charset=utf-8"
	if v == SOAP12 {
		ct = "application/soap+xml; charset=utf-8"
	}
	// One slice for both values: Header().Set would make one each.
	vals := []string{ct, strconv.Itoa(len(body))}
	hdr := w.Header()
	hdr["Content-Type"], hdr["Content-Length"] = vals[0:1:1], vals[1:2:2]
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
