package wsdldiff

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/soapgen/soapgen/wsdl"
	"golang.org/x/tools/txtar"
)

// svc describes a small synthetic WSDL: a version (its target namespace is
// urn:svc/vN), schema declarations and operations. Every operation Op has
// the wrapper elements Op and OpResponse (declared unless the schema does),
// the SOAPAction urn:svc/vN/Svc/Op and the input header Token.
type svc struct {
	version int
	schema  string
	ops     []string
	action  func(op string) string // overrides the SOAPAction
	input   func(op string) string // overrides the input element's local name
	noToken bool                   // leaves out the input header
}

func (s svc) doc() string {
	tns := fmt.Sprintf("urn:svc/v%d", s.version)
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0"?>
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="%[1]s" targetNamespace="%[1]s">
<wsdl:types><xs:schema targetNamespace="%[1]s" elementFormDefault="qualified">
<xs:element name="Token" type="xs:string"/>
%[2]s
`, tns, s.schema)
	in := func(op string) string {
		if s.input != nil {
			return s.input(op)
		}
		return op
	}
	for _, op := range s.ops {
		for _, e := range []string{in(op), op + "Response"} {
			if !strings.Contains(s.schema, `<xs:element name="`+e+`"`) {
				fmt.Fprintf(&b, `<xs:element name="%s"><xs:complexType><xs:sequence/></xs:complexType></xs:element>`+"\n", e)
			}
		}
	}
	b.WriteString("</xs:schema></wsdl:types>\n")
	b.WriteString(`<wsdl:message name="Token"><wsdl:part name="Token" element="tns:Token"/></wsdl:message>` + "\n")
	for _, op := range s.ops {
		fmt.Fprintf(&b, `<wsdl:message name="%[1]sRequest"><wsdl:part name="p" element="tns:%[2]s"/></wsdl:message>
<wsdl:message name="%[1]sResponse"><wsdl:part name="p" element="tns:%[1]sResponse"/></wsdl:message>
`, op, in(op))
	}
	b.WriteString(`<wsdl:portType name="Svc">`)
	for _, op := range s.ops {
		fmt.Fprintf(&b, `<wsdl:operation name="%[1]s"><wsdl:input message="tns:%[1]sRequest"/><wsdl:output message="tns:%[1]sResponse"/></wsdl:operation>`, op)
	}
	b.WriteString("</wsdl:portType>\n")
	b.WriteString(`<wsdl:binding name="B" type="tns:Svc"><soap:binding transport="http://schemas.xmlsoap.org/soap/http"/>`)
	for _, op := range s.ops {
		action := tns + "/Svc/" + op
		if s.action != nil {
			action = s.action(op)
		}
		header := `<soap:header message="tns:Token" part="Token" use="literal"/>`
		if s.noToken {
			header = ""
		}
		fmt.Fprintf(&b, `<wsdl:operation name="%s"><soap:operation soapAction="%s"/><wsdl:input>%s<soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>`,
			op, action, header)
	}
	b.WriteString("</wsdl:binding>\n</wsdl:definitions>\n")
	return b.String()
}

func parse(t *testing.T, name, doc string) *wsdl.Definitions {
	t.Helper()
	d, err := wsdl.Parse(name, []byte(doc), nil)
	if err != nil {
		t.Fatalf("%s: %v\n%s", name, err, doc)
	}
	return d
}

// person is a complex type with the given members (xs:element bodies).
func person(members ...string) string {
	var b strings.Builder
	b.WriteString(`<xs:complexType name="Person"><xs:sequence>`)
	for _, m := range members {
		b.WriteString("<xs:element " + m + "/>")
	}
	b.WriteString(`</xs:sequence></xs:complexType>`)
	return b.String()
}

func enum(name, kind string, values ...string) string {
	var b strings.Builder
	for _, v := range values {
		b.WriteString(`<xs:enumeration value="` + v + `"/>`)
	}
	r := `<xs:restriction base="xs:string">` + b.String() + `</xs:restriction>`
	if kind == "flags" {
		return `<xs:simpleType name="` + name + `"><xs:list><xs:simpleType>` + r + `</xs:simpleType></xs:list></xs:simpleType>`
	}
	return `<xs:simpleType name="` + name + `">` + r + `</xs:simpleType>`
}

// shape is a complex type Shape whose sequence holds content.
func shape(content string) string {
	return `<xs:complexType name="Shape"><xs:sequence>` + content + `</xs:sequence></xs:complexType>`
}

// numEnum is a simple type restricting base with the values.
func numEnum(name, base string, values ...string) string {
	var b strings.Builder
	for _, v := range values {
		b.WriteString(`<xs:enumeration value="` + v + `"/>`)
	}
	return `<xs:simpleType name="` + name + `"><xs:restriction base="` + base + `">` + b.String() + `</xs:restriction></xs:simpleType>`
}

const (
	memberID    = `minOccurs="0" name="Id" type="xs:int"`
	memberName  = `minOccurs="0" name="Name" nillable="true" type="xs:string"`
	memberEmail = `minOccurs="0" name="Email" nillable="true" type="xs:string"`
)

// TestChangeKinds compares small WSDL pairs, each showing one kind of
// change, and checks the whole report including the breaking flag. The old
// WSDL is always version 1 and the new one version 2, so every case also
// checks that the namespace move itself is no change.
func TestChangeKinds(t *testing.T) {
	ops := []string{"Get"}
	for _, tc := range []struct {
		name     string
		old, new svc
		want     []Change
	}{
		{
			name: "namespace move only",
			old:  svc{schema: person(memberID, memberName) + `<xs:complexType name="Team"><xs:sequence><xs:element minOccurs="0" name="Lead" nillable="true" type="tns:Person"/></xs:sequence></xs:complexType>`, ops: ops},
			new:  svc{schema: person(memberID, memberName) + `<xs:complexType name="Team"><xs:sequence><xs:element minOccurs="0" name="Lead" nillable="true" type="tns:Person"/></xs:sequence></xs:complexType>`, ops: ops},
		},
		{
			name: "member removed is breaking",
			old:  svc{schema: person(memberID, memberName, memberEmail), ops: ops},
			new:  svc{schema: person(memberID, memberName), ops: ops},
			want: []Change{{Kind: MemberRemoved, Subject: "Person", Member: "Email", Old: "xs:string 0..1 nillable", Breaking: true}},
		},
		{
			name: "optional member added is not",
			old:  svc{schema: person(memberID, memberName), ops: ops},
			new:  svc{schema: person(memberID, memberName, memberEmail), ops: ops},
			want: []Change{{Kind: MemberAdded, Subject: "Person", Member: "Email", New: "xs:string 0..1 nillable"}},
		},
		{
			name: "required member added is breaking",
			old:  svc{schema: person(memberID), ops: ops},
			new:  svc{schema: person(memberID, `name="Code" type="xs:string"`), ops: ops},
			want: []Change{{Kind: MemberAdded, Subject: "Person", Member: "Code", New: "xs:string 1..1", Breaking: true}},
		},
		{
			name: "reorder is breaking",
			old:  svc{schema: person(memberID, memberName, memberEmail), ops: ops},
			new:  svc{schema: person(memberName, memberID, memberEmail), ops: ops},
			want: []Change{{Kind: MemberReordered, Subject: "Person", Member: "Id", Old: "first", New: "after Name", Breaking: true}},
		},
		{
			name: "insertion in the middle is no reorder",
			old:  svc{schema: person(memberID, memberEmail), ops: ops},
			new:  svc{schema: person(memberID, memberName, memberEmail), ops: ops},
			want: []Change{{Kind: MemberAdded, Subject: "Person", Member: "Name", New: "xs:string 0..1 nillable"}},
		},
		{
			name: "retype is breaking",
			old:  svc{schema: person(memberID, memberName) + enum("Kind", "enum", "A"), ops: ops},
			new:  svc{schema: person(`minOccurs="0" name="Id" type="tns:Kind"`, memberName) + enum("Kind", "enum", "A"), ops: ops},
			want: []Change{{Kind: MemberRetyped, Subject: "Person", Member: "Id", Old: "xs:int", New: "tns:Kind", Breaking: true}},
		},
		{
			name: "retype between builtins",
			old:  svc{schema: person(memberID), ops: ops},
			new:  svc{schema: person(`minOccurs="0" name="Id" type="xs:long"`), ops: ops},
			want: []Change{{Kind: MemberRetyped, Subject: "Person", Member: "Id", Old: "xs:int", New: "xs:long", Breaking: true}},
		},
		{
			name: "optional to required is breaking",
			old:  svc{schema: person(memberID), ops: ops},
			new:  svc{schema: person(`name="Id" type="xs:int"`), ops: ops},
			want: []Change{{Kind: MemberOccursChanged, Subject: "Person", Member: "Id", Old: "0..1", New: "1..1", Breaking: true}},
		},
		{
			name: "single to repeated is breaking",
			old:  svc{schema: person(memberID), ops: ops},
			new:  svc{schema: person(`minOccurs="0" maxOccurs="unbounded" name="Id" type="xs:int"`), ops: ops},
			want: []Change{{Kind: MemberOccursChanged, Subject: "Person", Member: "Id", Old: "0..1", New: "0..*", Breaking: true}},
		},
		{
			name: "repeated member made optional is not",
			old:  svc{schema: person(`maxOccurs="unbounded" name="Id" type="xs:int"`), ops: ops},
			new:  svc{schema: person(`minOccurs="0" maxOccurs="unbounded" name="Id" type="xs:int"`), ops: ops},
			want: []Change{{Kind: MemberOccursChanged, Subject: "Person", Member: "Id", Old: "1..*", New: "0..*"}},
		},
		{
			name: "required member made optional changes the Go field",
			old:  svc{schema: person(`name="Id" type="xs:int"`), ops: ops},
			new:  svc{schema: person(memberID), ops: ops},
			want: []Change{{Kind: MemberOccursChanged, Subject: "Person", Member: "Id", Old: "1..1", New: "0..1", Breaking: true}},
		},
		{
			name: "nillable to non-nillable is breaking",
			old:  svc{schema: person(memberName), ops: ops},
			new:  svc{schema: person(`minOccurs="0" name="Name" type="xs:string"`), ops: ops},
			want: []Change{{Kind: MemberNillableChanged, Subject: "Person", Member: "Name", Old: "true", New: "false", Breaking: true}},
		},
		{
			name: "optional member made nillable is not",
			old:  svc{schema: person(`minOccurs="0" name="Name" type="xs:string"`), ops: ops},
			new:  svc{schema: person(memberName), ops: ops},
			want: []Change{{Kind: MemberNillableChanged, Subject: "Person", Member: "Name", Old: "false", New: "true"}},
		},
		{
			name: "enum value removed is breaking, added is not",
			old:  svc{schema: enum("Color", "enum", "Red", "Green"), ops: ops},
			new:  svc{schema: enum("Color", "enum", "Red", "Blue"), ops: ops},
			want: []Change{
				{Kind: ValueAdded, Subject: "Color", Member: "Blue"},
				{Kind: ValueRemoved, Subject: "Color", Member: "Green", Breaking: true},
			},
		},
		{
			name: "flag values",
			old:  svc{schema: enum("Rights", "flags", "Read", "Write", "Old"), ops: ops},
			new:  svc{schema: enum("Rights", "flags", "Read", "Write", "Delete"), ops: ops},
			want: []Change{
				{Kind: ValueAdded, Subject: "Rights", Member: "Delete"},
				{Kind: ValueRemoved, Subject: "Rights", Member: "Old", Breaking: true},
			},
		},
		{
			name: "enum becoming flags is breaking",
			old:  svc{schema: enum("Rights", "enum", "Read", "Write"), ops: ops},
			new:  svc{schema: enum("Rights", "flags", "Read", "Write"), ops: ops},
			want: []Change{{Kind: KindChanged, Subject: "Rights", Old: "enum", New: "flags", Breaking: true}},
		},
		{
			name: "base changed is breaking",
			old: svc{schema: person(memberID) + `<xs:complexType name="Base"/><xs:complexType name="Other"/>` +
				`<xs:complexType name="Emp"><xs:complexContent><xs:extension base="tns:Base"><xs:sequence/></xs:extension></xs:complexContent></xs:complexType>`, ops: ops},
			new: svc{schema: person(memberID) + `<xs:complexType name="Base"/><xs:complexType name="Other"/>` +
				`<xs:complexType name="Emp"><xs:complexContent><xs:extension base="tns:Other"><xs:sequence/></xs:extension></xs:complexContent></xs:complexType>`, ops: ops},
			want: []Change{{Kind: BaseChanged, Subject: "Emp", Old: "tns:Base", New: "tns:Other", Breaking: true}},
		},
		{
			name: "type removed is breaking, added is not",
			old:  svc{schema: person(memberID), ops: ops},
			new:  svc{schema: enum("Color", "enum", "Red"), ops: ops},
			want: []Change{
				{Kind: TypeAdded, Subject: "Color", New: "enum"},
				{Kind: TypeRemoved, Subject: "Person", Old: "complex", Breaking: true},
			},
		},
		{
			name: "operation removed is breaking",
			old:  svc{ops: []string{"Get", "Put"}},
			new:  svc{ops: []string{"Get"}},
			want: []Change{
				{Kind: OperationRemoved, Subject: "Put", Breaking: true},
				{Kind: TypeRemoved, Subject: "Put", Old: "element", Breaking: true},
				{Kind: TypeRemoved, Subject: "PutResponse", Old: "element", Breaking: true},
			},
		},
		{
			name: "operation added is not",
			old:  svc{ops: []string{"Get"}},
			new:  svc{ops: []string{"Get", "Put"}},
			want: []Change{
				{Kind: OperationAdded, Subject: "Put"},
				{Kind: TypeAdded, Subject: "Put", New: "element"},
				{Kind: TypeAdded, Subject: "PutResponse", New: "element"},
			},
		},
		{
			name: "input element renamed is breaking",
			old:  svc{ops: ops},
			new:  svc{ops: ops, input: func(op string) string { return op + "Request" }},
			want: []Change{
				{Kind: InputChanged, Subject: "Get", Old: "tns:Get", New: "tns:GetRequest", Breaking: true},
				{Kind: TypeAdded, Subject: "GetRequest", New: "element"},
				{Kind: TypeRemoved, Subject: "Get", Old: "element", Breaking: true},
			},
		},
		{
			name: "SOAPAction changed beyond the namespace",
			old:  svc{ops: ops},
			new:  svc{ops: ops, action: func(op string) string { return "urn:svc/v2/Svc/" + op + "V2" }},
			want: []Change{{Kind: SOAPActionChanged, Subject: "Get", Old: "urn:svc/v1/Svc/Get", New: "urn:svc/v2/Svc/GetV2"}},
		},
		{
			name: "header removed is breaking",
			old:  svc{ops: ops},
			new:  svc{ops: ops, noToken: true},
			want: []Change{{Kind: InputHeaderRemoved, Subject: "Get", Member: "Token", Breaking: true}},
		},
		{
			name: "header added is not",
			old:  svc{ops: ops, noToken: true},
			new:  svc{ops: ops},
			want: []Change{{Kind: InputHeaderAdded, Subject: "Get", Member: "Token"}},
		},
		{
			name: "wrapper element member added",
			old:  svc{ops: ops, schema: `<xs:element name="Get"><xs:complexType><xs:sequence><xs:element minOccurs="0" name="Id" type="xs:int"/></xs:sequence></xs:complexType></xs:element>`},
			new:  svc{ops: ops, schema: `<xs:element name="Get"><xs:complexType><xs:sequence><xs:element minOccurs="0" name="Id" type="xs:int"/><xs:element minOccurs="0" name="Deep" type="xs:boolean"/></xs:sequence></xs:complexType></xs:element>`},
			want: []Change{{Kind: MemberAdded, Subject: "Get", Member: "Deep", New: "xs:boolean 0..1"}},
		},
		{
			name: "choice made repeated moves its members into the occurrence",
			old:  svc{schema: shape(`<xs:choice><xs:element name="A" type="xs:int"/><xs:element name="B" type="xs:string"/></xs:choice>`), ops: ops},
			new:  svc{schema: shape(`<xs:choice maxOccurs="unbounded"><xs:element name="A" type="xs:int"/><xs:element name="B" type="xs:string"/></xs:choice>`), ops: ops},
			want: []Change{
				{Kind: MemberAdded, Subject: "Shape", Member: "(choice)", New: "xs:choice 1..*", Breaking: true},
				{Kind: MemberGroupChanged, Subject: "Shape", Member: "A", Old: "", New: "(choice)", Breaking: true},
				{Kind: MemberGroupChanged, Subject: "Shape", Member: "B", Old: "", New: "(choice)", Breaking: true},
			},
		},
		{
			name: "repeated choice as the content model, its occurrences narrowed",
			old:  svc{schema: `<xs:complexType name="Shape"><xs:choice minOccurs="0" maxOccurs="unbounded"><xs:element name="A" type="xs:int"/></xs:choice></xs:complexType>`, ops: ops},
			new:  svc{schema: `<xs:complexType name="Shape"><xs:choice minOccurs="0" maxOccurs="3"><xs:element name="A" type="xs:int"/></xs:choice></xs:complexType>`, ops: ops},
			want: []Change{{Kind: MemberOccursChanged, Subject: "Shape", Member: "(choice)", Old: "0..*", New: "0..3", Breaking: true}},
		},
		{
			name: "member added to a repeated sequence, another moved out of it",
			old:  svc{schema: shape(`<xs:element name="Id" type="xs:int"/><xs:sequence maxOccurs="unbounded"><xs:element name="K" type="xs:string"/><xs:element name="V" type="xs:string"/></xs:sequence>`), ops: ops},
			new:  svc{schema: shape(`<xs:element name="Id" type="xs:int"/><xs:sequence maxOccurs="unbounded"><xs:element name="K" type="xs:string"/><xs:element minOccurs="0" name="W" type="xs:string"/></xs:sequence><xs:element name="V" type="xs:string"/>`), ops: ops},
			want: []Change{
				{Kind: MemberAdded, Subject: "Shape", Member: "W", New: "xs:string 0..1 in (sequence)"},
				{Kind: MemberGroupChanged, Subject: "Shape", Member: "V", Old: "(sequence)", New: "", Breaking: true},
			},
		},
		{
			name: "nested repeated groups are named by path",
			old:  svc{schema: shape(`<xs:choice maxOccurs="unbounded"><xs:element name="A" type="xs:int"/><xs:sequence maxOccurs="unbounded"><xs:element name="B" type="xs:int"/></xs:sequence></xs:choice>`), ops: ops},
			new:  svc{schema: shape(`<xs:choice maxOccurs="unbounded"><xs:element name="A" type="xs:int"/><xs:sequence><xs:element name="B" type="xs:int"/></xs:sequence></xs:choice>`), ops: ops},
			want: []Change{
				{Kind: MemberRemoved, Subject: "Shape", Member: "(sequence)", Old: "xs:sequence 1..* in (choice)", Breaking: true},
				{Kind: MemberGroupChanged, Subject: "Shape", Member: "B", Old: "(choice)/(sequence)", New: "(choice)", Breaking: true},
			},
		},
		{
			name: "mixed content lost is breaking",
			old:  svc{schema: `<xs:complexType name="Note" mixed="true"><xs:sequence><xs:element name="b" type="xs:string"/></xs:sequence></xs:complexType>`, ops: ops},
			new:  svc{schema: `<xs:complexType name="Note"><xs:sequence><xs:element name="b" type="xs:string"/></xs:sequence></xs:complexType>`, ops: ops},
			want: []Change{{Kind: MixedChanged, Subject: "Note", Old: "true", New: "false", Breaking: true}},
		},
		{
			name: "mixed content gained is not",
			old:  svc{schema: `<xs:complexType name="Note"><xs:sequence><xs:element name="b" type="xs:string"/></xs:sequence></xs:complexType>`, ops: ops},
			new:  svc{schema: `<xs:complexType name="Note" mixed="true"><xs:sequence><xs:element name="b" type="xs:string"/></xs:sequence></xs:complexType>`, ops: ops},
			want: []Change{{Kind: MixedChanged, Subject: "Note", Old: "false", New: "true"}},
		},
		{
			name: "numeric enumeration respelled is no change",
			old:  svc{schema: numEnum("Level", "xs:int", "01", "2", "-3") + numEnum("Ratio", "xs:double", "0.5", "1") + numEnum("Flag", "xs:boolean", "1"), ops: ops},
			new:  svc{schema: numEnum("Level", "xs:int", "1", "+2", "-3") + numEnum("Ratio", "xs:double", "5E-1", "1.0") + numEnum("Flag", "xs:boolean", "true"), ops: ops},
		},
		{
			name: "numeric enumeration values compare by value",
			old:  svc{schema: numEnum("Level", "xs:int", "1", "2") + `<xs:simpleType name="MyInt"><xs:restriction base="xs:int"/></xs:simpleType>` + numEnum("Size", "tns:MyInt", "10"), ops: ops},
			new:  svc{schema: numEnum("Level", "xs:int", "01", "3", "+3") + `<xs:simpleType name="MyInt"><xs:restriction base="xs:int"/></xs:simpleType>` + numEnum("Size", "tns:MyInt", "010", "20"), ops: ops},
			want: []Change{
				{Kind: ValueAdded, Subject: "Level", Member: "3"},
				{Kind: ValueAdded, Subject: "Size", Member: "20"},
				{Kind: ValueRemoved, Subject: "Level", Member: "2", Breaking: true},
			},
		},
		{
			name: "string enumeration values compare as written",
			old:  svc{schema: numEnum("Code", "xs:string", "01"), ops: ops},
			new:  svc{schema: numEnum("Code", "xs:string", "1"), ops: ops},
			want: []Change{
				{Kind: ValueAdded, Subject: "Code", Member: "1"},
				{Kind: ValueRemoved, Subject: "Code", Member: "01", Breaking: true},
			},
		},
		{
			name: "enumeration of string becoming of int is a base change",
			old:  svc{schema: numEnum("Level", "xs:string", "1"), ops: ops},
			new:  svc{schema: numEnum("Level", "xs:int", "1"), ops: ops},
			want: []Change{{Kind: BaseChanged, Subject: "Level", Old: "xs:string", New: "xs:int", Breaking: true}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.old.version, tc.new.version = 1, 2
			r := Compare(parse(t, "old.wsdl", tc.old.doc()), parse(t, "new.wsdl", tc.new.doc()))
			if d := cmp.Diff(tc.want, r.Changes, cmpopts.EquateEmpty()); d != "" {
				t.Errorf("changes (-want +got):\n%s\n%s", d, r.Text())
			}
		})
	}
}

// TestText checks the text rendering of a synthetic pair given as txtar.
func TestText(t *testing.T) {
	ar := txtar.Parse([]byte(`A synthetic bump: one operation gone, one added, a member removed
and one added, an enum value added.
-- old.wsdl --
<?xml version="1.0"?>
<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:a/1" targetNamespace="urn:a/1">
  <types>
    <xs:schema targetNamespace="urn:a/1" elementFormDefault="qualified">
      <xs:simpleType name="Mode"><xs:restriction base="xs:string"><xs:enumeration value="On"/></xs:restriction></xs:simpleType>
      <xs:element name="Ping"><xs:complexType><xs:sequence><xs:element name="N" type="xs:int"/><xs:element minOccurs="0" name="M" type="tns:Mode"/></xs:sequence></xs:complexType></xs:element>
      <xs:element name="PingResponse"><xs:complexType><xs:sequence/></xs:complexType></xs:element>
    </xs:schema>
  </types>
  <message name="In"><part name="p" element="tns:Ping"/></message>
  <message name="Out"><part name="p" element="tns:PingResponse"/></message>
  <portType name="P"><operation name="Ping"><input message="tns:In"/><output message="tns:Out"/></operation></portType>
  <binding name="B" type="tns:P"><soap:binding transport="http://schemas.xmlsoap.org/soap/http"/>
    <operation name="Ping"><soap:operation soapAction="urn:a/1/Ping"/><input><soap:body use="literal"/></input><output><soap:body use="literal"/></output></operation>
  </binding>
</definitions>
-- new.wsdl --
<?xml version="1.0"?>
<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:a/2" targetNamespace="urn:a/2">
  <types>
    <xs:schema targetNamespace="urn:a/2" elementFormDefault="qualified">
      <xs:simpleType name="Mode"><xs:restriction base="xs:string"><xs:enumeration value="On"/><xs:enumeration value="Off"/></xs:restriction></xs:simpleType>
      <xs:element name="Ping"><xs:complexType><xs:sequence><xs:element minOccurs="0" name="M" type="tns:Mode"/><xs:element minOccurs="0" name="K" type="xs:string"/></xs:sequence></xs:complexType></xs:element>
      <xs:element name="PingResponse"><xs:complexType><xs:sequence/></xs:complexType></xs:element>
    </xs:schema>
  </types>
  <message name="In"><part name="p" element="tns:Ping"/></message>
  <message name="Out"><part name="p" element="tns:PingResponse"/></message>
  <portType name="P"><operation name="Pong"><input message="tns:In"/><output message="tns:Out"/></operation></portType>
  <binding name="B" type="tns:P"><soap:binding transport="http://schemas.xmlsoap.org/soap/http"/>
    <operation name="Pong"><soap:operation soapAction="urn:a/2/Pong"/><input><soap:body use="literal"/></input><output><soap:body use="literal"/></output></operation>
  </binding>
</definitions>
-- want.txt --
Operations
  Pong added
! Ping removed

Types
  Ping: member K added (xs:string 0..1)
! Ping: member N removed (xs:int 1..1)
  Mode: value Off added

5 changes, 2 breaking
`))
	files := map[string]string{}
	for _, f := range ar.Files {
		files[f.Name] = string(f.Data)
	}
	r := Compare(parse(t, "old.wsdl", files["old.wsdl"]), parse(t, "new.wsdl", files["new.wsdl"]))
	if d := cmp.Diff(files["want.txt"], r.Text()); d != "" {
		t.Errorf("text (-want +got):\n%s", d)
	}
}

// TestNewKindsText checks the one-line rendering of the kinds for mixed
// content and repeated model groups.
func TestNewKindsText(t *testing.T) {
	for _, tc := range []struct {
		c    Change
		want string
	}{
		{Change{Kind: MixedChanged, Subject: "Note", Old: "true", New: "false"}, "Note: content no longer mixed"},
		{Change{Kind: MixedChanged, Subject: "Note", Old: "false", New: "true"}, "Note: content now mixed"},
		{Change{Kind: MemberGroupChanged, Subject: "Shape", Member: "A", New: "(choice)"}, "Shape: member A group none -> (choice)"},
		{Change{Kind: MemberGroupChanged, Subject: "Shape", Member: "B", Old: "(choice)/(sequence)", New: "(choice)"}, "Shape: member B group (choice)/(sequence) -> (choice)"},
	} {
		if got := tc.c.String(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.c, got, tc.want)
		}
	}
}
