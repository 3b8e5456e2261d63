package soap

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// RuntimeVersion is the version of the soapgen runtime, sent in the
// User-Agent header as "soapgen/<RuntimeVersion>".
const RuntimeVersion = "0.2.0"

// DefaultMaxResponseSize limits the bytes read of a response body, after
// decompression.
const DefaultMaxResponseSize = 64 << 20

// DefaultTimeout bounds a call whose context has no deadline, and how long
// the default transport waits for a response's headers.
const DefaultTimeout = 2 * time.Minute

// drainLimit is how much of an unread response body is read and discarded
// so that its connection can be reused; a longer body closes it instead.
const drainLimit = 256 << 10

// Operation describes one operation of a binding, as generated code knows it.
type Operation struct {
	Name       string
	Action     string // SOAPAction (1.1) or the action parameter (1.2)
	Input      QName  // the request body element
	Output     QName  // the response body element
	Namespaces []string
	// Version is the SOAP version of the operation's binding, used unless
	// the client was given WithVersion.
	Version Version
	// Faults are the faults the WSDL declares for the operation: a Fault
	// whose detail holds one of them gets it decoded into DetailBody.
	Faults []FaultType
}

// Client sends SOAP requests over HTTP. It is safe for concurrent use;
// create one per endpoint and reuse it, so that connections are reused,
// or get the clients of several endpoints of one server from a Session,
// so that they share one connection pool.
type Client struct {
	url             string
	redactedURL     string // url without its password, for Call.URL
	trace           Tracer
	err             error // why a Session refused the endpoint: every call fails with it
	http            *http.Client
	version         Version
	versionSet      bool // WithVersion was given: it overrides the binding's version
	header          HeaderMarshaler
	userAgent       string
	maxResponseSize int64
	timeout         time.Duration
	interceptors    []Interceptor
	invoker         Invoker // the interceptors around c.invoke
}

// ClientOption configures a Client.
type ClientOption func(*Client)

// WithHTTPClient sets the HTTP client that sends requests. The client is
// copied: if its CheckRedirect is nil (Go's default, which follows
// redirects and resends the body on 307 and 308), the copy refuses
// redirects like the default client does, so that a request and the
// credentials in its SOAP headers never go to another URL. A nil h keeps
// the default.
//
// The default client has its own transport, NewTransport(timeout) with the
// client's timeout (WithTimeout): give h a NewTransport to keep its tuning,
// or wrap one, e.g. for tracing:
//
//	soap.WithHTTPClient(&http.Client{Transport: otelhttp.NewTransport(soap.NewTransport(time.Minute))})
func WithHTTPClient(h *http.Client) ClientOption {
	return func(c *Client) {
		if h == nil {
			c.http = nil
			return
		}
		cp := *h
		if cp.CheckRedirect == nil {
			cp.CheckRedirect = refuseRedirect
		}
		c.http = &cp
	}
}

// WithVersion selects SOAP 1.1 (the default) or SOAP 1.2.
func WithVersion(v Version) ClientOption {
	return func(c *Client) { c.version, c.versionSet = v, true }
}

// WithDefaultHeader sets the SOAP headers sent with every call unless a
// call overrides them with WithHeader.
func WithDefaultHeader(h HeaderMarshaler) ClientOption { return func(c *Client) { c.header = h } }

// WithMaxResponseSize limits the size of a response body after
// decompression (default DefaultMaxResponseSize); a larger body fails the
// call with an error matching ErrResponseTooLarge.
func WithMaxResponseSize(n int64) ClientOption { return func(c *Client) { c.maxResponseSize = n } }

// WithUserAgent replaces the User-Agent header.
func WithUserAgent(ua string) ClientOption { return func(c *Client) { c.userAgent = ua } }

// WithTimeout bounds the calls whose context has no deadline (default
// DefaultTimeout; 0 means no bound). It is also the default transport's
// response header timeout, which a context deadline cannot extend: give a
// client of your own (WithHTTPClient) for servers slower than that.
func WithTimeout(d time.Duration) ClientOption { return func(c *Client) { c.timeout = d } }

// NewClient returns a client for the endpoint url.
func NewClient(url string, opts ...ClientOption) *Client {
	c := &Client{
		url:             url,
		userAgent:       "soapgen/" + RuntimeVersion,
		maxResponseSize: DefaultMaxResponseSize,
		timeout:         DefaultTimeout,
	}
	for _, o := range opts {
		o(c)
	}
	if c.http == nil {
		c.http = newHTTPClient(c.timeout)
	}
	c.bind(url, nil)
	return c
}

// bind points c at url, or makes every call fail with err, and builds its
// interceptor chain around the innermost invoker, c.invoke.
func (c *Client) bind(url string, err error) {
	c.url, c.redactedURL, c.err = url, redactURL(url), err
	c.invoker = chain(c.interceptors, c.invoke)
}

// newHTTPClient returns the default HTTP client: its own transport, so
// that no global state is shared or changed, and no redirects.
func newHTTPClient(timeout time.Duration) *http.Client {
	return &http.Client{Transport: NewTransport(timeout), CheckRedirect: refuseRedirect}
}

// NewTransport returns the transport the default client uses, for an HTTP
// client of your own (WithHTTPClient) or a wrapping transport (an
// OpenTelemetry otelhttp.NewTransport, a recorder) that keeps its tuning:
// a clone of http.DefaultTransport (proxy from the environment, HTTP/2,
// connection reuse) with a 30 s dial timeout, a 10 s TLS handshake timeout,
// responseHeaderTimeout as the response header timeout (0: none; the
// default client uses its WithTimeout), and up to 16 idle connections per
// host. Each call returns a new transport with a pool of its own.
func NewTransport(responseHeaderTimeout time.Duration) *http.Transport {
	var t *http.Transport
	if dt, ok := http.DefaultTransport.(*http.Transport); ok {
		t = dt.Clone()
	} else {
		t = &http.Transport{Proxy: http.ProxyFromEnvironment, ForceAttemptHTTP2: true}
	}
	t.DialContext = (&net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}).DialContext
	t.TLSHandshakeTimeout = 10 * time.Second
	t.ResponseHeaderTimeout = responseHeaderTimeout
	t.ExpectContinueTimeout = time.Second
	t.IdleConnTimeout = 90 * time.Second
	t.MaxIdleConnsPerHost = 16
	return t
}

// refuseRedirect makes the HTTP client return a redirect response as it
// is: a SOAP request is a POST carrying credentials in its body, and
// following a redirect would either resend them to another URL (307, 308)
// or turn the call into a GET without them (301, 302, 303). The call then
// fails with an *HTTPError naming the Location.
func refuseRedirect(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

// Version reports the SOAP version the client sends for op: the one given
// with WithVersion, else the version of op's binding.
func (c *Client) Version(op *Operation) Version {
	if c.versionSet || op == nil {
		return c.version
	}
	return op.Version
}

// CloseIdleConnections closes the idle connections of the client's
// transport.
func (c *Client) CloseIdleConnections() { c.http.CloseIdleConnections() }

// CallOption configures one call.
type CallOption struct {
	header         HeaderMarshaler
	setHeader      bool
	responseHeader func(h any) bool
}

// WithHeader sets the SOAP headers of one call, replacing the client's
// default (WithDefaultHeader); WithHeader(nil) sends none.
func WithHeader(h HeaderMarshaler) CallOption { return CallOption{header: h, setHeader: true} }

// ResponseHeader stores the response's SOAP headers into *dst after the
// call, also when the call returns an error after the response was read.
// When interceptors send the request more than once, *dst gets the headers
// of the last attempt, and stays untouched if that attempt read no
// response.
func ResponseHeader[H any](dst *H) CallOption {
	return CallOption{responseHeader: func(h any) bool {
		v, ok := h.(*H)
		if ok {
			*dst = *v
		}
		return ok
	}}
}

// HTTPError is returned for a response that is not a SOAP envelope, or
// that is one but came with an unexpected HTTP status. It never holds
// anything of the request.
type HTTPError struct {
	StatusCode  int
	ContentType string
	Location    string // the Location of a redirect, which is not followed
	Excerpt     string // the start of the response body, for diagnosis
	Err         error  // why the body was not accepted, if it was read
}

// Error formats the status, content type, cause and excerpt.
func (e *HTTPError) Error() string {
	s := fmt.Sprintf("soap: HTTP %d %s", e.StatusCode, http.StatusText(e.StatusCode))
	if e.ContentType != "" {
		s += " (" + e.ContentType + ")"
	}
	if e.Location != "" {
		s += ": redirect to " + strconv.Quote(e.Location) + " not followed"
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	if e.Excerpt != "" {
		s += ": " + strconv.Quote(e.Excerpt)
	}
	return s
}

// Unwrap returns the underlying error.
func (e *HTTPError) Unwrap() error { return e.Err }

// ErrResponseTooLarge is returned when a response exceeds the size limit.
var ErrResponseTooLarge = errors.New("soap: response body exceeds the size limit")

// isNilHeader reports whether h is nil or a nil pointer, which would
// panic in MarshalSOAPHeader.
func isNilHeader(h HeaderMarshaler) bool {
	if h == nil {
		return true
	}
	v := reflect.ValueOf(h)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

// EncodeRequest encodes the envelope of a request, as Call would send it
// without interceptors.
func (c *Client) EncodeRequest(op *Operation, req Marshaler, opts ...CallOption) ([]byte, error) {
	return c.encode(op, req, c.requestHeader(opts))
}

// requestHeader returns the SOAP headers of a call: the last WithHeader of
// opts, else the client's default.
func (c *Client) requestHeader(opts []CallOption) HeaderMarshaler {
	header := c.header
	for _, o := range opts {
		if o.setHeader {
			header = o.header
		}
	}
	return header
}

// encode encodes the envelope of a request with the SOAP headers header,
// none if it is nil.
func (c *Client) encode(op *Operation, req Marshaler, header HeaderMarshaler) ([]byte, error) {
	env := Envelope{Version: c.Version(op), Namespaces: op.Namespaces, BodyName: op.Input, Body: req}
	if !isNilHeader(header) {
		env.Header = header
	}
	e := NewEncoder(make([]byte, 0, 1024))
	env.Encode(e)
	if err := e.Err(); err != nil {
		return nil, fmt.Errorf("encoding the request: %w", err)
	}
	return e.Bytes(), nil
}

// Call sends req as op's input and decodes the response into respHeader and
// resp. For a one-way operation resp is nil and an empty 202 (or 200)
// answer is success. A SOAP Fault is returned as *Fault; a response header that reports
// failure (one with an Err() error method returning non-nil) is returned
// as that error; a response that is not a SOAP envelope is an *HTTPError.
//
// Response header entries addressed to another actor or role are ignored.
// mustUnderstand is not enforced on a Fault: it is returned as *Fault
// whatever its header holds, since the call has failed anyway and its
// code, reason and detail are what the caller needs. Any other response
// with a mandatory header entry addressed to the client that respHeader
// does not know fails the call with a *MustUnderstandError, without its
// body being decoded: the server asked that the response not be used by a
// receiver that does not understand the entry (it may sign or encrypt the
// body, or change its meaning), as WCF and JAX-WS clients also refuse it.
// The call ends when ctx is done; without a deadline in ctx it is bounded
// by the client's timeout (WithTimeout), which covers every attempt the
// client's interceptors make.
//
// The call runs through the client's interceptors (WithInterceptors); the
// innermost invoker encodes the request, sends it and decodes the response.
//
// Errors never quote the request or its HTTP or SOAP headers, so that
// credentials sent in headers do not reach logs.
func (c *Client) Call(ctx context.Context, op *Operation, req Marshaler, respHeader HeaderUnmarshaler, resp Unmarshaler, opts ...CallOption) error {
	if _, ok := ctx.Deadline(); !ok && c.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, c.timeout)
		defer cancel()
	}
	if op == nil {
		return errors.New("soap: a call without an Operation")
	}
	if isNilPointer(req) {
		return c.callError(op, errors.New("nil request"))
	}
	st := new(callState)
	call := &Call{
		Operation:      op,
		Request:        req,
		Header:         c.requestHeader(opts),
		ResponseHeader: respHeader,
		Response:       resp,
		URL:            c.redactedURL,
		state:          st,
	}
	err := c.invoker(ctx, call)
	if st.read {
		// The response's headers are handed over even when the call
		// failed: a service error's details may be in them.
		for _, o := range opts {
			if o.responseHeader != nil && !o.responseHeader(st.header) {
				return c.callError(op, fmt.Errorf("ResponseHeader: destination does not match the operation's header type %T", st.header))
			}
		}
	}
	if err != nil {
		return c.callError(op, err)
	}
	return nil
}

// callError is the error of a call: it names the operation and the
// endpoint (its password redacted) before what went wrong, which stays
// reachable through errors.Is and errors.As.
type callError struct {
	op, url string
	err     error
}

func (c *Client) callError(op *Operation, err error) error {
	return &callError{op: op.Name, url: c.redactedURL, err: err}
}

func (e *callError) Error() string {
	msg := strings.TrimPrefix(e.err.Error(), "soap: ")
	if e.url == "" {
		return "soap: " + e.op + ": " + msg
	}
	return "soap: " + e.op + " " + e.url + ": " + msg
}

func (e *callError) Unwrap() error { return e.err }

// invoke is the innermost Invoker: it encodes call's request, sends it to
// the client's URL and decodes the response into call.ResponseHeader and
// call.Response, which it first resets to their zero values.
func (c *Client) invoke(ctx context.Context, call *Call) error {
	if call.state != nil {
		call.state.read, call.state.header = false, nil
	}
	op := call.Operation
	if op == nil {
		return errors.New("soap: a call without an Operation")
	}
	if c.err != nil {
		return c.err
	}
	respHeader, resp := call.ResponseHeader, call.Response
	resetValue(respHeader)
	resetValue(resp)
	body, err := c.encode(op, call.Request, call.Header)
	if err != nil {
		return err
	}
	if c.trace != nil {
		c.trace(ctx, TraceEvent{Operation: op.Name, URL: c.redactedURL, Envelope: redactEnvelope(body)})
	}
	action, err := quoteString(op.Action)
	if err != nil {
		return fmt.Errorf("SOAPAction %q: %w", op.Action, err)
	}
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	if c.Version(op) == SOAP12 {
		hreq.Header.Set("Content-Type", "application/soap+xml; charset=utf-8; action="+action)
	} else {
		hreq.Header.Set("Content-Type", "text/xml; charset=utf-8")
		hreq.Header.Set("SOAPAction", action)
	}
	hreq.Header.Set("User-Agent", c.userAgent)
	// Asked for explicitly, gzip is not decompressed by the transport:
	// readBody does it, so that the size limit counts decompressed bytes.
	hreq.Header.Set("Accept-Encoding", "gzip")
	hresp, err := c.http.Do(hreq)
	if err != nil {
		return err
	}
	defer closeBody(hresp.Body)
	data, err := c.readBody(hresp)
	if err != nil {
		return fmt.Errorf("reading the response (HTTP %d): %w", hresp.StatusCode, err)
	}
	if c.trace != nil {
		c.trace(ctx, TraceEvent{Operation: op.Name, URL: c.redactedURL, Response: true, HTTPStatus: hresp.StatusCode, Envelope: redactEnvelope(data)})
	}
	ct := hresp.Header.Get("Content-Type")
	if resp == nil && (hresp.StatusCode == http.StatusAccepted || hresp.StatusCode == http.StatusOK) && len(bytes.TrimSpace(data)) == 0 {
		return nil // a one-way operation's acknowledgement
	}
	if hresp.StatusCode >= 300 && hresp.StatusCode < 400 {
		return &HTTPError{StatusCode: hresp.StatusCode, ContentType: ct, Location: hresp.Header.Get("Location"), Excerpt: excerptBytes(data)}
	}
	if !isXMLContentType(ct) {
		return &HTTPError{StatusCode: hresp.StatusCode, ContentType: ct, Excerpt: excerptBytes(data)}
	}
	env := Envelope{BodyName: op.Output, Body: resp, Header: respHeader}
	err = env.Decode(NewBytesDecoder(data))
	if call.state != nil {
		call.state.read, call.state.header = true, respHeader
	}
	var f *Fault
	if errors.As(err, &f) {
		f.HTTPStatus = hresp.StatusCode
		if derr := f.decodeDetail(op.Faults); derr != nil {
			return fmt.Errorf("%w (and its detail does not decode: %v)", err, derr)
		}
		return err
	}
	if err != nil {
		if hresp.StatusCode != http.StatusOK {
			return &HTTPError{StatusCode: hresp.StatusCode, ContentType: ct, Excerpt: excerptBytes(data), Err: err}
		}
		return err
	}
	if hresp.StatusCode != http.StatusOK {
		return &HTTPError{StatusCode: hresp.StatusCode, ContentType: ct, Excerpt: excerptBytes(data)}
	}
	if e, ok := respHeader.(interface{ Err() error }); ok {
		if err := e.Err(); err != nil {
			return err
		}
	}
	return nil
}

// errControlChar is why an action cannot be sent in an HTTP header.
var errControlChar = errors.New("a control character cannot be sent in an HTTP header")

// quoteString returns s as an RFC 9110 quoted-string (§5.6.4): in double
// quotes, with '"' and '\' escaped by a backslash. It is how the SOAP 1.1
// SOAPAction header and the SOAP 1.2 action parameter of the Content-Type
// carry the action. Control characters other than the tab have no place
// in a quoted-string: they are an error.
func quoteString(s string) (string, error) {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x20 && c != '\t' || c == 0x7f:
			return "", errControlChar
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String(), nil
}

// readBody reads the response body, decompressing gzip, up to the size
// limit, which applies to the decompressed bytes.
func (c *Client) readBody(hresp *http.Response) ([]byte, error) {
	var r io.Reader = hresp.Body
	switch enc := strings.ToLower(strings.TrimSpace(hresp.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
		if hresp.ContentLength > c.maxResponseSize {
			return nil, fmt.Errorf("%w (%d bytes, limit %d)", ErrResponseTooLarge, hresp.ContentLength, c.maxResponseSize)
		}
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(hresp.Body)
		if errors.Is(err, io.EOF) {
			return nil, nil // an empty body
		}
		if err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
		defer zr.Close()
		r = zr
	default:
		return nil, fmt.Errorf("unsupported Content-Encoding %q", enc)
	}
	hint := int64(0)
	if r == hresp.Body {
		hint = hresp.ContentLength
	}
	return readLimited(r, c.maxResponseSize, hint)
}

// Chunk sizes of readLimited.
const (
	minChunk = 4 << 10
	maxChunk = 1 << 20
)

// readLimited reads r to its end, failing with ErrResponseTooLarge after
// max bytes; hint is the expected size, if known (else 0 or less). It
// reads into chunks that grow up to maxChunk and joins them at the end:
// memory grows with the bytes received, a body that turns out too large
// costs about max bytes (io.ReadAll's growing and copied slice costs two
// and a half times as much), a body of n bytes 2n at most, and n when read
// in one chunk (a hint up to maxChunk). Handler reads requests with it too.
func readLimited(r io.Reader, max, hint int64) ([]byte, error) {
	if max < 0 {
		max = 0
	}
	size := int64(minChunk)
	if hint > 0 {
		size = min(hint+1, maxChunk) // +1 to see the end in the same chunk
	}
	var chunks [][]byte
	var total int64
	for {
		if room := max - total; room < size-1 {
			size = room + 1 // one byte more than allowed, to tell
		}
		buf := make([]byte, 0, size)
		var err error
		for len(buf) < cap(buf) && err == nil {
			var n int
			n, err = r.Read(buf[len(buf):cap(buf)])
			buf = buf[:len(buf)+n]
		}
		total += int64(len(buf))
		if total > max {
			return nil, fmt.Errorf("%w (limit %d bytes)", ErrResponseTooLarge, max)
		}
		if len(buf) > 0 {
			chunks = append(chunks, buf)
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		size = min(2*size, maxChunk)
	}
	switch len(chunks) {
	case 0:
		return nil, nil
	case 1:
		return chunks[0], nil
	}
	return bytes.Join(chunks, nil), nil
}

// closeBody reads what is left of a short body, so that the connection
// goes back to the pool, and closes it.
func closeBody(b io.ReadCloser) {
	_, _ = io.CopyN(io.Discard, b, drainLimit)
	_ = b.Close()
}

func isXMLContentType(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return false
	}
	return mt == "text/xml" || mt == "application/soap+xml" || mt == "application/xml"
}

func excerptBytes(b []byte) string {
	const max = 200
	s := strings.ToValidUTF8(string(b[:min(len(b), max)]), "\uFFFD")
	if len(b) > max {
		s += "…"
	}
	return s
}
