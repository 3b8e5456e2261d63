package soap

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/soapgen/soapgen/internal/xmlscan"
)

// DefaultMaxAnyElements is the number of elements one xs:anyType value or
// Fault detail may hold by default.
const DefaultMaxAnyElements = 10000

// DefaultMaxDepth is the element nesting depth a Decoder accepts by default.
const DefaultMaxDepth = 256

// MaxNamespaceDeclarations bounds the namespace declarations in scope at
// once: lookups scan them, so a hostile document with thousands would make
// decoding quadratic. Real SOAP messages have a handful.
const MaxNamespaceDeclarations = xmlscan.MaxNamespaceDeclarations

// DefaultMaxSize is the document size a Decoder reads from an io.Reader
// by default.
const DefaultMaxSize = 64 << 20

// DecodeError is an error in a decoded document, with its position.
type DecodeError struct {
	Line, Col int
	Msg       string
}

// Error formats the error with its line and column.
func (e *DecodeError) Error() string {
	if e.Line == 0 {
		return "soap: decode: " + e.Msg
	}
	return fmt.Sprintf("soap: decode: line %d:%d: %s", e.Line, e.Col, e.Msg)
}

// ErrDTD is returned for documents with a DTD: SOAP forbids them, and
// refusing them stops entity expansion attacks.
var ErrDTD = errors.New("soap: DTD not allowed in a SOAP message")

// Decoder reads XML for generated UnmarshalSOAP methods: it walks a
// document one element at a time, strictly (an element the caller does not
// ask for is an error), checks xsi:type against the declared type, and
// keeps the first error (later calls do nothing and report it).
//
// It tokenizes with soapgen's own strict XML scanner (well-formedness and
// namespace well-formedness, no DTD, legal characters in valid UTF-8), which
// reads the whole document into memory first when given an io.Reader.
type Decoder struct {
	err     error
	r       io.Reader     // the input, until it is read
	tok     xmlscan.Token // the last token read; a start or end tag read ahead when peeked
	peeked  bool
	begun   bool // the first token was asked for
	lastOff int  // offset of the last token read, for positions
	elemOff int  // offset of the element At accepted last

	curNil   bool
	curType  QName       // xsi:type of an accepted xs:anyType element
	curAttrs []Attr      // other attributes of an accepted xs:anyType element, or of one accepted by AtAttrs
	attrText *string     // the attribute value ReadAttr hands to a read function as text
	curName  QName       // the element AtWildcard accepted
	mixed    []mixedText // elements of mixed content being read, innermost last (see StartMixed)

	// MaxAnyElements limits the elements one xs:anyType value (or a
	// Fault's detail) may hold, each costing a tree node; 0 means
	// DefaultMaxAnyElements.
	MaxAnyElements int
	// MaxDepth limits element nesting; 0 means DefaultMaxDepth.
	MaxDepth int
	// MaxSize limits the bytes read from the io.Reader of NewDecoder; 0
	// means DefaultMaxSize. For NewBytesDecoder it applies only when set.
	MaxSize int
	// NilForOptional accepts xsi:nil="true" on optional elements that the
	// schema does not declare nillable, decoding them as Nil. The vendor
	// documentation's examples write such elements to cut recursion; a
	// real service would reject them, so it is off by default.
	NilForOptional bool

	s xmlscan.Scanner
}

// NewDecoder returns a Decoder reading r. The document is read whole (up
// to MaxSize bytes) when the first token is needed.
func NewDecoder(r io.Reader) *Decoder {
	d := new(Decoder)
	d.r = r
	d.reset(nil)
	return d
}

// NewBytesDecoder returns a Decoder reading b, which it does not modify;
// b must not change while the Decoder is used.
func NewBytesDecoder(b []byte) *Decoder {
	d := new(Decoder)
	d.reset(b)
	return d
}

// NewTextDecoder returns a Decoder whose first Text call returns s, as if s
// were the content of an accepted element: read functions parse attribute
// and list values with it. Errors it records carry no position.
func NewTextDecoder(s string) *Decoder { return &Decoder{attrText: &s} }

// reset points the scanner at src, with the namespace names SOAP messages
// declare, so that meeting them costs no allocation.
func (d *Decoder) reset(src []byte) {
	d.s.Reset(src, NSXSI, NSXSD, NSSOAP11Envelope, NSSOAP12Envelope)
}

// reuse makes d, a Decoder made by NewBytesDecoder and done with, decode b
// as a new one would (with no options set), keeping its buffers and the
// namespace names it has met: a Handler pools its decoders. Nothing a
// Decoder hands out (strings, slices, values) refers to its own memory.
func (d *Decoder) reuse(b []byte) {
	d.err, d.r, d.tok = nil, nil, xmlscan.Token{}
	d.peeked, d.begun, d.lastOff, d.elemOff = false, false, 0, 0
	d.curNil, d.curType, d.curAttrs, d.attrText, d.curName = false, QName{}, nil, nil, QName{}
	d.MaxAnyElements, d.MaxDepth, d.MaxSize, d.NilForOptional = 0, 0, 0, false
	d.mixed = d.mixed[:0]
	d.s.Rescan(b)
}

// Err returns the first error met.
func (d *Decoder) Err() error { return d.err }

// Fail records err (if it is the first) at the current position.
func (d *Decoder) Fail(format string, args ...any) {
	if d.err == nil {
		off := d.lastOff
		if d.peeked {
			off = d.tok.Offset
		}
		line, col := d.s.LineCol(off)
		d.err = &DecodeError{Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
	}
}

// load reads the document from the io.Reader of NewDecoder.
func (d *Decoder) load() bool {
	max := d.MaxSize
	if max <= 0 {
		max = DefaultMaxSize
	}
	data, err := io.ReadAll(io.LimitReader(d.r, int64(max)+1))
	d.r = nil
	switch {
	case err != nil:
		d.err = &DecodeError{Msg: err.Error()}
		return false
	case len(data) > max:
		d.err = &DecodeError{Msg: fmt.Sprintf("document larger than %d bytes", max)}
		return false
	}
	d.reset(data)
	return true
}

// scanErr records the scanner's error.
func (d *Decoder) scanErr() {
	if d.err != nil {
		return
	}
	var e *xmlscan.Error
	switch err := d.s.Err(); {
	case !errors.As(err, &e):
		d.err = err
	case e.Code == xmlscan.DTD:
		d.err = ErrDTD
	default:
		d.err = &DecodeError{Line: e.Line, Col: e.Col, Msg: e.Msg}
	}
}

// next returns the next token: a start or end tag, or character data
// (white space too; callers decide). It returns nil at an error.
func (d *Decoder) next() *xmlscan.Token {
	if d.peeked {
		d.peeked = false
		return &d.tok
	}
	if d.err != nil {
		return nil
	}
	if d.r != nil && !d.load() {
		return nil
	}
	if !d.begun {
		d.begun = true
		if d.MaxSize > 0 && len(d.s.Input()) > d.MaxSize {
			d.err = &DecodeError{Msg: fmt.Sprintf("document larger than %d bytes", d.MaxSize)}
			return nil
		}
	}
	d.s.MaxDepth = d.MaxDepth
	if d.s.MaxDepth <= 0 {
		d.s.MaxDepth = DefaultMaxDepth
	}
	if !d.s.Next(&d.tok) {
		d.scanErr()
		return nil
	}
	d.lastOff = d.tok.Offset
	return &d.tok
}

// nextElem skips white space and returns the next start or end tag;
// other character data inside element-only content is an error.
func (d *Decoder) nextElem() *xmlscan.Token {
	for {
		t := d.next()
		if t == nil || t.Kind != xmlscan.CharData {
			if t != nil && len(d.mixed) > 0 && t.Kind == xmlscan.StartTag {
				d.mixedChild()
			}
			return t
		}
		if len(d.mixed) > 0 && d.mixedText(t.Text) {
			continue
		}
		if !isSpaceBytes(t.Text) {
			d.Fail("unexpected text %q", excerpt(string(t.Text)))
			return nil
		}
	}
}

// isWSByte reports whether c is XML white space.
func isWSByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func isSpaceBytes(b []byte) bool {
	for _, c := range b {
		if !isWSByte(c) {
			return false
		}
	}
	return true
}

func excerpt(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// resolve maps a QName's prefix through the namespaces in scope.
func (d *Decoder) resolve(qname string) (QName, bool) {
	prefix, local, ok := strings.Cut(qname, ":")
	if !ok {
		prefix, local = "", qname
	}
	uri, ok := d.s.Lookup([]byte(prefix))
	if !ok {
		return QName{}, false
	}
	return QName{uri, local}, true
}

// resolveBytes is resolve for a value in the input: it allocates nothing.
func (d *Decoder) resolveBytes(qname []byte) (uri string, local []byte, ok bool) {
	for i, c := range qname {
		if c == ':' {
			uri, ok = d.s.Lookup(qname[:i])
			return uri, qname[i+1:], ok
		}
	}
	uri, ok = d.s.Lookup(nil)
	return uri, qname, ok
}

// Root reads up to the document's root element and reports its name.
// Its content is then read like an element accepted by At.
func (d *Decoder) Root() (QName, bool) {
	t := d.nextElem()
	if t == nil || t.Kind != xmlscan.StartTag {
		if d.err == nil {
			d.Fail("no root element")
		}
		return QName{}, false
	}
	d.curNil = false
	d.elemOff = t.Offset
	// The root's attributes (other than namespace declarations and xsi
	// ones) are kept for a type that declares attributes (ReadAttr).
	d.curAttrs = nil
	for i := range t.Attrs {
		a := &t.Attrs[i]
		if !a.Decl && a.Space != NSXSI {
			d.curAttrs = append(d.curAttrs, Attr{QName{a.Space, string(a.Local)}, string(a.Value)})
		}
	}
	return QName{t.Space, string(t.Local)}, true
}

// peekStart reads ahead and reports whether the next child of the current
// element is a start tag (then in d.tok).
func (d *Decoder) peekStart() bool {
	if d.err != nil {
		return false
	}
	if !d.peeked {
		if d.nextElem() == nil {
			return false
		}
		d.peeked = true
	}
	return d.tok.Kind == xmlscan.StartTag
}

// Peek reports the name of the next child element of the current element
// without consuming it; ok is false at the end of the current element.
func (d *Decoder) Peek() (name QName, ok bool) {
	if !d.peekStart() {
		return QName{}, false
	}
	return QName{d.tok.Space, string(d.tok.Local)}, true
}

// At reports whether the next child element is {ns}local. When it is, the
// element is accepted: its content is read next (by a Read function or an
// UnmarshalSOAP method). typeNS and typeLocal name the element's declared
// type: an xsi:type naming any other type is an error. Attributes other than
// xsi:type and xsi:nil are errors (the schema declares none).
func (d *Decoder) At(ns, local, typeNS, typeLocal string) bool {
	return d.at(ns, local, typeNS, typeLocal, false, false)
}

// AtAttrs is At for an element whose type declares attributes: attributes
// other than xsi:type and xsi:nil are kept for ReadAttr, and EndAttrs
// reports any the type did not read.
func (d *Decoder) AtAttrs(ns, local, typeNS, typeLocal string) bool {
	return d.at(ns, local, typeNS, typeLocal, false, true)
}

// EndAttrs reports an error for an attribute of the element accepted by
// AtAttrs that ReadAttr did not read: the type does not declare it.
func (d *Decoder) EndAttrs() {
	if d.err == nil && len(d.curAttrs) > 0 {
		d.Fail("unexpected attribute %s", d.curAttrs[0].Name)
	}
	d.curAttrs = nil
}

// Attr reads attribute {ns}local of the element accepted by AtAttrs:
// it calls read, in which Text returns the attribute's value (prefixes in
// it resolve as on the element), and reports whether the attribute was
// there. A read attribute is no longer among RestAttrs.
func (d *Decoder) Attr(ns, local string, read func(*Decoder)) bool {
	for i, a := range d.curAttrs {
		if a.Name.Space == ns && a.Name.Local == local {
			d.curAttrs = append(d.curAttrs[:i], d.curAttrs[i+1:]...)
			value := a.Value
			d.attrText = &value
			read(d)
			d.attrText = nil
			return true
		}
	}
	return false
}

// RestAttrs returns the attributes of the element accepted by AtAttrs that
// Attr did not read, for a type with xs:anyAttribute.
func (d *Decoder) RestAttrs() []Attr {
	rest := d.curAttrs
	d.curAttrs = nil
	return rest
}

// MissingAttr records that the required attribute {ns}local is missing.
func (d *Decoder) MissingAttr(ns, local string) {
	if d.err == nil {
		d.Fail("required attribute %s missing", QName{ns, local})
	}
}

// at is At; header allows the SOAP attributes of header entries, attrs
// keeps other attributes for Attr.
func (d *Decoder) at(ns, local, typeNS, typeLocal string, header, attrs bool) bool {
	if !d.peekStart() || d.tok.Space != ns || string(d.tok.Local) != local {
		return false
	}
	d.peeked = false
	d.curNil = false
	d.elemOff = d.tok.Offset
	anyType := typeNS == NSXSD && typeLocal == "anyType"
	// An element of xs:anySimpleType may name any simple type in xsi:type
	// (JAXB writes xsi:type="xs:string" for it): its text is kept as
	// written, whatever the type.
	anySimple := typeNS == NSXSD && typeLocal == "anySimpleType"
	d.curType, d.curAttrs = QName{}, nil
	for i := range d.tok.Attrs {
		a := &d.tok.Attrs[i]
		switch {
		case a.Decl:
		case a.Space == NSXSI && string(a.Local) == "type":
			uri, l, ok := d.resolveBytes(trimSpaceBytes(a.Value))
			if !ok {
				d.Fail("element %s: xsi:type %q: undeclared prefix", local, a.Value)
				return false
			}
			if anyType || anySimple {
				d.curType = QName{uri, string(l)}
				continue
			}
			if uri != typeNS || string(l) != typeLocal {
				d.Fail("element %s: xsi:type %s is not its declared type %s", local, QName{uri, string(l)}, QName{typeNS, typeLocal})
				return false
			}
		case a.Space == NSXSI && string(a.Local) == "nil":
			switch string(trimSpaceBytes(a.Value)) {
			case "true", "1":
				d.curNil = true
			case "false", "0":
			default:
				d.Fail("element %s: bad xsi:nil %q", local, a.Value)
				return false
			}
		case header && (a.Space == NSSOAP11Envelope || a.Space == NSSOAP12Envelope):
		case anyType || attrs:
			d.curAttrs = append(d.curAttrs, Attr{QName{a.Space, string(a.Local)}, string(a.Value)})
		default:
			d.Fail("element %s: unexpected attribute %s", local, QName{a.Space, string(a.Local)})
			return false
		}
	}
	return true
}

func trimSpaceBytes(b []byte) []byte {
	for len(b) > 0 && isWSByte(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isWSByte(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

// IsNil reports whether the accepted element has xsi:nil="true".
func (d *Decoder) IsNil() bool { return d.curNil }

// End reads the end of the current element: any further child element is
// an error naming it (the types do not know it).
func (d *Decoder) End() {
	if d.err != nil {
		return
	}
	t := d.nextElem()
	if t != nil && t.Kind == xmlscan.StartTag {
		d.Fail("unexpected element %s", QName{t.Space, string(t.Local)})
	}
}

// Skip reads and discards the rest of the current element.
func (d *Decoder) Skip() {
	for depth := 1; depth > 0 && d.err == nil; {
		t := d.next()
		if t == nil {
			return
		}
		switch t.Kind {
		case xmlscan.StartTag:
			depth++
		case xmlscan.EndTag:
			depth--
		}
	}
}

// Text reads the character data of the current element up to its end; a
// child element is an error.
func (d *Decoder) Text() string {
	if d.err != nil {
		return ""
	}
	if d.attrText != nil {
		s := *d.attrText
		d.attrText = nil
		return s
	}
	t := d.next()
	if t == nil {
		return ""
	}
	var s string
	if t.Kind == xmlscan.CharData {
		s = string(t.Text)
		if t = d.next(); t == nil {
			return ""
		}
	}
	if t.Kind == xmlscan.StartTag {
		d.Fail("unexpected element %s in simple content", QName{t.Space, string(t.Local)})
		return ""
	}
	// A value that turns out invalid is reported at its element's start.
	d.lastOff = d.elemOff
	return s
}

// ResolveQName resolves a prefixed name in the current element's scope.
func (d *Decoder) ResolveQName(s string) (QName, bool) { return d.resolve(s) }
