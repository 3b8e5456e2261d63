package wsdl

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

// catalogFS is a WSDL importing schemas by URL, and the local copies a
// catalog maps them to: one by its exact URL, one below a prefix, which
// includes a sibling by a relative location.
func catalogFS() fstest.MapFS {
	return fstest.MapFS{
		"svc/main.wsdl": {Data: []byte(`<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" ` + xsNS + ` xmlns:a="urn:a" xmlns:b="urn:b" targetNamespace="urn:main">
<types><xs:schema targetNamespace="urn:main">
<xs:import namespace="urn:a" schemaLocation="http://example.com/a.xsd"/>
<xs:import namespace="urn:b" schemaLocation="https://example.org/schemas/v1/b.xsd"/>
<xs:element name="E"><xs:complexType><xs:sequence><xs:element name="A" type="a:A"/><xs:element name="B" type="b:B"/></xs:sequence></xs:complexType></xs:element>
</xs:schema></types>
<portType name="P"/>
</definitions>`)},
		"vendor/a.xsd":              {Data: []byte(`<xs:schema ` + xsNS + ` targetNamespace="urn:a"><xs:simpleType name="A"><xs:restriction base="xs:string"/></xs:simpleType></xs:schema>`)},
		"vendor/org/v1/b.xsd":       {Data: []byte(`<xs:schema ` + xsNS + ` targetNamespace="urn:b"><xs:include schemaLocation="b-types.xsd"/></xs:schema>`)},
		"vendor/org/v1/b-types.xsd": {Data: []byte(`<xs:schema ` + xsNS + ` targetNamespace="urn:b"><xs:simpleType name="B"><xs:restriction base="xs:int"/></xs:simpleType></xs:schema>`)},
	}
}

func TestCatalog(t *testing.T) {
	cat, err := ParseCatalog("catalog.txt", []byte("# local copies\n\nhttp://example.com/a.xsd vendor/a.xsd\r\n  https://example.org/schemas/\tvendor/org/\n"))
	if err != nil {
		t.Fatal(err)
	}
	defs, err := Load(catalogFS(), "svc/main.wsdl", &Options{Catalog: cat})
	if err != nil {
		t.Fatal(err)
	}
	var types []string
	for _, s := range defs.Schemas {
		for _, st := range s.SimpleTypes {
			types = append(types, st.Name.String()+"@"+st.Pos.File)
		}
	}
	if got, want := strings.Join(types, " "), "{urn:a}A@vendor/a.xsd {urn:b}B@vendor/org/v1/b-types.xsd"; got != want {
		t.Errorf("types %s, want %s", got, want)
	}
	// Without the catalog the URLs are remote, and refused.
	if _, err := Load(catalogFS(), "svc/main.wsdl", nil); !errors.Is(err, ErrForbidden) || !strings.Contains(err.Error(), "http://example.com/a.xsd") {
		t.Errorf("without a catalog: %v", err)
	}
	// A mapping out of the file system is refused.
	_, err = Load(catalogFS(), "svc/main.wsdl", &Options{Catalog: map[string]string{"http://example.com/a.xsd": "../a.xsd"}})
	if !errors.Is(err, ErrForbidden) || !strings.Contains(err.Error(), "svc/main.wsdl:3:1:") {
		t.Errorf("escaping mapping: %v", err)
	}
	// Parse has no file system to read a mapped file from.
	if _, err := Parse("main.wsdl", catalogFS()["svc/main.wsdl"].Data, &Options{Catalog: cat}); !errors.Is(err, ErrUnsupported) {
		t.Errorf("Parse: %v", err)
	}
}

func TestParseCatalogErrors(t *testing.T) {
	for _, tt := range []struct{ data, want string }{
		{"http://a/x.xsd\n", "c.txt:1:1: catalog: invalid: want a location and a path, got 1 fields"},
		{"# c\n  x.xsd y.xsd\n", "c.txt:2:3: catalog: invalid: location \"x.xsd\" is not an absolute URI"},
		{"http://a/ p\nhttp://a/ q\n", "c.txt:2:1: catalog: invalid: location \"http://a/\" is mapped twice"},
		{"http://a/ p q\n", "got 3 fields"},
	} {
		_, err := ParseCatalog("c.txt", []byte(tt.data))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: %v, want %q", tt.data, err, tt.want)
		}
	}
}
