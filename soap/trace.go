package soap

import (
	"bytes"
	"context"
	"net/http"
	"strconv"

	"github.com/soapgen/soapgen/internal/secret"
	"github.com/soapgen/soapgen/internal/xmlscan"
)

// TraceEvent is an envelope as a client sent or received it, or as a
// Handler received or sent it, for debugging. Secrets are redacted: the
// text of an element, and the value of an attribute, whose local name
// says it holds one (as for the members whose values the generated String
// methods redact: a name ending in password, passwd, secret, token, ticket
// or apikey, or containing password or secret, ignoring case) reads
// "[redacted]"; an envelope that is not well-formed XML is not shown.
type TraceEvent struct {
	// Operation is the operation's name; on a Handler, "" when the
	// request names none it serves.
	Operation string
	// URL is the client's endpoint, its password redacted; on a Handler,
	// the request's URL path.
	URL string
	// Response tells a response (true) from a request.
	Response bool
	// HTTPStatus is a response's HTTP status.
	HTTPStatus int
	// Envelope is the envelope, redacted; it is the trace's to keep.
	Envelope []byte
}

// A Tracer receives the envelopes of calls; see WithTrace and
// WithHandlerTrace. It is called synchronously, and must be safe for
// concurrent use.
type Tracer func(ctx context.Context, ev TraceEvent)

// WithTrace has the client pass every request it sends and every response
// it reads to t, secrets redacted (see TraceEvent). A nil t traces
// nothing. Tracing costs a copy of each envelope; without it nothing is
// copied.
func WithTrace(t Tracer) ClientOption { return func(c *Client) { c.trace = t } }

// WithHandlerTrace has the Handler pass every request it reads and every
// response it writes (faults included) to t, secrets redacted (see
// TraceEvent).
func WithHandlerTrace(t Tracer) HandlerOption { return func(h *Handler) { h.trace = t } }

// redactedText replaces a secret.
const redactedText = "[redacted]"

// redactEnvelope returns a copy of the XML document data in which the
// text inside elements with a secret's name, and the values of attributes
// with one, are replaced by "[redacted]"; the rest is as written. A
// document that does not scan is replaced by a note of its size, since
// what it holds cannot be told apart.
func redactEnvelope(data []byte) []byte {
	var s xmlscan.Scanner
	s.Reset(data)
	out := make([]byte, 0, len(data))
	var tok xmlscan.Token
	last := 0         // data[:last] is written or skipped
	secretDepth := -1 // the depth of the outermost secret element open, or -1
	depth := 0
	skipText := false // redacted text written: skip the text up to the next token
	for s.Next(&tok) {
		if skipText {
			last, skipText = tok.Offset, false
		}
		if tok.Offset > last {
			out = append(out, data[last:tok.Offset]...)
			last = tok.Offset
		}
		switch tok.Kind {
		case xmlscan.StartTag:
			depth++
			if secretDepth < 0 && secret.Name(string(tok.Local)) {
				secretDepth = depth
			}
			if secretAttr(tok.Attrs) {
				end := tagEnd(data, tok.Offset)
				out = appendStartTag(out, &tok, end >= 2 && data[end-2] == '/')
				last = end
			}
		case xmlscan.EndTag:
			if depth == secretDepth {
				secretDepth = -1
			}
			depth--
		case xmlscan.CharData:
			if secretDepth >= 0 {
				out = append(out, redactedText...)
				skipText = true
			}
		}
		if s.Done() {
			break
		}
	}
	if !s.Done() {
		return []byte("[" + strconv.Itoa(len(data)) + " bytes that are not well-formed XML, not shown]")
	}
	if !skipText && last < len(data) {
		out = append(out, data[last:]...)
	}
	return out
}

// tagEnd returns the offset just past the tag starting at off: after the
// first '>' outside quotes (a well-formed tag has one).
func tagEnd(data []byte, off int) int {
	var quote byte
	for i := off; i < len(data); i++ {
		switch c := data[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i + 1
		}
	}
	return len(data)
}

// secretAttr reports whether an attribute has a secret's name.
func secretAttr(attrs []xmlscan.Attr) bool {
	for i := range attrs {
		if !attrs[i].Decl && secret.Name(string(attrs[i].Local)) {
			return true
		}
	}
	return false
}

// appendStartTag writes the start tag t again (an empty element's tag if
// empty), with the values of its secret attributes redacted.
func appendStartTag(out []byte, t *xmlscan.Token, empty bool) []byte {
	out = append(out, '<')
	if len(t.Prefix) > 0 {
		out = append(out, t.Prefix...)
		out = append(out, ':')
	}
	out = append(out, t.Local...)
	for i := range t.Attrs {
		a := &t.Attrs[i]
		out = append(out, ' ')
		if len(a.Prefix) > 0 {
			out = append(out, a.Prefix...)
			out = append(out, ':')
		}
		out = append(out, a.Local...)
		out = append(out, '=', '"')
		if !a.Decl && secret.Name(string(a.Local)) {
			out = append(out, redactedText...)
		} else {
			out = appendEscaped(out, string(a.Value), true)
		}
		out = append(out, '"')
	}
	if empty {
		out = append(out, '/')
	}
	return append(out, '>')
}

// traceWriter records what a Handler writes, for its trace.
type traceWriter struct {
	http.ResponseWriter
	status int
	body   bytes.Buffer
}

func (w *traceWriter) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *traceWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	w.body.Write(p)
	return w.ResponseWriter.Write(p)
}

// Unwrap gives http.ResponseController the writer underneath.
func (w *traceWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
