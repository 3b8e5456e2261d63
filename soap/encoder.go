package soap

import (
	"slices"
	"strconv"
	"unicode/utf8"
	"unsafe"
)

// Encoder writes XML. Generated MarshalSOAP methods drive it; it chooses
// prefixes itself, declares each namespace once per scope, and never
// reflects. It is not safe for concurrent use.
type Encoder struct {
	buf    []byte
	open   bool       // a start tag is written but not yet closed with '>'
	stack  []openElem // open elements
	scope  []binding  // namespace bindings in scope, innermost last
	nextNS int
	err    error
	raw    bool // Text appends unescaped: WriteAttr collects a value this way

	// NilForOptional lets Nil through for optional members that the
	// schema does not declare nillable (WriteOptItem), writing xsi:nil, so
	// that what a Decoder with NilForOptional read (the vendor
	// documentation's quirk) encodes again. Off by default: a peer would
	// refuse such an xsi:nil.
	NilForOptional bool

	// The xsi namespace is declared once, on the element that reserved the
	// place (an Envelope, see ReserveXSI), when first needed: xsiAt is the
	// offset in buf where the declaration goes (-1: no reservation),
	// xsiElem the element's index in stack, xsiScope len(scope) after its
	// declarations. inserted counts the bytes inserted so far, for
	// callers that rewind buf to a mark.
	xsiAt, xsiElem, xsiScope int
	inserted                 int

	// mixed are the elements of mixed content being written, innermost
	// last (see StartMixed); a pointer, so that an Encoder stays in its
	// allocation size class.
	mixed *[]mixedOut

	// The last namespace Start found a prefix for, valid while scope has
	// the same length and declarations (declared counts Declare calls):
	// elements mostly share their parent's namespace.
	lastNS, lastPrefix    string
	lastLen, lastDeclared int
	declared              int

	// Inline storage for the stacks, so that encoding an ordinary message
	// allocates nothing but the Encoder and its buffer.
	stackBuf [12]openElem
	scopeBuf [8]binding
}

// Fail records the first error met while encoding (an enum value outside
// its enumeration, say); Err reports it.
func (e *Encoder) Fail(err error) {
	if e.err == nil {
		e.err = err
	}
}

// Err returns the first error recorded by Fail.
func (e *Encoder) Err() error { return e.err }

// openElem is an open element. It holds no strings (its name is read back
// from its start tag in buf), so that pushing one needs no write barrier.
type openElem struct {
	name, nameLen int // offset and length in buf of the name (prefix:local) in its start tag
	scopeLen      int // len(scope) before this element's declarations
}

const nsXML = "http://www.w3.org/XML/1998/namespace"

type binding struct{ prefix, uri string }

// NewTextEncoder returns an Encoder that collects the text content
// functions write, unescaped, for an attribute or list value: Bytes
// returns it. Elements must not be written to it.
func NewTextEncoder() *Encoder {
	e := NewEncoder(nil)
	e.raw = true
	return e
}

// NewEncoder returns an Encoder that appends to buf.
func NewEncoder(buf []byte) *Encoder {
	e := &Encoder{buf: buf, xsiAt: -1}
	e.stack, e.scope = e.stackBuf[:0], e.scopeBuf[:0]
	return e
}

// Bytes returns the XML written so far.
func (e *Encoder) Bytes() []byte { return e.buf }

// Reset empties the encoder, keeping its buffer's capacity.
func (e *Encoder) Reset() {
	e.buf, e.open, e.stack, e.scope, e.nextNS, e.err = e.buf[:0], false, e.stack[:0], e.scope[:0], 0, nil
	e.xsiAt, e.inserted = -1, 0
	if e.mixed != nil {
		*e.mixed = (*e.mixed)[:0]
	}
	e.lastNS, e.lastPrefix = "", ""
}

// xsiPrefix is the prefix under which the xsi namespace is to be declared
// on the element that reserved it.
const xsiPrefix = "xsi"

// ReserveXSI makes the element just started (whose start tag is still
// open) the place where the XML Schema instance namespace is declared the
// first time an xsi attribute (xsi:nil, xsi:type) is written below it: one
// declaration for the whole element, instead of one on every element that
// needs it, and none when nothing does. Envelope.Encode calls it on the
// Envelope.
func (e *Encoder) ReserveXSI() {
	if !e.open || len(e.stack) == 0 {
		return
	}
	e.xsiAt, e.xsiElem, e.xsiScope = len(e.buf), len(e.stack)-1, len(e.scope)
}

// declareReservedXSI declares the xsi namespace where ReserveXSI said, if
// that element is still open and the declaration would be in scope here,
// and reports whether it did.
func (e *Encoder) declareReservedXSI() bool {
	if e.xsiAt < 0 || e.xsiElem >= len(e.stack) || e.xsiScope > len(e.scope) {
		return false
	}
	for _, b := range e.scope[e.xsiScope:] {
		if b.prefix == xsiPrefix {
			return false // shadowed by an inner declaration
		}
	}
	const decl = ` xmlns:` + xsiPrefix + `="` + NSXSI + `"`
	e.buf = slices.Insert(e.buf, e.xsiAt, []byte(decl)...)
	e.scope = slices.Insert(e.scope, e.xsiScope, binding{xsiPrefix, NSXSI})
	e.declared++
	for i := e.xsiElem + 1; i < len(e.stack); i++ {
		e.stack[i].scopeLen++
		e.stack[i].name += len(decl) // started after the reserving element's declarations
	}
	e.inserted += len(decl)
	e.xsiAt = -1
	return true
}

// lookupPrefixed is lookup for names that need a prefix (attributes,
// QName values): ok is false when ns has none in scope, after declaring
// the reserved xsi namespace if ns is that.
func (e *Encoder) lookupPrefixed(ns string) (string, bool) {
	p, ok := e.lookup(ns)
	if ok && p != "" {
		return p, true
	}
	if ns == NSXSI && e.declareReservedXSI() {
		return xsiPrefix, true
	}
	return "", false
}

func (e *Encoder) lookup(uri string) (prefix string, ok bool) {
	if uri == nsXML {
		return "xml", true
	}
	if uri == "" {
		// No prefix can name the empty namespace: it is in scope only
		// where the default namespace is undeclared or empty.
		for i := len(e.scope) - 1; i >= 0; i-- {
			if e.scope[i].prefix == "" {
				return "", e.scope[i].uri == ""
			}
		}
		return "", true
	}
	for i := len(e.scope) - 1; i >= 0; i-- {
		if e.scope[i].uri == uri {
			p := e.scope[i].prefix
			// The binding is usable only if no inner binding shadows its prefix.
			for j := i + 1; j < len(e.scope); j++ {
				if e.scope[j].prefix == p {
					return "", false
				}
			}
			return p, true
		}
	}
	return "", false
}

// minFree is the room Start makes in buf before writing a start tag (room
// for the tag, short content and the end tag), so that the buffer mostly
// grows by doubling, a few times per message, rather than by append's
// smaller steps.
const minFree = 64

// grow makes room for at least n more bytes in buf, at least doubling its
// capacity.
func (e *Encoder) grow(n int) {
	// append of a make is growslice without clearing the bytes it copies.
	l := len(e.buf)
	e.buf = append(e.buf, make([]byte, max(n, cap(e.buf), 1024))...)[:l]
}

// put appends s to buf. Like the encoder's other writes, it reslices buf
// in place when there is room (storing only its length) instead of
// assigning the result of append, which stores its pointer too: under a
// running garbage collection every such store is a write barrier, and an
// envelope makes several per element.
func (e *Encoder) put(s string) {
	n := len(e.buf)
	if cap(e.buf)-n < len(s) {
		e.grow(len(s))
	}
	e.buf = e.buf[:n+len(s)]
	copy(e.buf[n:], s)
}

// putBytes is put for a []byte.
func (e *Encoder) putBytes(b []byte) {
	n := len(e.buf)
	if cap(e.buf)-n < len(b) {
		e.grow(len(b))
	}
	e.buf = e.buf[:n+len(b)]
	copy(e.buf[n:], b)
}

func (e *Encoder) closeTag() {
	if e.open {
		e.buf = append(e.buf, '>')
		e.open = false
	}
}

// Declare binds prefix to uri on the element just started ("" declares the
// default namespace). Call it right after Start.
func (e *Encoder) Declare(prefix, uri string) {
	if prefix == "" {
		e.put(` xmlns="`)
	} else {
		e.put(" xmlns:")
		e.put(prefix)
		e.put(`="`)
	}
	e.buf = appendEscaped(e.buf, uri, true)
	e.buf = append(e.buf, '"')
	e.scope = append(e.scope, binding{prefix, uri})
	e.declared++
}

// Start writes the start tag of element {ns}local. Attributes and
// namespace declarations may follow until content or End is written.
func (e *Encoder) Start(ns, local string) {
	p, ok := e.prefix(ns)
	if !ok && ns != "" {
		p = e.freshPrefix()
	}
	e.startTag(p, local)
	if !ok {
		e.Declare(p, ns)
	}
}

// prefix is lookup for element names, remembering the last namespace found.
func (e *Encoder) prefix(ns string) (string, bool) {
	// Generated code passes the same constant for a namespace: comparing
	// the strings' data pointers first saves calling memequal.
	if len(e.scope) == e.lastLen && e.declared == e.lastDeclared && len(ns) == len(e.lastNS) && ns != "" &&
		(unsafe.StringData(ns) == unsafe.StringData(e.lastNS) || ns == e.lastNS) {
		return e.lastPrefix, true
	}
	p, ok := e.lookup(ns)
	if ok && ns != "" {
		e.lastNS, e.lastPrefix, e.lastLen, e.lastDeclared = ns, p, len(e.scope), e.declared
	}
	return p, ok
}

// leaf writes the element {ns}local holding text, which needs no
// escaping, as Start, Text and End would, in one step when ns has a prefix
// in scope: the element is never on the stack.
func leaf[S string | []byte](e *Encoder, ns, local string, text S) {
	p, ok := e.prefix(ns)
	if !ok {
		e.Start(ns, local)
		e.closeTag()
		e.putBytes([]byte(text))
		e.End()
		return
	}
	if e.mixed != nil {
		e.mixedChild()
	}
	name := len(p) + len(local)
	if p != "" {
		name++
	}
	l := len(e.buf)
	if n := 2*name + len(text) + 6 + minFree; cap(e.buf)-l < n {
		e.grow(n)
	}
	b := e.buf[:cap(e.buf)]
	l, start := e.openTag(b, l, p, local)
	b[l] = '>'
	l++
	l += copy(b[l:], text)
	b[l], b[l+1] = '<', '/'
	l += 2
	l += copy(b[l:], b[start:start+name])
	b[l] = '>'
	l++
	e.buf = e.buf[:l]
	e.open = false
}

// openTag writes, at b[l:] (which has room), the '>' that closes a start
// tag left open and <prefix:local (or <local); it returns the offset after
// it and that of the name.
func (e *Encoder) openTag(b []byte, l int, prefix, local string) (end, name int) {
	if e.open {
		b[l] = '>'
		l++
	}
	b[l] = '<'
	l++
	name = l
	if prefix != "" {
		l += copy(b[l:], prefix)
		b[l] = ':'
		l++
	}
	l += copy(b[l:], local)
	return l, name
}

// startTag writes <prefix:local (or <local) and pushes the element.
func (e *Encoder) startTag(prefix, local string) {
	if e.mixed != nil {
		e.mixedChild()
	}
	// Room for '>', '<', the name, and what usually follows (minFree),
	// then the bytes written in place.
	l := len(e.buf)
	if n := len(prefix) + len(local) + 3 + minFree; cap(e.buf)-l < n {
		e.grow(n)
	}
	b := e.buf[:cap(e.buf)]
	l, name := e.openTag(b, l, prefix, local)
	e.buf = e.buf[:l]
	e.open = true
	e.stack = append(e.stack, openElem{name: name, nameLen: l - name, scopeLen: len(e.scope)})
}

// StartPrefixed writes the start tag of {ns}local with a declaration that
// binds prefix to ns on it.
func (e *Encoder) StartPrefixed(prefix, ns, local string) {
	e.startTag(prefix, local)
	e.Declare(prefix, ns)
}

func (e *Encoder) freshPrefix() string {
	e.nextNS++
	if e.nextNS < len(nsPrefixes) {
		return nsPrefixes[e.nextNS]
	}
	return "ns" + strconv.Itoa(e.nextNS)
}

var nsPrefixes = [...]string{"ns0", "ns1", "ns2", "ns3", "ns4", "ns5", "ns6", "ns7", "ns8", "ns9"}

// StartDefault writes the start tag of {ns}local and makes ns the default
// namespace from here on (used for the first element in a namespace).
func (e *Encoder) StartDefault(ns, local string) {
	e.startTag("", local)
	e.Declare("", ns)
}

// Attr writes an attribute on the element just started.
func (e *Encoder) Attr(ns, local, value string) {
	e.buf = append(e.buf, ' ')
	if ns != "" {
		p, ok := e.lookupPrefixed(ns)
		if !ok {
			// Attributes never use the default namespace.
			p = e.freshPrefix()
			e.buf = e.buf[:len(e.buf)-1]
			e.Declare(p, ns)
			e.buf = append(e.buf, ' ')
		}
		e.put(p)
		e.buf = append(e.buf, ':')
	}
	e.put(local)
	e.put(`="`)
	e.buf = appendEscaped(e.buf, value, true)
	e.buf = append(e.buf, '"')
}

// QNameValue returns the lexical form of {ns}local for use in text or an
// attribute value of the element just started, declaring a prefix if needed.
func (e *Encoder) QNameValue(ns, local string) string {
	if ns == "" {
		return local
	}
	p, ok := e.lookupPrefixed(ns)
	if !ok {
		p = e.freshPrefix()
		e.Declare(p, ns)
	}
	return p + ":" + local
}

// End closes the innermost open element.
func (e *Encoder) End() {
	top := e.stack[len(e.stack)-1]
	e.stack = e.stack[:len(e.stack)-1]
	l := len(e.buf)
	if cap(e.buf)-l < top.nameLen+3 {
		e.grow(top.nameLen + 3)
	}
	b := e.buf[:cap(e.buf)]
	if e.open {
		b[l], b[l+1] = '/', '>'
		l += 2
		e.open = false
	} else {
		b[l], b[l+1] = '<', '/'
		l += 2
		l += copy(b[l:], b[top.name:top.name+top.nameLen])
		b[l] = '>'
		l++
	}
	e.buf = e.buf[:l]
	e.scope = e.scope[:top.scopeLen]
	if len(e.stack) == e.xsiElem {
		e.xsiAt = -1 // the reserving element has ended
	}
}

// Nil writes <local xsi:nil="true"/>.
func (e *Encoder) Nil(ns, local string) {
	e.Start(ns, local)
	e.Attr(NSXSI, "nil", "true")
	e.End()
}

// Text writes escaped character data into the current element.
func (e *Encoder) Text(s string) {
	if !e.raw {
		e.closeTag()
		for i := 0; i < len(s); i++ {
			if !textNoEscape[s[i]] {
				e.buf = appendEscaped(e.buf, s, false)
				return
			}
		}
	}
	e.put(s)
}

// TextBytes is Text for a []byte.
func (e *Encoder) TextBytes(b []byte) {
	if !e.raw {
		e.closeTag()
		for _, c := range b {
			if !textNoEscape[c] {
				e.buf = appendEscaped(e.buf, string(b), false)
				return
			}
		}
	}
	e.putBytes(b)
}

// AppendUnescaped writes as character data what appendText appends to the
// Encoder's buffer, which must need no escaping (base64, hexadecimal
// digits): a large value is formatted in place, not copied.
func (e *Encoder) AppendUnescaped(appendText func(b []byte) []byte) {
	e.closeTag()
	e.buf = appendText(e.buf)
}

// Element writes the element {ns}local holding the character data text
// (escaped), as Start, Text and End would; in one step when text needs no
// escaping, without the element going on the stack.
func (e *Encoder) Element(ns, local, text string) {
	for i := 0; i < len(text); i++ {
		if !textNoEscape[text[i]] {
			e.Start(ns, local)
			e.Text(text)
			e.End()
			return
		}
	}
	leaf(e, ns, local, text)
}

// ElementBytes is Element for a []byte.
func (e *Encoder) ElementBytes(ns, local string, text []byte) {
	for _, c := range text {
		if !textNoEscape[c] {
			e.Start(ns, local)
			e.TextBytes(text)
			e.End()
			return
		}
	}
	leaf(e, ns, local, text)
}

// appendEscaped escapes s for XML text or attribute values. Characters not
// allowed in XML 1.0 become U+FFFD, as encoding/xml does.
func appendEscaped(b []byte, s string, attr bool) []byte {
	plain := &textNoEscape
	if attr {
		plain = &attrNoEscape
	}
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if plain[c] {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			var esc string
			switch {
			case c == '&':
				esc = "&amp;"
			case c == '<':
				esc = "&lt;"
			case c == '>':
				esc = "&gt;"
			case c == '"' && attr:
				esc = "&quot;"
			case c == '\r':
				esc = "&#xD;"
			case c == '\n' && attr:
				esc = "&#xA;"
			case c == '\t' && attr:
				esc = "&#x9;"
			case c < 0x20 && c != '\n' && c != '\t':
				esc = "\uFFFD"
			default:
				i++
				continue
			}
			b = append(b, s[last:i]...)
			b = append(b, esc...)
			i++
			last = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || !isXMLChar(r) {
			b = append(b, s[last:i]...)
			b = append(b, "\uFFFD"...)
			i += size
			last = i
			continue
		}
		i += size
	}
	return append(b, s[last:]...)
}

// textNoEscape and attrNoEscape mark the bytes appendEscaped copies as
// they are.
var textNoEscape, attrNoEscape [256]bool

func init() {
	for c := 0x20; c < 0x80; c++ {
		textNoEscape[c] = c != '&' && c != '<' && c != '>'
		attrNoEscape[c] = textNoEscape[c] && c != '"'
	}
	textNoEscape['\n'], textNoEscape['\t'] = true, true
}

func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}
