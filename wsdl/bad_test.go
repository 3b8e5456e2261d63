package wsdl

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

// baseLines is a small valid WSDL, one construct a line, so that cases can
// replace a line and know the positions of what they break.
var baseLines = []string{
	1:  `<?xml version="1.0" encoding="utf-8"?>`,
	2:  `<wsdl:definitions name="T" targetNamespace="urn:t" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:t">`,
	3:  ` <wsdl:types>`,
	4:  `  <xs:schema targetNamespace="urn:t" elementFormDefault="qualified">`,
	5:  `   <xs:element name="Req" type="tns:ReqT"/>`,
	6:  `   <xs:complexType name="ReqT"><xs:sequence><xs:element name="A" type="xs:string"/></xs:sequence></xs:complexType>`,
	7:  `   <xs:element name="Resp" type="xs:int"/>`,
	8:  `  </xs:schema>`,
	9:  ` </wsdl:types>`,
	10: ` <wsdl:message name="In"><wsdl:part name="parameters" element="tns:Req"/></wsdl:message>`,
	11: ` <wsdl:message name="Out"><wsdl:part name="parameters" element="tns:Resp"/></wsdl:message>`,
	12: ` <wsdl:message name="H"><wsdl:part name="Token" element="tns:Resp"/></wsdl:message>`,
	13: ` <wsdl:portType name="P"><wsdl:operation name="Op"><wsdl:input message="tns:In"/><wsdl:output message="tns:Out"/></wsdl:operation></wsdl:portType>`,
	14: ` <wsdl:binding name="B" type="tns:P"><soap:binding transport="http://schemas.xmlsoap.org/soap/http"/>`,
	15: `  <wsdl:operation name="Op"><soap:operation soapAction="urn:op"/><wsdl:input><soap:header message="tns:H" part="Token" use="literal"/><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>`,
	16: ` </wsdl:binding>`,
	17: ` <wsdl:service name="S"><wsdl:port name="Port" binding="tns:B"><soap:address location="http://example.invalid/s"/></wsdl:port></wsdl:service>`,
	18: `</wsdl:definitions>`,
}

// base returns the base document with the given lines replaced
// (alternating line number and text).
func base(repl ...any) string {
	lines := append([]string(nil), baseLines[1:]...)
	for i := 0; i+1 < len(repl); i += 2 {
		lines[repl[i].(int)-1] = repl[i+1].(string)
	}
	return strings.Join(lines, "\n") + "\n"
}

func TestBaseIsValid(t *testing.T) {
	d, err := Parse("base.wsdl", []byte(base()), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Messages) != 3 || d.Messages[2].Parts[0].Element != (QName{"urn:t", "Resp"}) {
		t.Errorf("messages = %v", d.Messages)
	}
}

// TestASCIICharset checks that a document declaring an encoding that
// agrees with UTF-8 on ASCII is read when it is pure ASCII.
func TestASCIICharset(t *testing.T) {
	for _, enc := range []string{"ISO-8859-1", "us-ascii", "windows-1252"} {
		in := base(1, `<?xml version="1.0" encoding="`+enc+`"?>`)
		if _, err := Parse("base.wsdl", []byte(in), nil); err != nil {
			t.Errorf("%s: %v", enc, err)
		}
	}
}

const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"><wsdl:documentation>&lol9;</wsdl:documentation></wsdl:definitions>
`

const xxe = `<?xml version="1.0"?>
<!DOCTYPE wsdl:definitions [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"><wsdl:documentation>&xxe;</wsdl:documentation></wsdl:definitions>
`

type badCase struct {
	name     string
	input    string
	sentinel error
	prefix   string // exact "file:line:col: " prefix
	contains string // the rest of the message must contain this
}

// badCases are the invalid inputs; they also seed FuzzParse.
func badCases() []badCase {
	return []badCase{
		{"empty", "", ErrSyntax, "bad.wsdl:1:1: ", "malformed XML: empty document"},
		{"blank", "  \n\t\n", ErrSyntax, "bad.wsdl:3:1: ", "malformed XML: empty document"},
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ErrSyntax, "bad.wsdl:1:1: ", "malformed XML: invalid UTF-8 (byte 0x89)"},
		{"binary-ascii", "\x00\x01\x02\x03\x04", ErrSyntax, "bad.wsdl:1:1: ", "malformed XML: illegal character U+0000"},
		{"control-char", "<a>\n\x07</a>", ErrSyntax, "bad.wsdl:2:1: ", "malformed XML: illegal character U+0007"},
		{"truncated", strings.Join(baseLines[1:13], "\n") + "\n" + ` <wsdl:portType name="P"><wsdl:oper`,
			ErrSyntax, "bad.wsdl:13:36: ", "malformed XML: unexpected EOF"},
		{"truncated-unclosed", strings.Join(baseLines[1:17], "\n") + "\n", ErrSyntax, "bad.wsdl:17:1: ",
			"malformed XML: unexpected end of document: <wsdl:definitions> not closed"},
		{"not-wsdl-root", "<?xml version=\"1.0\"?>\n<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\"/>", ErrInvalid, "bad.wsdl:2:1: ",
			"invalid: not a WSDL 1.1 document: root element is {http://www.w3.org/2001/XMLSchema}schema"},
		{"wsdl2-root", "<description xmlns=\"http://www.w3.org/ns/wsdl\"/>", ErrInvalid, "bad.wsdl:1:1: ",
			"root element is {http://www.w3.org/ns/wsdl}description"},
		// Elements of the XSD namespace where the schema for schemas does not
		// allow them are refused, not dropped with what they declare.
		{"misspelt-element", base(6, `   <xs:complexType name="ReqT"><xs:sequence><xs:elemnt name="A" type="xs:string"/></xs:sequence></xs:complexType>`),
			ErrInvalid, "bad.wsdl:6:45: ", `xs:elemnt "ReqT": invalid: not allowed in xs:sequence (allowed: xs:annotation, xs:element, xs:group, xs:choice, xs:sequence, xs:any)`},
		{"misspelt-attribute", base(6, `   <xs:complexType name="ReqT"><xs:sequence/><xs:atribute name="x" type="xs:string"/></xs:complexType>`),
			ErrInvalid, "bad.wsdl:6:46: ", `xs:atribute "ReqT": invalid: not allowed in xs:complexType`},
		{"extension-outside-content", base(6, `   <xs:complexType name="ReqT"><xs:extension base="tns:ReqT"/></xs:complexType>`),
			ErrInvalid, "bad.wsdl:6:32: ", `xs:extension "ReqT": invalid: not allowed in xs:complexType`},
		{"element-in-all", base(6, `   <xs:complexType name="ReqT"><xs:all><xs:sequence/></xs:all></xs:complexType>`),
			ErrInvalid, "bad.wsdl:6:40: ", `xs:sequence "ReqT": invalid: not allowed in xs:all (allowed: xs:annotation, xs:element)`},
		{"misspelt-facet", base(7, `   <xs:simpleType name="Resp"><xs:restriction base="xs:string"><xs:enumeraton value="a"/></xs:restriction></xs:simpleType>`),
			ErrInvalid, "bad.wsdl:7:64: ", `xs:enumeraton "Resp": invalid: not allowed in xs:restriction`},
		{"misspelt-schema-child", base(7, `   <xs:elment name="Resp" type="xs:int"/>`),
			ErrInvalid, "bad.wsdl:7:4: ", `xs:elment: invalid: not allowed in xs:schema`},
		{"group-in-simplecontent-extension", base(6, `   <xs:complexType name="ReqT"><xs:simpleContent><xs:extension base="xs:string"><xs:element name="A"/></xs:extension></xs:simpleContent></xs:complexType>`),
			ErrInvalid, "bad.wsdl:6:81: ", `xs:element "ReqT": invalid: not allowed in xs:extension`},
		{"mismatched-tags", base(6, `   <xs:complexType name="ReqT"><xs:sequence><xs:element name="A" type="xs:string"/></xs:complexType>`),
			ErrSyntax, "bad.wsdl:6:84: ", "malformed XML: element <xs:sequence> closed by </xs:complexType>"},
		{"bad-utf8", base(7, "   <xs:element name=\"R\xffesp\" type=\"xs:int\"/>"), ErrSyntax, "bad.wsdl:7:23: ", "malformed XML: invalid UTF-8 (byte 0xff)"},
		{"repeated-attribute", base(7, `   <xs:element name="Resp" name="X"/>`), ErrSyntax, "bad.wsdl:7:4: ", "attribute name repeated in <xs:element>"},
		{"undeclared-attribute-prefix", base(7, `   <xs:element name="Resp" foo:x="1" type="xs:int"/>`), ErrInvalid, "bad.wsdl:7:4: ",
			`xs:element: invalid: undeclared namespace prefix "foo" in attribute foo:x`},
		{"charset", base(1, `<?xml version="1.0" encoding="ISO-8859-2"?>`), ErrUnsupported, "bad.wsdl:1:1: ",
			`unsupported: XML encoding "ISO-8859-2" (only UTF-8 is supported)`},
		{"charset-not-ascii", "\ufeff" + base(1, `<?xml version="1.0" encoding="ISO-8859-1"?>`, 18, `</wsdl:definitions><!-- é -->`), ErrUnsupported, "bad.wsdl:1:4: ",
			`unsupported: XML encoding "ISO-8859-1" (only UTF-8 is supported)`},
		{"billion-laughs", billionLaughs, ErrForbidden, "bad.wsdl:2:1: ", "forbidden: DTD not allowed (<!DOCTYPE ...>)"},
		{"xxe", xxe, ErrForbidden, "bad.wsdl:2:1: ", "forbidden: DTD not allowed"},
		{"undeclared-prefix", base(5, `   <xs:element name="Req" type="foo:ReqT"/>`), ErrInvalid, "bad.wsdl:5:4: ",
			`xs:element "Req": invalid: undeclared namespace prefix "foo" in type="foo:ReqT"`},
		{"undeclared-element-prefix", base(7, `   <foo:element name="Resp"/>`), ErrInvalid, "bad.wsdl:7:4: ",
			`foo:element: invalid: undeclared namespace prefix "foo"`},
		{"undeclared-message-prefix", base(13, ` <wsdl:portType name="P"><wsdl:operation name="Op"><wsdl:input message="t:In"/></wsdl:operation></wsdl:portType>`),
			ErrInvalid, "bad.wsdl:13:52: ", `wsdl:input "Op": invalid: undeclared namespace prefix "t" in message="t:In"`},
		{"bad-occurs", base(6, `   <xs:complexType name="ReqT"><xs:sequence><xs:element name="A" maxOccurs="many"/></xs:sequence></xs:complexType>`),
			ErrInvalid, "bad.wsdl:6:45: ", `xs:element "A": invalid: maxOccurs="many" is not a non-negative integer`},
		{"part-without-element", base(12, ` <wsdl:message name="H"><wsdl:part name="Token"/></wsdl:message>`),
			ErrInvalid, "bad.wsdl:12:25: ", `wsdl:part "Token": invalid: neither element nor type given`},

		// Names that are not XML names (NCNames) would be written on the
		// wire as element or attribute names.
		{"element-name-digit", base(6, `   <xs:complexType name="ReqT"><xs:sequence><xs:element name="1st" type="xs:string"/></xs:sequence></xs:complexType>`),
			ErrInvalid, "bad.wsdl:6:45: ", `xs:element: invalid: name "1st" is not an XML name (NCName)`},
		{"element-name-hyphen", base(7, `   <xs:element name="-x" type="xs:int"/>`),
			ErrInvalid, "bad.wsdl:7:4: ", `xs:element: invalid: name "-x" is not an XML name (NCName)`},
		{"element-name-markup", base(7, `   <xs:element name="x>y" type="xs:int"/>`),
			ErrInvalid, "bad.wsdl:7:4: ", `xs:element: invalid: name "x>y" is not an XML name (NCName)`},
		{"element-name-entity", base(7, `   <xs:element name="x&lt;y/&gt;" type="xs:int"/>`),
			ErrInvalid, "bad.wsdl:7:4: ", `xs:element: invalid: name "x<y/>" is not an XML name (NCName)`},
		{"element-name-colon", base(7, `   <xs:element name="x:y" type="xs:int"/>`),
			ErrInvalid, "bad.wsdl:7:4: ", `xs:element: invalid: name "x:y" is not an XML name (NCName)`},
		{"element-name-empty", base(7, `   <xs:element name=" " type="xs:int"/>`),
			ErrInvalid, "bad.wsdl:7:4: ", `xs:element: invalid: name "" is not an XML name (NCName)`},
		{"attribute-name", base(6, `   <xs:complexType name="ReqT"><xs:attribute name="a b" type="xs:string"/></xs:complexType>`),
			ErrInvalid, "bad.wsdl:6:32: ", `xs:attribute: invalid: name "a b" is not an XML name (NCName)`},
		{"type-name", base(6, `   <xs:complexType name="Req&quot;T"/>`),
			ErrInvalid, "bad.wsdl:6:4: ", `xs:complexType: invalid: name "Req\"T" is not an XML name (NCName)`},
		{"simple-type-name", base(7, `   <xs:simpleType name="9"><xs:restriction base="xs:string"/></xs:simpleType>`),
			ErrInvalid, "bad.wsdl:7:4: ", `xs:simpleType: invalid: name "9" is not an XML name (NCName)`},
		{"part-name", base(11, ` <wsdl:message name="Out"><wsdl:part name="p&amp;q" element="tns:Resp"/></wsdl:message>`),
			ErrInvalid, "bad.wsdl:11:27: ", `wsdl:part: invalid: name "p&q" is not an XML name (NCName)`},
		{"operation-name", base(13, ` <wsdl:portType name="P"><wsdl:operation name="Op/"><wsdl:input message="tns:In"/><wsdl:output message="tns:Out"/></wsdl:operation></wsdl:portType>`),
			ErrInvalid, "bad.wsdl:13:26: ", `wsdl:operation: invalid: name "Op/" is not an XML name (NCName)`},
		{"qname-local", base(5, `   <xs:element name="Req" type="tns:1st"/>`),
			ErrInvalid, "bad.wsdl:5:4: ", `xs:element "Req": invalid: malformed QName type="tns:1st"`},
		{"ref-local", base(6, `   <xs:complexType name="ReqT"><xs:sequence><xs:element ref="tns:x>y"/></xs:sequence></xs:complexType>`),
			ErrInvalid, "bad.wsdl:6:45: ", `malformed QName ref="tns:x>y"`},

		// Reference checks.
		{"undefined-part-element", base(10, ` <wsdl:message name="In"><wsdl:part name="parameters" element="tns:Nope"/></wsdl:message>`),
			ErrUndefined, "bad.wsdl:10:26: ", `wsdl:part "parameters": undefined element {urn:t}Nope`},
		{"undefined-part-type", base(10, ` <wsdl:message name="In"><wsdl:part name="parameters" type="tns:Nope"/></wsdl:message>`),
			ErrUndefined, "bad.wsdl:10:26: ", `wsdl:part "parameters": undefined type {urn:t}Nope`},
		{"undefined-element-type", base(7, `   <xs:element name="Resp" type="tns:Missing"/>`),
			ErrUndefined, "bad.wsdl:7:4: ", `xs:element "Resp": undefined type {urn:t}Missing`},
		{"undefined-builtin", base(7, `   <xs:element name="Resp" type="xs:integr"/>`),
			ErrUndefined, "bad.wsdl:7:4: ", `xs:element "Resp": undefined type {http://www.w3.org/2001/XMLSchema}integr`},
		{"undefined-element-ref", base(6, `   <xs:complexType name="ReqT"><xs:sequence><xs:element ref="tns:Nope"/></xs:sequence></xs:complexType>`),
			ErrUndefined, "bad.wsdl:6:45: ", `xs:element "Nope": undefined element {urn:t}Nope`},
		{"undefined-base", base(6, `   <xs:complexType name="ReqT"><xs:complexContent><xs:extension base="tns:Base"/></xs:complexContent></xs:complexType>`),
			ErrUndefined, "bad.wsdl:6:51: ", `xs:complexType "ReqT": undefined base type {urn:t}Base`},
		{"undefined-simple-base", base(7, `   <xs:simpleType name="Resp"><xs:restriction base="tns:Str"/></xs:simpleType>`),
			ErrUndefined, "bad.wsdl:7:31: ", `xs:simpleType "Resp": undefined base type {urn:t}Str`},
		{"undefined-item-type", base(7, `   <xs:simpleType name="Resp"><xs:list itemType="tns:Item"/></xs:simpleType>`),
			ErrUndefined, "bad.wsdl:7:31: ", `xs:simpleType "Resp": undefined item type {urn:t}Item`},
		{"undefined-member-type", base(7, `   <xs:simpleType name="Resp"><xs:union memberTypes="xs:int tns:M2"/></xs:simpleType>`),
			ErrUndefined, "bad.wsdl:7:31: ", `xs:simpleType "Resp": undefined member type {urn:t}M2`},
		{"undefined-attribute-type", base(6, `   <xs:complexType name="ReqT"><xs:attribute name="a" type="tns:AT"/></xs:complexType>`),
			ErrUndefined, "bad.wsdl:6:32: ", `xs:attribute "a": undefined type {urn:t}AT`},
		{"undefined-group", base(6, `   <xs:complexType name="ReqT"><xs:sequence><xs:group ref="tns:G"/></xs:sequence></xs:complexType>`),
			ErrUndefined, "bad.wsdl:6:45: ", `xs:group "G": undefined group {urn:t}G`},
		{"undefined-attribute-group", base(6, `   <xs:complexType name="ReqT"><xs:attributeGroup ref="tns:AG"/></xs:complexType>`),
			ErrUndefined, "bad.wsdl:6:32: ", `xs:attributeGroup "AG": undefined attributeGroup {urn:t}AG`},
		{"undefined-message", base(13, ` <wsdl:portType name="P"><wsdl:operation name="Op"><wsdl:input message="tns:In2"/><wsdl:output message="tns:Out"/></wsdl:operation></wsdl:portType>`),
			ErrUndefined, "bad.wsdl:13:52: ", `wsdl:input "Op": undefined message {urn:t}In2`},
		{"undefined-portType", base(14, ` <wsdl:binding name="B" type="tns:Q"><soap:binding transport="http://schemas.xmlsoap.org/soap/http"/>`),
			ErrUndefined, "bad.wsdl:14:2: ", `wsdl:binding "B": undefined portType {urn:t}Q`},
		{"undefined-binding-operation", base(15, `  <wsdl:operation name="Op2"></wsdl:operation>`),
			ErrUndefined, "bad.wsdl:15:3: ", `wsdl:operation "Op2": undefined operation "Op2" in portType {urn:t}P`},
		{"undefined-header-message", base(15, strings.Replace(baseLines[15], `"tns:H"`, `"tns:H2"`, 1)),
			ErrUndefined, "bad.wsdl:15:78: ", `soap:header "Token": undefined message {urn:t}H2`},
		{"undefined-header-part", base(15, strings.Replace(baseLines[15], `"Token"`, `"Tok"`, 1)),
			ErrUndefined, "bad.wsdl:15:78: ", `soap:header "Tok": undefined part "Tok" in message {urn:t}H`},
		{"undefined-port-binding", base(17, ` <wsdl:service name="S"><wsdl:port name="Port" binding="tns:B2"/></wsdl:service>`),
			ErrUndefined, "bad.wsdl:17:25: ", `wsdl:port "Port": undefined binding {urn:t}B2`},
		{"missing-portType", base(13, "", 14, "", 15, "", 16, ""), ErrInvalid, "bad.wsdl:2:1: ",
			`wsdl:definitions "T": invalid: no wsdl:portType`},
		{"cyclic-extension", base(6, `   <xs:complexType name="ReqT"><xs:complexContent><xs:extension base="tns:Other"/></xs:complexContent></xs:complexType><xs:complexType name="Other"><xs:complexContent><xs:extension base="tns:ReqT"/></xs:complexContent></xs:complexType>`),
			ErrInvalid, "bad.wsdl:6:4: ", `xs:complexType "ReqT": invalid: cyclic derivation ReqT -> Other -> ReqT`},
		{"self-extension", base(6, `   <xs:complexType name="ReqT"><xs:simpleContent><xs:extension base="tns:ReqT"/></xs:simpleContent></xs:complexType>`),
			ErrInvalid, "bad.wsdl:6:4: ", `xs:complexType "ReqT": invalid: cyclic derivation ReqT -> ReqT`},
		{"self-list", base(6, `   <xs:simpleType name="L"><xs:list itemType="tns:L"/></xs:simpleType>`+baseLines[6][3:]),
			ErrInvalid, "bad.wsdl:6:4: ", `xs:simpleType "L": invalid: cyclic derivation L -> L`},
		{"union-cycle", base(6, `   <xs:simpleType name="U"><xs:union memberTypes="xs:int tns:V"/></xs:simpleType><xs:simpleType name="V"><xs:list><xs:simpleType><xs:restriction base="tns:U"/></xs:simpleType></xs:list></xs:simpleType>`+baseLines[6][3:]),
			ErrInvalid, "bad.wsdl:6:4: ", `xs:simpleType "U": invalid: cyclic derivation U -> V -> U`},
		// The first problem in document order wins: the cycle (line 6) is
		// found after the undefined element (line 10) but comes first.
		{"first-in-document-order", base(6, `   <xs:complexType name="ReqT"><xs:complexContent><xs:extension base="tns:ReqT"/></xs:complexContent></xs:complexType>`,
			10, ` <wsdl:message name="In"><wsdl:part name="parameters" element="tns:Nope"/></wsdl:message>`),
			ErrInvalid, "bad.wsdl:6:4: ", `cyclic derivation`},
		{"local-import-in-parse", base(4, `  <xs:schema targetNamespace="urn:t" elementFormDefault="qualified"><xs:import namespace="urn:r" schemaLocation="r.xsd"/>`),
			ErrUnsupported, "bad.wsdl:4:69: ", `xs:import: unsupported: cannot follow local schemaLocation "r.xsd"`},
	}
}

func checkErr(t *testing.T, err error, sentinel error, prefix, contains string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want %v", sentinel)
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is not a *wsdl.Error", err, err)
	}
	if !errors.Is(err, sentinel) {
		t.Errorf("error %q is not %v", err, sentinel)
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, prefix) {
		t.Errorf("error %q does not start with %q", msg, prefix)
	} else if !strings.Contains(msg[len(prefix):], contains) {
		t.Errorf("error %q does not contain %q", msg, contains)
	}
	if e.Pos.Line == 0 || e.Pos.Col == 0 || e.Pos.File == "" {
		t.Errorf("error %q has an incomplete position %+v", msg, e.Pos)
	}
}

func TestBadInput(t *testing.T) {
	for _, c := range badCases() {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("bad.wsdl", []byte(c.input), nil)
			checkErr(t, err, c.sentinel, c.prefix, c.contains)
		})
	}
}

// TestRemoteForbidden checks that remote references are refused without
// touching the network when AllowRemote is off, and fetched when it is on.
func TestRemoteForbidden(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		fmt.Fprint(w, `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:r"><xs:element name="R" type="xs:string"/></xs:schema>`)
	}))
	defer srv.Close()
	u := srv.URL + "/r.xsd"

	schemaImport := base(4, `  <xs:schema targetNamespace="urn:t" elementFormDefault="qualified"><xs:import namespace="urn:r" schemaLocation="`+u+`"/>`)
	wsdlImport := base(3, ` <wsdl:import namespace="urn:r" location="`+u+`"/><wsdl:types>`)
	for _, c := range []struct{ name, input, prefix, construct, attr string }{
		{"schemaLocation", schemaImport, "bad.wsdl:4:69: ", "xs:import", "schemaLocation"},
		{"wsdl-import", wsdlImport, "bad.wsdl:3:2: ", "wsdl:import", "location"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("bad.wsdl", []byte(c.input), nil)
			checkErr(t, err, ErrForbidden, c.prefix, fmt.Sprintf("%s: forbidden: remote %s %q", c.construct, c.attr, u))
			if n := hits.Load(); n != 0 {
				t.Errorf("server was hit %d times", n)
			}
		})
	}
	for _, loc := range []string{"file:///etc/passwd", "ftp://example.invalid/x.xsd"} {
		in := strings.Replace(schemaImport, u, loc, 1)
		_, err := Parse("bad.wsdl", []byte(in), &Options{AllowRemote: true})
		checkErr(t, err, ErrForbidden, "bad.wsdl:4:69: ", "only http and https URLs may be fetched")
	}

	t.Run("allowed", func(t *testing.T) {
		in := base(4, `  <xs:schema targetNamespace="urn:t" elementFormDefault="qualified"><xs:import namespace="urn:r" schemaLocation="`+u+`"/>`,
			12, ` <wsdl:message name="H" xmlns:r="urn:r"><wsdl:part name="Token" element="r:R"/></wsdl:message>`)
		d, err := Parse("ok.wsdl", []byte(in), &Options{AllowRemote: true, HTTPClient: srv.Client()})
		if err != nil {
			t.Fatal(err)
		}
		if hits.Load() != 1 || len(d.Schemas) != 2 || d.Schemas[1].TargetNamespace != "urn:r" || d.Schemas[1].Pos.File != u {
			t.Errorf("hits=%d schemas=%d", hits.Load(), len(d.Schemas))
		}
	})
}

func TestMaxFileSize(t *testing.T) {
	_, err := Parse("big.wsdl", []byte(base()), &Options{MaxFileSize: 100})
	if !errors.Is(err, ErrForbidden) {
		t.Fatalf("err = %v", err)
	}
	var e *Error
	if !errors.As(err, &e) || e.Pos.File != "big.wsdl" {
		t.Errorf("err = %#v", err)
	}
}

func TestDeepNesting(t *testing.T) {
	in := `<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/">` + strings.Repeat("<a>", maxDepth+5)
	_, err := Parse("deep.wsdl", []byte(in), nil)
	checkErr(t, err, ErrForbidden, "deep.wsdl:1:", "nested deeper than")
}
