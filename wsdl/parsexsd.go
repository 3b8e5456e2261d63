package wsdl

import (
	"slices"
	"strconv"
	"strings"
)

// sctx is the state of parsing one xs:schema element (of one file) into a
// Schema; an included file has its own sctx filling the including Schema.
type sctx struct {
	*doc
	s         *Schema
	tns       string
	elemQ     bool // elementFormDefault="qualified"
	attrQ     bool // attributeFormDefault="qualified"
	chameleon bool // an included schema without targetNamespace: no-namespace references take tns
}

// newSchema parses the xs:schema element n as a new Schema, appended to the
// Definitions before the schemas it imports.
func (c *doc) newSchema(n *node) error {
	tns, _ := n.attr("targetNamespace")
	s := &Schema{Pos: c.pos(n), TargetNamespace: tns}
	sc := &sctx{doc: c, s: s, tns: tns}
	if err := sc.forms(n); err != nil {
		return err
	}
	s.ElementFormQualified, s.AttributeFormQualified = sc.elemQ, sc.attrQ
	c.l.defs.Schemas = append(c.l.defs.Schemas, s)
	return sc.contents(n)
}

// forms reads elementFormDefault and attributeFormDefault.
func (sc *sctx) forms(n *node) error {
	var err error
	if sc.elemQ, err = sc.form(n, "elementFormDefault", false); err != nil {
		return err
	}
	sc.attrQ, err = sc.form(n, "attributeFormDefault", false)
	return err
}

// form reads a qualified/unqualified attribute.
func (sc *sctx) form(n *node, attr string, def bool) (bool, error) {
	v, ok := n.attr(attr)
	if !ok {
		return def, nil
	}
	switch strings.TrimSpace(v) {
	case "qualified":
		return true, nil
	case "unqualified":
		return false, nil
	}
	return false, sc.err(n, QName{}, ErrInvalid, ": %s=%q is neither qualified nor unqualified", attr, v)
}

// qname is doc.qname with chameleon include semantics.
func (sc *sctx) qname(n *node, name QName, attr string) (QName, error) {
	q, err := sc.doc.qname(n, name, attr)
	if sc.chameleon && !q.IsZero() && q.Space == "" {
		q.Space = sc.tns
	}
	return q, err
}

// ref reads the QName attribute attr and records it as a reference of kind k.
func (sc *sctx) ref(n *node, name QName, attr string, k refKind) (QName, error) {
	q, err := sc.qname(n, name, attr)
	if err == nil && !q.IsZero() {
		sc.l.addRef(k, q, sc.pos(n), construct(n), name)
	}
	return q, err
}

func (sc *sctx) contents(n *node) error {
	s := sc.s
	if err := sc.children(n, QName{}, "include", "import", "redefine", "override", "annotation", "simpleType", "complexType", "group", "attributeGroup", "element", "attribute", "notation"); err != nil {
		return err
	}
	for _, k := range n.elems() {
		if k.name.Space != NSXSD {
			continue
		}
		var err error
		switch k.name.Local {
		case "import", "include":
			err = sc.importOrInclude(k)
		case "redefine", "override":
			err = sc.err(k, QName{}, ErrUnsupported, "")
		case "element":
			var e *Element
			if e, err = sc.element(k, true); err == nil {
				s.Elements = append(s.Elements, e)
			}
		case "complexType":
			var ct *ComplexType
			if ct, err = sc.complexType(k, true); err == nil {
				s.ComplexTypes = append(s.ComplexTypes, ct)
			}
		case "simpleType":
			var st *SimpleType
			if st, err = sc.simpleType(k, true); err == nil {
				s.SimpleTypes = append(s.SimpleTypes, st)
			}
		case "attribute":
			var a *Attribute
			if a, err = sc.attribute(k, true); err == nil {
				s.Attributes = append(s.Attributes, a)
			}
		case "group":
			var g *GroupDef
			if g, err = sc.groupDef(k); err == nil {
				s.Groups = append(s.Groups, g)
			}
		case "attributeGroup":
			var g *AttributeGroupDef
			if g, err = sc.attributeGroupDef(k); err == nil {
				s.AttributeGroups = append(s.AttributeGroups, g)
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// importOrInclude records an xs:import or xs:include and loads its
// schemaLocation if that names a file not yet loaded.
func (sc *sctx) importOrInclude(n *node) error {
	imp := &Import{Pos: sc.pos(n), Include: n.name.Local == "include"}
	ns, hasNS := n.attr("namespace")
	imp.Namespace = strings.TrimSpace(ns)
	imp.SchemaLocation, _ = n.attr("schemaLocation")
	if imp.Include && strings.TrimSpace(imp.SchemaLocation) == "" {
		return sc.err(n, QName{}, ErrInvalid, ": missing schemaLocation")
	}
	sc.s.Imports = append(sc.s.Imports, imp)
	c2, root, err := sc.open(n, QName{}, "schemaLocation", imp.SchemaLocation)
	if err != nil || c2 == nil {
		return err
	}
	if !root.is(NSXSD, "schema") {
		return c2.err(root, QName{}, ErrInvalid, ": %s (from %s) is not an XML Schema document: root element is %s", c2.f.name, sc.pos(n), QName(root.name))
	}
	tns, _ := root.attr("targetNamespace")
	if !imp.Include {
		if hasNS && imp.Namespace != tns {
			return sc.err(n, QName{}, ErrInvalid, ": %q has targetNamespace %q, not %q", imp.SchemaLocation, tns, imp.Namespace)
		}
		return c2.newSchema(root)
	}
	if tns != "" && tns != sc.tns {
		return sc.err(n, QName{}, ErrInvalid, ": included %q has targetNamespace %q, not %q", imp.SchemaLocation, tns, sc.tns)
	}
	inc := &sctx{doc: c2, s: sc.s, tns: sc.tns, chameleon: tns == "" && sc.tns != ""}
	if err := inc.forms(root); err != nil {
		return err
	}
	return inc.contents(root)
}

// annotation returns the documentation of n's xs:annotation children and
// calls appinfo, if not nil, for each element inside their xs:appinfo.
func (sc *sctx) annotation(n *node, appinfo func(*node) error) (string, error) {
	var parts []string
	for _, a := range n.elems() {
		if !a.is(NSXSD, "annotation") {
			continue
		}
		if s := docText(a, NSXSD); s != "" {
			parts = append(parts, s)
		}
		if appinfo == nil {
			continue
		}
		for _, ai := range a.elems() {
			if !ai.is(NSXSD, "appinfo") {
				continue
			}
			for _, x := range ai.elems() {
				if err := appinfo(x); err != nil {
					return "", err
				}
			}
		}
	}
	return strings.Join(parts, "\n\n"), nil
}

// occurs reads minOccurs and maxOccurs (default 1).
func (sc *sctx) occurs(n *node, name QName) (min, max int, err error) {
	min, max = 1, 1
	num := func(attr, v string) (int, error) {
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 {
			return 0, sc.err(n, name, ErrInvalid, ": %s=%q is not a non-negative integer", attr, v)
		}
		return i, nil
	}
	if v, ok := n.attr("minOccurs"); ok {
		if min, err = num("minOccurs", v); err != nil {
			return
		}
	}
	if v, ok := n.attr("maxOccurs"); ok {
		if strings.TrimSpace(v) == "unbounded" {
			max = Unbounded
		} else if max, err = num("maxOccurs", v); err != nil {
			return
		}
	}
	if max != Unbounded && min > max {
		err = sc.err(n, name, ErrInvalid, ": minOccurs %d > maxOccurs %d", min, max)
	}
	return
}

func optString(n *node, attr string) *string {
	if v, ok := n.attr(attr); ok {
		return &v
	}
	return nil
}

// nameOrRef reads the name of a global or local xs:element or xs:attribute
// (local names qualified per form or the schema's default qualified), or
// its ref, which is recorded for the reference check.
func (sc *sctx) nameOrRef(n *node, global, defaultQualified bool, kind refKind, construct string, pos Pos) (name, ref QName, err error) {
	_, hasName := n.attr("name")
	switch {
	case global:
		local, err := sc.ncName(n)
		if err != nil {
			return QName{}, QName{}, err
		}
		return QName{sc.tns, local}, QName{}, nil
	case hasName:
		local, err := sc.ncName(n)
		if err != nil {
			return QName{}, QName{}, err
		}
		q, err := sc.form(n, "form", defaultQualified)
		if err != nil {
			return QName{}, QName{}, err
		}
		name = QName{Local: local}
		if q {
			name.Space = sc.tns
		}
		return name, QName{}, nil
	}
	v, ok := n.attr("ref")
	if !ok {
		return QName{}, QName{}, sc.err(n, QName{}, ErrInvalid, ": neither name nor ref given")
	}
	if ref, err = sc.parseQName(n, QName{}, "ref", v); err != nil {
		return QName{}, QName{}, err
	}
	if sc.chameleon && ref.Space == "" {
		ref.Space = sc.tns
	}
	sc.l.addRef(kind, ref, pos, construct, ref)
	return QName{}, ref, nil
}

// element parses a global or local xs:element.
func (sc *sctx) element(n *node, global bool) (*Element, error) {
	e := &Element{Pos: sc.pos(n), MinOccurs: 1, MaxOccurs: 1}
	var err error
	if e.Name, e.Ref, err = sc.nameOrRef(n, global, sc.elemQ, refElement, "xs:element", e.Pos); err != nil {
		return nil, err
	}
	name := e.Name
	if name.IsZero() {
		name = e.Ref
	}
	if !global {
		if e.MinOccurs, e.MaxOccurs, err = sc.occurs(n, name); err != nil {
			return nil, err
		}
	}
	if e.Type, err = sc.ref(n, name, "type", refType); err != nil {
		return nil, err
	}
	if e.Nillable, err = sc.boolAttr(n, name, "nillable"); err != nil {
		return nil, err
	}
	if e.Abstract, err = sc.boolAttr(n, name, "abstract"); err != nil {
		return nil, err
	}
	if e.SubstitutionGroup, err = sc.ref(n, name, "substitutionGroup", refSubstGroup); err != nil {
		return nil, err
	}
	e.Default, e.Fixed = optString(n, "default"), optString(n, "fixed")
	if e.Doc, err = sc.annotation(n, nil); err != nil {
		return nil, err
	}
	if err := sc.children(n, name, "annotation", "complexType", "simpleType", "unique", "key", "keyref"); err != nil {
		return nil, err
	}
	for _, k := range n.elems() {
		switch {
		case k.is(NSXSD, "complexType"):
			if e.Complex != nil || e.Simple != nil {
				return nil, sc.err(k, name, ErrInvalid, ": more than one anonymous type")
			}
			if e.Complex, err = sc.complexType(k, false); err != nil {
				return nil, err
			}
		case k.is(NSXSD, "simpleType"):
			if e.Complex != nil || e.Simple != nil {
				return nil, sc.err(k, name, ErrInvalid, ": more than one anonymous type")
			}
			if e.Simple, err = sc.simpleType(k, false); err != nil {
				return nil, err
			}
		}
	}
	if !e.Type.IsZero() && (e.Complex != nil || e.Simple != nil) {
		return nil, sc.err(n, name, ErrInvalid, ": both a type attribute and an anonymous type")
	}
	return e, nil
}

// attribute parses a global or local xs:attribute.
func (sc *sctx) attribute(n *node, global bool) (*Attribute, error) {
	a := &Attribute{Pos: sc.pos(n), Use: "optional"}
	var err error
	if a.Name, a.Ref, err = sc.nameOrRef(n, global, sc.attrQ, refAttribute, "xs:attribute", a.Pos); err != nil {
		return nil, err
	}
	name := a.Name
	if name.IsZero() {
		name = a.Ref
	}
	if a.Type, err = sc.ref(n, name, "type", refType); err != nil {
		return nil, err
	}
	if v, ok := n.attr("use"); ok {
		a.Use = strings.TrimSpace(v)
		if a.Use != "optional" && a.Use != "required" && a.Use != "prohibited" {
			return nil, sc.err(n, name, ErrInvalid, ": use=%q", v)
		}
	}
	a.Default, a.Fixed = optString(n, "default"), optString(n, "fixed")
	if err := sc.children(n, name, "annotation", "simpleType"); err != nil {
		return nil, err
	}
	for _, k := range n.elems() {
		if k.is(NSXSD, "simpleType") {
			if a.Simple != nil {
				return nil, sc.err(k, name, ErrInvalid, ": more than one anonymous type")
			}
			if a.Simple, err = sc.simpleType(k, false); err != nil {
				return nil, err
			}
		}
	}
	if !a.Type.IsZero() && a.Simple != nil {
		return nil, sc.err(n, name, ErrInvalid, ": both a type attribute and an anonymous type")
	}
	return a, nil
}

// attrSink receives the attribute declarations of a complex type,
// derivation or attribute group.
type attrSink struct {
	attrs  *[]*Attribute
	groups *[]QName
	any    *bool
}

// attrItem handles n if it is xs:attribute, xs:attributeGroup or
// xs:anyAttribute, reporting whether it was.
func (sc *sctx) attrItem(n *node, owner QName, dst attrSink) (bool, error) {
	if n.name.Space != NSXSD {
		return false, nil
	}
	switch n.name.Local {
	case "attribute":
		a, err := sc.attribute(n, false)
		if err != nil {
			return true, err
		}
		*dst.attrs = append(*dst.attrs, a)
	case "attributeGroup":
		v, ok := n.attr("ref")
		if !ok {
			return true, sc.err(n, owner, ErrInvalid, ": missing ref attribute")
		}
		q, err := sc.parseQName(n, owner, "ref", v)
		if err != nil {
			return true, err
		}
		if sc.chameleon && q.Space == "" {
			q.Space = sc.tns
		}
		sc.l.addRef(refAttrGroup, q, sc.pos(n), "xs:attributeGroup", q)
		*dst.groups = append(*dst.groups, q)
	case "anyAttribute":
		*dst.any = true
	default:
		return false, nil
	}
	return true, nil
}

// isModelGroup reports whether n is xs:sequence, xs:choice or xs:all.
func isModelGroup(n *node) bool {
	return n.is(NSXSD, "sequence") || n.is(NSXSD, "choice") || n.is(NSXSD, "all")
}

// complexType parses a named (global) or anonymous xs:complexType.
func (sc *sctx) complexType(n *node, global bool) (*ComplexType, error) {
	ct := &ComplexType{Pos: sc.pos(n)}
	if global {
		local, err := sc.ncName(n)
		if err != nil {
			return nil, err
		}
		ct.Name = QName{sc.tns, local}
	}
	name := ct.Name
	var err error
	if ct.Abstract, err = sc.boolAttr(n, name, "abstract"); err != nil {
		return nil, err
	}
	if ct.Mixed, err = sc.boolAttr(n, name, "mixed"); err != nil {
		return nil, err
	}
	ct.Doc, err = sc.annotation(n, func(x *node) error {
		if x.is(NSMSSerial, "IsDictionary") {
			switch strings.TrimSpace(x.deepText()) {
			case "true", "1":
				ct.IsDictionary = true
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := sc.children(n, name, "annotation", "simpleContent", "complexContent", "group", "all", "choice", "sequence", "attribute", "attributeGroup", "anyAttribute"); err != nil {
		return nil, err
	}
	sink := attrSink{&ct.Attributes, &ct.AttributeGroups, &ct.AnyAttribute}
	content := false
	for _, k := range n.elems() {
		if ok, err := sc.attrItem(k, name, sink); ok || err != nil {
			if err != nil {
				return nil, err
			}
			continue
		}
		switch {
		case isModelGroup(k), k.is(NSXSD, "group"), k.is(NSXSD, "complexContent"), k.is(NSXSD, "simpleContent"):
			if content {
				return nil, sc.err(k, name, ErrInvalid, ": more than one content model")
			}
			content = true
		default:
			continue
		}
		switch {
		case isModelGroup(k):
			if ct.Group, err = sc.group(k, name); err != nil {
				return nil, err
			}
		case k.is(NSXSD, "group"):
			if ct.GroupRef, err = sc.groupRef(k, name); err != nil {
				return nil, err
			}
		default:
			ct.Content = ContentSimple
			if k.name.Local == "complexContent" {
				ct.Content = ContentComplex
				if _, ok := k.attr("mixed"); ok {
					if ct.Mixed, err = sc.boolAttr(k, name, "mixed"); err != nil {
						return nil, err
					}
				}
			}
			if err := sc.derivation(ct, k); err != nil {
				return nil, err
			}
		}
	}
	return ct, nil
}

// derivation parses the xs:extension or xs:restriction inside the
// xs:complexContent or xs:simpleContent n.
func (sc *sctx) derivation(ct *ComplexType, n *node) error {
	name := ct.Name
	if err := sc.children(n, name, "annotation", "extension", "restriction"); err != nil {
		return err
	}
	var d *node
	for _, k := range n.elems() {
		if k.is(NSXSD, "extension") || k.is(NSXSD, "restriction") {
			if d != nil {
				return sc.err(k, name, ErrInvalid, ": more than one derivation in %s", construct(n))
			}
			d = k
		}
	}
	if d == nil {
		return sc.err(n, name, ErrInvalid, ": neither xs:extension nor xs:restriction")
	}
	ct.Derivation = Extension
	if d.name.Local == "restriction" {
		ct.Derivation = Restriction
	}
	if _, ok := d.attr("base"); !ok {
		return sc.err(d, name, ErrInvalid, ": missing base attribute")
	}
	var err error
	if ct.Base, err = sc.qname(d, name, "base"); err != nil {
		return err
	}
	allowed := []string{"annotation", "group", "all", "choice", "sequence", "attribute", "attributeGroup", "anyAttribute"}
	if ct.Content == ContentSimple {
		allowed = []string{"annotation", "attribute", "attributeGroup", "anyAttribute"}
		if ct.Derivation == Restriction {
			allowed = append(append(allowed, "simpleType"), facets...)
		}
	}
	if err := sc.children(d, name, allowed...); err != nil {
		return err
	}
	sc.l.addRef(refBaseType, ct.Base, sc.pos(d), "xs:complexType", name)
	sink := attrSink{&ct.Attributes, &ct.AttributeGroups, &ct.AnyAttribute}
	content := false
	for _, k := range d.elems() {
		if ok, err := sc.attrItem(k, name, sink); ok || err != nil {
			if err != nil {
				return err
			}
			continue
		}
		if !isModelGroup(k) && !k.is(NSXSD, "group") {
			continue // annotation, facets, anonymous simple type of a simpleContent restriction
		}
		if ct.Content == ContentSimple {
			return sc.err(k, name, ErrInvalid, ": model group in xs:simpleContent")
		}
		if content {
			return sc.err(k, name, ErrInvalid, ": more than one content model")
		}
		content = true
		if k.is(NSXSD, "group") {
			ct.GroupRef, err = sc.groupRef(k, name)
		} else {
			ct.Group, err = sc.group(k, name)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// group parses xs:sequence, xs:choice or xs:all.
func (sc *sctx) group(n *node, owner QName) (*Group, error) {
	g := &Group{Pos: sc.pos(n)}
	switch n.name.Local {
	case "choice":
		g.Kind = Choice
	case "all":
		g.Kind = All
	}
	var err error
	if g.MinOccurs, g.MaxOccurs, err = sc.occurs(n, owner); err != nil {
		return nil, err
	}
	allowed := []string{"annotation", "element", "group", "choice", "sequence", "any"}
	if g.Kind == All {
		allowed = []string{"annotation", "element"}
	}
	if err := sc.children(n, owner, allowed...); err != nil {
		return nil, err
	}
	for _, k := range n.elems() {
		var p Particle
		switch {
		case k.is(NSXSD, "element"):
			p, err = sc.element(k, false)
		case isModelGroup(k):
			p, err = sc.group(k, owner)
		case k.is(NSXSD, "group"):
			p, err = sc.groupRef(k, owner)
		case k.is(NSXSD, "any"):
			a := &Any{Pos: sc.pos(k), Namespace: "##any", ProcessContents: "strict"}
			if v, ok := k.attr("namespace"); ok {
				a.Namespace = strings.TrimSpace(v)
			}
			if v, ok := k.attr("processContents"); ok {
				a.ProcessContents = strings.TrimSpace(v)
			}
			a.MinOccurs, a.MaxOccurs, err = sc.occurs(k, owner)
			p = a
		default:
			continue
		}
		if err != nil {
			return nil, err
		}
		g.Particles = append(g.Particles, p)
	}
	return g, nil
}

// groupRef parses <xs:group ref="..."/>.
func (sc *sctx) groupRef(n *node, owner QName) (*GroupRef, error) {
	r := &GroupRef{Pos: sc.pos(n)}
	v, ok := n.attr("ref")
	if !ok {
		return nil, sc.err(n, owner, ErrInvalid, ": missing ref attribute")
	}
	var err error
	if r.Ref, err = sc.parseQName(n, owner, "ref", v); err != nil {
		return nil, err
	}
	if sc.chameleon && r.Ref.Space == "" {
		r.Ref.Space = sc.tns
	}
	sc.l.addRef(refGroup, r.Ref, r.Pos, "xs:group", r.Ref)
	if r.MinOccurs, r.MaxOccurs, err = sc.occurs(n, r.Ref); err != nil {
		return nil, err
	}
	return r, nil
}

// groupDef parses a named, global xs:group.
func (sc *sctx) groupDef(n *node) (*GroupDef, error) {
	local, err := sc.ncName(n)
	if err != nil {
		return nil, err
	}
	g := &GroupDef{Pos: sc.pos(n), Name: QName{sc.tns, local}}
	if err := sc.children(n, g.Name, "annotation", "all", "choice", "sequence"); err != nil {
		return nil, err
	}
	for _, k := range n.elems() {
		if isModelGroup(k) {
			if g.Group != nil {
				return nil, sc.err(k, g.Name, ErrInvalid, ": more than one model group")
			}
			if g.Group, err = sc.group(k, g.Name); err != nil {
				return nil, err
			}
		}
	}
	if g.Group == nil {
		return nil, sc.err(n, g.Name, ErrInvalid, ": no xs:sequence, xs:choice or xs:all")
	}
	return g, nil
}

// attributeGroupDef parses a named, global xs:attributeGroup.
func (sc *sctx) attributeGroupDef(n *node) (*AttributeGroupDef, error) {
	local, err := sc.ncName(n)
	if err != nil {
		return nil, err
	}
	g := &AttributeGroupDef{Pos: sc.pos(n), Name: QName{sc.tns, local}}
	if err := sc.children(n, g.Name, "annotation", "attribute", "attributeGroup", "anyAttribute"); err != nil {
		return nil, err
	}
	sink := attrSink{&g.Attributes, &g.AttributeGroups, &g.AnyAttribute}
	for _, k := range n.elems() {
		if _, err := sc.attrItem(k, g.Name, sink); err != nil {
			return nil, err
		}
	}
	return g, nil
}

// simpleType parses a named (global) or anonymous xs:simpleType.
func (sc *sctx) simpleType(n *node, global bool) (*SimpleType, error) {
	st := &SimpleType{Pos: sc.pos(n)}
	if global {
		local, err := sc.ncName(n)
		if err != nil {
			return nil, err
		}
		st.Name = QName{sc.tns, local}
	}
	name := st.Name
	var err error
	if st.Doc, err = sc.annotation(n, nil); err != nil {
		return nil, err
	}
	if err := sc.children(n, name, "annotation", "restriction", "list", "union"); err != nil {
		return nil, err
	}
	var d *node
	for _, k := range n.elems() {
		if k.is(NSXSD, "restriction") || k.is(NSXSD, "list") || k.is(NSXSD, "union") {
			if d != nil {
				return nil, sc.err(k, name, ErrInvalid, ": more than one of xs:restriction, xs:list, xs:union")
			}
			d = k
		}
	}
	if d == nil {
		return nil, sc.err(n, name, ErrInvalid, ": none of xs:restriction, xs:list, xs:union")
	}
	switch d.name.Local {
	case "restriction":
		err = sc.restriction(st, d)
	case "list":
		err = sc.list(st, d)
	default:
		err = sc.union(st, d)
	}
	if err != nil {
		return nil, err
	}
	return st, nil
}

func (sc *sctx) restriction(st *SimpleType, n *node) error {
	st.Kind = SimpleRestriction
	name := st.Name
	var err error
	if st.Base, err = sc.qname(n, name, "base"); err != nil {
		return err
	}
	if !st.Base.IsZero() {
		sc.l.addRef(refBaseType, st.Base, sc.pos(n), "xs:simpleType", name)
	}
	if err := sc.children(n, name, append([]string{"annotation", "simpleType"}, facets...)...); err != nil {
		return err
	}
	for _, k := range n.elems() {
		if k.name.Space != NSXSD {
			continue
		}
		switch k.name.Local {
		case "annotation":
		case "simpleType":
			if st.BaseSimple != nil || !st.Base.IsZero() {
				return sc.err(k, name, ErrInvalid, ": more than one base type")
			}
			if st.BaseSimple, err = sc.simpleType(k, false); err != nil {
				return err
			}
		case "enumeration":
			e := &Enumeration{Pos: sc.pos(k)}
			v, ok := k.attr("value")
			if !ok {
				return sc.err(k, name, ErrInvalid, ": missing value attribute")
			}
			e.Value = v
			e.Doc, err = sc.annotation(k, func(x *node) error {
				if !x.is(NSMSSerial, "EnumerationValue") {
					return nil
				}
				s := strings.TrimSpace(x.deepText())
				i, err := strconv.ParseInt(s, 10, 64)
				if err != nil {
					return sc.err(x, QName{Local: v}, ErrInvalid, ": %q is not an integer", s)
				}
				e.Number = &i
				return nil
			})
			if err != nil {
				return err
			}
			st.Enumerations = append(st.Enumerations, e)
		case "pattern":
			v, ok := k.attr("value")
			if !ok {
				return sc.err(k, name, ErrInvalid, ": missing value attribute")
			}
			st.Patterns = append(st.Patterns, v)
		default:
			v, ok := k.attr("value")
			if !ok {
				return sc.err(k, name, ErrInvalid, ": missing value attribute")
			}
			if st.Facets == nil {
				st.Facets = map[string]string{}
			}
			if _, dup := st.Facets[k.name.Local]; dup {
				return sc.err(k, name, ErrInvalid, ": repeated facet")
			}
			st.Facets[k.name.Local] = v
		}
	}
	if st.Base.IsZero() && st.BaseSimple == nil {
		return sc.err(n, name, ErrInvalid, ": neither base attribute nor anonymous base type")
	}
	return nil
}

func (sc *sctx) list(st *SimpleType, n *node) error {
	st.Kind = SimpleList
	name := st.Name
	var err error
	if st.ItemType, err = sc.qname(n, name, "itemType"); err != nil {
		return err
	}
	if !st.ItemType.IsZero() {
		sc.l.addRef(refItemType, st.ItemType, sc.pos(n), "xs:simpleType", name)
	}
	if err := sc.children(n, name, "annotation", "simpleType"); err != nil {
		return err
	}
	for _, k := range n.elems() {
		if k.is(NSXSD, "simpleType") {
			if st.Item != nil || !st.ItemType.IsZero() {
				return sc.err(k, name, ErrInvalid, ": more than one item type")
			}
			if st.Item, err = sc.simpleType(k, false); err != nil {
				return err
			}
		}
	}
	if st.ItemType.IsZero() && st.Item == nil {
		return sc.err(n, name, ErrInvalid, ": neither itemType attribute nor anonymous item type")
	}
	return nil
}

func (sc *sctx) union(st *SimpleType, n *node) error {
	st.Kind = SimpleUnion
	name := st.Name
	if err := sc.children(n, name, "annotation", "simpleType"); err != nil {
		return err
	}
	if v, ok := n.attr("memberTypes"); ok {
		for _, f := range strings.Fields(v) {
			q, err := sc.parseQName(n, name, "memberTypes", f)
			if err != nil {
				return err
			}
			if sc.chameleon && q.Space == "" {
				q.Space = sc.tns
			}
			sc.l.addRef(refMemberType, q, sc.pos(n), "xs:simpleType", name)
			st.MemberTypes = append(st.MemberTypes, q)
		}
	}
	for _, k := range n.elems() {
		if k.is(NSXSD, "simpleType") {
			m, err := sc.simpleType(k, false)
			if err != nil {
				return err
			}
			st.Members = append(st.Members, m)
		}
	}
	if len(st.MemberTypes) == 0 && len(st.Members) == 0 {
		return sc.err(n, name, ErrInvalid, ": no member types")
	}
	return nil
}

// facets are the constraining facets of XSD 1.0, and the two XSD 1.1 adds
// (kept without effect, as zeep keeps them).
var facets = []string{"length", "minLength", "maxLength", "pattern", "enumeration", "whiteSpace",
	"maxInclusive", "maxExclusive", "minExclusive", "minInclusive", "totalDigits", "fractionDigits",
	"assertion", "explicitTimezone"}

// children refuses an element of the XSD namespace that n may not contain
// (a misspelt xs:elemnt, an xs:extension outside xs:complexContent): read
// as written, it would be dropped without a word, and a member with it.
// Elements of other namespaces are left to the caller.
func (sc *sctx) children(n *node, owner QName, allowed ...string) error {
	for _, k := range n.elems() {
		if k.name.Space == NSXSD && !slices.Contains(allowed, k.name.Local) {
			return sc.err(k, owner, ErrInvalid, ": not allowed in %s (allowed: xs:%s)", construct(n), strings.Join(allowed, ", xs:"))
		}
	}
	return nil
}
