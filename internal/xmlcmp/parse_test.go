package xmlcmp

import (
	"encoding/xml"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	doc := "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- c -->\n<a:r xmlns:a=\"urn:a\" xmlns=\"urn:d\" x=\"1\" a:y=\"2\">\n  <c>t&amp;<![CDATA[<x>]]><?pi?>u</c>\n  <é:d xmlns:é=\"urn:e\" xml:lang=\"en\"/>\n</a:r>\n"
	n := mustParse(t, doc)
	if n.Name != (xml.Name{Space: "urn:a", Local: "r"}) || n.Line != 3 || n.Col != 1 {
		t.Fatalf("root %v at %d:%d", n.Name, n.Line, n.Col)
	}
	wantAttrs := []xml.Attr{{Name: xml.Name{Local: "x"}, Value: "1"}, {Name: xml.Name{Space: "urn:a", Local: "y"}, Value: "2"}}
	if len(n.Attrs) != 2 || n.Attrs[0] != wantAttrs[0] || n.Attrs[1] != wantAttrs[1] {
		t.Fatalf("attrs %v, want %v (xmlns declarations removed)", n.Attrs, wantAttrs)
	}
	if len(n.Children) != 2 {
		t.Fatalf("children %v", n.Children)
	}
	c, d := n.Children[0], n.Children[1]
	if c.Name != (xml.Name{Space: "urn:d", Local: "c"}) || c.Text != "t&<x>u" || c.Line != 4 || c.Col != 3 {
		t.Fatalf("c = %v %q at %d:%d", c.Name, c.Text, c.Line, c.Col)
	}
	if d.Name != (xml.Name{Space: "urn:e", Local: "d"}) || d.Line != 5 || d.Col != 3 {
		t.Fatalf("d = %v at %d:%d", d.Name, d.Line, d.Col)
	}
	if len(d.Attrs) != 1 || d.Attrs[0].Name != (xml.Name{Space: xmlNamespace, Local: "lang"}) {
		t.Fatalf("d attrs %v", d.Attrs)
	}
	if d.Scope["é"] != "urn:e" || d.Scope["a"] != "urn:a" || d.Scope[""] != "urn:d" {
		t.Fatalf("d scope %v", d.Scope)
	}
	if _, ok := n.Scope["é"]; ok {
		t.Fatal("child declaration leaked into the parent scope")
	}
	if c.Scope["é"] != "" {
		t.Fatal("sibling declaration leaked")
	}
	if n.Text != "\n  \n  \n" {
		t.Fatalf("root text %q", n.Text)
	}
}

func TestParseColumnsCountCharacters(t *testing.T) {
	n := mustParse(t, "<r>\n<a>éé</a><b/></r>")
	if b := n.Children[1]; b.Line != 2 || b.Col != 10 {
		t.Fatalf("b at %d:%d, want 2:10", b.Line, b.Col)
	}
}

func TestResolveQName(t *testing.T) {
	n := mustParse(t, `<r xmlns="urn:d" xmlns:p="urn:p"/>`)
	for _, c := range []struct {
		in   string
		want xml.Name
		ok   bool
	}{
		{"p:T", xml.Name{Space: "urn:p", Local: "T"}, true},
		{" p:T\n", xml.Name{Space: "urn:p", Local: "T"}, true},
		{"T", xml.Name{Space: "urn:d", Local: "T"}, true},
		{"xml:lang", xml.Name{Space: xmlNamespace, Local: "lang"}, true},
		{"q:T", xml.Name{}, false},
		{"p:", xml.Name{}, false},
		{":T", xml.Name{}, false},
		{"p:T:U", xml.Name{}, false},
		{"p :T", xml.Name{}, false},
		{"", xml.Name{}, false},
		{"1T", xml.Name{}, false},
	} {
		got, err := n.ResolveQName(c.in)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("ResolveQName(%q) = %v, %v; want %v ok=%v", c.in, got, err, c.want, c.ok)
		}
	}
}

func TestParseErrors(t *testing.T) {
	deep := strings.Repeat("<a>", MaxDepth+1) + strings.Repeat("</a>", MaxDepth+1)
	for _, c := range []struct{ name, doc, msg string }{
		{"empty", "", "no root element"},
		{"only whitespace and comments", " <!-- x -->\n", "no root element"},
		{"DTD", `<!DOCTYPE r [<!ENTITY x "y">]><r>&x;</r>`, "DTD"},
		{"DTD without subset", `<!DOCTYPE r SYSTEM "r.dtd"><r/>`, "DTD"},
		{"unknown entity", `<r>&nbsp;</r>`, "entity"},
		{"undeclared element prefix", `<p:r/>`, `undeclared namespace prefix "p"`},
		{"undeclared attribute prefix", `<r p:a="1"/>`, `undeclared namespace prefix "p"`},
		{"prefix out of scope", `<r><c xmlns:p="urn:p"/><p:d/></r>`, `undeclared namespace prefix "p"`},
		{"undeclaring a prefix", `<r xmlns:p=""/>`, "cannot be undeclared"},
		{"declaring xmlns", `<r xmlns:xmlns="urn:x"/>`, "xmlns prefix"},
		{"rebinding xml", `<r xmlns:xml="urn:x"/>`, "xml prefix"},
		{"binding to the xml namespace", `<r xmlns:p="http://www.w3.org/XML/1998/namespace"/>`, "cannot be bound"},
		{"xmlns prefix on element", `<xmlns:r/>`, "xmlns prefix"},
		{"two colons", `<a:b:c xmlns:a="urn:a"/>`, "syntax error"},
		{"two colons in attribute", `<r xmlns:a="urn:a" a:b:c="1"/>`, "syntax error"},
		{"leading colon", `<r :a="1"/>`, "invalid name"},
		{"mismatched end tag", "<r>\n<a></b></r>", "does not match"},
		{"mismatched end prefix", `<p:r xmlns:p="urn:p" xmlns:q="urn:p"></q:r>`, "does not match"},
		{"unclosed", "<r><a>", "not closed"},
		{"unclosed start tag", "<r", "unexpected EOF"},
		{"two roots", "<r/><r/>", "after the root element"},
		{"text after root", "<r/>x", "text outside the root element"},
		{"text before root", "x<r/>", "text outside the root element"},
		{"duplicate attribute", `<r a="1" a="2"/>`, "duplicate attribute"},
		{"duplicate resolved attribute", `<r xmlns:p="urn:x" xmlns:q="urn:x" p:a="1" q:a="2"/>`, "duplicate attribute"},
		{"duplicate declaration", `<r xmlns:p="urn:x" xmlns:p="urn:y"/>`, "duplicate attribute"},
		{"attribute without value", `<r a/>`, "syntax error"},
		{"unescaped ampersand", `<r>a & b</r>`, "syntax error"},
		{"unescaped less-than in attribute", `<r a="<"/>`, "syntax error"},
		{"invalid UTF-8", "<r>\xff</r>", "UTF-8"},
		{"invalid character reference", `<r>&#0;</r>`, "syntax error"},
		{"other encoding", `<?xml version="1.0" encoding="ISO-8859-1"?><r/>`, "ISO-8859-1"},
		{"too deep", deep, "nested deeper"},
	} {
		t.Run(c.name, func(t *testing.T) {
			n, err := Parse([]byte(c.doc))
			if err == nil {
				t.Fatalf("no error; parsed %v", n.Name)
			}
			if n != nil {
				t.Errorf("non-nil node with error")
			}
			if !strings.Contains(err.Error(), c.msg) {
				t.Errorf("error %q does not mention %q", err, c.msg)
			}
		})
	}
}

func TestParseErrorPositions(t *testing.T) {
	_, err := Parse([]byte("<r>\n  <a>\n  <p:b/></a></r>"))
	if err == nil || !strings.Contains(err.Error(), "line 3:3") {
		t.Fatalf("error %v, want position 3:3", err)
	}
}

func TestParseAllowsDeepButBounded(t *testing.T) {
	doc := strings.Repeat("<a>", MaxDepth) + "x" + strings.Repeat("</a>", MaxDepth)
	n := mustParse(t, doc)
	if d := CompareNodes(n, n, Options{}); len(d) != 0 {
		t.Fatal(d)
	}
	if d := CompareNodes(mustParse(t, string(Marshal(n))), n, Options{}); len(d) != 0 {
		t.Fatal(d)
	}
}
