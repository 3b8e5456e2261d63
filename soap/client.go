package soap

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Version of the soapgen runtime, sent in the User-Agent header.
const RuntimeVersion = "0.1.0"

// DefaultMaxResponseSize limits the bytes read of a response body.
const DefaultMaxResponseSize = 64 << 20

// Operation describes one operation of a binding, as generated code knows it.
type Operation struct {
	Name       string
	Action     string // SOAPAction (1.1) or the action parameter (1.2)
	Input      QName  // the request body element
	Output     QName  // the response body element
	Namespaces []string
}

// Client sends SOAP requests over HTTP. It is safe for concurrent use.
type Client struct {
	url             string
	http            *http.Client
	version         Version
	header          HeaderMarshaler
	userAgent       string
	maxResponseSize int64
}

// ClientOption configures a Client.
type ClientOption func(*Client)

// WithHTTPClient sets the HTTP client (default: one with a 2-minute overall
// timeout over http.DefaultTransport, so connections are reused).
func WithHTTPClient(h *http.Client) ClientOption { return func(c *Client) { c.http = h } }

// WithVersion selects SOAP 1.1 (the default) or SOAP 1.2.
func WithVersion(v Version) ClientOption { return func(c *Client) { c.version = v } }

// WithDefaultHeader sets the SOAP headers sent with every call unless a
// call overrides them with WithHeader.
func WithDefaultHeader(h HeaderMarshaler) ClientOption { return func(c *Client) { c.header = h } }

// WithMaxResponseSize limits the size of a response body.
func WithMaxResponseSize(n int64) ClientOption { return func(c *Client) { c.maxResponseSize = n } }

// WithUserAgent replaces the User-Agent header.
func WithUserAgent(ua string) ClientOption { return func(c *Client) { c.userAgent = ua } }

// NewClient returns a client for the endpoint url.
func NewClient(url string, opts ...ClientOption) *Client {
	c := &Client{
		url:             url,
		http:            &http.Client{Timeout: 2 * time.Minute},
		userAgent:       "soapgen/" + RuntimeVersion,
		maxResponseSize: DefaultMaxResponseSize,
	}
	for _, o := range opts {
		o(c)
	}
	return c
}

// Version reports the SOAP version the client sends.
func (c *Client) Version() Version { return c.version }

// CallOption configures one call.
type CallOption struct {
	header         HeaderMarshaler
	responseHeader func(h any) bool
}

// WithHeader sets the SOAP headers of one call, replacing the client's default.
func WithHeader(h HeaderMarshaler) CallOption { return CallOption{header: h} }

// ResponseHeader stores the response's SOAP headers into *dst after the
// call, also when the call returns an error after the response was read.
func ResponseHeader[H any](dst *H) CallOption {
	return CallOption{responseHeader: func(h any) bool {
		v, ok := h.(*H)
		if ok {
			*dst = *v
		}
		return ok
	}}
}

// HTTPError is returned for a response that is not a SOAP envelope.
type HTTPError struct {
	StatusCode  int
	ContentType string
	Excerpt     string // the start of the body, for diagnosis
	Err         error  // why the body was not accepted, if it was read
}

func (e *HTTPError) Error() string {
	s := fmt.Sprintf("soap: HTTP %d %s", e.StatusCode, http.StatusText(e.StatusCode))
	if e.ContentType != "" {
		s += " (" + e.ContentType + ")"
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

// EncodeRequest encodes the envelope of a request.
func (c *Client) EncodeRequest(op *Operation, req Marshaler, opts ...CallOption) ([]byte, error) {
	header := c.header
	for _, o := range opts {
		if o.header != nil {
			header = o.header
		}
	}
	env := Envelope{Version: c.version, Namespaces: op.Namespaces, BodyName: op.Input, Body: req}
	if header != nil {
		env.Header = header
	}
	e := NewEncoder(make([]byte, 0, 1024))
	env.Encode(e)
	if err := e.Err(); err != nil {
		return nil, fmt.Errorf("soap: %s: encoding the request: %w", op.Name, err)
	}
	return e.Bytes(), nil
}

// Call sends req as op's input and decodes the response into respHeader and
// resp. A SOAP Fault is returned as *Fault; a response header that reports
// failure (one with an Err() error method returning non-nil) is returned
// as that error.
func (c *Client) Call(ctx context.Context, op *Operation, req Marshaler, respHeader HeaderUnmarshaler, resp Unmarshaler, opts ...CallOption) error {
	body, err := c.EncodeRequest(op, req, opts...)
	if err != nil {
		return err
	}
	hreq, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("soap: %s: %w", op.Name, err)
	}
	if c.version == SOAP12 {
		hreq.Header.Set("Content-Type", `application/soap+xml; charset=utf-8; action="`+op.Action+`"`)
	} else {
		hreq.Header.Set("Content-Type", "text/xml; charset=utf-8")
		hreq.Header.Set("SOAPAction", `"`+op.Action+`"`)
	}
	hreq.Header.Set("User-Agent", c.userAgent)
	hresp, err := c.http.Do(hreq)
	if err != nil {
		return fmt.Errorf("soap: %s: %w", op.Name, err)
	}
	defer hresp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(hresp.Body, c.maxResponseSize+1))
	if err != nil {
		return fmt.Errorf("soap: %s: reading response: %w", op.Name, err)
	}
	if int64(len(data)) > c.maxResponseSize {
		return fmt.Errorf("soap: %s: %w (%d bytes)", op.Name, ErrResponseTooLarge, c.maxResponseSize)
	}
	ct := hresp.Header.Get("Content-Type")
	if !isXMLContentType(ct) {
		return &HTTPError{StatusCode: hresp.StatusCode, ContentType: ct, Excerpt: excerptBytes(data)}
	}
	env := Envelope{BodyName: op.Output, Body: resp, Header: respHeader}
	err = env.Decode(NewBytesDecoder(data))
	for _, o := range opts {
		if o.responseHeader != nil && !o.responseHeader(respHeader) {
			return fmt.Errorf("soap: %s: ResponseHeader: destination does not match the operation's header type %T", op.Name, respHeader)
		}
	}
	var f *Fault
	if errors.As(err, &f) {
		f.HTTPStatus = hresp.StatusCode
		return err
	}
	if err != nil {
		if hresp.StatusCode != http.StatusOK {
			return &HTTPError{StatusCode: hresp.StatusCode, ContentType: ct, Excerpt: excerptBytes(data), Err: err}
		}
		return fmt.Errorf("soap: %s: %w", op.Name, err)
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
