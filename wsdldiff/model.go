package wsdldiff

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/soapgen/soapgen/wsdl"
)

// This file reduces a *wsdl.Definitions to what Compare compares: its
// operations and its types, keyed by names from which the definitions'
// target namespace has been taken out, with every reference rendered as a
// string in which that namespace is "tns:".

// snapshot is the comparable content of one WSDL.
type snapshot struct {
	tns   string
	ops   map[string]*opInfo
	types map[string]*typeInfo
}

// opInfo is an operation of a portType with what its SOAP binding adds.
type opInfo struct {
	name       string
	input      string // the input message's body, e.g. "tns:GetPerson"
	output     string
	action     string // SOAPAction as written
	actionNorm string // SOAPAction with the target namespace taken out
	inHeaders  []string
	outHeaders []string
}

// Type kinds, as reported in type-added, type-removed and kind-changed.
const (
	kindComplex    = "complex"
	kindDictionary = "dictionary"
	kindElement    = "element" // a global element with an anonymous complex type
	kindEnum       = "enum"
	kindFlags      = "flags" // xs:list of an enumeration
	kindList       = "list"
	kindUnion      = "union"
	kindSimple     = "simple" // a restriction without enumerations
)

// typeInfo is a named type, or a global element with an anonymous type.
type typeInfo struct {
	name    string
	kind    string
	base    string    // derivation base, list item or union members; "" if none
	members []*member // elements in sequence order, then attributes
	values  []string  // enumeration values of an enum or flags type
	numbers map[string]string
	// canon maps each value of an enumeration of a number or boolean to
	// its value in the value space ("+1" and "01" are "1"), by which
	// values compare, as soapgen names their constants; nil for the
	// enumerations of string-like types, which compare as written.
	canon map[string]string
	mixed bool // mixed="true": text between the elements
}

// member is an element of a complex type's content model, or an attribute
// (whose name then starts with "@").
type member struct {
	name     string
	typ      string
	min, max int
	nillable bool
	attr     bool
	// group names the repeated model group the member is in, "" outside
	// any: soapgen puts its members in the struct of one occurrence. A
	// repeated group is itself a member, named "(choice)", "(sequence)"
	// or "(all)" (numbered from the second of a name on: "(choice)#2"),
	// and a group within one is named by the path "(choice)/(sequence)".
	group string
}

// builder turns one Definitions into a snapshot.
type builder struct {
	d        *wsdl.Definitions
	s        *snapshot
	messages map[wsdl.QName]*wsdl.Message
	simple   map[wsdl.QName]*wsdl.SimpleType
	named    map[string]bool // subjects of named types, to keep element subjects apart
}

func newSnapshot(d *wsdl.Definitions) *snapshot {
	b := &builder{
		d:        d,
		s:        &snapshot{tns: d.TargetNamespace, ops: map[string]*opInfo{}, types: map[string]*typeInfo{}},
		messages: map[wsdl.QName]*wsdl.Message{},
		simple:   map[wsdl.QName]*wsdl.SimpleType{},
		named:    map[string]bool{},
	}
	for _, m := range d.Messages {
		b.messages[m.Name] = m
	}
	for _, s := range d.Schemas {
		for _, t := range s.SimpleTypes {
			b.simple[t.Name] = t
			b.named[b.subject(t.Name)] = true
		}
		for _, t := range s.ComplexTypes {
			b.named[b.subject(t.Name)] = true
		}
	}
	b.operations()
	for _, s := range d.Schemas {
		for _, t := range s.ComplexTypes {
			b.complexType(b.subject(t.Name), t, false)
		}
		for _, t := range s.SimpleTypes {
			b.simpleType(b.subject(t.Name), t)
		}
		for _, e := range s.Elements {
			if e.Complex == nil && e.Simple == nil {
				continue
			}
			name := b.subject(e.Name)
			if b.named[name] {
				name = "element " + name
			}
			if e.Complex != nil {
				b.complexType(name, e.Complex, true)
			} else {
				b.simpleType(name, e.Simple)
			}
		}
	}
	return b.s
}

// ref renders a reference: "tns:" for the target namespace, "xs:", "ser:"
// and "arr:" for XML Schema and the two Microsoft serialization
// namespaces, {namespace}local for any other.
func (b *builder) ref(q wsdl.QName) string {
	switch q.Space {
	case b.d.TargetNamespace:
		return "tns:" + q.Local
	case wsdl.NSXSD:
		return "xs:" + q.Local
	case wsdl.NSMSSerial:
		return "ser:" + q.Local
	case wsdl.NSMSArrays:
		return "arr:" + q.Local
	}
	return q.String()
}

// subject is the name a type or element is reported under: its local name
// in the target namespace, ref's rendering elsewhere.
func (b *builder) subject(q wsdl.QName) string {
	if q.Space == b.d.TargetNamespace {
		return q.Local
	}
	return b.ref(q)
}

// add records t unless its name is taken (a schema defining a name twice
// is invalid; the first definition wins).
func (b *builder) add(t *typeInfo) {
	if _, dup := b.s.types[t.name]; !dup {
		b.s.types[t.name] = t
	}
}

func (b *builder) operations() {
	// The first SOAP binding of each portType gives SOAPActions and headers.
	bindings := map[wsdl.QName]*wsdl.Binding{}
	for _, bd := range b.d.Bindings {
		if _, ok := bindings[bd.Type]; !ok && bd.Version != wsdl.SOAPNone {
			bindings[bd.Type] = bd
		}
	}
	count := map[string]int{}
	for _, pt := range b.d.PortTypes {
		for _, op := range pt.Operations {
			count[op.Name]++
		}
	}
	for _, pt := range b.d.PortTypes {
		for _, op := range pt.Operations {
			name := op.Name
			if count[name] > 1 {
				name = pt.Name.Local + "." + name
			}
			if _, dup := b.s.ops[name]; dup {
				continue
			}
			o := &opInfo{name: name}
			if op.Input != nil {
				o.input = b.body(op.Input.Message)
			}
			if op.Output != nil {
				o.output = b.body(op.Output.Message)
			}
			if bd := bindings[pt.Name]; bd != nil {
				for _, bop := range bd.Operations {
					if bop.Name != op.Name {
						continue
					}
					o.action = bop.SOAPAction
					o.actionNorm = o.action
					if b.d.TargetNamespace != "" {
						o.actionNorm = strings.ReplaceAll(o.action, b.d.TargetNamespace, "\x00")
					}
					o.inHeaders = b.headers(bop.Input)
					o.outHeaders = b.headers(bop.Output)
					break
				}
			}
			b.s.ops[name] = o
		}
	}
}

// body renders the parts of a message: the element of a document/literal
// message's single part, or name=reference for each part.
func (b *builder) body(q wsdl.QName) string {
	m := b.messages[q]
	if m == nil {
		return "?" + b.ref(q)
	}
	if len(m.Parts) == 1 && !m.Parts[0].Element.IsZero() {
		return b.ref(m.Parts[0].Element)
	}
	var parts []string
	for _, p := range m.Parts {
		t := p.Element
		if t.IsZero() {
			t = p.Type
		}
		parts = append(parts, p.Name+"="+b.ref(t))
	}
	return strings.Join(parts, " ")
}

// headers names the soap:header entries of a binding input or output by
// the element of their part (its subject), or by the part's name.
func (b *builder) headers(io *wsdl.BindingIO) []string {
	if io == nil {
		return nil
	}
	var hs []string
	for _, h := range io.Headers {
		name := h.Part
		if m := b.messages[h.Message]; m != nil {
			for _, p := range m.Parts {
				if p.Name == h.Part && !p.Element.IsZero() {
					name = b.subject(p.Element)
				}
			}
		}
		hs = append(hs, name)
	}
	return hs
}

func (b *builder) complexType(name string, t *wsdl.ComplexType, element bool) {
	ti := &typeInfo{name: name, kind: kindComplex, mixed: t.Mixed}
	switch {
	case element:
		ti.kind = kindElement
	case t.IsDictionary:
		ti.kind = kindDictionary
	}
	if !t.Base.IsZero() {
		ti.base = b.ref(t.Base)
		if t.Derivation == wsdl.Restriction {
			ti.base = "restriction of " + ti.base
		}
	}
	// Register first, so that a type is listed before its nested ones.
	b.add(ti)
	seen := map[string]int{}
	addMember := func(m *member) {
		seen[m.name]++
		if n := seen[m.name]; n > 1 {
			m.name = fmt.Sprintf("%s#%d", m.name, n)
		}
		ti.members = append(ti.members, m)
	}
	if t.Group != nil {
		b.group(name, t.Group, "", addMember)
	}
	if g := t.GroupRef; g != nil {
		addMember(&member{name: "group " + b.ref(g.Ref), typ: "xs:group", min: g.MinOccurs, max: g.MaxOccurs})
	}
	for _, a := range t.Attributes {
		m := &member{attr: true, max: 1}
		switch {
		case !a.Ref.IsZero():
			m.name, m.typ = "@"+a.Ref.Local, "ref "+b.ref(a.Ref)
		case a.Simple != nil:
			m.name, m.typ = "@"+a.Name.Local, "(anonymous)"
			b.simpleType(name+".@"+a.Name.Local, a.Simple)
		default:
			m.name, m.typ = "@"+a.Name.Local, b.ref(a.Type)
			if a.Type.IsZero() {
				m.typ = "xs:anySimpleType"
			}
		}
		if a.Use == "required" {
			m.min = 1
		}
		if a.Use == "prohibited" {
			m.max = 0
		}
		addMember(m)
	}
	for _, g := range t.AttributeGroups {
		addMember(&member{name: "@group " + b.ref(g), typ: "xs:attributeGroup", attr: true, max: 1})
	}
}

// group adds the members of the model group g, which lies in the
// repeated group in ("" if none): a repeated group is a member itself
// (see member.group), whose elements are in it.
func (b *builder) group(owner string, g *wsdl.Group, in string, add func(*member)) {
	if g.MaxOccurs != 1 {
		m := &member{name: "(" + strings.TrimPrefix(g.Kind.String(), "xs:") + ")", typ: g.Kind.String(), min: g.MinOccurs, max: g.MaxOccurs, group: in}
		add(m)
		if in != "" {
			in += "/"
		}
		in += m.name
	}
	b.particles(owner, g.Particles, in, add)
}

// particles flattens a model group into its elements, in order; nested
// groups contribute their elements, xs:any is a member named "(any)".
func (b *builder) particles(owner string, ps []wsdl.Particle, in string, add func(*member)) {
	for _, p := range ps {
		switch p := p.(type) {
		case *wsdl.Element:
			m := &member{min: p.MinOccurs, max: p.MaxOccurs, nillable: p.Nillable, group: in}
			switch {
			case !p.Ref.IsZero():
				m.name, m.typ = p.Ref.Local, "ref "+b.ref(p.Ref)
			case p.Complex != nil:
				m.name, m.typ = p.Name.Local, "(anonymous)"
				b.complexType(owner+"."+p.Name.Local, p.Complex, false)
			case p.Simple != nil:
				m.name, m.typ = p.Name.Local, "(anonymous)"
				b.simpleType(owner+"."+p.Name.Local, p.Simple)
			case p.Type.IsZero():
				m.name, m.typ = p.Name.Local, "xs:anyType"
			default:
				m.name, m.typ = p.Name.Local, b.ref(p.Type)
			}
			add(m)
		case *wsdl.Group:
			b.group(owner, p, in, add)
		case *wsdl.GroupRef:
			add(&member{name: "group " + b.ref(p.Ref), typ: "xs:group", min: p.MinOccurs, max: p.MaxOccurs, group: in})
		case *wsdl.Any:
			add(&member{name: "(any)", typ: "xs:any", min: p.MinOccurs, max: p.MaxOccurs, group: in})
		}
	}
}

func (b *builder) simpleType(name string, t *wsdl.SimpleType) {
	ti := &typeInfo{name: name, kind: kindSimple}
	switch t.Kind {
	case wsdl.SimpleRestriction:
		ti.base = b.ref(t.Base)
		if t.BaseSimple != nil {
			ti.base = "(anonymous)"
		}
		if len(t.Enumerations) > 0 {
			ti.kind = kindEnum
			ti.values, ti.numbers = enumValues(t.Enumerations)
			if t.BaseSimple == nil {
				ti.canon = canonical(b.builtin(t.Base), ti.values)
			}
		}
	case wsdl.SimpleList:
		ti.kind = kindList
		ti.base = "list of " + b.ref(t.ItemType)
		item := b.simple[t.ItemType]
		if t.Item != nil {
			ti.base = "list of (anonymous)"
			item = t.Item
		}
		if item != nil && item.Kind == wsdl.SimpleRestriction && len(item.Enumerations) > 0 {
			ti.kind = kindFlags
			if t.Item != nil {
				// A named item type reports its values itself.
				ti.values, ti.numbers = enumValues(item.Enumerations)
			}
		}
	case wsdl.SimpleUnion:
		ti.kind = kindUnion
		var ms []string
		for _, m := range t.MemberTypes {
			ms = append(ms, b.ref(m))
		}
		for range t.Members {
			ms = append(ms, "(anonymous)")
		}
		ti.base = "union of " + strings.Join(ms, " ")
	}
	b.add(ti)
}

// enumValues lists the values of enumerations, with the explicit numbers
// of the DataContract EnumerationValue annotation.
func enumValues(es []*wsdl.Enumeration) ([]string, map[string]string) {
	var vs []string
	nums := map[string]string{}
	for _, e := range es {
		vs = append(vs, e.Value)
		if e.Number != nil {
			nums[e.Value] = fmt.Sprint(*e.Number)
		}
	}
	return vs, nums
}

// builtin returns the local name of the XML Schema builtin that the simple
// type q is or restricts (through named restrictions); "" if it is none.
func (b *builder) builtin(q wsdl.QName) string {
	for range 64 { // a longer chain is a cycle
		if q.Space == wsdl.NSXSD {
			return q.Local
		}
		t := b.simple[q]
		if t == nil || t.Kind != wsdl.SimpleRestriction || t.BaseSimple != nil {
			return ""
		}
		q = t.Base
	}
	return ""
}

// canonical maps the enumeration values of the builtin base to their
// values in its value space, for the numbers and booleans whose
// enumerations soapgen makes Go constants of; nil for other builtins, and
// a value that does not parse is its own.
func canonical(base string, values []string) map[string]string {
	var conv func(string) (string, bool)
	switch base {
	case "boolean":
		conv = func(s string) (string, bool) {
			switch s {
			case "true", "1":
				return "true", true
			case "false", "0":
				return "false", true
			}
			return "", false
		}
	case "float", "double":
		bits := 64
		if base == "float" {
			bits = 32
		}
		conv = func(s string) (string, bool) {
			switch s {
			case "INF", "+INF", "-INF", "NaN":
				return strings.TrimPrefix(s, "+"), true
			}
			if s == "" || strings.ContainsAny(s, "xXpPnNiI_") {
				return "", false
			}
			v, err := strconv.ParseFloat(s, bits)
			if err != nil {
				return "", false
			}
			if v == 0 {
				return "0", true
			}
			return strconv.FormatFloat(v, 'g', -1, bits), true
		}
	case "decimal", "integer", "long", "int", "short", "byte",
		"nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger",
		"unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte":
		conv = func(s string) (string, bool) {
			if s == "" || strings.ContainsAny(s, "eE/_") {
				return "", false
			}
			r, ok := new(big.Rat).SetString(s)
			if !ok {
				return "", false
			}
			return r.RatString(), true
		}
	default:
		return nil
	}
	m := make(map[string]string, len(values))
	for _, v := range values {
		c, ok := conv(strings.TrimSpace(v))
		if !ok {
			c = v
		}
		m[v] = c
	}
	return m
}
