package xmlcmp

import (
	"encoding/xml"
	"strings"
	"testing"
)

// roundTripDocs are documents whose Marshal(Parse(x)) must compare equal to x.
var roundTripDocs = []string{
	`<r/>`,
	`<a:r xmlns:a="urn:a" xmlns="urn:d" x="1" a:y="2"><c>t</c><b:d xmlns:b="urn:b" b:z="3"/><e xmlns="">no namespace</e></a:r>`,
	`<r xmlns:p="urn:a"><p:c xmlns:p="urn:b"><p:d/></p:c><p:e/></r>`,
	"<r>\n  <c> a </c>\r\n\t<d>&amp;&lt;&gt;\"'&#xD;]]&gt;</d>\n</r>",
	`<r a="&quot;&amp;&lt;&#9;&#10;&#13; x"/>`,
	`<r>mixed <b>bold</b> text<i/> tail</r>`,
	`<r ` + nsBoth + ` xmlns:p="urn:p"><v xsi:type="xsd:int">+5</v><w xsi:type="p:T"/><x xsi:nil="1"/><q xsi:type="xsd:QName">p:name</q></r>`,
	`<r xml:lang="en" xml:space="preserve"> </r>`,
	`<r xmlns:xml="http://www.w3.org/XML/1998/namespace"><xml:c/></r>`,
	"<r>\U0001F600 é \u00a0</r>",
}

func TestMarshalRoundTrip(t *testing.T) {
	docs := append([]string(nil), roundTripDocs...)
	for _, f := range []string{"SetUserPresenceStatus.request.xml", "GetUser.response.xml",
		"SetUserPresenceStatus.request.reencoded.xml", "GetUser.response.reprefixed.xml"} {
		docs = append(docs, string(readTestdata(t, f)))
	}
	for _, doc := range docs {
		n := mustParse(t, doc)
		out := Marshal(n)
		back, err := Parse(out)
		if err != nil {
			t.Fatalf("Parse(Marshal(%q)) = %v\n%s", doc, err, out)
		}
		for _, o := range []Options{{}, {DocQuirks: true}} {
			if d := mustCompare(t, doc, string(out), o); len(d) != 0 {
				t.Errorf("Marshal(Parse(%.60q)) differs (%+v):\n%s\n%s", doc, o, out, strings.Join(d, "\n"))
			}
			if d := CompareNodes(back, n, o); len(d) != 0 {
				t.Errorf("reverse comparison of %.60q differs:\n%s", doc, strings.Join(d, "\n"))
			}
		}
		if string(Marshal(back)) != string(out) {
			t.Errorf("Marshal is not stable for %.60q:\n%s\n%s", doc, out, Marshal(back))
		}
	}
}

func TestMarshalKeepsTextExact(t *testing.T) {
	text := "a\r\nb\tc & <d> ]]> \"q\" 'a' \u00a0"
	attr := " x\t\n\r\"y\"&<> "
	n := &Node{
		Name:  xml.Name{Local: "r"},
		Attrs: []xml.Attr{{Name: xml.Name{Local: "a"}, Value: attr}},
		Text:  text,
	}
	back := mustParse(t, string(Marshal(n)))
	if back.Text != text || back.Attrs[0].Value != attr {
		t.Fatalf("got text %q attr %q\n%s", back.Text, back.Attrs[0].Value, Marshal(n))
	}
	// Characters XML cannot carry become U+FFFD instead of breaking the output.
	n = &Node{Name: xml.Name{Local: "r"}, Text: "a\x00b\xffc"}
	back = mustParse(t, string(Marshal(n)))
	if back.Text != "a\uFFFDb\uFFFDc" {
		t.Fatalf("got %q", back.Text)
	}
}

// Hand-built trees have no Scope: Marshal must declare what they need.
func TestMarshalDeclaresNamespaces(t *testing.T) {
	n := &Node{
		Name: xml.Name{Space: "urn:a", Local: "r"},
		Attrs: []xml.Attr{
			{Name: xml.Name{Space: "urn:b", Local: "x"}, Value: "1"},
			{Name: xml.Name{Space: "urn:a", Local: "y"}, Value: "2"},
			{Name: xml.Name{Local: "z"}, Value: "3"},
			{Name: xml.Name{Space: "xmlns", Local: "junk"}, Value: "urn:junk"},
		},
		Children: []*Node{
			{Name: xml.Name{Local: "plain"}},
			{Name: xml.Name{Space: "urn:b", Local: "c"}},
			{Name: xml.Name{Space: xmlNamespace, Local: "x"}},
		},
	}
	out := Marshal(n)
	back, err := Parse(out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if d := CompareNodes(n, back, Options{}); len(d) != 0 {
		t.Fatalf("%s\n%s", out, strings.Join(d, "\n"))
	}
	if strings.Contains(string(out), "junk") {
		t.Errorf("xmlns pseudo-attribute written: %s", out)
	}
	if Marshal(nil) != nil {
		t.Error("Marshal(nil) != nil")
	}
}

// QName-valued content stays valid: the element's own bindings are kept.
func TestMarshalKeepsQNameScopes(t *testing.T) {
	doc := `<r ` + nsXSI + ` xmlns:p="urn:a"><c xmlns:p="urn:b" xsi:type="p:T"><d xsi:type="p:U"/></c><e xsi:type="p:V"/></r>`
	n := mustParse(t, doc)
	back := mustParse(t, string(Marshal(n)))
	for _, c := range []struct {
		n    *Node
		want xml.Name
	}{
		{back.Children[0], xml.Name{Space: "urn:b", Local: "T"}},
		{back.Children[0].Children[0], xml.Name{Space: "urn:b", Local: "U"}},
		{back.Children[1], xml.Name{Space: "urn:a", Local: "V"}},
	} {
		if got := xsiTypeOf(c.n); !got.ok || got.name != c.want {
			t.Errorf("%s: xsi:type %v, want %v", c.n.Name.Local, got, c.want)
		}
	}
}

// Scope-less elements inside a parsed tree with a default namespace.
func TestMarshalUndeclaresDefault(t *testing.T) {
	n := mustParse(t, `<r xmlns="urn:d"><c/></r>`)
	n.Children = append(n.Children, &Node{Name: xml.Name{Local: "free"}})
	back := mustParse(t, string(Marshal(n)))
	if got := back.Children[1].Name; got != (xml.Name{Local: "free"}) {
		t.Fatalf("got %v: %s", got, Marshal(n))
	}
}
