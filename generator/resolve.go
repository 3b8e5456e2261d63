package generator

import (
	"cmp"
	"fmt"
	"iter"
	"maps"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/soapgen/soapgen/wsdl"
)

// schemaTables indexes the global schema components of the WSDLs being
// generated, by QName, with the generated types they resolve to. A set of
// WSDLs generated together shares one schemaTables: a component defined
// identically by several of them is one entry, hence one Go type.
type schemaTables struct {
	elements        map[wsdl.QName]*wsdl.Element
	complexTypes    map[wsdl.QName]*wsdl.ComplexType
	simpleTypes     map[wsdl.QName]*wsdl.SimpleType
	attributes      map[wsdl.QName]*wsdl.Attribute // global attributes
	groups          map[wsdl.QName]*wsdl.GroupDef
	substitutes     map[wsdl.QName][]*wsdl.Element // substitution group members by head, in schema order
	attributeGroups map[wsdl.QName]*wsdl.AttributeGroupDef
	bases           map[wsdl.QName]bool // types some complex type derives from

	named map[wsdl.QName]goType        // generated types of named schema types
	anon  map[*wsdl.ComplexType]goType // generated types of anonymous complex types
	anonS map[*wsdl.SimpleType]goType
	// owner is the package that declares each generated type.
	owner map[goType]*pkg
	// entry is each generated type's claim to its Go name.
	entry map[goType]namedEntry
	// bodies holds what resolve_body.go adds: the anonymous complex types
	// of body elements and the types made for bodies of simple type.
	bodies
	// repeats holds the repeated model groups of resolve_group.go.
	repeats
}

func newSchemaTables() *schemaTables {
	return &schemaTables{
		elements:        map[wsdl.QName]*wsdl.Element{},
		complexTypes:    map[wsdl.QName]*wsdl.ComplexType{},
		simpleTypes:     map[wsdl.QName]*wsdl.SimpleType{},
		attributes:      map[wsdl.QName]*wsdl.Attribute{},
		groups:          map[wsdl.QName]*wsdl.GroupDef{},
		substitutes:     map[wsdl.QName][]*wsdl.Element{},
		attributeGroups: map[wsdl.QName]*wsdl.AttributeGroupDef{},
		bases:           map[wsdl.QName]bool{},
		named:           map[wsdl.QName]goType{},
		anon:            map[*wsdl.ComplexType]goType{},
		anonS:           map[*wsdl.SimpleType]goType{},
		owner:           map[goType]*pkg{},
		entry:           map[goType]namedEntry{},
	}
}

// add indexes the components of one schema; the first definition of a
// QName wins (a set checks beforehand that later ones are identical).
func (t *schemaTables) add(s *wsdl.Schema) {
	// Anonymous complex types may extend a named one too.
	anonBase := func(x *wsdl.Element) {
		if x.Complex != nil && !x.Complex.Base.IsZero() {
			t.bases[x.Complex.Base] = true
		}
	}
	for _, e := range s.Elements {
		if t.elements[e.Name] != nil {
			continue
		}
		t.elements[e.Name] = e
		if !e.SubstitutionGroup.IsZero() {
			t.substitutes[e.SubstitutionGroup] = append(t.substitutes[e.SubstitutionGroup], e)
		}
		walkElement(e, anonBase)
	}
	for _, c := range s.ComplexTypes {
		if t.complexTypes[c.Name] != nil {
			continue
		}
		t.complexTypes[c.Name] = c
		if !c.Base.IsZero() {
			t.bases[c.Base] = true
		}
		walkComplex(c, anonBase)
	}
	for _, g := range s.Groups {
		walkGroup(g.Group, anonBase)
	}
	for _, st := range s.SimpleTypes {
		addFirst(t.simpleTypes, st.Name, st)
	}
	for _, a := range s.Attributes {
		addFirst(t.attributes, a.Name, a)
	}
	for _, g := range s.Groups {
		addFirst(t.groups, g.Name, g)
	}
	for _, g := range s.AttributeGroups {
		addFirst(t.attributeGroups, g.Name, g)
	}
}

// addFirst adds v under name unless the name has a definition already.
func addFirst[T any](m map[wsdl.QName]T, name wsdl.QName, v T) {
	if _, ok := m[name]; !ok {
		m[name] = v
	}
}

// resolver turns one loaded WSDL into the model.
type resolver struct {
	*schemaTables
	defs *wsdl.Definitions
	// elements shadows schemaTables.elements with the elements local to
	// this WSDL's package (operation wrappers, in a set).
	elements  map[wsdl.QName]*wsdl.Element
	messages  map[wsdl.QName]*wsdl.Message
	portTypes map[wsdl.QName]*wsdl.PortType

	tns    string // the namespace whose named types sort first
	local  *pkg   // the package of this WSDL's operations
	shared *pkg   // the package of the schema types (local itself for one WSDL)
	cur    *pkg   // the package that types being created now belong to
	// localElems are the elements (operation wrappers) whose types go to
	// local rather than shared, in a set.
	localElems map[*wsdl.Element]bool
	ns         map[string]bool
	// typeParts are the body elements made for the parts with a type in
	// document-style operations (see typePart), by part name and type.
	typeParts map[string]*wsdl.Element
}

type namedEntry struct {
	key  string
	want string
	set  func(string)
	// embedded: the type is a base type, embedded in the types that
	// extend it, so its name must not be one of a struct's methods.
	embedded bool
}

func unsupported(pos wsdl.Pos, construct string, name wsdl.QName, format string, args ...any) error {
	return &wsdl.Error{Pos: pos, Construct: construct, Name: name, Err: fmt.Errorf("%w: "+format, append([]any{wsdl.ErrUnsupported}, args...)...)}
}

func undefined(pos wsdl.Pos, construct string, name wsdl.QName, what string, ref wsdl.QName) error {
	return &wsdl.Error{Pos: pos, Construct: construct, Name: name, Err: fmt.Errorf("%w %s %s", wsdl.ErrUndefined, what, ref)}
}

func resolve(defs *wsdl.Definitions, pkgName, source string) (*pkg, error) {
	tables := newSchemaTables()
	for _, s := range defs.Schemas {
		tables.add(s)
	}
	p := &pkg{name: pkgName, source: source, doc: defs.Doc, namer: newNamer()}
	p.shared = p
	r := newResolver(tables, defs, p, p, nil)
	if err := r.run(); err != nil {
		return nil, err
	}
	nameTypes(p, tables.entry)
	nameHeaders(p, p.services)
	nameServices(p)
	nameServerParts(p, p)
	p.namespaces = orderNamespaces(defs.TargetNamespace, r.ns)
	return p, nil
}

// newResolver returns the resolver of one WSDL whose operations go to
// local and whose schema types go to shared (the same package unless the
// WSDL is one of a set); localElems are the elements that are local's own.
func newResolver(tables *schemaTables, defs *wsdl.Definitions, local, shared *pkg, localElems []*wsdl.Element) *resolver {
	r := &resolver{
		schemaTables: tables,
		defs:         defs,
		elements:     tables.elements,
		messages:     map[wsdl.QName]*wsdl.Message{},
		portTypes:    map[wsdl.QName]*wsdl.PortType{},
		tns:          defs.TargetNamespace,
		local:        local,
		shared:       shared,
		cur:          local,
		ns:           map[string]bool{},
	}
	if len(localElems) > 0 {
		r.elements = maps.Clone(tables.elements)
		for _, e := range localElems {
			r.elements[e.Name] = e
		}
	}
	for _, m := range defs.Messages {
		r.messages[m.Name] = m
	}
	for _, pt := range defs.PortTypes {
		r.portTypes[pt.Name] = pt
	}
	return r
}

// run resolves the services of the WSDL into r.local.
func (r *resolver) run() error {
	services, err := r.servicesOf()
	if err != nil {
		return err
	}
	r.local.services = services
	return nil
}

// enterElement makes the package that owns the types of element el (its
// anonymous type and the types inside it) the owner of the types created
// until the returned function is called: in a set, the WSDL's package for
// an element of its own (see localElements), the set's types package for
// every other element, whatever refers to it (an rpc wrapper or an own
// element of the WSDL, both in the WSDL's package, may be the first to
// reach a global element that a header or another WSDL reaches too, and
// the type, once made, is the one they all use).
func (r *resolver) enterElement(el *wsdl.Element) func() {
	if r.local == r.shared {
		return func() {}
	}
	if r.localElems[el] {
		return r.enter(r.local)
	}
	return r.enter(r.shared)
}

// enter makes p the owner of the types created until the returned
// function is called.
func (r *resolver) enter(p *pkg) func() {
	prev := r.cur
	r.cur = p
	return func() { r.cur = prev }
}

// orderNamespaces lists first, then the other namespaces of set sorted.
func orderNamespaces(first string, set map[string]bool) []string {
	ns := []string{first}
	var rest []string
	for s := range set {
		if s != first && s != "" {
			rest = append(rest, s)
		}
	}
	slices.Sort(rest)
	return append(ns, rest...)
}

// servicesOf builds one service per portType that has a SOAP binding.
func (r *resolver) servicesOf() ([]*service, error) {
	if err := r.refuseEncoded(); err != nil {
		return nil, err
	}
	var out []*service
	for _, pt := range r.defs.PortTypes {
		b := r.soapBinding(pt)
		if b == nil {
			continue
		}
		s := &service{portType: pt.Name, binding: b.Name, version: b.Version, doc: pt.Doc, endpoint: r.endpoint(b.Name)}
		// The binding's operations by name; the last of a name wins.
		bops := make(map[string]*wsdl.BindingOperation, len(b.Operations))
		for _, c := range b.Operations {
			bops[c.Name] = c
		}
		for _, op := range pt.Operations {
			o, err := r.operation(b, bops[op.Name], op)
			if err != nil {
				return nil, err
			}
			if o == nil {
				if op.SolicitResponse {
					s.solicits = append(s.solicits, op.Name)
				} else {
					s.notifications = append(s.notifications, op.Name)
				}
				continue
			}
			s.ops = append(s.ops, o)
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		return nil, &wsdl.Error{Pos: r.defs.Pos, Construct: "wsdl:definitions", Err: fmt.Errorf("%w: no SOAP binding for any portType", wsdl.ErrUnsupported)}
	}
	return out, nil
}

// endpoint returns the last segment of the path of the first soap:address
// of a port of binding b: the endpoint relative to a base URL that
// generated clients ask their soap.ClientConn for ("" if there is none).
func (r *resolver) endpoint(b wsdl.QName) string {
	for _, svc := range r.defs.Services {
		for _, port := range svc.Ports {
			if port.Binding != b || port.Address == "" {
				continue
			}
			u, err := url.Parse(port.Address)
			if err != nil {
				return ""
			}
			seg := path.Base(strings.TrimSuffix(u.Path, "/"))
			if seg == "." || seg == "/" {
				return ""
			}
			return seg
		}
	}
	return ""
}

// operation resolves the portType operation op, which binding operation
// bop (nil if b has none of its name) binds.
func (r *resolver) operation(b *wsdl.Binding, bop *wsdl.BindingOperation, op *wsdl.Operation) (*operation, error) {
	opName := wsdl.QName{Space: b.Name.Space, Local: op.Name}
	if bop == nil {
		return nil, undefined(op.Pos, "wsdl:operation", opName, "binding operation in", b.Name)
	}
	style := cmp.Or(bop.Style, b.Style, "document")
	if style != "document" && style != "rpc" {
		return nil, unsupported(bop.Pos, "wsdl:operation", opName, "style %q", style)
	}
	if op.Input == nil || op.SolicitResponse {
		// A notification or a solicit-response operation: see
		// service.notifications and service.solicits. wsimport skips both
		// ("not request-response or one-way"); zeep calls a
		// solicit-response operation as if it were request-response,
		// sending what the service would send.
		return nil, nil
	}
	o := &operation{wsdlName: op.Name, doc: op.Doc, action: bop.SOAPAction}
	var err error
	if o.input, o.inHeader, err = r.message(op.Input, bop.Input, bop.Pos, "input", opName, style, op.Name); err != nil {
		return nil, err
	}
	if op.Output != nil {
		if o.output, o.outHeader, err = r.message(op.Output, bop.Output, bop.Pos, "output", opName, style, op.Name+"Response"); err != nil {
			return nil, err
		}
	}
	for _, fr := range op.Faults {
		f, err := r.fault(bop, fr, opName)
		if err != nil {
			return nil, err
		}
		o.faults = append(o.faults, f)
	}
	return o, nil
}

// message resolves the input or output (dir) ref of operation opName,
// which bio (nil if the binding operation at bopPos has none) binds.
func (r *resolver) message(ref *wsdl.IORef, bio *wsdl.BindingIO, bopPos wsdl.Pos, dir string, opName wsdl.QName, style, wrapper string) (*message, *header, error) {
	m := r.messages[ref.Message]
	if m == nil {
		return nil, nil, undefined(ref.Pos, "wsdl:operation", opName, "message", ref.Message)
	}
	// wsimport refuses a binding input or output without soap:body ("does
	// not have a SOAP body extension"); zeep sends an empty Body for it,
	// which the service, expecting the message's parts, would refuse.
	if bio == nil {
		return nil, nil, unsupported(bopPos, "wsdl:operation", opName, "the binding operation has no %s for message %s", dir, ref.Message.Local)
	}
	if bio.Body == nil {
		return nil, nil, unsupported(bio.Pos, "wsdl:operation", opName, "the binding's %s has no soap:body (message %s is bound to no part of the SOAP Body; wsimport refuses it, zeep sends an empty Body)", dir, ref.Message.Local)
	}
	if bio.Body.Use == "encoded" {
		return nil, nil, unsupported(bio.Body.Pos, "soap:body", opName, "use=\"encoded\"")
	}
	var parts []*wsdl.Part
	for _, p := range m.Parts {
		if bio.Body.Parts == nil || slices.Contains(bio.Body.Parts, p.Name) {
			parts = append(parts, p)
		}
	}
	var msg *message
	if style == "rpc" {
		var err error
		if msg, err = r.rpcMessage(m, parts, bio.Body, wrapper); err != nil {
			return nil, nil, err
		}
	} else if len(parts) == 0 {
		msg = &message{} // an empty Body
	} else {
		if len(parts) != 1 {
			return nil, nil, unsupported(ref.Pos, "wsdl:operation", opName, "message %s has %d body parts (document/literal needs one element part, or none)", m.Name.Local, len(parts))
		}
		part := parts[0]
		el := r.elements[part.Element]
		if part.Element.IsZero() {
			el = r.typePart(part)
		} else if el == nil {
			return nil, nil, undefined(part.Pos, "wsdl:part", m.Name, "element", part.Element)
		}
		st, err := r.bodyStruct(el)
		if err != nil {
			return nil, nil, err
		}
		if el.Name.Space != "" {
			r.ns[el.Name.Space] = true
		}
		msg = &message{elem: el.Name, typ: st}
	}

	h := &header{}
	for _, sh := range bio.Headers {
		hm := r.messages[sh.Message]
		if hm == nil {
			return nil, nil, undefined(sh.Pos, "soap:header", opName, "message", sh.Message)
		}
		var hp *wsdl.Part
		for _, p := range hm.Parts {
			if p.Name == sh.Part {
				hp = p
			}
		}
		if hp == nil || hp.Element.IsZero() {
			return nil, nil, undefined(sh.Pos, "soap:header", opName, "element part "+sh.Part+" of message", sh.Message)
		}
		hel := r.elements[hp.Element]
		if hel == nil {
			return nil, nil, undefined(hp.Pos, "wsdl:part", hm.Name, "element", hp.Element)
		}
		leave := r.enter(r.shared) // header types are the set's
		f, err := r.field(hel, hel.Name, 0, 1, "")
		leave()
		if err != nil {
			return nil, nil, err
		}
		f.name = exportedName(hp.Name)
		h.fields = append(h.fields, f)
	}
	if len(h.fields) == 0 {
		h = nil
	}
	return msg, h, nil
}

// typePart returns the body element of a part with a type, not an
// element, in a document-style operation (WS-I BP R2204 forbids it; zeep
// accepts it, wsimport only with -extension, skipping the operation): as
// zeep sends it, an unqualified element named after the part, of the
// part's type. The element is made once per part name and type, so that
// messages sharing such a part share its Go type.
func (r *resolver) typePart(part *wsdl.Part) *wsdl.Element {
	key := part.Name + "\x00" + qkey(part.Type)
	if el := r.typeParts[key]; el != nil {
		return el
	}
	if r.typeParts == nil {
		r.typeParts = map[string]*wsdl.Element{}
	}
	el := &wsdl.Element{Pos: part.Pos, Name: wsdl.QName{Local: part.Name}, Type: part.Type, MinOccurs: 1, MaxOccurs: 1}
	r.typeParts[key] = el
	if r.local != r.shared {
		r.localElems[el] = true // its wrapper, for a simple type, is the WSDL's own
	}
	return el
}

// rpcMessage builds the body of an rpc/literal message: a wrapper element
// named after the operation (with "Response" for the output) in the
// soap:body namespace, holding one unqualified element per part, in order.
func (r *resolver) rpcMessage(m *wsdl.Message, parts []*wsdl.Part, body *wsdl.SOAPBody, wrapper string) (*message, error) {
	ns := body.Namespace
	if ns == "" {
		ns = r.defs.TargetNamespace
	}
	name := wsdl.QName{Space: ns, Local: wrapper}
	defer r.enter(r.local)()
	st := &structType{pos: m.Pos, origin: wrapper}
	r.register(st, "1|rpc|"+qkey(name), wrapper, func(n string) { st.name = n })
	r.ns[ns] = true
	for _, p := range parts {
		var f *field
		var err error
		if !p.Element.IsZero() {
			el := r.elements[p.Element]
			if el == nil {
				return nil, undefined(p.Pos, "wsdl:part", m.Name, "element", p.Element)
			}
			leave := r.enterElement(el)
			f, err = r.field(el, el.Name, 1, 1, "1|rpc|"+qkey(name))
			leave()
		} else {
			f = &field{name: exportedName(p.Name), elem: wsdl.QName{Local: p.Name}, min: 1, max: 1}
			f.typ, err = r.typeRef(p.Type, p.Pos, m.Name)
		}
		if err != nil {
			return nil, err
		}
		st.fields = append(st.fields, f)
	}
	return &message{elem: name, typ: st}, nil
}

// fault resolves a declared fault: a message of one element part, whose
// type the fault's detail decodes into.
func (r *resolver) fault(bop *wsdl.BindingOperation, fr *wsdl.IORef, opName wsdl.QName) (*faultRef, error) {
	m := r.messages[fr.Message]
	if m == nil {
		return nil, undefined(fr.Pos, "wsdl:fault", opName, "message", fr.Message)
	}
	var bf *wsdl.BindingFault
	for _, c := range bop.Faults {
		if c.Name == fr.Name {
			bf = c
		}
	}
	if bf == nil {
		return nil, undefined(fr.Pos, "wsdl:fault", opName, "binding fault", wsdl.QName{Local: fr.Name})
	}
	if bf.Use == "encoded" {
		return nil, unsupported(bf.Pos, "soap:fault", opName, "use=\"encoded\"")
	}
	if len(m.Parts) != 1 || m.Parts[0].Element.IsZero() {
		return nil, unsupported(m.Pos, "wsdl:message", m.Name, "a fault message needs exactly one element part")
	}
	el := r.elements[m.Parts[0].Element]
	if el == nil {
		return nil, undefined(m.Parts[0].Pos, "wsdl:part", m.Name, "element", m.Parts[0].Element)
	}
	st, err := r.bodyStruct(el)
	if err != nil {
		return nil, err
	}
	r.ns[el.Name.Space] = true
	return &faultRef{name: fr.Name, elem: el.Name, typ: st}, nil
}

// bodyStruct returns the type of a body element (or fault detail): its
// anonymous complex type, always a struct (a wrapper whose only member
// repeats is a struct holding the slice, so that the wrapper element is
// still written around the items); its named complex type (a struct, or an
// array or dictionary type, whose pointer is then the body); for a simple
// type, a struct holding the text as Value; for xs:anyType, or no type, an
// alias of soap.Any.
func (r *resolver) bodyStruct(el *wsdl.Element) (goType, error) {
	defer r.enterElement(el)()
	var t goType
	var err error
	switch {
	case el.Complex != nil:
		r.markWrapper(el.Complex)
		t, err = r.complexType(el.Complex, "1|"+qkey(el.Name), el.Name.Local)
	case !el.Type.IsZero() && r.complexTypes[el.Type] != nil:
		t, err = r.complexType(r.complexTypes[el.Type], "", "")
	default:
		return r.simpleBody(el)
	}
	if err != nil {
		return nil, err
	}
	if st, ok := t.(*structType); ok && el.Complex != nil && st.doc == "" {
		st.doc = el.Doc // the element's own documentation describes its anonymous type
	}
	return t, nil
}

func qkey(q wsdl.QName) string { return q.Space + "\x00" + q.Local }

// typeKey orders named types: the WSDL's target namespace first.
func (r *resolver) typeKey(q wsdl.QName) string {
	if q.Space == r.tns {
		return "0|" + qkey(q)
	}
	return "0|~" + qkey(q)
}

// register records the generated type t, owned by the current package,
// with the key that decides who gets a contested Go name.
func (r *resolver) register(t goType, key, want string, set func(string)) {
	r.owner[t] = r.cur
	s, ok := t.(*structType)
	r.entry[t] = namedEntry{key: key, want: want, set: set, embedded: ok && s.isBase}
	r.cur.types = append(r.cur.types, t)
}

// complexType returns the Go type of a complex type; key and want name an
// anonymous one.
func (r *resolver) complexType(ct *wsdl.ComplexType, key, want string) (goType, error) {
	if !ct.Name.IsZero() {
		if t, ok := r.named[ct.Name]; ok {
			return t, nil
		}
		key, want = r.typeKey(ct.Name), ct.Name.Local
		defer r.enter(r.shared)()
	} else if t, ok := r.anon[ct]; ok {
		return t, nil
	}
	construct := "xs:complexType"
	// Errors name an anonymous type by the element that declares it.
	errName := ct.Name
	if errName.IsZero() {
		errName = wsdl.QName{Local: want}
	}
	switch {
	case ct.Mixed && (ct.Derivation != wsdl.DerivationNone || r.bases[ct.Name]):
		return nil, unsupported(ct.Pos, construct, errName, "mixed content in a type that derives or is derived from is not implemented yet")
	case ct.Content == wsdl.ContentSimple && ct.Derivation != wsdl.Extension:
		return nil, unsupported(ct.Pos, construct, errName, "xs:simpleContent by restriction")
	case ct.Content == wsdl.ContentSimple:
		return r.simpleContent(ct, key, want, errName)
	case ct.Derivation == wsdl.Restriction:
		return nil, unsupported(ct.Pos, construct, errName, "derivation by restriction")
	}
	attributes, err := r.expandAttributes(ct.Attributes, ct.AttributeGroups, ct.Pos, map[wsdl.QName]bool{})
	if err != nil {
		return nil, err
	}
	var elems []*wsdl.Element
	var wildcard *wsdl.Any               // a trailing xs:any
	optional := map[*wsdl.Element]bool{} // members of a choice or optional sequence
	all := false                         // the members form an xs:all group: any order on the wire
	group := ct.Group
	if ct.GroupRef != nil {
		// A group reference as the whole content model: a sequence of it.
		group = &wsdl.Group{Pos: ct.GroupRef.Pos, Kind: wsdl.Sequence, MinOccurs: 1, MaxOccurs: 1, Particles: []wsdl.Particle{ct.GroupRef}}
	}
	if g := group; g != nil {
		if g.Kind == wsdl.All && g.MaxOccurs == 1 {
			all = true
			for _, p := range g.Particles {
				e, ok := p.(*wsdl.Element)
				if !ok || e.MaxOccurs != 1 {
					return nil, unsupported(g.Pos, g.Kind.String(), errName, "xs:all holds only single elements")
				}
				elems = append(elems, e)
				if g.MinOccurs == 0 {
					optional[e] = true
				}
			}
		} else if err := r.flatten(g, false, errName, &elems, optional, map[wsdl.QName]bool{}, &wildcard); err != nil {
			return nil, err
		}
	}

	// A DataContract dictionary: one repeated entry holding Key and Value.
	anyAttr := ct.AnyAttribute || r.groupsHaveAnyAttribute(ct.AttributeGroups, map[wsdl.QName]bool{})
	if !all && wildcard == nil && !anyAttr && len(attributes) == 0 && ct.IsDictionary && !r.isWrapper(ct) && ct.Derivation == wsdl.DerivationNone && len(elems) == 1 && elems[0].Complex != nil && elems[0].MaxOccurs != 1 {
		d := &dictType{xsd: ct.Name, doc: ct.Doc}
		r.remember(ct, d)
		r.register(d, key, want, func(n string) { d.name = n })
		f, err := r.field(elems[0], elems[0].Name, elems[0].MinOccurs, elems[0].MaxOccurs, key)
		if err != nil {
			return nil, err
		}
		entry, ok := f.typ.named.(*structType)
		if !ok || len(entry.fields) != 2 || entry.fields[0].elem.Local != "Key" || entry.fields[1].elem.Local != "Value" {
			return nil, unsupported(ct.Pos, construct, errName, "IsDictionary type whose entry is not a Key/Value pair")
		}
		d.item, d.entry = f, entry
		return d, nil
	}
	// An array: the only member is one repeated element.
	if !all && wildcard == nil && !anyAttr && len(attributes) == 0 && ct.Derivation == wsdl.DerivationNone && len(elems) == 1 && elems[0].MaxOccurs != 1 && !r.bases[ct.Name] && !r.isWrapper(ct) {
		a := &arrayType{xsd: ct.Name, doc: ct.Doc}
		r.remember(ct, a)
		r.register(a, key, want, func(n string) { a.name = n })
		f, err := r.field(elems[0], elems[0].Name, elems[0].MinOccurs, elems[0].MaxOccurs, key)
		if err != nil {
			return nil, err
		}
		a.item = f
		return a, nil
	}

	s := &structType{xsd: ct.Name, doc: ct.Doc, pos: ct.Pos, origin: want, all: all, isBase: !ct.Name.IsZero() && r.bases[ct.Name]}
	if ct.Mixed {
		s.mixed = "Text"
	}
	if anyAttr {
		s.anyAttr = "AnyAttrs"
	}
	if wildcard != nil {
		s.wildcard = &wildcardField{namespace: wildcard.Namespace, tns: ct.Name.Space}
		if s.wildcard.tns == "" {
			s.wildcard.tns = r.defs.TargetNamespace
		}
	}
	r.remember(ct, s)
	r.register(s, key, want, func(n string) { s.name = n })
	if ct.Derivation == wsdl.Extension {
		base := r.complexTypes[ct.Base]
		if base == nil {
			return nil, undefined(ct.Pos, construct, ct.Name, "base type", ct.Base)
		}
		bt, err := r.baseType(ct, base)
		if err != nil {
			return nil, err
		}
		bs, ok := bt.(*structType)
		if !ok {
			return nil, unsupported(ct.Pos, construct, errName, "extension of an array or dictionary type %s", ct.Base)
		}
		s.base = bs
	}
	for _, e := range elems {
		if rg := r.repeated[e]; rg != nil {
			f, err := r.groupField(rg, key, want, errName)
			if err != nil {
				return nil, err
			}
			s.fields = append(s.fields, f)
			continue
		}
		min := e.MinOccurs
		if optional[e] {
			min = 0
		}
		f, err := r.field(e, e.Name, min, e.MaxOccurs, key)
		if err != nil {
			return nil, err
		}
		if optional[e] {
			f.doc = strings.TrimSpace(f.doc + " Part of an xs:choice or optional xs:sequence: set the members the schema allows together.")
		}
		s.fields = append(s.fields, f)
	}
	if s.attrs, err = r.attributeFields(attributes, key); err != nil {
		return nil, err
	}
	return s, nil
}

// baseType resolves base, the type ct extends, after checking that the
// derivation has no cycle.
func (r *resolver) baseType(ct, base *wsdl.ComplexType) (goType, error) {
	if err := r.checkCycle(ct); err != nil {
		return nil, err
	}
	return r.complexType(base, "", "")
}

// simpleContent resolves a complex type with simple content extending a
// simple type: a struct with the text as Value and the attributes.
//
// The base may itself be a complex type with simple content (a chain of
// extensions, each adding attributes, as zeep and JAXB read it): the
// struct then embeds the base's, which holds the text as Value and the
// base's attributes, as a complexContent extension embeds its base.
func (r *resolver) simpleContent(ct *wsdl.ComplexType, key, want string, errName wsdl.QName) (goType, error) {
	s := &structType{xsd: ct.Name, doc: ct.Doc, pos: ct.Pos, origin: want, isBase: !ct.Name.IsZero() && r.bases[ct.Name]}
	r.remember(ct, s)
	r.register(s, key, want, func(n string) { s.name = n })
	if base := r.complexTypes[ct.Base]; base != nil {
		if base.Content != wsdl.ContentSimple {
			return nil, unsupported(ct.Pos, "xs:simpleContent", errName, "extension of %s, a complex type without simple content", ct.Base)
		}
		bt, err := r.baseType(ct, base)
		if err != nil {
			return nil, err
		}
		bs, ok := bt.(*structType)
		if !ok || bs.valueField() == nil {
			return nil, unsupported(ct.Pos, "xs:simpleContent", errName, "extension of %s, which holds no text", ct.Base)
		}
		s.base = bs
	} else {
		typ, err := r.typeRef(ct.Base, ct.Pos, errName)
		if err != nil {
			return nil, err
		}
		if !isText(typ) {
			return nil, unsupported(ct.Pos, "xs:simpleContent", errName, "simple content of type %s", ct.Base)
		}
		s.value = &field{name: "Value", typ: typ, min: 1, max: 1}
	}
	attributes, err := r.expandAttributes(ct.Attributes, ct.AttributeGroups, ct.Pos, map[wsdl.QName]bool{})
	if err != nil {
		return nil, err
	}
	if s.attrs, err = r.attributeFields(attributes, key); err != nil {
		return nil, err
	}
	return s, nil
}

// attributeFields resolves a type's attributes; prohibited ones are left out.
func (r *resolver) attributeFields(attributes []*wsdl.Attribute, key string) ([]*field, error) {
	var fields []*field
	for _, a := range attributes {
		f, err := r.attribute(a, key)
		if err != nil {
			return nil, err
		}
		if f != nil {
			fields = append(fields, f)
		}
	}
	return fields, nil
}

// isText reports whether values of ref are simple, written as text without
// namespace context: builtins other than xs:QName and xs:anyType, and the
// generated simple types.
func isText(ref *typeRef) bool {
	if b := ref.builtin; b != nil {
		return b.xsd != "QName" && b.xsd != "anyType"
	}
	return isSimpleNamed(ref.named)
}

// groupsHaveAnyAttribute reports whether an attribute group (or one it
// refers to) holds xs:anyAttribute.
func (r *resolver) groupsHaveAnyAttribute(groups []wsdl.QName, seen map[wsdl.QName]bool) bool {
	for _, g := range groups {
		def := r.attributeGroups[g]
		if def == nil || seen[g] {
			continue
		}
		seen[g] = true
		if def.AnyAttribute || r.groupsHaveAnyAttribute(def.AttributeGroups, seen) {
			return true
		}
	}
	return false
}

// expandAttributes lists a type's attributes with those of its attribute
// groups inlined, in order; xs:anyAttribute is refused.
func (r *resolver) expandAttributes(attrs []*wsdl.Attribute, groups []wsdl.QName, pos wsdl.Pos, visiting map[wsdl.QName]bool) ([]*wsdl.Attribute, error) {
	out := append([]*wsdl.Attribute(nil), attrs...)
	for _, g := range groups {
		def := r.attributeGroups[g]
		switch {
		case def == nil:
			return nil, undefined(pos, "xs:attributeGroup", g, "attribute group", g)
		case visiting[g]:
			return nil, &wsdl.Error{Pos: def.Pos, Construct: "xs:attributeGroup", Name: g, Err: fmt.Errorf("%w: circular attribute group reference", wsdl.ErrInvalid)}
		}
		visiting[g] = true
		more, err := r.expandAttributes(def.Attributes, def.AttributeGroups, def.Pos, visiting)
		delete(visiting, g)
		if err != nil {
			return nil, err
		}
		out = append(out, more...)
	}
	return out, nil
}

// attribute resolves an attribute of a complex type (following a ref to
// its global attribute); nil for a prohibited one. Its type must be a
// simple type other than xs:QName and xs:anyType.
func (r *resolver) attribute(a *wsdl.Attribute, parentKey string) (*field, error) {
	if a.Use == "prohibited" {
		return nil, nil
	}
	decl := a
	if !a.Ref.IsZero() {
		decl = r.attributes[a.Ref]
		if decl == nil {
			return nil, undefined(a.Pos, "xs:attribute", a.Ref, "attribute", a.Ref)
		}
	}
	name := decl.Name
	f := &field{name: exportedName(name.Local), elem: name, max: 1}
	if a.Use == "required" {
		f.min = 1
	}
	var err error
	switch {
	case decl.Simple != nil:
		f.typ, err = r.simpleType(decl.Simple, "2|"+parentKey+"|@"+qkey(name), name.Local)
	case decl.Type.IsZero():
		f.typ = &typeRef{builtin: builtins["string"], xsd: wsdl.QName{Space: wsdl.NSXSD, Local: "string"}}
	default:
		f.typ, err = r.typeRef(decl.Type, decl.Pos, name)
	}
	if err != nil {
		return nil, err
	}
	if !isText(f.typ) {
		return nil, unsupported(a.Pos, "xs:attribute", name, "attribute of type %s", decl.Type)
	}
	if name.Space != "" {
		r.ns[name.Space] = true
	}
	return f, nil
}

func isSimpleNamed(t goType) bool {
	switch t.(type) {
	case *enumType, *flagsType, *listType, *unionType:
		return true
	}
	return false
}

// substitutable returns, for a reference to the head of a substitution
// group, the elements that may stand in its place (the head unless it is
// abstract, then the members, transitively, in schema order); nil for an
// element that is not such a head.
func (r *resolver) substitutable(e *wsdl.Element) []*wsdl.Element {
	if e.Ref.IsZero() {
		return nil
	}
	head := r.elements[e.Ref]
	if head == nil {
		return nil
	}
	var out []*wsdl.Element
	seen := map[wsdl.QName]bool{}
	var walk func(h *wsdl.Element)
	walk = func(h *wsdl.Element) {
		if seen[h.Name] {
			return
		}
		seen[h.Name] = true
		if !h.Abstract {
			out = append(out, h)
		}
		for _, m := range r.substitutes[h.Name] {
			walk(m)
		}
	}
	walk(head)
	if len(out) == 1 && out[0] == head {
		return nil // no members: an ordinary reference
	}
	return out
}

// flatten lists the elements of a model group in order. A nested
// sequence and a referenced group are inlined; a choice (not repeated)
// becomes its members, each optional, so that whichever alternative is
// present decodes; members of an optional sequence are optional. A
// repeated group (or group reference) stands as one placeholder element,
// the member holding its occurrences (see repeatedGroup). xs:all inside a
// group, wildcards but a trailing one and circular references are
// refused.
func (r *resolver) flatten(g *wsdl.Group, opt bool, owner wsdl.QName, out *[]*wsdl.Element, optional map[*wsdl.Element]bool, visiting map[wsdl.QName]bool, wildcard **wsdl.Any) error {
	if g.Kind == wsdl.All {
		return unsupported(g.Pos, g.Kind.String(), owner, "not implemented yet (members in any order)")
	}
	// repeated adds a repeated group: the one element it repeats (see
	// foldRepeated) when it may fold, else its placeholder.
	repeated := func(g *wsdl.Group, ref wsdl.QName, min, max int, pos wsdl.Pos, mayFold bool) {
		if e := r.foldRepeated(g, min, max); e != nil && mayFold {
			*out = append(*out, e)
			if opt {
				optional[e] = true
			}
			return
		}
		*out = append(*out, r.repeatedGroup(g, ref, min, max, pos))
	}
	if g.MaxOccurs != 1 {
		repeated(g, wsdl.QName{}, g.MinOccurs, g.MaxOccurs, g.Pos, true)
		return nil
	}
	opt = opt || g.MinOccurs == 0 || g.Kind == wsdl.Choice
	for _, p := range g.Particles {
		switch p := p.(type) {
		case *wsdl.Element:
			if *wildcard != nil {
				return unsupported((*wildcard).Pos, "xs:any", owner, "a wildcard followed by elements is not implemented yet (only a trailing one)")
			}
			if subs := r.substitutable(p); subs != nil {
				// A head element of a substitution group: a choice among
				// the head (unless abstract) and its members.
				if p.MaxOccurs != 1 {
					return unsupported(p.Pos, "xs:element", p.Ref, "a repeated substitution group head is not implemented yet")
				}
				for _, m := range subs {
					alt := &wsdl.Element{Pos: p.Pos, Ref: m.Name, MinOccurs: 0, MaxOccurs: 1}
					*out = append(*out, alt)
					optional[alt] = true
				}
				continue
			}
			*out = append(*out, p)
			if opt {
				optional[p] = true
			}
		case *wsdl.Group:
			if err := r.flatten(p, opt, owner, out, optional, visiting, wildcard); err != nil {
				return err
			}
		case *wsdl.GroupRef:
			def := r.groups[p.Ref]
			switch {
			case def == nil:
				return undefined(p.Pos, "xs:group", p.Ref, "group", p.Ref)
			case visiting[p.Ref]:
				return &wsdl.Error{Pos: p.Pos, Construct: "xs:group", Name: p.Ref, Err: fmt.Errorf("%w: circular group reference", wsdl.ErrInvalid)}
			case p.MaxOccurs != 1:
				repeated(def.Group, p.Ref, p.MinOccurs, p.MaxOccurs, p.Pos, def.Group.MinOccurs == 1 && def.Group.MaxOccurs == 1)
				continue
			}
			visiting[p.Ref] = true
			err := r.flatten(def.Group, opt || p.MinOccurs == 0, owner, out, optional, visiting, wildcard)
			delete(visiting, p.Ref)
			if err != nil {
				return err
			}
		case *wsdl.Any:
			if *wildcard != nil || g.Kind == wsdl.Choice {
				return unsupported(p.Pos, "xs:any", owner, "only one trailing wildcard in a sequence is implemented")
			}
			*wildcard = p
		}
	}
	return nil
}

// foldRepeated returns, for a sequence or choice of one element repeated
// min to max times, that element with the occurrences multiplied: the same
// content, without a group (XSD's "pointless particle", as
// <xs:sequence maxOccurs="unbounded"><xs:element minOccurs="0"
// maxOccurs="unbounded"/></xs:sequence> around an array's items); nil for
// any other group.
func (r *resolver) foldRepeated(g *wsdl.Group, min, max int) *wsdl.Element {
	if g.Kind == wsdl.All || len(g.Particles) != 1 {
		return nil
	}
	e, ok := g.Particles[0].(*wsdl.Element)
	if !ok || r.substitutable(e) != nil {
		return nil
	}
	folded := *e
	folded.MinOccurs = min * e.MinOccurs
	if max == wsdl.Unbounded || e.MaxOccurs == wsdl.Unbounded {
		folded.MaxOccurs = wsdl.Unbounded
	} else {
		folded.MaxOccurs = max * e.MaxOccurs
	}
	return &folded
}

func (r *resolver) checkCycle(ct *wsdl.ComplexType) error {
	seen := map[wsdl.QName]bool{ct.Name: true}
	for t := ct; t != nil && !t.Base.IsZero(); {
		if seen[t.Base] {
			return &wsdl.Error{Pos: ct.Pos, Construct: "xs:complexType", Name: ct.Name, Err: fmt.Errorf("%w: cyclic derivation through %s", wsdl.ErrInvalid, t.Base)}
		}
		seen[t.Base] = true
		t = r.complexTypes[t.Base]
	}
	return nil
}

func (r *resolver) remember(ct *wsdl.ComplexType, t goType) {
	if ct.Name.IsZero() {
		r.anon[ct] = t
	} else {
		r.named[ct.Name] = t
	}
}

// field resolves a member element (following a ref to its global element).
func (r *resolver) field(e *wsdl.Element, name wsdl.QName, min, max int, parentKey string) (*field, error) {
	if !e.Ref.IsZero() {
		g := r.elements[e.Ref]
		if g == nil {
			return nil, undefined(e.Pos, "xs:element", e.Ref, "element", e.Ref)
		}
		leave := r.enterElement(g)
		f, err := r.field(g, g.Name, min, max, parentKey)
		leave()
		if err != nil {
			return nil, err
		}
		return f, nil
	}
	if e.Abstract {
		return nil, unsupported(e.Pos, "xs:element", e.Name, "an abstract element with no substitutes")
	}
	f := &field{name: exportedName(name.Local), elem: name, min: min, max: max, nillable: e.Nillable, doc: e.Doc}
	r.ns[name.Space] = true
	var err error
	switch {
	case e.Complex != nil:
		var t goType
		t, err = r.complexType(e.Complex, "2|"+parentKey+"|"+qkey(name), name.Local)
		f.typ = &typeRef{named: t}
	case e.Simple != nil:
		f.typ, err = r.simpleType(e.Simple, "2|"+parentKey+"|"+qkey(name), name.Local)
	case e.Type.IsZero():
		f.typ = &typeRef{builtin: builtins["anyType"], xsd: wsdl.QName{Space: wsdl.NSXSD, Local: "anyType"}}
	default:
		f.typ, err = r.typeRef(e.Type, e.Pos, name)
	}
	if err != nil {
		return nil, err
	}
	return f, nil
}

// typeRef resolves a named type.
func (r *resolver) typeRef(q wsdl.QName, pos wsdl.Pos, user wsdl.QName) (*typeRef, error) {
	if q.Space == wsdl.NSXSD {
		b := builtins[q.Local]
		if b == nil {
			return nil, unsupported(pos, "xs:element", user, "XSD type %s has no Go mapping", q.Local)
		}
		return &typeRef{builtin: b, xsd: q}, nil
	}
	if ct := r.complexTypes[q]; ct != nil {
		t, err := r.complexType(ct, "", "")
		if err != nil {
			return nil, err
		}
		return &typeRef{named: t, xsd: q}, nil
	}
	if st := r.simpleTypes[q]; st != nil {
		ref, err := r.simpleType(st, "", "")
		if err != nil {
			return nil, err
		}
		ref = &typeRef{builtin: ref.builtin, named: ref.named, xsd: q}
		return ref, nil
	}
	return nil, undefined(pos, "xs:element", user, "type", q)
}

// simpleType resolves a simple type to a builtin (for restrictions without
// enumerations), an enum or a flags type.
func (r *resolver) simpleType(st *wsdl.SimpleType, key, want string) (*typeRef, error) {
	if !st.Name.IsZero() {
		if t, ok := r.named[st.Name]; ok {
			return &typeRef{named: t, xsd: st.Name}, nil
		}
		key, want = r.typeKey(st.Name), st.Name.Local
		defer r.enter(r.shared)()
	} else if t, ok := r.anonS[st]; ok {
		return &typeRef{named: t}, nil
	}
	rememberS := func(t goType) {
		if st.Name.IsZero() {
			r.anonS[st] = t
		} else {
			r.named[st.Name] = t
		}
	}
	switch st.Kind {
	case wsdl.SimpleUnion:
		return r.union(st, key, want, rememberS)
	case wsdl.SimpleList:
		item := st.Item
		if item == nil {
			item = r.simpleTypes[st.ItemType]
		}
		if item == nil || item.Kind != wsdl.SimpleRestriction || len(item.Enumerations) == 0 {
			return r.list(st, key, want, rememberS)
		}
		ft := &flagsType{xsd: st.Name, doc: cmp.Or(st.Doc, item.Doc), bits: 32}
		rememberS(ft)
		r.register(ft, key, want, func(n string) { ft.name = n })
		for i, e := range dedupe(item.Enumerations) {
			v := &enumValue{value: e.Value, doc: e.Doc, number: int64(1) << min(i, 62)}
			if e.Number != nil {
				v.number, v.explicit = *e.Number, true
			}
			if v.number < 0 || v.number > 1<<31-1 {
				ft.bits = 64
			}
			ft.values = append(ft.values, v)
		}
		return &typeRef{named: ft}, nil
	}
	// Restriction.
	if len(st.Enumerations) == 0 {
		if st.BaseSimple != nil {
			return r.simpleType(st.BaseSimple, key+"|base", want)
		}
		return r.typeRef(st.Base, st.Pos, st.Name)
	}
	base := st.Base
	for base.Space != wsdl.NSXSD {
		bt := r.simpleTypes[base]
		if bt == nil || bt.Kind != wsdl.SimpleRestriction {
			return nil, unsupported(st.Pos, "xs:restriction", st.Name, "enumeration over %s", base)
		}
		base = bt.Base
	}
	if b := builtins[base.Local]; b == nil || b.goName != "string" {
		return r.valueEnum(st, b, base, key, want, rememberS)
	}
	et := &enumType{xsd: st.Name, doc: st.Doc}
	rememberS(et)
	r.register(et, key, want, func(n string) { et.name = n })
	for i, e := range dedupe(st.Enumerations) {
		v := &enumValue{value: e.Value, doc: e.Doc, number: int64(i)}
		if e.Number != nil {
			v.number, v.explicit = *e.Number, true
		}
		et.values = append(et.values, v)
	}
	return &typeRef{named: et}, nil
}

// dedupe returns the enumerations of a simple type by their position in
// the schema, leaving out a value listed again (XSD allows it; it is the
// same value): the first keeps its position, documentation and number.
func dedupe(enums []*wsdl.Enumeration) iter.Seq2[int, *wsdl.Enumeration] {
	return func(yield func(int, *wsdl.Enumeration) bool) {
		seen := make(map[string]bool, len(enums))
		for i, e := range enums {
			if seen[e.Value] {
				continue
			}
			seen[e.Value] = true
			if !yield(i, e) {
				return
			}
		}
	}
}

// union resolves an xs:union of simple types: its value stays the lexical
// form, valid for at least one member type.
func (r *resolver) union(st *wsdl.SimpleType, key, want string, remember func(goType)) (*typeRef, error) {
	ut := &unionType{xsd: st.Name, doc: st.Doc}
	remember(ut)
	r.register(ut, key, want, func(n string) { ut.name = n })
	for _, q := range st.MemberTypes {
		m, err := r.typeRef(q, st.Pos, st.Name)
		if err != nil {
			return nil, err
		}
		ut.members = append(ut.members, m)
	}
	for i, anon := range st.Members {
		m, err := r.simpleType(anon, fmt.Sprintf("%s|m%d", key, i), fmt.Sprintf("%sMember%d", want, i+1))
		if err != nil {
			return nil, err
		}
		ut.members = append(ut.members, m)
	}
	for _, m := range ut.members {
		if !isText(m) {
			return nil, unsupported(st.Pos, "xs:union", st.Name, "a member type that is not a simple type")
		}
	}
	if len(ut.members) == 0 {
		return nil, unsupported(st.Pos, "xs:union", st.Name, "a union without member types")
	}
	return &typeRef{named: ut}, nil
}

// list resolves an xs:list whose items are not an enumeration: a slice of
// the item type, which must be a builtin or a restriction of one.
func (r *resolver) list(st *wsdl.SimpleType, key, want string, remember func(goType)) (*typeRef, error) {
	var item *typeRef
	var err error
	switch {
	case st.Item != nil:
		item, err = r.simpleType(st.Item, key+"|item", want+"Item")
	default:
		item, err = r.typeRef(st.ItemType, st.Pos, st.Name)
	}
	if err != nil {
		return nil, err
	}
	if b := item.builtin; b == nil || b.xsd == "QName" || b.xsd == "anyType" || b.goName == "[]byte" {
		return nil, unsupported(st.Pos, "xs:list", st.Name, "lists of %s are not implemented yet", st.ItemType)
	}
	lt := &listType{xsd: st.Name, doc: st.Doc, item: item}
	remember(lt)
	r.register(lt, key, want, func(n string) { lt.name = n })
	return &typeRef{named: lt}, nil
}

// nameTypes gives the types p declares their Go names, contested names
// going to the lowest key, then the enumeration constants and the members.
func nameTypes(p *pkg, entry map[goType]namedEntry) {
	nameEntries(p.namer, entriesOf(p.types, entry))
	nameMembers(p)
}

// entriesOf lists the name entries of types, in their order.
func entriesOf(types []goType, entry map[goType]namedEntry) []namedEntry {
	out := make([]namedEntry, len(types))
	for i, t := range types {
		out[i] = entry[t]
	}
	return out
}

// nameEntries gives each entry its name from n, in key order.
func nameEntries(n *namer, entries []namedEntry) {
	slices.SortStableFunc(entries, func(a, b namedEntry) int { return strings.Compare(a.key, b.key) })
	for _, e := range entries {
		if e.embedded {
			e.set(n.name(e.want, exportedStructMethods...))
			continue
		}
		e.set(n.name(e.want))
	}
}

// nameMembers sorts p's types by name and names their enumeration
// constants (package-level names, from p.namer) and members.
func nameMembers(p *pkg) {
	n := p.namer
	slices.SortFunc(p.types, func(a, b goType) int { return strings.Compare(a.goName(), b.goName()) })

	// Enum constants are package-level names too.
	for _, t := range p.types {
		switch t := t.(type) {
		case *enumType:
			for _, v := range t.values {
				v.name = n.name(t.name + cmp.Or(v.literalName(), exportedName(v.value)))
			}
		case *flagsType:
			for _, v := range t.values {
				v.name = n.name(t.name + exportedName(v.value))
			}
		}
		if s, ok := t.(*structType); ok {
			members := append([]*field(nil), s.attrs...)
			if s.value != nil {
				members = append([]*field{s.value}, members...)
			}
			members = append(members, s.fields...)
			if s.anyAttr != "" {
				members = append(members, &field{name: "AnyAttrs"})
			}
			if s.wildcard != nil {
				members = append(members, &field{name: "Any"})
			}
			var text *field
			if s.mixed != "" {
				text = &field{name: s.mixed}
				members = append([]*field{text}, members...)
			}
			reserved := structMethods(s)
			if s.value == nil && s.valueField() != nil {
				reserved = append(reserved, "Value") // promoted from the base's simple content
			}
			uniqueFields(members, s.base, reserved...)
			if text != nil {
				s.mixed = text.name
			}
			if s.wildcard != nil {
				s.wildcard.name = members[len(members)-1].name
			}
			if s.anyAttr != "" {
				i := len(members) - 1
				if s.wildcard != nil {
					i--
				}
				s.anyAttr = members[i].name
			}
		}
	}
}

// nameHeaders gives the header sets of services one type each in p (the
// package of the schema types), and the service error its name.
func nameHeaders(p *pkg, services []*service) {
	n := p.namer
	// Headers: one shared type when every operation has the same entries.
	headers(p, services, func(o *operation) **header { return &o.inHeader }, "RequestHeader")
	headers(p, services, func(o *operation) **header { return &o.outHeader }, "ResponseHeader")
	for _, h := range p.headers {
		for _, f := range h.fields {
			if f.elem.Local == "Succeeded" && f.typ.builtin != nil && f.typ.builtin.xsd == "boolean" {
				h.succeeded = f
			}
			if f.elem.Local == "ExceptionInfo" {
				if st, ok := f.typ.named.(*structType); ok {
					h.exceptionInfo = f
					p.errorInfo = st
				}
			}
		}
		if h.succeeded == nil || h.exceptionInfo == nil {
			h.succeeded, h.exceptionInfo = nil, nil
		} else if p.serviceError == "" {
			p.serviceError = n.name("ServiceError")
		}
		uniqueFields(h.fields, nil, headerMethods(h)...)
	}
	if p.serviceError == "" {
		p.errorInfo = nil
	}
}

// nameServices names the clients, server interfaces and operation tables
// of p's services, and their methods.
func nameServices(p *pkg) {
	n := p.namer
	p.allOps = n.name("Operations")
	for _, s := range p.services {
		s.name = n.name(s.portType.Local + "Client")
		s.newClient = n.name("New" + s.name)
		s.server = n.name(s.portType.Local + "Server")
		s.opsFunc = n.name(s.portType.Local + "Operations")
		nameOperations(s)
	}
}

// vetMethods are the method names go vet's stdmethods check expects the
// signature of a standard interface for, whatever their parameters
// (cmd/vendor/golang.org/x/tools/go/analysis/passes/stdmethods; the
// others of its list are checked only for an error type, or for a first
// parameter that an operation's context.Context is not).
var vetMethods = map[string]bool{
	"GobDecode": true, "GobEncode": true, "MarshalJSON": true, "MarshalXML": true,
	"ReadByte": true, "ReadRune": true, "UnmarshalJSON": true, "UnmarshalXML": true,
	"UnreadByte": true, "UnreadRune": true, "WriteByte": true,
}

// methodName is the Go method name an operation asks for: its exported
// name, with the suffix Op when vet would take it for a standard method
// (MarshalJSONOp).
func methodName(op string) string {
	name := exportedName(op)
	if vetMethods[name] {
		name += "Op"
	}
	return name
}

// nameOperations names the methods of s's operations (of its client,
// server interface and Unimplemented type). Operations whose names give
// one Go name (ping, Ping) are taken in byte order of their names, the
// order their like-named wrapper elements get their type names in: the
// first gets the plain name, each other one the name of its request type
// when that is the plain name with a numeric suffix (method Ping2 takes
// *Ping2), else the next free numbered name.
func nameOperations(s *service) {
	methods := newNamer()
	for _, m := range []string{"MarshalSOAP", "UnmarshalSOAP"} {
		methods.used[m] = true
	}
	groups := map[string][]*operation{}
	var order []string // the names, in the order of their first operation
	for _, o := range s.ops {
		want := methodName(o.wsdlName)
		if groups[want] == nil {
			order = append(order, want)
		}
		groups[want] = append(groups[want], o)
	}
	for _, want := range order {
		g := groups[want]
		slices.SortStableFunc(g, func(a, b *operation) int { return strings.Compare(a.wsdlName, b.wsdlName) })
		g[0].name = methods.name(want)
	}
	for _, want := range order {
		for _, o := range groups[want][1:] {
			if t := requestTypeName(o); numbered(t, want) && !methods.used[t] {
				methods.used[t] = true
				o.name = t
				continue
			}
			o.name = methods.name(want)
		}
	}
}

// requestTypeName is the Go name of o's request type, "" if it has none.
func requestTypeName(o *operation) string {
	if o.input == nil || o.input.typ == nil {
		return ""
	}
	return o.input.typ.goName()
}

// numbered reports whether name is base followed by a decimal number.
func numbered(name, base string) bool {
	digits, ok := strings.CutPrefix(name, base)
	return ok && digits != "" && strings.Trim(digits, "0123456789") == ""
}

// nameServerParts names the server-side functions of p's services, and
// the header accessors in shared (the package of the header types): they
// come last, so that they never rename anything else.
func nameServerParts(p, shared *pkg) {
	for _, s := range p.services {
		s.handler = p.namer.name("New" + s.portType.Local + "Handler")
		s.unimpl = p.namer.name("Unimplemented" + s.portType.Local + "Server")
		for _, o := range s.ops {
			if h := o.inHeader; h != nil && h.fromFunc == "" {
				h.fromFunc = shared.namer.name(h.name + "From")
			}
			if h := o.outHeader; h != nil && h.setFunc == "" {
				h.setFunc = shared.namer.name("Set" + h.name)
			}
		}
	}
}

// headers deduplicates the header sets of services by their entries; the
// distinct ones become p's header types.
func headers(p *pkg, services []*service, get func(*operation) **header, shared string) {
	n := p.namer
	sig := func(h *header) string {
		var b strings.Builder
		for _, f := range h.fields {
			b.WriteString(f.name + "=" + qkey(f.elem) + ";")
		}
		return b.String()
	}
	type use struct {
		o   *operation
		s   *service
		sig string
	}
	var all []use // the operations with headers, in order
	for _, s := range services {
		for _, o := range s.ops {
			if h := *get(o); h != nil {
				all = append(all, use{o, s, sig(h)})
			}
		}
	}
	type svcSig struct {
		s   *service
		sig string
	}
	sigs := map[string]*header{}
	uses := map[string]int{}          // operations by signature
	svcUses := map[svcSig]int{}       // operations by service and signature
	withHeaders := map[*service]int{} // operations with headers by service
	common := ""                      // the signature most operations use (the first of those)
	for _, u := range all {
		if sigs[u.sig] == nil {
			sigs[u.sig] = *get(u.o)
		}
		uses[u.sig]++
		svcUses[svcSig{u.s, u.sig}]++
		withHeaders[u.s]++
		if uses[u.sig] > uses[common] {
			common = u.sig
		}
	}
	// The most common set of entries gets the plain name; the others are
	// named after the first operation using them.
	if common != "" {
		sigs[common].name = n.name(shared)
		p.headers = append(p.headers, sigs[common])
	}
	for _, u := range all {
		canon := sigs[u.sig]
		if canon.name == "" {
			// Named after the portType whose operations, all of them and
			// only them, use it (in a set: SoPrincipal's), else after the
			// first operation using it.
			if k := svcUses[svcSig{u.s, u.sig}]; k == uses[u.sig] && k == withHeaders[u.s] {
				canon.name = n.name(u.s.portType.Local + shared)
			} else {
				canon.name = n.name(u.o.wsdlName + shared)
			}
			p.headers = append(p.headers, canon)
		}
		*get(u.o) = canon
	}
}

// uniqueFields makes field names unique within a struct and distinct from
// its embedded base type and the methods of its type (methods, see
// methods.go); the first field of a name keeps it.
func uniqueFields(fields []*field, base *structType, methods ...string) {
	n := newNamer()
	for _, m := range methods {
		n.used[m] = true
	}
	if base != nil {
		n.used[base.name] = true
	}
	for _, f := range fields {
		if f.plain == "" {
			f.plain = f.name
		}
		f.name = n.name(f.plain)
	}
}
