package generator

import (
	"bytes"
	"go/format"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

// namesWSDL puts the name N (an NCName) everywhere a schema or WSDL name
// becomes a Go identifier: types, elements, attributes, enumeration
// values, a portType, its operations and its binding, so that the layout of
// every declaration the emitter writes is tried with identifiers of N's
// length.
const namesWSDL = `<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:t" targetNamespace="urn:t">
<types>
<xs:schema targetNamespace="urn:t" elementFormDefault="qualified">
<xs:simpleType name="NE"><xs:restriction base="xs:string"><xs:enumeration value="N"/><xs:enumeration value="x"/></xs:restriction></xs:simpleType>
<xs:simpleType name="NI"><xs:restriction base="xs:int"><xs:enumeration value="1"/></xs:restriction></xs:simpleType>
<xs:simpleType name="NL"><xs:list itemType="tns:NE"/></xs:simpleType>
<xs:complexType name="NA" mixed="true"><xs:sequence><xs:element name="N" type="xs:string" maxOccurs="unbounded"/></xs:sequence></xs:complexType>
<xs:complexType name="NB"><xs:sequence><xs:element name="N" type="tns:NE"/><xs:element name="NPassword" type="xs:string" minOccurs="0"/></xs:sequence><xs:attribute name="N" type="xs:int"/></xs:complexType>
<xs:complexType name="ND"><xs:complexContent><xs:extension base="tns:NB"><xs:sequence><xs:element name="NList" type="tns:NL"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>
<xs:element name="N"><xs:complexType><xs:sequence/></xs:complexType></xs:element>
<xs:element name="NR"><xs:complexType><xs:sequence><xs:element name="N" type="tns:ND"/><xs:element name="NA" type="tns:NA"/><xs:element name="NI" type="tns:NI"/><xs:choice maxOccurs="unbounded"><xs:element name="NC" type="xs:string"/><xs:element name="NPass" type="xs:int"/></xs:choice></xs:sequence></xs:complexType></xs:element>
<xs:element name="NH" type="xs:string"/>
</xs:schema>
</types>
<message name="In"><part name="p" element="tns:N"/></message>
<message name="Out"><part name="p" element="tns:NR"/></message>
<message name="H"><part name="N" element="tns:NH"/></message>
<portType name="N"><operation name="N"><input message="tns:In"/><output message="tns:Out"/></operation><operation name="NOneWay"><input message="tns:In"/></operation></portType>
<binding name="B" type="tns:N"><soap:binding transport="http://schemas.xmlsoap.org/soap/http"/>
<operation name="N"><soap:operation soapAction="urn:t/N"/><input><soap:body use="literal"/><soap:header message="tns:H" part="N" use="literal"/></input><output><soap:body use="literal"/><soap:header message="tns:H" part="N" use="literal"/></output></operation>
<operation name="NOneWay"><soap:operation soapAction="urn:t/NOneWay"/><input><soap:body use="literal"/></input></operation>
</binding>
</definitions>`

// checkNamesLayout generates namesWSDL with name and fails unless every
// file is exactly what go/format prints.
func checkNamesLayout(t *testing.T, name string) {
	t.Helper()
	wsdl := strings.NewReplacer(`name="N`, `name="`+name, `:N"`, `:`+name+`"`, `part="N"`, `part="`+name+`"`, `value="N"`, `value="`+name+`"`, `tns:N`, `tns:`+name).Replace(namesWSDL)
	files, err := Generate(fstest.MapFS{"input.wsdl": {Data: []byte(wsdl)}}, "input.wsdl", Config{Package: "p"})
	if err != nil {
		t.Fatalf("name %q: %v", name, err)
	}
	for _, f := range files {
		formatted, err := format.Source(f.Content)
		if err != nil {
			t.Fatalf("name %q: %s does not parse: %v", name, f.Name, err)
		}
		if !bytes.Equal(formatted, f.Content) {
			t.Fatalf("name %q: %s is not in gofmt's layout (-written +gofmt):\n%s", name, f.Name, cmp.Diff(string(f.Content), string(formatted)))
		}
	}
}

// TestGoWriterNameLengths tries every name length up to well past the
// lengths at which go/printer changes a layout (an empty function body is
// kept on its header's line up to 100 columns).
func TestGoWriterNameLengths(t *testing.T) {
	lengths := []int{1, 2, 10, 40, 41}
	for n := 50; n <= 110; n++ {
		lengths = append(lengths, n)
	}
	lengths = append(lengths, 200)
	for _, n := range lengths {
		checkNamesLayout(t, "A"+strings.Repeat("b", n-1))
	}
}

// FuzzGoWriterNames is the differential test of the writer against
// go/format over names: any NCName made of ASCII letters and digits (the
// fuzzer's string, filtered) must give files gofmt leaves as they are.
func FuzzGoWriterNames(f *testing.F) {
	for _, s := range []string{"a", "Ping", "x1", strings.Repeat("Long", 25), strings.Repeat("z", 73)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var b strings.Builder
		for _, r := range s {
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' && b.Len() > 0 {
				b.WriteRune(r)
			}
		}
		if b.Len() == 0 || b.Len() > 300 {
			return
		}
		checkNamesLayout(t, "Q"+b.String())
	})
}
