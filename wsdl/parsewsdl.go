package wsdl

import (
	"strings"
)

// definitions parses a wsdl:definitions element into the loader's
// Definitions. Only the root document sets the name, namespace and doc;
// imported documents contribute their components.
func (c *doc) definitions(root *node, isRoot bool) error {
	d := c.l.defs
	tns, _ := root.attr("targetNamespace")
	if isRoot {
		d.Pos = c.pos(root)
		d.Name, _ = root.attr("name")
		d.TargetNamespace = tns
		d.Doc = docText(root, NSWSDL)
	}
	for _, n := range root.elems() {
		if n.name.Space != NSWSDL {
			continue // extension elements (wsp:Policy, ...) are ignored
		}
		var err error
		switch n.name.Local {
		case "import":
			err = c.wsdlImport(n)
		case "types":
			for _, k := range n.elems() {
				if k.is(NSXSD, "schema") {
					if err = c.newSchema(k); err != nil {
						break
					}
				}
			}
		case "message":
			var m *Message
			if m, err = c.message(n, tns); err == nil {
				d.Messages = append(d.Messages, m)
			}
		case "portType":
			var pt *PortType
			if pt, err = c.portType(n, tns); err == nil {
				d.PortTypes = append(d.PortTypes, pt)
			}
		case "binding":
			var b *Binding
			if b, err = c.binding(n, tns); err == nil {
				d.Bindings = append(d.Bindings, b)
			}
		case "service":
			var s *Service
			if s, err = c.service(n, tns); err == nil {
				d.Services = append(d.Services, s)
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// wsdlImport follows a wsdl:import: a WSDL document is merged, an XML
// Schema document is added as a schema.
func (c *doc) wsdlImport(n *node) error {
	ns, hasNS := n.attr("namespace")
	loc, _ := n.attr("location")
	c2, root, err := c.open(n, QName{}, "location", loc)
	if err != nil || c2 == nil {
		return err
	}
	var tns string
	switch {
	case root.is(NSWSDL, "definitions"):
		tns, _ = root.attr("targetNamespace")
	case root.is(NSXSD, "schema"):
		tns, _ = root.attr("targetNamespace")
	default:
		return c2.err(root, QName{}, ErrInvalid, ": %s imported by %s is neither a WSDL 1.1 nor an XML Schema document", QName(root.name), c.pos(n))
	}
	if hasNS && strings.TrimSpace(ns) != tns {
		return c.err(n, QName{}, ErrInvalid, ": %q has targetNamespace %q, not %q", loc, tns, ns)
	}
	if root.is(NSXSD, "schema") {
		return c2.newSchema(root)
	}
	return c2.definitions(root, false)
}

func (c *doc) message(n *node, tns string) (*Message, error) {
	local, err := c.ncName(n)
	if err != nil {
		return nil, err
	}
	m := &Message{Pos: c.pos(n), Name: QName{tns, local}}
	for _, k := range n.elems() {
		if !k.is(NSWSDL, "part") {
			continue
		}
		pname, err := c.ncName(k)
		if err != nil {
			return nil, err
		}
		p := &Part{Pos: c.pos(k), Name: pname}
		q := QName{Local: pname}
		if p.Element, err = c.qname(k, q, "element"); err != nil {
			return nil, err
		}
		if p.Type, err = c.qname(k, q, "type"); err != nil {
			return nil, err
		}
		switch {
		case p.Element.IsZero() && p.Type.IsZero():
			return nil, c.err(k, q, ErrInvalid, ": neither element nor type given")
		case !p.Element.IsZero() && !p.Type.IsZero():
			return nil, c.err(k, q, ErrInvalid, ": both element and type given")
		case !p.Element.IsZero():
			c.l.addRef(refElement, p.Element, c.pos(k), "wsdl:part", q)
		default:
			c.l.addRef(refType, p.Type, c.pos(k), "wsdl:part", q)
		}
		m.Parts = append(m.Parts, p)
	}
	return m, nil
}

func (c *doc) portType(n *node, tns string) (*PortType, error) {
	local, err := c.ncName(n)
	if err != nil {
		return nil, err
	}
	pt := &PortType{Pos: c.pos(n), Name: QName{tns, local}, Doc: docText(n, NSWSDL)}
	for _, k := range n.elems() {
		if !k.is(NSWSDL, "operation") {
			continue
		}
		oname, err := c.ncName(k)
		if err != nil {
			return nil, err
		}
		op := &Operation{Pos: c.pos(k), Name: oname, Doc: docText(k, NSWSDL)}
		for _, io := range k.elems() {
			if io.name.Space != NSWSDL {
				continue
			}
			var dst **IORef
			switch io.name.Local {
			case "input":
				dst = &op.Input
				op.SolicitResponse = op.Output != nil && op.Input == nil
			case "output":
				dst = &op.Output
			case "fault":
			default:
				continue
			}
			r, err := c.ioRef(io, oname)
			if err != nil {
				return nil, err
			}
			if dst == nil {
				op.Faults = append(op.Faults, r)
			} else if *dst != nil {
				return nil, c.err(io, QName{Local: oname}, ErrInvalid, ": more than one %s", construct(io))
			} else {
				*dst = r
			}
		}
		pt.Operations = append(pt.Operations, op)
	}
	return pt, nil
}

func (c *doc) ioRef(n *node, op string) (*IORef, error) {
	r := &IORef{Pos: c.pos(n)}
	r.Name, _ = n.attr("name")
	name := QName{Local: op}
	if r.Name != "" {
		name.Local = r.Name
	}
	v, ok := n.attr("message")
	if !ok {
		return nil, c.err(n, name, ErrInvalid, ": missing message attribute")
	}
	var err error
	if r.Message, err = c.parseQName(n, name, "message", v); err != nil {
		return nil, err
	}
	c.l.addRef(refMessage, r.Message, r.Pos, construct(n), name)
	if a, ok := n.attrNS(NSWSAW, "Action"); ok {
		r.Action = a
	} else if a, ok := n.attrNS(NSWSAM, "Action"); ok {
		r.Action = a
	}
	return r, nil
}

// soapNS reports whether n is in the SOAP 1.1 or 1.2 binding namespace.
func soapNS(n *node) bool { return n.name.Space == NSSOAP11 || n.name.Space == NSSOAP12 }

func (c *doc) binding(n *node, tns string) (*Binding, error) {
	local, err := c.ncName(n)
	if err != nil {
		return nil, err
	}
	b := &Binding{Pos: c.pos(n), Name: QName{tns, local}}
	name := b.Name
	v, ok := n.attr("type")
	if !ok {
		return nil, c.err(n, name, ErrInvalid, ": missing type attribute")
	}
	if b.Type, err = c.parseQName(n, name, "type", v); err != nil {
		return nil, err
	}
	c.l.addRef(refPortType, b.Type, b.Pos, "wsdl:binding", name)
	for _, k := range n.elems() {
		switch {
		case soapNS(k) && k.name.Local == "binding":
			if b.Version != SOAPNone {
				return nil, c.err(k, name, ErrInvalid, ": more than one SOAP binding")
			}
			b.Version = SOAP11
			if k.name.Space == NSSOAP12 {
				b.Version = SOAP12
			}
			b.Transport, _ = k.attr("transport")
			b.Style, _ = k.attr("style")
			if b.Style == "" {
				b.Style = "document"
			}
		case k.is(NSWSDL, "operation"):
			op, err := c.bindingOperation(k)
			if err != nil {
				return nil, err
			}
			b.Operations = append(b.Operations, op)
		}
	}
	return b, nil
}

func (c *doc) bindingOperation(n *node) (*BindingOperation, error) {
	oname, err := c.ncName(n)
	if err != nil {
		return nil, err
	}
	op := &BindingOperation{Pos: c.pos(n), Name: oname}
	name := QName{Local: oname}
	for _, k := range n.elems() {
		switch {
		case soapNS(k) && k.name.Local == "operation":
			op.SOAPAction, _ = k.attr("soapAction")
			op.Style, _ = k.attr("style")
		case k.is(NSWSDL, "input"), k.is(NSWSDL, "output"):
			dst := &op.Input
			if k.name.Local == "output" {
				dst = &op.Output
			}
			if *dst != nil {
				return nil, c.err(k, name, ErrInvalid, ": more than one %s", construct(k))
			}
			if *dst, err = c.bindingIO(k); err != nil {
				return nil, err
			}
		case k.is(NSWSDL, "fault"):
			f := &BindingFault{Pos: c.pos(k)}
			f.Name, _ = k.attr("name")
			for _, s := range k.elems() {
				if soapNS(s) && s.name.Local == "fault" {
					f.Use, _ = s.attr("use")
					if f.Name == "" {
						f.Name, _ = s.attr("name")
					}
				}
			}
			op.Faults = append(op.Faults, f)
		}
	}
	return op, nil
}

func (c *doc) bindingIO(n *node) (*BindingIO, error) {
	io := &BindingIO{Pos: c.pos(n)}
	io.Name, _ = n.attr("name")
	for _, k := range n.elems() {
		if !soapNS(k) {
			continue
		}
		switch k.name.Local {
		case "body":
			if io.Body != nil {
				return nil, c.err(k, QName{}, ErrInvalid, ": more than one %s", construct(k))
			}
			b := &SOAPBody{Pos: c.pos(k)}
			b.Use, _ = k.attr("use")
			b.Namespace, _ = k.attr("namespace")
			if parts, ok := k.attr("parts"); ok {
				b.Parts = strings.Fields(parts)
				if b.Parts == nil {
					b.Parts = []string{}
				}
			}
			io.Body = b
		case "header":
			h := &SOAPHeader{Pos: c.pos(k)}
			h.Use, _ = k.attr("use")
			v, ok := k.attr("message")
			if !ok {
				return nil, c.err(k, QName{}, ErrInvalid, ": missing message attribute")
			}
			var err error
			if h.Message, err = c.parseQName(k, QName{}, "message", v); err != nil {
				return nil, err
			}
			if h.Part, ok = k.attr("part"); !ok || strings.TrimSpace(h.Part) == "" {
				return nil, c.err(k, QName{}, ErrInvalid, ": missing part attribute")
			}
			h.Part = strings.TrimSpace(h.Part)
			c.l.addRef(refMessage, h.Message, h.Pos, construct(k), QName{Local: h.Part})
			io.Headers = append(io.Headers, h)
		}
	}
	return io, nil
}

func (c *doc) service(n *node, tns string) (*Service, error) {
	local, err := c.ncName(n)
	if err != nil {
		return nil, err
	}
	s := &Service{Pos: c.pos(n), Name: QName{tns, local}, Doc: docText(n, NSWSDL)}
	for _, k := range n.elems() {
		if !k.is(NSWSDL, "port") {
			continue
		}
		pname, err := c.ncName(k)
		if err != nil {
			return nil, err
		}
		p := &Port{Pos: c.pos(k), Name: pname}
		name := QName{Local: pname}
		v, ok := k.attr("binding")
		if !ok {
			return nil, c.err(k, name, ErrInvalid, ": missing binding attribute")
		}
		if p.Binding, err = c.parseQName(k, name, "binding", v); err != nil {
			return nil, err
		}
		c.l.addRef(refBinding, p.Binding, p.Pos, "wsdl:port", name)
		for _, a := range k.elems() {
			if soapNS(a) && a.name.Local == "address" && p.Address == "" {
				p.Address, _ = a.attr("location")
			}
		}
		s.Ports = append(s.Ports, p)
	}
	return s, nil
}
