package soap

import (
	"fmt"
	"strings"
)

// Fault is a SOAP Fault (1.1 or 1.2) returned by a server, as an error.
type Fault struct {
	Version Version
	// Code is faultcode (1.1) or Code/Value (1.2), e.g. {env}Server / {env}Receiver.
	Code QName
	// Subcodes are the SOAP 1.2 Subcode values, outermost first.
	Subcodes []QName
	// Reason is faultstring (1.1) or the first Reason/Text (1.2).
	Reason string
	// Actor is faultactor (1.1) or Node (1.2).
	Actor string
	// Role is the SOAP 1.2 Role.
	Role string
	// Detail holds the detail (1.1) or Detail (1.2) element's content.
	Detail *Any
	// DetailBody is the detail entry decoded into the generated type of a
	// fault the WSDL declares for the operation (nil if none matched), for
	// a type switch: d, ok := f.DetailBody.(*agent.SomeFault). A server
	// sets it (with DetailName) to send a declared fault.
	DetailBody Body
	// DetailName is the element name of DetailBody.
	DetailName QName
	// HTTPStatus is the HTTP status code the fault came with, if any.
	HTTPStatus int
}

// Error formats the fault's code and reason.
func (f *Fault) Error() string {
	var b strings.Builder
	b.WriteString("soap fault: ")
	b.WriteString(f.Code.Local)
	for _, s := range f.Subcodes {
		b.WriteString("/" + s.Local)
	}
	if f.Reason != "" {
		b.WriteString(": ")
		b.WriteString(f.Reason)
	}
	return b.String()
}

func decodeFault(d *Decoder, v Version) *Fault {
	f := &Fault{Version: v}
	if v == SOAP11 {
		// SOAP 1.1 fault children are unqualified.
		for d.Err() == nil {
			name, ok := d.Peek()
			if !ok {
				break
			}
			switch {
			case d.At("", "faultcode", "", ""):
				f.Code = readQName(d)
			case d.At("", "faultstring", NSXSD, "anyType"): // may carry xml:lang
				f.Reason = readAny(d).Text
			case d.At("", "faultactor", "", ""):
				f.Actor = d.Text()
			case d.At("", "detail", NSXSD, "anyType"):
				a := readAny(d)
				f.Detail = &a
			default:
				d.Fail("unexpected element %s in a SOAP 1.1 Fault", name)
			}
		}
		d.End()
		return f
	}
	ns := NSSOAP12Envelope
	for d.Err() == nil {
		name, ok := d.Peek()
		if !ok {
			break
		}
		switch {
		case d.At(ns, "Code", "", ""):
			f.Code, f.Subcodes = decodeCode12(d, ns)
		case d.At(ns, "Reason", "", ""):
			for d.At(ns, "Text", NSXSD, "anyType") {
				a := readAny(d)
				if f.Reason == "" {
					f.Reason = a.Text
				}
			}
			d.End()
		case d.At(ns, "Node", "", ""):
			f.Actor = d.Text()
		case d.At(ns, "Role", "", ""):
			f.Role = d.Text()
		case d.At(ns, "Detail", NSXSD, "anyType"):
			a := readAny(d)
			f.Detail = &a
		default:
			d.Fail("unexpected element %s in a SOAP 1.2 Fault", name)
		}
	}
	d.End()
	return f
}

func decodeCode12(d *Decoder, ns string) (QName, []QName) {
	var code QName
	var subs []QName
	if d.At(ns, "Value", "", "") {
		code = readQName(d)
	}
	for d.At(ns, "Subcode", "", "") {
		if d.At(ns, "Value", "", "") {
			subs = append(subs, readQName(d))
		}
		// Nested subcodes are flattened.
		for d.At(ns, "Subcode", "", "") {
			if d.At(ns, "Value", "", "") {
				subs = append(subs, readQName(d))
			}
			d.Skip()
		}
		d.End()
	}
	d.End()
	return code, subs
}

// Encode writes f as the content of a SOAP Body, in f.Version.
func (f *Fault) Encode(e *Encoder) {
	ns := f.Version.EnvelopeNS()
	e.Start(ns, "Fault")
	if f.Version == SOAP11 {
		writeQName(e, "", "faultcode", f.Code)
		e.Element("", "faultstring", f.Reason)
		if f.Actor != "" {
			e.Element("", "faultactor", f.Actor)
		}
		f.encodeDetail(e, "", "detail")
		e.End()
		return
	}
	e.Start(ns, "Code")
	writeQName(e, ns, "Value", f.Code)
	for _, s := range f.Subcodes {
		e.Start(ns, "Subcode")
		writeQName(e, ns, "Value", s)
	}
	for range f.Subcodes {
		e.End()
	}
	e.End()
	e.Start(ns, "Reason")
	e.Start(ns, "Text")
	e.Attr("http://www.w3.org/XML/1998/namespace", "lang", "en")
	e.Text(f.Reason)
	e.End()
	e.End()
	if f.Actor != "" {
		e.Element(ns, "Node", f.Actor)
	}
	if f.Role != "" {
		e.Element(ns, "Role", f.Role)
	}
	f.encodeDetail(e, ns, "Detail")
	e.End()
}

// ServerFaultCode returns the code for a fault caused by the receiver:
// soap:Server (1.1) or env:Receiver (1.2).
func ServerFaultCode(v Version) QName {
	if v == SOAP12 {
		return QName{NSSOAP12Envelope, "Receiver"}
	}
	return QName{NSSOAP11Envelope, "Server"}
}

// ClientFaultCode returns the code for a fault caused by the sender:
// soap:Client (1.1) or env:Sender (1.2).
func ClientFaultCode(v Version) QName {
	if v == SOAP12 {
		return QName{NSSOAP12Envelope, "Sender"}
	}
	return QName{NSSOAP11Envelope, "Client"}
}

// encodeDetail writes the detail element: DetailBody if set, else Detail.
func (f *Fault) encodeDetail(e *Encoder, ns, local string) {
	switch {
	case f.DetailBody != nil:
		e.Start(ns, local)
		e.Start(f.DetailName.Space, f.DetailName.Local)
		f.DetailBody.MarshalSOAP(e)
		e.End()
		e.End()
	case f.Detail != nil:
		e.Start(ns, local)
		anyContent(e, *f.Detail)
		e.End()
	}
}

// FaultType is a fault the WSDL declares for an operation: its detail
// element and a constructor of the generated type it decodes into.
type FaultType struct {
	Name    string
	Element QName
	New     func() Body
}

// decodeDetail decodes the first detail entry that matches one of types
// into DetailBody, through the generated type's UnmarshalSOAP.
func (f *Fault) decodeDetail(types []FaultType) error {
	if f.Detail == nil {
		return nil
	}
	for _, c := range f.Detail.Children {
		for _, t := range types {
			if c.Name != t.Element {
				continue
			}
			e := NewEncoder(nil)
			e.Start(c.Name.Space, c.Name.Local)
			anyContent(e, c.Any)
			e.End()
			d := NewBytesDecoder(e.Bytes())
			if _, ok := d.Root(); !ok {
				return d.Err()
			}
			body := t.New()
			body.UnmarshalSOAP(d)
			if err := d.Err(); err != nil {
				return fmt.Errorf("fault detail %s: %w", c.Name, err)
			}
			f.DetailBody, f.DetailName = body, c.Name
			return nil
		}
	}
	return nil
}

// readQName reads an xs:QName, resolving its prefix.
func readQName(d *Decoder) QName {
	s := strings.Join(strings.Fields(d.Text()), " ")
	if d.err != nil {
		return QName{}
	}
	q, ok := d.ResolveQName(s)
	if !ok {
		d.Fail("xs:QName %q: undeclared prefix", s)
	}
	return q
}

// writeQName writes the xs:QName q as element {ns}local, declaring its
// namespace if needed.
func writeQName(e *Encoder, ns, local string, q QName) {
	e.Start(ns, local)
	e.Text(e.QNameValue(q.Space, q.Local))
	e.End()
}
