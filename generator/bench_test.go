package generator

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/soapgen/soapgen/wsdl"
)

// BenchmarkGenerateUser generates the Services88 User package (load,
// resolve, write Go) from its WSDL.
func BenchmarkGenerateUser(b *testing.B) {
	fsys := os.DirFS(userDir)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Generate(fsys, "User.wsdl", Config{Package: "user"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGenerateAll generates every package under ../generated from its
// WSDL, one after another.
func BenchmarkGenerateAll(b *testing.B) {
	wsdls, err := filepath.Glob("../generated/*/*/*.wsdl")
	if err != nil {
		b.Fatal(err)
	}
	if len(wsdls) < 52 {
		b.Fatalf("found %d WSDLs, want 52", len(wsdls))
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range wsdls {
			if _, err := Generate(os.DirFS(filepath.Dir(w)), filepath.Base(w), Config{}); err != nil {
				b.Fatal(w, ": ", err)
			}
		}
	}
}

// BenchmarkGenerateServices88 generates the Services88 SDK as the set it
// is (60 WSDLs loaded, merged, partitioned and written), as its go:generate
// line does.
func BenchmarkGenerateServices88(b *testing.B) {
	wsdls, err := filepath.Glob("../generated/services88/*/*.wsdl")
	if err != nil {
		b.Fatal(err)
	}
	if len(wsdls) != 60 {
		b.Fatalf("found %d Services88 WSDLs, want 60", len(wsdls))
	}
	const base = "github.com/soapgen/soapgen/generated/services88"
	b.ReportAllocs()
	for b.Loop() {
		inputs := make([]SetInput, len(wsdls))
		for i, w := range wsdls {
			dir := filepath.Base(filepath.Dir(w))
			defs, err := wsdl.Load(os.DirFS(filepath.Dir(w)), filepath.Base(w), nil)
			if err != nil {
				b.Fatal(err)
			}
			inputs[i] = SetInput{Defs: defs, Source: filepath.Base(w), Dir: dir, Package: dir, ImportPath: base + "/" + dir}
		}
		if _, err := GenerateSet(inputs, SetConfig{Package: "services88", ImportPath: base}); err != nil {
			b.Fatal(err)
		}
	}
}

// manyOperations is a WSDL of n document/literal operations, each with its
// own request and response elements, all sharing one request header.
func manyOperations(n int) []byte {
	var b strings.Builder
	b.WriteString(`<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:t" targetNamespace="urn:t">
<types><xs:schema targetNamespace="urn:t" elementFormDefault="qualified">
<xs:element name="Token" type="xs:string"/>
`)
	for i := range n {
		fmt.Fprintf(&b, "<xs:element name=\"Op%d\"><xs:complexType><xs:sequence><xs:element name=\"A\" type=\"xs:int\"/></xs:sequence></xs:complexType></xs:element>\n", i)
		fmt.Fprintf(&b, "<xs:element name=\"Op%dResponse\"><xs:complexType><xs:sequence><xs:element name=\"R\" type=\"xs:string\" minOccurs=\"0\"/></xs:sequence></xs:complexType></xs:element>\n", i)
	}
	b.WriteString("</xs:schema></types>\n<message name=\"H\"><part name=\"Token\" element=\"tns:Token\"/></message>\n")
	for i := range n {
		fmt.Fprintf(&b, "<message name=\"In%d\"><part name=\"p\" element=\"tns:Op%d\"/></message><message name=\"Out%d\"><part name=\"p\" element=\"tns:Op%dResponse\"/></message>\n", i, i, i, i)
	}
	b.WriteString("<portType name=\"P\">\n")
	for i := range n {
		fmt.Fprintf(&b, "<operation name=\"Op%d\"><input message=\"tns:In%d\"/><output message=\"tns:Out%d\"/></operation>\n", i, i, i)
	}
	b.WriteString("</portType>\n<binding name=\"B\" type=\"tns:P\"><soap:binding transport=\"http://schemas.xmlsoap.org/soap/http\"/>\n")
	for i := range n {
		fmt.Fprintf(&b, "<operation name=\"Op%d\"><soap:operation soapAction=\"urn:t/Op%d\"/><input><soap:header message=\"tns:H\" part=\"Token\" use=\"literal\"/><soap:body use=\"literal\"/></input><output><soap:body use=\"literal\"/></output></operation>\n", i, i)
	}
	b.WriteString("</binding>\n<service name=\"S\"><port name=\"P\" binding=\"tns:B\"><soap:address location=\"http://localhost/P.svc\"/></port></service>\n</definitions>\n")
	return []byte(b.String())
}

// BenchmarkGenerateOperations generates WSDLs of 1,000 and 10,000
// operations (load, resolve, write Go) and reports the time per operation:
// generation is linear when the two figures agree.
func BenchmarkGenerateOperations(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		fsys := fstest.MapFS{"big.wsdl": {Data: manyOperations(n)}}
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Generate(fsys, "big.wsdl", Config{Package: "big"}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/operation")
		})
	}
}
