package wsdl

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

const xsNS = `xmlns:xs="http://www.w3.org/2001/XMLSchema"`

// importFS is a service split over several files: WSDL imports (with a
// cycle back to main.wsdl), xs:import (with a cycle), a same-namespace
// xs:include and a chameleon xs:include.
func importFS() fstest.MapFS {
	return fstest.MapFS{
		"svc/main.wsdl": {Data: []byte(`<?xml version="1.0"?>
<wsdl:definitions name="Main" targetNamespace="urn:main" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/" xmlns:tns="urn:main" xmlns:abs="urn:abs">
  <wsdl:documentation> The main file. </wsdl:documentation>
  <wsdl:import namespace="urn:abs" location="abstract.wsdl"/>
  <wsdl:binding name="B" type="abs:P">
    <soap12:binding transport="http://schemas.xmlsoap.org/soap/http" style="rpc"/>
    <wsdl:operation name="Op"><soap12:operation soapAction="urn:op" style="document"/>
      <wsdl:input name="OpIn"><soap12:body use="literal" parts=" p "/></wsdl:input>
      <wsdl:output><soap12:body use="literal" parts=""/></wsdl:output>
      <wsdl:fault name="F"><soap12:fault name="F" use="literal"/></wsdl:fault>
    </wsdl:operation>
  </wsdl:binding>
  <wsdl:service name="S"><wsdl:port name="Port" binding="tns:B"><soap12:address location="http://example.invalid/s"/></wsdl:port></wsdl:service>
</wsdl:definitions>
`)},
		"svc/abstract.wsdl": {Data: []byte(`<?xml version="1.0"?>
<wsdl:definitions targetNamespace="urn:abs" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:wsam="http://www.w3.org/2007/05/addressing/metadata" xmlns:tns="urn:abs" xmlns:d="urn:data">
  <wsdl:import namespace="urn:main" location="./main.wsdl"/>
  <wsdl:types>
    <xs:schema targetNamespace="urn:abs" elementFormDefault="qualified" ` + xsNS + `>
      <xs:import namespace="urn:data" schemaLocation="xsd/data.xsd"/>
      <xs:include schemaLocation="xsd/abs%2Dpart.xsd"/>
      <xs:element name="Req" type="d:Data"/>
      <xs:element name="Resp" type="tns:Extra"/>
    </xs:schema>
  </wsdl:types>
  <wsdl:message name="In"><wsdl:part name="p" element="tns:Req"/></wsdl:message>
  <wsdl:message name="Out"><wsdl:part name="p" element="tns:Resp"/></wsdl:message>
  <wsdl:message name="Fault"><wsdl:part name="detail" type="d:Code"/></wsdl:message>
  <wsdl:portType name="P">
    <wsdl:operation name="Op">
      <wsdl:documentation>Does it.</wsdl:documentation>
      <wsdl:input wsam:Action="urn:op:in" message="tns:In"/>
      <wsdl:output message="tns:Out"/>
      <wsdl:fault name="F" message="tns:Fault"/>
    </wsdl:operation>
  </wsdl:portType>
</wsdl:definitions>
`)},
		"svc/xsd/data.xsd": {Data: []byte(`<xs:schema targetNamespace="urn:data" ` + xsNS + ` xmlns:c="urn:common" xmlns="urn:data">
  <xs:include schemaLocation="data-more.xsd"/>
  <xs:import namespace="urn:common" schemaLocation="../common/common.xsd"/>
  <xs:complexType name="Data">
    <xs:complexContent><xs:extension base="c:Base"><xs:sequence><xs:element name="code" type="Code"/></xs:sequence></xs:extension></xs:complexContent>
  </xs:complexType>
</xs:schema>
`)},
		"svc/xsd/data-more.xsd": {Data: []byte(`<xs:schema targetNamespace="urn:data" ` + xsNS + `>
  <xs:simpleType name="Code"><xs:restriction base="xs:token"><xs:maxLength value="4"/></xs:restriction></xs:simpleType>
</xs:schema>
`)},
		"svc/common/common.xsd": {Data: []byte(`<xs:schema targetNamespace="urn:common" ` + xsNS + `>
  <xs:import namespace="urn:data" schemaLocation="../xsd/data.xsd"/>
  <xs:complexType name="Base" abstract="true"><xs:attribute name="id" type="xs:ID" use="required"/></xs:complexType>
</xs:schema>
`)},
		"svc/xsd/abs-part.xsd": {Data: []byte(`<xs:schema ` + xsNS + `>
  <xs:complexType name="Extra"><xs:sequence><xs:element name="x" type="Code2"/></xs:sequence></xs:complexType>
  <xs:simpleType name="Code2"><xs:restriction base="xs:string"/></xs:simpleType>
</xs:schema>
`)},
	}
}

func TestLocalImports(t *testing.T) {
	d, err := Load(importFS(), "svc/main.wsdl", nil)
	if err != nil {
		t.Fatal(err)
	}
	if d.Name != "Main" || d.TargetNamespace != "urn:main" || d.Doc != "The main file." || d.Pos.String() != "svc/main.wsdl:2:1" {
		t.Errorf("definitions %q %q %q %s", d.Name, d.TargetNamespace, d.Doc, d.Pos)
	}
	var tnss []string
	for _, s := range d.Schemas {
		tnss = append(tnss, s.TargetNamespace+"@"+s.Pos.File)
	}
	want := []string{"urn:abs@svc/abstract.wsdl", "urn:data@svc/xsd/data.xsd", "urn:common@svc/common/common.xsd"}
	if !equal(tnss, want) {
		t.Fatalf("schemas = %q, want %q", tnss, want)
	}
	abs, data := d.Schemas[0], d.Schemas[1]
	if len(abs.Imports) != 2 || abs.Imports[0].Include || abs.Imports[0].Namespace != "urn:data" ||
		!abs.Imports[1].Include || abs.Imports[1].SchemaLocation != "xsd/abs%2Dpart.xsd" {
		t.Errorf("abs imports = %+v", abs.Imports)
	}

	// The chameleon include is merged into urn:abs, before the including
	// schema's own elements; its local element is unqualified (its own
	// elementFormDefault) and its unprefixed reference takes urn:abs.
	if len(abs.ComplexTypes) != 1 || len(abs.SimpleTypes) != 1 || len(abs.Elements) != 2 {
		t.Fatalf("abs: %d complex, %d simple, %d elements", len(abs.ComplexTypes), len(abs.SimpleTypes), len(abs.Elements))
	}
	extra := abs.ComplexTypes[0]
	if extra.Name != (QName{"urn:abs", "Extra"}) || extra.Pos.String() != "svc/xsd/abs-part.xsd:2:3" {
		t.Errorf("Extra = %v at %s", extra.Name, extra.Pos)
	}
	x := extra.Group.Particles[0].(*Element)
	if x.Name != (QName{"", "x"}) || x.Type != (QName{"urn:abs", "Code2"}) {
		t.Errorf("Extra's x = %v type %v", x.Name, x.Type)
	}
	if abs.SimpleTypes[0].Name != (QName{"urn:abs", "Code2"}) {
		t.Errorf("Code2 = %v", abs.SimpleTypes[0].Name)
	}

	// The same-namespace include is merged into urn:data; the default
	// namespace resolves unprefixed QNames.
	if len(data.SimpleTypes) != 1 || data.SimpleTypes[0].Facets["maxLength"] != "4" || data.SimpleTypes[0].Base != (QName{NSXSD, "token"}) {
		t.Errorf("data simple types = %+v", data.SimpleTypes)
	}
	dt := data.ComplexTypes[0]
	if dt.Base != (QName{"urn:common", "Base"}) || dt.Group.Particles[0].(*Element).Type != (QName{"urn:data", "Code"}) {
		t.Errorf("Data = %+v", dt)
	}
	if base := d.Schemas[2].ComplexTypes[0]; !base.Abstract || base.Attributes[0].Use != "required" || base.Attributes[0].Name != (QName{"", "id"}) {
		t.Errorf("Base = %+v", base)
	}

	// WSDL components of the imported document are merged.
	if len(d.Messages) != 3 || len(d.PortTypes) != 1 || len(d.Bindings) != 1 || len(d.Services) != 1 {
		t.Fatalf("%d messages %d portTypes %d bindings %d services", len(d.Messages), len(d.PortTypes), len(d.Bindings), len(d.Services))
	}
	op := d.PortTypes[0].Operations[0]
	if op.Doc != "Does it." || op.Input.Action != "urn:op:in" || len(op.Faults) != 1 || op.Faults[0].Message != (QName{"urn:abs", "Fault"}) {
		t.Errorf("operation = %+v", op)
	}
	b := d.Bindings[0]
	if b.Version != SOAP12 || b.Style != "rpc" || b.Type != (QName{"urn:abs", "P"}) {
		t.Errorf("binding = %+v", b)
	}
	bop := b.Operations[0]
	if bop.Style != "document" || bop.SOAPAction != "urn:op" || bop.Input.Name != "OpIn" ||
		!equal(bop.Input.Body.Parts, []string{"p"}) || bop.Output.Body.Parts == nil || len(bop.Output.Body.Parts) != 0 ||
		len(bop.Faults) != 1 || bop.Faults[0].Use != "literal" {
		t.Errorf("binding operation = %+v", bop)
	}
	if p := d.Services[0].Ports[0]; p.Address != "http://example.invalid/s" || p.Binding != (QName{"urn:main", "B"}) {
		t.Errorf("port = %+v", p)
	}
}

func TestLoadSchema(t *testing.T) {
	ss, err := LoadSchema(importFS(), "svc/xsd/data.xsd", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 2 || ss[0].TargetNamespace != "urn:data" || ss[1].TargetNamespace != "urn:common" {
		t.Fatalf("schemas = %v", ss)
	}
	_, err = LoadSchema(importFS(), "svc/main.wsdl", nil)
	checkErr(t, err, ErrInvalid, "svc/main.wsdl:2:1: ", "not an XML Schema document")
}

func TestImportErrors(t *testing.T) {
	wsdlWith := func(schema string) []byte {
		return []byte(strings.Replace(base(), `  <xs:schema targetNamespace="urn:t" elementFormDefault="qualified">`,
			`  <xs:schema targetNamespace="urn:t" elementFormDefault="qualified">`+schema, 1))
	}
	cases := []struct {
		name     string
		fsys     fstest.MapFS
		file     string
		sentinel error
		prefix   string
		contains string
	}{
		{"escape", fstest.MapFS{"main.wsdl": {Data: wsdlWith(`<xs:import schemaLocation="../x.xsd"/>`)}}, "main.wsdl",
			ErrForbidden, "main.wsdl:4:69: ", `xs:import: forbidden: schemaLocation "../x.xsd" escapes the file system root`},
		{"escape-nested", fstest.MapFS{"a/b/main.wsdl": {Data: wsdlWith(`<xs:include schemaLocation="../../../x.xsd"/>`)}}, "a/b/main.wsdl",
			ErrForbidden, "a/b/main.wsdl:4:69: ", `xs:include: forbidden: schemaLocation "../../../x.xsd" escapes`},
		{"absolute", fstest.MapFS{"main.wsdl": {Data: wsdlWith(`<xs:import schemaLocation="/etc/passwd"/>`)}}, "main.wsdl",
			ErrForbidden, "main.wsdl:4:69: ", `schemaLocation "/etc/passwd" is not a relative path`},
		{"missing", fstest.MapFS{"main.wsdl": {Data: wsdlWith(`<xs:import schemaLocation="nope.xsd"/>`)}}, "main.wsdl",
			ErrInvalid, "main.wsdl:4:69: ", `xs:import: invalid: cannot read "nope.xsd"`},
		{"syntax-in-import", fstest.MapFS{
			"main.wsdl": {Data: wsdlWith(`<xs:import schemaLocation="x/bad.xsd"/>`)},
			"x/bad.xsd": {Data: []byte("<xs:schema " + xsNS + ">\n  <xs:element>\n</xs:schema>")}}, "main.wsdl",
			ErrSyntax, "x/bad.xsd:3:1: ", `malformed XML: element <xs:element> closed by </xs:schema>`},
		{"undefined-in-import", fstest.MapFS{
			"main.wsdl": {Data: wsdlWith(`<xs:import namespace="urn:x" schemaLocation="x.xsd"/>`)},
			"x.xsd":     {Data: []byte("<xs:schema targetNamespace=\"urn:x\" " + xsNS + ">\n  <xs:element name=\"E\" type=\"Nope\"/>\n</xs:schema>")}}, "main.wsdl",
			ErrUndefined, "x.xsd:2:3: ", `xs:element "E": undefined type Nope`},
		{"import-namespace-mismatch", fstest.MapFS{
			"main.wsdl": {Data: wsdlWith(`<xs:import namespace="urn:y" schemaLocation="x.xsd"/>`)},
			"x.xsd":     {Data: []byte("<xs:schema targetNamespace=\"urn:x\" " + xsNS + "/>")}}, "main.wsdl",
			ErrInvalid, "main.wsdl:4:69: ", `xs:import: invalid: "x.xsd" has targetNamespace "urn:x", not "urn:y"`},
		{"include-namespace-mismatch", fstest.MapFS{
			"main.wsdl": {Data: wsdlWith(`<xs:include schemaLocation="x.xsd"/>`)},
			"x.xsd":     {Data: []byte("<xs:schema targetNamespace=\"urn:x\" " + xsNS + "/>")}}, "main.wsdl",
			ErrInvalid, "main.wsdl:4:69: ", `xs:include: invalid: included "x.xsd" has targetNamespace "urn:x", not "urn:t"`},
		{"import-not-schema", fstest.MapFS{
			"main.wsdl": {Data: wsdlWith(`<xs:import schemaLocation="x.xml"/>`)},
			"x.xml":     {Data: []byte("<x/>")}}, "main.wsdl",
			ErrInvalid, "x.xml:1:1: ", `not an XML Schema document: root element is x`},
		{"dtd-in-import", fstest.MapFS{
			"main.wsdl": {Data: wsdlWith(`<xs:import schemaLocation="x.xsd"/>`)},
			"x.xsd":     {Data: []byte(xxe)}}, "main.wsdl",
			ErrForbidden, "x.xsd:2:1: ", `DTD not allowed`},
		{"too-big-import", fstest.MapFS{
			"main.wsdl": {Data: wsdlWith(`<xs:import schemaLocation="x.xsd"/>`)},
			"x.xsd":     {Data: []byte("<xs:schema " + xsNS + ">" + strings.Repeat(" ", 4000) + "</xs:schema>")}}, "main.wsdl",
			ErrForbidden, "main.wsdl:4:69: ", `"x.xsd" is larger than 3000 bytes`},
		{"no-root-file", fstest.MapFS{}, "main.wsdl", ErrInvalid, "main.wsdl: ", `cannot read "main.wsdl"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Load(c.fsys, c.file, &Options{MaxFileSize: 3000})
			if c.name == "no-root-file" {
				// No line to name: the file could not be read.
				if !errors.Is(err, c.sentinel) || !errors.Is(err, fs.ErrNotExist) || !strings.HasPrefix(err.Error(), c.prefix) {
					t.Errorf("err = %v", err)
				}
				return
			}
			checkErr(t, err, c.sentinel, c.prefix, c.contains)
			if c.name == "missing" && !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("err = %v is not fs.ErrNotExist", err)
			}
		})
	}
}
