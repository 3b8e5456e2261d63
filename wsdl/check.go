package wsdl

import (
	"fmt"
	"sort"
	"strings"
)

// refKind tells what a reference must name.
type refKind int

const (
	refType refKind = iota
	refBaseType
	refItemType
	refMemberType
	refElement
	refSubstGroup
	refAttribute
	refGroup
	refAttrGroup
	refMessage
	refPortType
	refBinding
)

// what is the noun used in "undefined ..." messages.
func (k refKind) what() string {
	return [...]string{
		refType:       "type",
		refBaseType:   "base type",
		refItemType:   "item type",
		refMemberType: "member type",
		refElement:    "element",
		refSubstGroup: "substitution group element",
		refAttribute:  "attribute",
		refGroup:      "group",
		refAttrGroup:  "attributeGroup",
		refMessage:    "message",
		refPortType:   "portType",
		refBinding:    "binding",
	}[k]
}

// ref is a reference recorded while parsing, checked once everything is
// loaded.
type ref struct {
	kind      refKind
	q         QName
	pos       Pos
	construct string
	name      QName
}

func (l *loader) addRef(k refKind, q QName, pos Pos, construct string, name QName) {
	l.refs = append(l.refs, ref{k, q, pos, construct, name})
}

// xsdBuiltins are the built-in datatypes of XML Schema 1.0 (plus anyType).
var xsdBuiltins = map[string]bool{}

func init() {
	for _, s := range strings.Fields(`anyType anySimpleType
		string normalizedString token language Name NCName ID IDREF IDREFS ENTITY ENTITIES NMTOKEN NMTOKENS
		boolean base64Binary hexBinary float double decimal integer nonPositiveInteger negativeInteger
		long int short byte nonNegativeInteger unsignedLong unsignedInt unsignedShort unsignedByte positiveInteger
		duration dateTime time date gYearMonth gYear gMonthDay gDay gMonth anyURI QName NOTATION`) {
		xsdBuiltins[s] = true
	}
}

// xmlAttributes are the attributes of the xml namespace, defined without an
// import of xml.xsd.
var xmlAttributes = map[string]bool{"lang": true, "space": true, "base": true, "id": true}

// index maps names to the components the loaded documents define; the
// first definition of a name wins.
type index struct {
	complexTypes map[QName]*ComplexType
	simpleTypes  map[QName]*SimpleType
	elements     map[QName]bool
	attributes   map[QName]bool
	groups       map[QName]bool
	attrGroups   map[QName]bool
	messages     map[QName]*Message
	portTypes    map[QName]*PortType
	bindings     map[QName]bool
}

func newIndex(d *Definitions) *index {
	x := &index{
		complexTypes: map[QName]*ComplexType{},
		simpleTypes:  map[QName]*SimpleType{},
		elements:     map[QName]bool{},
		attributes:   map[QName]bool{},
		groups:       map[QName]bool{},
		attrGroups:   map[QName]bool{},
		messages:     map[QName]*Message{},
		portTypes:    map[QName]*PortType{},
		bindings:     map[QName]bool{},
	}
	for _, s := range d.Schemas {
		for _, t := range s.ComplexTypes {
			if x.complexTypes[t.Name] == nil {
				x.complexTypes[t.Name] = t
			}
		}
		for _, t := range s.SimpleTypes {
			if x.simpleTypes[t.Name] == nil {
				x.simpleTypes[t.Name] = t
			}
		}
		for _, e := range s.Elements {
			x.elements[e.Name] = true
		}
		for _, a := range s.Attributes {
			x.attributes[a.Name] = true
		}
		for _, g := range s.Groups {
			x.groups[g.Name] = true
		}
		for _, g := range s.AttributeGroups {
			x.attrGroups[g.Name] = true
		}
	}
	for _, m := range d.Messages {
		if x.messages[m.Name] == nil {
			x.messages[m.Name] = m
		}
	}
	for _, pt := range d.PortTypes {
		if x.portTypes[pt.Name] == nil {
			x.portTypes[pt.Name] = pt
		}
	}
	for _, b := range d.Bindings {
		x.bindings[b.Name] = true
	}
	return x
}

func (x *index) defined(r ref) bool {
	q := r.q
	if q.Space == NSSOAPEncoding && r.kind != refMessage && r.kind != refPortType && r.kind != refBinding {
		// SOAP encoding's types and attributes (soapenc:Array,
		// soapenc:arrayType) are known without their schema, as XSD's
		// builtins are: rpc/encoded WSDLs use them without an import, and
		// a generator is to refuse the binding's use="encoded", not a
		// reference it cannot resolve anyway.
		return true
	}
	switch r.kind {
	case refType, refBaseType, refItemType, refMemberType:
		if q.Space == NSXSD && xsdBuiltins[q.Local] {
			return true
		}
		return x.complexTypes[q] != nil || x.simpleTypes[q] != nil
	case refElement, refSubstGroup:
		return x.elements[q]
	case refAttribute:
		return x.attributes[q] || (q.Space == xmlNS && xmlAttributes[q.Local])
	case refGroup:
		return x.groups[q]
	case refAttrGroup:
		return x.attrGroups[q]
	case refMessage:
		return x.messages[q] != nil
	case refPortType:
		return x.portTypes[q] != nil
	case refBinding:
		return x.bindings[q]
	}
	return false
}

// check verifies the references of everything loaded and returns the first
// problem in document order (files in load order), or nil.
func (l *loader) check(wsdl bool) error {
	d := l.defs
	x := newIndex(d)
	var errs []*Error
	for _, r := range l.refs {
		if !x.defined(r) {
			errs = append(errs, &Error{Pos: r.pos, Construct: r.construct, Name: r.name,
				Err: fmt.Errorf("%w %s %s", ErrUndefined, r.kind.what(), r.q)})
		}
	}
	errs = append(errs, cyclicDerivations(d)...)
	if wsdl {
		if len(d.PortTypes) == 0 {
			errs = append(errs, &Error{Pos: d.Pos, Construct: "wsdl:definitions", Name: QName{d.TargetNamespace, d.Name},
				Err: fmt.Errorf("%w: no wsdl:portType", ErrInvalid)})
		}
		errs = append(errs, checkBindings(d, x)...)
	}
	if len(errs) == 0 {
		return nil
	}
	key := func(e *Error) [3]int {
		o, ok := l.order[e.Pos.File]
		if !ok {
			o = len(l.order)
		}
		return [3]int{o, e.Pos.Line, e.Pos.Col}
	}
	sort.SliceStable(errs, func(i, j int) bool {
		a, b := key(errs[i]), key(errs[j])
		for k := range a {
			if a[k] != b[k] {
				return a[k] < b[k]
			}
		}
		return false
	})
	return errs[0]
}

// checkBindings checks that binding operations name operations of their
// portType and that soap:header parts exist.
func checkBindings(d *Definitions, x *index) []*Error {
	var errs []*Error
	ops := map[*PortType]map[string]bool{} // operation names by portType
	for _, b := range d.Bindings {
		pt := x.portTypes[b.Type]
		if pt != nil && ops[pt] == nil {
			names := make(map[string]bool, len(pt.Operations))
			for _, op := range pt.Operations {
				names[op.Name] = true
			}
			ops[pt] = names
		}
		for _, op := range b.Operations {
			if pt != nil && !ops[pt][op.Name] {
				errs = append(errs, &Error{Pos: op.Pos, Construct: "wsdl:operation", Name: QName{Local: op.Name},
					Err: fmt.Errorf("%w operation %q in portType %s", ErrUndefined, op.Name, pt.Name)})
			}
			for _, io := range []*BindingIO{op.Input, op.Output} {
				if io == nil {
					continue
				}
				for _, h := range io.Headers {
					m := x.messages[h.Message]
					if m != nil && !hasPart(m, h.Part) {
						errs = append(errs, &Error{Pos: h.Pos, Construct: "soap:header", Name: QName{Local: h.Part},
							Err: fmt.Errorf("%w part %q in message %s", ErrUndefined, h.Part, m.Name)})
					}
				}
			}
		}
	}
	return errs
}

func hasPart(m *Message, name string) bool {
	for _, p := range m.Parts {
		if p.Name == name {
			return true
		}
	}
	return false
}

// cyclicDerivations reports every named type that derives from itself:
// through complexContent/simpleContent bases, simple type restriction
// bases, list item types or union member types (named, or named inside an
// anonymous simple type), which XSD forbids and which would make the
// generator recurse forever.
func cyclicDerivations(d *Definitions) []*Error {
	type typ struct {
		pos       Pos
		construct string
		refs      []QName // the types it derives from, in document order
	}
	types := map[QName]*typ{}
	var order []QName
	for _, s := range d.Schemas {
		for _, t := range s.ComplexTypes {
			if types[t.Name] == nil {
				var refs []QName
				if !t.Base.IsZero() {
					refs = []QName{t.Base}
				}
				types[t.Name] = &typ{t.Pos, "xs:complexType", refs}
				order = append(order, t.Name)
			}
		}
		for _, t := range s.SimpleTypes {
			if types[t.Name] == nil {
				types[t.Name] = &typ{t.Pos, "xs:simpleType", simpleRefs(t, nil)}
				order = append(order, t.Name)
			}
		}
	}
	const (
		unvisited = iota
		onPath
		done
	)
	state := map[QName]int{}
	at := map[QName]int{} // index in path of a type on the path
	var path []QName
	var errs []*Error
	var visit func(q QName)
	visit = func(q QName) {
		t := types[q]
		if t == nil || state[q] == done {
			return
		}
		if state[q] == onPath {
			cycle := path[at[q]:]
			for i, c := range cycle {
				ct := types[c]
				errs = append(errs, &Error{Pos: ct.pos, Construct: ct.construct, Name: c,
					Err: fmt.Errorf("%w: cyclic derivation %s", ErrInvalid, cycleString(cycle, i))})
			}
			return
		}
		state[q] = onPath
		at[q] = len(path)
		path = append(path, q)
		for _, r := range t.refs {
			visit(r)
		}
		path = path[:len(path)-1]
		state[q] = done
	}
	for _, q := range order {
		visit(q)
	}
	return errs
}

// simpleRefs appends to refs the named types simple type t derives from:
// its restriction base, list item type and union member types, its
// anonymous ones' in turn.
func simpleRefs(t *SimpleType, refs []QName) []QName {
	add := func(q QName) {
		if !q.IsZero() {
			refs = append(refs, q)
		}
	}
	switch t.Kind {
	case SimpleRestriction:
		add(t.Base)
		if t.BaseSimple != nil {
			refs = simpleRefs(t.BaseSimple, refs)
		}
	case SimpleList:
		add(t.ItemType)
		if t.Item != nil {
			refs = simpleRefs(t.Item, refs)
		}
	case SimpleUnion:
		for _, m := range t.MemberTypes {
			add(m)
		}
		for _, m := range t.Members {
			refs = simpleRefs(m, refs)
		}
	}
	return refs
}

// cycleString formats the derivation cycle starting at cycle[i], e.g.
// "A -> B -> A", eliding the middle of long cycles.
func cycleString(cycle []QName, i int) string {
	const max = 8
	var names []string
	for k := 0; k < len(cycle); k++ {
		if k == max-1 && len(cycle) > max {
			names = append(names, "...")
			break
		}
		names = append(names, cycle[(i+k)%len(cycle)].Local)
	}
	names = append(names, cycle[i].Local)
	return strings.Join(names, " -> ")
}
