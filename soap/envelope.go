package soap

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// Version is a SOAP version.
type Version int

// SOAP versions. The zero Version means SOAP 1.1.
const (
	SOAP11 Version = iota
	SOAP12
)

// EnvelopeNS returns the envelope namespace of v.
func (v Version) EnvelopeNS() string {
	if v == SOAP12 {
		return NSSOAP12Envelope
	}
	return NSSOAP11Envelope
}

// String returns "SOAP 1.1" or "SOAP 1.2".
func (v Version) String() string {
	if v == SOAP12 {
		return "SOAP 1.2"
	}
	return "SOAP 1.1"
}

// HeaderMarshaler is implemented by generated header types: it writes one
// element per header entry that is set.
type HeaderMarshaler interface {
	MarshalSOAPHeader(e *Encoder)
}

// HeaderUnmarshaler is implemented by generated header types: it reads the
// next header entry and reports true, or reports false (reading nothing)
// when it does not know the entry.
type HeaderUnmarshaler interface {
	UnmarshalSOAPHeader(d *Decoder) bool
}

// Body is a generated body type.
type Body interface {
	Marshaler
	Unmarshaler
}

// Header is a generated header type.
type Header interface {
	HeaderMarshaler
	HeaderUnmarshaler
}

// OperationInfo describes an operation with constructors for its messages,
// for servers and tools that handle operations by name.
type OperationInfo struct {
	Operation
	NewRequest        func() Body
	NewResponse       func() Body   // nil for one-way operations
	NewRequestHeader  func() Header // nil when the binding declares no request headers
	NewResponseHeader func() Header // nil when the binding declares no response headers
}

// Envelope describes one SOAP message to encode or decode.
type Envelope struct {
	Version Version
	// Namespaces are declared on the Envelope element: the first as the
	// default namespace, the others with prefixes, so that the body's
	// elements need none.
	Namespaces []string
	Header     any // HeaderMarshaler to encode, HeaderUnmarshaler to decode; may be nil
	// BodyName is the body element; zero for a message without parts,
	// whose Body is empty (nothing is written, and decoding refuses any
	// element but a Fault).
	BodyName QName
	Body     any // Marshaler to encode, Unmarshaler to decode
	// LooseHeaders accepts header entries standing directly under Envelope,
	// before Body, as the vendor documentation writes them (a quirk; a
	// real peer puts them in Header).
	LooseHeaders bool
	// StrictHeaders makes an unknown header entry addressed to this node a
	// decode error; otherwise entries the Header does not know are skipped
	// unless they carry mustUnderstand (see Decode).
	StrictHeaders bool
}

// Encode writes the envelope.
func (env *Envelope) Encode(e *Encoder) {
	ns := env.Version.EnvelopeNS()
	e.StartPrefixed("s", ns, "Envelope")
	for i, u := range env.Namespaces {
		if i == 0 {
			e.Declare("", u)
		} else {
			if i < len(envPrefixes) {
				e.Declare(envPrefixes[i], u)
			} else {
				e.Declare("n"+strconv.Itoa(i), u)
			}
		}
	}
	// xsi:nil and xsi:type below share one declaration, on the Envelope.
	e.ReserveXSI()
	if h, ok := env.Header.(HeaderMarshaler); ok && h != nil {
		e.closeTag()
		mark, depth, scope, inserted := len(e.buf), len(e.stack), len(e.scope), e.inserted
		e.Start(ns, "Header")
		h.MarshalSOAPHeader(e)
		if e.open {
			// No entry was written: leave the Header element out (keeping
			// an xsi declaration an attribute of Header made).
			if e.inserted != inserted {
				mark, scope = mark+e.inserted-inserted, scope+1
			}
			e.buf, e.stack, e.scope, e.open = e.buf[:mark], e.stack[:depth], e.scope[:scope], false
		} else {
			e.End()
		}
	}
	e.Start(ns, "Body")
	if b, ok := env.Body.(Marshaler); ok && b != nil && env.BodyName != (QName{}) {
		e.Start(env.BodyName.Space, env.BodyName.Local)
		b.MarshalSOAP(e)
		e.End()
	}
	e.End()
	e.End()
}

var envPrefixes = [...]string{"n0", "n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8", "n9"}

// Decode reads an envelope of either SOAP version into env's Header and
// Body, setting env.Version. A Fault in the body is returned as *Fault.
//
// Header entries addressed to this node (SOAP 1.1: no actor, or actor
// http://schemas.xmlsoap.org/soap/actor/next; SOAP 1.2: no role, or role
// next or ultimateReceiver) are read into env.Header; entries addressed to
// other nodes (another actor or role, SOAP 1.2's role none) are skipped
// unread, even when they carry mustUnderstand. An entry addressed to this
// node that env.Header does not know is skipped unless it carries
// mustUnderstand="1" (or "true"): then Decode does not read the body and
// returns a *MustUnderstandError naming every such entry, as SOAP asks
// (SOAP 1.1 §4.2.3, SOAP 1.2 Part 1 §2.6), unless the body is a Fault,
// which is returned instead: mustUnderstand is not enforced on fault
// messages, so that the fault's code and reason reach the caller.
func (env *Envelope) Decode(d *Decoder) error {
	root, ok := d.Root()
	if !ok {
		return d.Err()
	}
	switch {
	case root.Space == NSSOAP11Envelope && root.Local == "Envelope":
		env.Version = SOAP11
	case root.Space == NSSOAP12Envelope && root.Local == "Envelope":
		env.Version = SOAP12
	default:
		d.Fail("not a SOAP envelope: root element is %s", root)
		return d.Err()
	}
	ns := env.Version.EnvelopeNS()
	var mu *MustUnderstandError
	if env.LooseHeaders {
		env.decodeHeaderEntries(d, ns, true, &mu)
	}
	if d.At(ns, "Header", "", "") {
		env.decodeHeaderEntries(d, ns, false, &mu)
		d.End()
	}
	if !d.At(ns, "Body", "", "") {
		if d.Err() == nil {
			if name, ok := d.Peek(); ok {
				d.Fail("unexpected element %s, want the SOAP Body", name)
			} else {
				d.Fail("SOAP envelope has no Body")
			}
		}
		return d.Err()
	}
	var fault *Fault
	if d.At(ns, "Fault", "", "") {
		fault = decodeFault(d, env.Version)
	} else if mu != nil {
		// The message is not processed: its body is left unread.
		if err := d.Err(); err != nil {
			return err
		}
		return mu
	} else if env.BodyName == (QName{}) {
		// A message without parts: the Body must be empty (d.End below
		// reports any element in it).
	} else if d.atBody(env.BodyName, env.Body) {
		if b, ok := env.Body.(Unmarshaler); ok && b != nil {
			b.UnmarshalSOAP(d)
		} else {
			d.Skip()
		}
	} else if d.Err() == nil {
		if name, ok := d.Peek(); ok {
			d.Fail("unexpected element %s in the SOAP Body, want %s", name, env.BodyName)
		} else {
			d.Fail("empty SOAP Body, want %s", env.BodyName)
		}
	}
	d.End() // Body
	d.End() // Envelope
	if err := d.Err(); err != nil {
		return err
	}
	if fault != nil {
		return fault
	}
	return nil
}

// MustUnderstandError is returned by Envelope.Decode for a message whose
// header holds entries addressed to this node with mustUnderstand set that
// the Header type does not know. A Handler answers it with a MustUnderstand
// fault (SOAP 1.2: with a NotUnderstood header block per entry); a Client
// returns it for a response that is not a Fault.
type MustUnderstandError struct {
	Version Version
	// Headers are the names of the entries not understood, in document
	// order.
	Headers []QName
	// Line and Col are the position of the first of them.
	Line, Col int
}

// Error names the entries not understood.
func (e *MustUnderstandError) Error() string {
	return fmt.Sprintf("soap: line %d:%d: %s (mustUnderstand)", e.Line, e.Col, e.reason())
}

// reason says which entries were not understood, for Error and the
// MustUnderstand fault's reason.
func (e *MustUnderstandError) reason() string {
	names := make([]string, len(e.Headers))
	for i, q := range e.Headers {
		names[i] = q.String()
	}
	what := "mandatory SOAP header entry "
	if len(names) > 1 {
		what = "mandatory SOAP header entries "
	}
	return what + strings.Join(names, ", ") + " not understood"
}

// The SOAP 1.1 actor and SOAP 1.2 role URIs of the standard (SOAP 1.1
// §4.2.2, SOAP 1.2 Part 1 §5.2.2). A Handler and a Client act as the
// ultimate receiver: the entries addressed to ActorNext, RoleNext or
// RoleUltimateReceiver (or to no actor or role) are theirs; RoleNone
// addresses no node.
const (
	ActorNext            = "http://schemas.xmlsoap.org/soap/actor/next"
	RoleNext             = NSSOAP12Envelope + "/role/next"
	RoleUltimateReceiver = NSSOAP12Envelope + "/role/ultimateReceiver"
	RoleNone             = NSSOAP12Envelope + "/role/none"
)

// decodeHeaderEntries reads header entries up to the end of the Header
// element or, with loose set, up to the Body (entries standing directly
// under Envelope). Unknown entries addressed to this node with
// mustUnderstand are added to *mu.
func (env *Envelope) decodeHeaderEntries(d *Decoder, ns string, loose bool, mu **MustUnderstandError) {
	h, _ := env.Header.(HeaderUnmarshaler)
	for d.peekStart() {
		if loose && d.tok.Space == ns && (string(d.tok.Local) == "Body" || string(d.tok.Local) == "Header") {
			return
		}
		mandatory, targeted, ok := headerTarget(d, env.Version, ns)
		if !ok {
			return
		}
		if !targeted {
			// Addressed to another node: not processed here.
			d.peeked = false
			d.Skip()
			continue
		}
		if h != nil && h.UnmarshalSOAPHeader(d) {
			continue
		}
		if d.Err() != nil {
			return
		}
		name, _ := d.Peek()
		switch {
		case mandatory:
			if *mu == nil {
				line, col := d.s.LineCol(d.tok.Offset)
				*mu = &MustUnderstandError{Version: env.Version, Line: line, Col: col}
			}
			(*mu).Headers = append((*mu).Headers, name)
		case env.StrictHeaders:
			d.Fail("unknown SOAP header %s", name)
			return
		}
		d.peeked = false
		d.Skip()
	}
}

// headerTarget reads the SOAP attributes of the header entry in d.tok:
// whether it is mandatory (mustUnderstand) and whether it is addressed to
// this node (actor or role). A malformed mustUnderstand fails d.
func headerTarget(d *Decoder, v Version, ns string) (mandatory, targeted, ok bool) {
	targeted = true
	for i := range d.tok.Attrs {
		a := &d.tok.Attrs[i]
		if a.Decl || a.Space != ns {
			continue
		}
		switch string(a.Local) {
		case "mustUnderstand":
			// SOAP 1.1 writes "1" and "0", SOAP 1.2 an xs:boolean; both
			// are accepted in either version.
			switch string(trimSpaceBytes(a.Value)) {
			case "1", "true":
				mandatory = true
			case "0", "false":
			default:
				d.Fail("SOAP header %s: bad mustUnderstand %q", QName{d.tok.Space, string(d.tok.Local)}, a.Value)
				return false, false, false
			}
		case "actor":
			if v == SOAP11 {
				targeted = addressesThisNode(v, string(trimSpaceBytes(a.Value)))
			}
		case "role":
			if v == SOAP12 {
				targeted = addressesThisNode(v, string(trimSpaceBytes(a.Value)))
			}
		}
	}
	return mandatory, targeted, true
}

// addressesThisNode reports whether a header entry's actor (SOAP 1.1) or
// role (SOAP 1.2) names this node, the ultimate receiver: the next actor
// or role, SOAP 1.2's ultimateReceiver, or an empty value, taken as the
// attribute's absence (so that a mandatory entry is never ignored because
// of an empty attribute).
func addressesThisNode(v Version, uri string) bool {
	if uri == "" {
		return true
	}
	if v == SOAP11 {
		return uri == ActorNext
	}
	return uri == RoleNext || uri == RoleUltimateReceiver
}

// AtHeader is At for header entries: besides xsi:type and xsi:nil it
// allows the SOAP attributes (mustUnderstand, actor, role, relay).
func (d *Decoder) AtHeader(ns, local, typeNS, typeLocal string) bool {
	return d.at(ns, local, typeNS, typeLocal, true, false)
}

// AtHeaderAttrs is AtHeader for an entry whose type declares attributes
// (see AtAttrs).
func (d *Decoder) AtHeaderAttrs(ns, local, typeNS, typeLocal string) bool {
	return d.at(ns, local, typeNS, typeLocal, true, true)
}

// AttrUnmarshaler is implemented by generated types that declare
// attributes: UnmarshalSOAPAttrs reads them from the element just accepted
// (by AtAttrs) and reports any other. Their UnmarshalSOAP calls it first.
type AttrUnmarshaler interface {
	UnmarshalSOAPAttrs(d *Decoder)
}

// atBody accepts the body element, with its attributes when the body's
// type declares some, or with any xsi:type and attributes for an *Any
// (an element of type xs:anyType).
func (d *Decoder) atBody(name QName, body any) bool {
	switch body.(type) {
	case *Any:
		return d.At(name.Space, name.Local, NSXSD, "anyType")
	case AttrUnmarshaler:
		return d.AtAttrs(name.Space, name.Local, "", "")
	}
	return d.At(name.Space, name.Local, "", "")
}

// NewBody returns a new value of the pointer type P (a generated message
// type *T) as a Body: the constructor OperationInfo holds. Its type
// parameter is the pointer, not the struct, so that one instantiation
// (pointers share a GC shape) serves every message type of a package:
// one function to compile instead of one per type.
func NewBody[P Body]() Body { return newPointee[P]() }

// NewHeader returns a new value of the pointer type P as a Header, for
// OperationInfo; see NewBody.
func NewHeader[P Header]() Header { return newPointee[P]() }

// newPointee allocates what the pointer type P points to.
func newPointee[P any]() P {
	t := reflect.TypeFor[P]()
	if t.Kind() != reflect.Pointer {
		panic("soap: " + t.String() + " is not a pointer type")
	}
	return reflect.New(t.Elem()).Interface().(P)
}
