package wsdl

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestZZPerf(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"`)
	for i := 0; i < 100000; i++ {
		fmt.Fprintf(&b, ` xmlns:p%d="urn:%d"`, i, i)
	}
	b.WriteString(`>`)
	for i := 0; i < 100000; i++ {
		fmt.Fprintf(&b, `<wsdl:message name="m%d" xmlns:q="urn:q"><wsdl:part name="x" element="p%d:e"/></wsdl:message>`, i, i)
	}
	b.WriteString(`</wsdl:definitions>`)
	s := b.String()
	start := time.Now()
	_, err := Parse("p.wsdl", []byte(s), nil)
	t.Logf("%d bytes %v %v", len(s), time.Since(start), err)

	b.Reset()
	b.WriteString(`<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"><x`)
	for i := 0; i < 200000; i++ {
		fmt.Fprintf(&b, ` a%d="1"`, i)
	}
	b.WriteString(`/></wsdl:definitions>`)
	s = b.String()
	start = time.Now()
	_, err = Parse("p.wsdl", []byte(s), nil)
	t.Logf("%d bytes %v %v", len(s), time.Since(start), err)

	b.Reset()
	b.WriteString(`<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:xs="http://www.w3.org/2001/XMLSchema"><wsdl:types><xs:schema><xs:simpleType name="u"><xs:union memberTypes="`)
	for i := 0; i < 200000; i++ {
		fmt.Fprintf(&b, ` p%d:x`, i)
	}
	b.WriteString(`"/></xs:simpleType></xs:schema></wsdl:types></wsdl:definitions>`)
	s = b.String()
	start = time.Now()
	_, err = Parse("p.wsdl", []byte(s), nil)
	t.Logf("%d bytes %v %.100v", len(s), time.Since(start), err)

	// many complex types chained
	b.Reset()
	b.WriteString(`<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:xs="http://www.w3.org/2001/XMLSchema"><wsdl:types><xs:schema>`)
	for i := 0; i < 200000; i++ {
		fmt.Fprintf(&b, `<xs:complexType name="t%d"><xs:complexContent><xs:extension base="t%d"/></xs:complexContent></xs:complexType>`, i, i+1)
	}
	b.WriteString(`<xs:complexType name="t200000"><xs:complexContent><xs:extension base="t0"/></xs:complexContent></xs:complexType></xs:schema></wsdl:types></wsdl:definitions>`)
	s = b.String()
	start = time.Now()
	_, err = Parse("p.wsdl", []byte(s), nil)
	t.Logf("%d bytes %v %.100v", len(s), time.Since(start), err)
}
