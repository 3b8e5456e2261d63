package soap

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

type (
	startElement = xml.StartElement
	endElement   = xml.EndElement
	charData     = xml.CharData
)

// DefaultMaxDepth is the element nesting depth a Decoder accepts by default.
const DefaultMaxDepth = 256

// DecodeError is an error in a decoded document, with its position.
type DecodeError struct {
	Line, Col int
	Msg       string
}

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
type Decoder struct {
	x        *xml.Decoder
	err      error
	peek     xml.Token // a significant token read ahead, or nil
	peekLine int
	peekCol  int
	cur      *xml.StartElement // the element At accepted, whose content is next
	curNil   bool
	curType  QName  // xsi:type of an accepted xs:anyType element
	curAttrs []Attr // other attributes of an accepted xs:anyType element
	scope    []binding
	marks    []int // len(scope) at each open element
	depth    int
	popScope bool // an end element was read: drop its bindings before the next token
	// MaxDepth limits element nesting; 0 means DefaultMaxDepth.
	MaxDepth int
	// NilForOptional accepts xsi:nil="true" on optional elements that the
	// schema does not declare nillable, decoding them as Nil. The vendor
	// documentation's examples write such elements to cut recursion; a
	// real service would reject them, so it is off by default.
	NilForOptional bool
}

// NewDecoder returns a Decoder reading r.
func NewDecoder(r io.Reader) *Decoder {
	x := xml.NewDecoder(r)
	x.Strict = true
	return &Decoder{x: x}
}

// NewBytesDecoder returns a Decoder reading b.
func NewBytesDecoder(b []byte) *Decoder { return NewDecoder(bytes.NewReader(b)) }

// Err returns the first error met.
func (d *Decoder) Err() error { return d.err }

// Fail records err (if it is the first) at the current position.
func (d *Decoder) Fail(format string, args ...any) {
	if d.err == nil {
		line, col := d.x.InputPos()
		if d.peek != nil {
			line, col = d.peekLine, d.peekCol
		}
		d.err = &DecodeError{Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
	}
}

// failErr records an error from the tokenizer.
func (d *Decoder) failErr(err error) {
	if d.err != nil {
		return
	}
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		d.err = &DecodeError{Line: se.Line, Msg: se.Msg}
		return
	}
	if errors.Is(err, ErrDTD) {
		d.err = err
		return
	}
	line, col := d.x.InputPos()
	d.err = &DecodeError{Line: line, Col: col, Msg: err.Error()}
}

// next returns the next significant token: a start or end element, or
// character data (whitespace-only data is returned too; callers decide).
func (d *Decoder) next() xml.Token {
	if d.peek != nil {
		t := d.peek
		d.peek = nil
		return t
	}
	if d.popScope {
		d.scope = d.scope[:d.marks[len(d.marks)-1]]
		d.marks = d.marks[:len(d.marks)-1]
		d.popScope = false
	}
	for d.err == nil {
		line, col := d.x.InputPos()
		t, err := d.x.Token()
		if err != nil {
			d.failErr(err)
			return nil
		}
		switch t := t.(type) {
		case xml.StartElement:
			d.depth++
			max := d.MaxDepth
			if max == 0 {
				max = DefaultMaxDepth
			}
			if d.depth > max {
				d.peekLine, d.peekCol = line, col
				d.Fail("elements nested deeper than %d", max)
				return nil
			}
			d.marks = append(d.marks, len(d.scope))
			for _, a := range t.Attr {
				switch {
				case a.Name.Space == "xmlns":
					d.scope = append(d.scope, binding{a.Name.Local, a.Value})
				case a.Name.Space == "" && a.Name.Local == "xmlns":
					d.scope = append(d.scope, binding{"", a.Value})
				}
			}
			d.peekLine, d.peekCol = line, col
			return t
		case xml.EndElement:
			d.depth--
			// The element's namespace bindings stay in scope until the next
			// token, so that a QName in its text can still be resolved.
			d.popScope = true
			d.peekLine, d.peekCol = line, col
			return t
		case xml.CharData:
			d.peekLine, d.peekCol = line, col
			return t.Copy()
		case xml.Directive:
			d.peekLine, d.peekCol = line, col
			d.failErr(ErrDTD)
			return nil
		}
		// Comments and processing instructions are skipped.
	}
	return nil
}

// nextElem skips whitespace and returns the next start or end element;
// other character data inside element-only content is an error.
func (d *Decoder) nextElem() xml.Token {
	for {
		t := d.next()
		switch t := t.(type) {
		case nil:
			return nil
		case xml.CharData:
			if len(bytes.TrimSpace(t)) != 0 {
				d.Fail("unexpected text %q", excerpt(string(t)))
				return nil
			}
		default:
			return t
		}
	}
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
	for i := len(d.scope) - 1; i >= 0; i-- {
		if d.scope[i].prefix == prefix {
			return QName{d.scope[i].uri, local}, true
		}
	}
	if prefix == "" {
		return QName{"", local}, true
	}
	if prefix == "xml" {
		return QName{"http://www.w3.org/XML/1998/namespace", local}, true
	}
	return QName{}, false
}

// Root reads up to the document's root element and reports its name.
// Its content is then read like an element accepted by At.
func (d *Decoder) Root() (QName, bool) {
	t := d.nextElem()
	se, ok := t.(xml.StartElement)
	if !ok {
		if d.err == nil {
			d.Fail("no root element")
		}
		return QName{}, false
	}
	d.cur = &se
	d.curNil = false
	return QName{se.Name.Space, se.Name.Local}, true
}

// Peek reports the name of the next child element of the current element
// without consuming it; ok is false at the end of the current element.
func (d *Decoder) Peek() (name QName, ok bool) {
	if d.err != nil {
		return QName{}, false
	}
	if d.peek == nil {
		t := d.nextElem()
		if t == nil {
			return QName{}, false
		}
		d.peek = t
	}
	se, ok := d.peek.(xml.StartElement)
	if !ok {
		return QName{}, false
	}
	return QName{se.Name.Space, se.Name.Local}, true
}

// At reports whether the next child element is {ns}local. When it is, the
// element is accepted: its content is read next (by a Read function or an
// UnmarshalSOAP method). typeNS and typeLocal name the element's declared
// type: an xsi:type naming any other type is an error. Attributes other than
// xsi:type and xsi:nil are errors (the schema declares none).
func (d *Decoder) At(ns, local, typeNS, typeLocal string) bool {
	name, ok := d.Peek()
	if !ok || name.Space != ns || name.Local != local {
		return false
	}
	se := d.peek.(xml.StartElement)
	d.peek = nil
	d.cur = &se
	d.curNil = false
	anyType := typeNS == NSXSD && typeLocal == "anyType"
	d.curType, d.curAttrs = QName{}, nil
	for _, a := range se.Attr {
		switch {
		case a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns":
		case a.Name.Space == NSXSI && a.Name.Local == "type":
			q, ok := d.resolve(strings.TrimSpace(a.Value))
			if !ok {
				d.Fail("element %s: xsi:type %q: undeclared prefix", local, a.Value)
				return false
			}
			if anyType {
				d.curType = q
				continue
			}
			if q.Space != typeNS || q.Local != typeLocal {
				d.Fail("element %s: xsi:type %s is not its declared type %s", local, q, QName{typeNS, typeLocal})
				return false
			}
		case a.Name.Space == NSXSI && a.Name.Local == "nil":
			switch strings.TrimSpace(a.Value) {
			case "true", "1":
				d.curNil = true
			case "false", "0":
			default:
				d.Fail("element %s: bad xsi:nil %q", local, a.Value)
				return false
			}
		case anyType:
			d.curAttrs = append(d.curAttrs, Attr{QName{a.Name.Space, a.Name.Local}, a.Value})
		default:
			d.Fail("element %s: unexpected attribute %s", local, QName{a.Name.Space, a.Name.Local})
			return false
		}
	}
	return true
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
	switch t := t.(type) {
	case xml.EndElement:
	case xml.StartElement:
		d.peek = nil
		d.Fail("unexpected element %s", QName{t.Name.Space, t.Name.Local})
	}
}

// Skip reads and discards the rest of the current element.
func (d *Decoder) Skip() {
	for depth := 1; depth > 0 && d.err == nil; {
		switch d.next().(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		case nil:
			return
		}
	}
}

// Text reads the character data of the current element up to its end; a
// child element is an error.
func (d *Decoder) Text() string {
	if d.err != nil {
		return ""
	}
	var s string
	var sb []byte
	n := 0
	for {
		t := d.next()
		switch t := t.(type) {
		case nil:
			return ""
		case xml.CharData:
			if n == 0 {
				s = string(t)
			} else {
				if n == 1 {
					sb = append(sb, s...)
				}
				sb = append(sb, t...)
			}
			n++
		case xml.EndElement:
			if n > 1 {
				return string(sb)
			}
			return s
		case xml.StartElement:
			d.Fail("unexpected element %s in simple content", QName{t.Name.Space, t.Name.Local})
			return ""
		}
	}
}

// ResolveQName resolves a prefixed name in the current element's scope.
func (d *Decoder) ResolveQName(s string) (QName, bool) { return d.resolve(s) }
