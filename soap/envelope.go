package soap

import (
	"reflect"
	"strconv"
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
	BodyName   QName
	Body       any // Marshaler to encode, Unmarshaler to decode
	// LooseHeaders accepts header entries standing directly under Envelope,
	// before Body, as the vendor documentation writes them (a quirk; a
	// real peer puts them in Header).
	LooseHeaders bool
	// StrictHeaders makes an unknown header entry a decode error; otherwise
	// entries the Header does not know are skipped unless they carry
	// mustUnderstand.
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
	if h, ok := env.Header.(HeaderMarshaler); ok && h != nil {
		e.closeTag()
		mark, depth, scope := len(e.buf), len(e.stack), len(e.scope)
		e.Start(ns, "Header")
		h.MarshalSOAPHeader(e)
		if e.open {
			// No entry was written: leave the Header element out.
			e.buf, e.stack, e.scope, e.open = e.buf[:mark], e.stack[:depth], e.scope[:scope], false
		} else {
			e.End()
		}
	}
	e.Start(ns, "Body")
	if b, ok := env.Body.(Marshaler); ok && b != nil {
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
	if env.LooseHeaders {
		env.decodeHeaderEntries(d, ns, true)
	}
	if d.At(ns, "Header", "", "") {
		env.decodeHeaderEntries(d, ns, false)
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

// decodeHeaderEntries reads header entries up to the end of the Header
// element or, with loose set, up to the Body (entries standing directly
// under Envelope).
func (env *Envelope) decodeHeaderEntries(d *Decoder, ns string, loose bool) {
	h, _ := env.Header.(HeaderUnmarshaler)
	for d.peekStart() {
		if loose && d.tok.Space == ns && (string(d.tok.Local) == "Body" || string(d.tok.Local) == "Header") {
			return
		}
		mustUnderstand := false
		for i := range d.tok.Attrs {
			a := &d.tok.Attrs[i]
			if !a.Decl && a.Space == ns && string(a.Local) == "mustUnderstand" {
				v := string(trimSpaceBytes(a.Value))
				mustUnderstand = v == "1" || v == "true"
			}
		}
		if h != nil && h.UnmarshalSOAPHeader(d) {
			continue
		}
		if d.Err() != nil {
			return
		}
		if env.StrictHeaders || mustUnderstand {
			name, _ := d.Peek()
			d.Fail("unknown SOAP header %s", name)
			return
		}
		d.peeked = false
		d.Skip()
	}
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
// type declares some.
func (d *Decoder) atBody(name QName, body any) bool {
	if _, ok := body.(AttrUnmarshaler); ok {
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
