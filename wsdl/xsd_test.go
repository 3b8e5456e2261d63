package wsdl

import (
	"testing"
	"testing/fstest"
)

const xsdAll = `<?xml version="1.0"?>
<xs:schema targetNamespace="urn:x" xmlns:tns="urn:x" ` + xsNS + ` elementFormDefault="unqualified" attributeFormDefault="qualified">
  <xs:annotation><xs:documentation>schema doc</xs:documentation></xs:annotation>
  <xs:element name="Head" type="xs:string" abstract="true"/>
  <xs:element name="Member" type="xs:string" substitutionGroup="tns:Head" default="d" nillable="1"/>
  <xs:attribute name="lang" type="xs:language"/>
  <xs:group name="G">
    <xs:choice minOccurs="0" maxOccurs="3">
      <xs:element name="a" type="xs:int"/>
      <xs:element ref="tns:Member"/>
      <xs:sequence><xs:element name="b" form="qualified" type="xs:int" fixed="7"/><xs:any namespace="##other" processContents="lax" maxOccurs="unbounded"/></xs:sequence>
    </xs:choice>
  </xs:group>
  <xs:attributeGroup name="AG">
    <xs:attribute ref="tns:lang"/>
    <xs:attribute name="local" form="unqualified" type="xs:string" default="z"/>
    <xs:attribute ref="xml:lang"/>
    <xs:anyAttribute/>
  </xs:attributeGroup>
  <xs:complexType name="T" mixed="true">
    <xs:annotation>
      <xs:documentation>
        Line one
        line two.
      </xs:documentation>
    </xs:annotation>
    <xs:group ref="tns:G" minOccurs="0"/>
    <xs:attributeGroup ref="tns:AG"/>
  </xs:complexType>
  <xs:complexType name="Price">
    <xs:simpleContent><xs:extension base="xs:decimal"><xs:attribute name="currency" type="tns:Currency" use="required"/></xs:extension></xs:simpleContent>
  </xs:complexType>
  <xs:complexType name="Sub" abstract="true">
    <xs:complexContent mixed="true"><xs:restriction base="tns:T"><xs:all><xs:element name="c" type="xs:int" minOccurs="0"/></xs:all><xs:anyAttribute/></xs:restriction></xs:complexContent>
  </xs:complexType>
  <xs:simpleType name="Currency">
    <xs:restriction base="xs:string">
      <xs:enumeration value="EUR"><xs:annotation><xs:documentation>Euro</xs:documentation></xs:annotation></xs:enumeration>
      <xs:enumeration value="USD"/>
      <xs:pattern value="[A-Z]{3}"/>
      <xs:length value="3"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="Codes"><xs:list itemType="tns:Currency"/></xs:simpleType>
  <xs:simpleType name="IntOrCode">
    <xs:union memberTypes="xs:int tns:Currency"><xs:simpleType><xs:restriction base="xs:boolean"/></xs:simpleType></xs:union>
  </xs:simpleType>
  <xs:element name="E">
    <xs:annotation><xs:documentation>An element.</xs:documentation></xs:annotation>
    <xs:complexType><xs:sequence><xs:element name="in" minOccurs="2" maxOccurs="5"><xs:simpleType><xs:restriction><xs:simpleType><xs:list itemType="xs:int"/></xs:simpleType></xs:restriction></xs:simpleType></xs:element></xs:sequence></xs:complexType>
  </xs:element>
</xs:schema>
`

func TestSchemaConstructs(t *testing.T) {
	ss, err := LoadSchema(fstest.MapFS{"x.xsd": {Data: []byte(xsdAll)}}, "x.xsd", nil)
	if err != nil {
		t.Fatal(err)
	}
	s := ss[0]
	if s.ElementFormQualified || !s.AttributeFormQualified || s.TargetNamespace != "urn:x" {
		t.Errorf("schema = %+v", s)
	}
	x := func(l string) QName { return QName{"urn:x", l} }
	xs := func(l string) QName { return QName{NSXSD, l} }

	if len(s.Elements) != 3 {
		t.Fatalf("%d elements", len(s.Elements))
	}
	head, member, e := s.Elements[0], s.Elements[1], s.Elements[2]
	if !head.Abstract || head.Name != x("Head") || head.MinOccurs != 1 || head.MaxOccurs != 1 {
		t.Errorf("Head = %+v", head)
	}
	if member.SubstitutionGroup != x("Head") || member.Default == nil || *member.Default != "d" || !member.Nillable || member.Fixed != nil {
		t.Errorf("Member = %+v", member)
	}
	if e.Doc != "An element." || e.Complex == nil || e.Type != (QName{}) {
		t.Errorf("E = %+v", e)
	}
	in := e.Complex.Group.Particles[0].(*Element)
	if in.Name != (QName{"", "in"}) || in.MinOccurs != 2 || in.MaxOccurs != 5 || in.Simple == nil ||
		in.Simple.BaseSimple == nil || in.Simple.BaseSimple.Kind != SimpleList || in.Simple.BaseSimple.ItemType != xs("int") {
		t.Errorf("in = %+v", in)
	}
	if len(s.Attributes) != 1 || s.Attributes[0].Name != x("lang") || s.Attributes[0].Type != xs("language") {
		t.Errorf("attributes = %+v", s.Attributes)
	}

	g := s.Groups[0]
	if g.Name != x("G") || g.Group.Kind != Choice || g.Group.MinOccurs != 0 || g.Group.MaxOccurs != 3 || len(g.Group.Particles) != 3 {
		t.Fatalf("G = %+v", g.Group)
	}
	if r := g.Group.Particles[1].(*Element); r.Ref != x("Member") || !r.Name.IsZero() {
		t.Errorf("ref = %+v", r)
	}
	seq := g.Group.Particles[2].(*Group)
	b := seq.Particles[0].(*Element)
	any := seq.Particles[1].(*Any)
	if seq.Kind != Sequence || b.Name != x("b") || b.Fixed == nil || *b.Fixed != "7" ||
		any.Namespace != "##other" || any.ProcessContents != "lax" || any.MaxOccurs != Unbounded || any.MinOccurs != 1 {
		t.Errorf("sequence = %+v %+v %+v", seq, b, any)
	}

	ag := s.AttributeGroups[0]
	if ag.Name != x("AG") || len(ag.Attributes) != 3 || !ag.AnyAttribute ||
		ag.Attributes[0].Ref != x("lang") || ag.Attributes[1].Name != (QName{"", "local"}) || *ag.Attributes[1].Default != "z" ||
		ag.Attributes[1].Use != "optional" || ag.Attributes[2].Ref != (QName{xmlNS, "lang"}) {
		t.Errorf("AG = %+v", ag)
	}

	ct := s.ComplexTypes[0]
	if ct.Name != x("T") || !ct.Mixed || ct.Doc != "Line one\n        line two." || ct.Content != ContentPlain ||
		ct.GroupRef == nil || ct.GroupRef.Ref != x("G") || ct.GroupRef.MinOccurs != 0 || ct.Group != nil ||
		len(ct.AttributeGroups) != 1 || ct.AttributeGroups[0] != x("AG") {
		t.Errorf("T = %+v", ct)
	}
	price := s.ComplexTypes[1]
	if price.Content != ContentSimple || price.Derivation != Extension || price.Base != xs("decimal") ||
		len(price.Attributes) != 1 || price.Attributes[0].Name != x("currency") || price.Attributes[0].Use != "required" {
		t.Errorf("Price = %+v", price)
	}
	sub := s.ComplexTypes[2]
	if sub.Content != ContentComplex || sub.Derivation != Restriction || sub.Base != x("T") || !sub.Mixed || !sub.Abstract ||
		sub.Group == nil || sub.Group.Kind != All || !sub.AnyAttribute {
		t.Errorf("Sub = %+v", sub)
	}

	cur := s.SimpleTypes[0]
	if cur.Kind != SimpleRestriction || cur.Base != xs("string") || len(cur.Enumerations) != 2 ||
		cur.Enumerations[0].Doc != "Euro" || cur.Enumerations[0].Number != nil || cur.Enumerations[1].Value != "USD" ||
		len(cur.Patterns) != 1 || cur.Patterns[0] != "[A-Z]{3}" || cur.Facets["length"] != "3" || len(cur.Facets) != 1 {
		t.Errorf("Currency = %+v", cur)
	}
	if codes := s.SimpleTypes[1]; codes.Kind != SimpleList || codes.ItemType != x("Currency") {
		t.Errorf("Codes = %+v", codes)
	}
	u := s.SimpleTypes[2]
	if u.Kind != SimpleUnion || len(u.MemberTypes) != 2 || u.MemberTypes[1] != x("Currency") || len(u.Members) != 1 || u.Members[0].Base != xs("boolean") {
		t.Errorf("IntOrCode = %+v", u)
	}
	if got := u.Pos.String(); got != "x.xsd:45:3" {
		t.Errorf("IntOrCode at %s", got)
	}
}

func TestCycleString(t *testing.T) {
	var c []QName
	for _, l := range []string{"A", "B", "C", "D", "E", "F", "G", "H", "I", "J"} {
		c = append(c, QName{"urn:x", l})
	}
	if got := cycleString(c[:2], 1); got != "B -> A -> B" {
		t.Errorf("got %q", got)
	}
	if got := cycleString(c, 9); got != "J -> A -> B -> C -> D -> E -> F -> ... -> J" {
		t.Errorf("got %q", got)
	}
}
