package xmlcmp

import (
	"fmt"
	"strings"
	"testing"
)

// Rule 1: prefixes and declaration places are irrelevant, namespaces are not.
func TestRule1Namespaces(t *testing.T) {
	runCompareCases(t, []compareCase{
		{name: "prefix vs default namespace", equal: true,
			want: `<a:r xmlns:a="urn:x"><a:c>1</a:c></a:r>`,
			got:  `<r xmlns="urn:x"><c>1</c></r>`},
		{name: "different prefixes", equal: true,
			want: `<a:r xmlns:a="urn:x"><a:c>1</a:c></a:r>`,
			got:  `<b:r xmlns:b="urn:x"><b:c>1</b:c></b:r>`},
		{name: "declared at different places", equal: true,
			want: `<r xmlns="urn:x"><b:c xmlns:b="urn:y"/><b:d xmlns:b="urn:y"/></r>`,
			got:  `<r xmlns="urn:x" xmlns:q="urn:y"><q:c/><q:d/></r>`},
		{name: "prefixed attribute, other prefix", equal: true,
			want: `<r xmlns:a="urn:x" a:att="1"/>`,
			got:  `<r xmlns:b="urn:x" b:att="1"/>`},
		{name: "same prefix bound to different namespaces",
			want: `<a:r xmlns:a="urn:x"/>`,
			got:  `<a:r xmlns:a="urn:y"/>`,
			diff: []string{"/r: element name differs", "{urn:x}r", "{urn:y}r", "(want 1:1)"}},
		{name: "prefix rebound on a child",
			want: `<r xmlns:a="urn:x"><a:c/></r>`,
			got:  `<r xmlns:a="urn:x"><a:c xmlns:a="urn:y"/></r>`,
			diff: []string{"/r/c: element name differs"}},
		{name: "no namespace vs default namespace",
			want: `<r><c/></r>`,
			got:  `<r xmlns="urn:x"><c/></r>`,
			diff: []string{"/r: element name differs"}},
		{name: "default namespace does not apply to attributes",
			want: `<r xmlns="urn:x" att="1"/>`,
			got:  `<p:r xmlns:p="urn:x" p:att="1"/>`,
			diff: []string{"/r: attribute att missing"}},
	})
}

// Rule 2: attribute order and xmlns declarations are irrelevant.
func TestRule2Attributes(t *testing.T) {
	runCompareCases(t, []compareCase{
		{name: "order", equal: true,
			want: `<r a="1" b="2"/>`, got: `<r b="2" a="1"/>`},
		{name: "xmlns is not an attribute", equal: true,
			want: `<r xmlns:u="urn:u" xmlns="" a="1"/>`, got: `<r a="1"/>`},
		{name: "value differs",
			want: `<r a="1"/>`, got: `<r a="2"/>`,
			diff: []string{`/r: attribute a differs: want "1", got "2" (want 1:1)`}},
		{name: "missing",
			want: `<r a="1" b="2"/>`, got: `<r a="1"/>`,
			diff: []string{`/r: attribute b missing: want "2"`}},
		{name: "extra",
			want: `<r a="1"/>`, got: `<r a="1" b="2"/>`,
			diff: []string{`/r: extra attribute b: got "2"`}},
		{name: "values are exact (no trimming)",
			want: `<r a="1"/>`, got: `<r a=" 1"/>`,
			diff: []string{`attribute a differs`}},
		{name: "other xsi attributes are exact",
			want: `<r ` + nsXSI + ` xsi:schemaLocation="urn:a a.xsd"/>`, got: `<r ` + nsXSI + ` xsi:schemaLocation="urn:a b.xsd"/>`,
			diff: []string{`attribute xsi:schemaLocation differs`}},
	})
}

// Rule 3: whitespace between elements is insignificant, leaf text is exact.
func TestRule3Whitespace(t *testing.T) {
	runCompareCases(t, []compareCase{
		{name: "indentation", equal: true,
			want: "<r>\n  <c>1</c>\r\n\t<d/>\n</r>", got: `<r><c>1</c><d/></r>`},
		{name: "empty element forms", equal: true,
			want: `<r><c></c></r>`, got: `<r><c/></r>`},
		{name: "CDATA and comments", equal: true,
			want: `<r><!-- note --><c><![CDATA[a<b]]></c><?pi x?></r>`, got: `<r><c>a&lt;b</c></r>`},
		{name: "leaf text is not trimmed",
			want: `<r><c> a</c></r>`, got: `<r><c>a</c></r>`,
			diff: []string{`/r/c: text differs: want " a", got "a" (want 1:4)`}},
		{name: "whitespace-only leaf text is significant",
			want: `<r><c> </c></r>`, got: `<r><c/></r>`,
			diff: []string{`/r/c: text differs`}},
		{name: "mixed content text is significant",
			want: `<r>x<c/></r>`, got: `<r><c/></r>`,
			diff: []string{`/r: text differs: want "x", got ""`}},
		{name: "mixed content text position is significant",
			want: `<r>x<c/></r>`, got: `<r><c/>x</r>`,
			diff: []string{`/r: text differs in position`}},
		{name: "whitespace around mixed text is part of it",
			want: `<r> x <c/></r>`, got: `<r>x<c/></r>`,
			diff: []string{`/r: text differs`}},
	})
}

// Rule 4: xsi:type compared as a QName on both sides, ignored on one side.
func TestRule4XSIType(t *testing.T) {
	runCompareCases(t, []compareCase{
		{name: "same type, different prefixes", equal: true,
			want: `<r ` + nsXSI + ` xmlns:User="urn:u" xsi:type="User:User"/>`,
			got:  `<r xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns:u="urn:u" i:type="u:User"/>`},
		{name: "only want has it", equal: true,
			want: `<r ` + nsXSI + ` xmlns:u="urn:u" xsi:type="u:User"/>`, got: `<r/>`},
		{name: "only got has it", equal: true,
			want: `<r/>`, got: `<r ` + nsXSI + ` xmlns:u="urn:u" xsi:type="u:User"/>`},
		{name: "different local names",
			want: `<r ` + nsXSI + ` xmlns:u="urn:u" xsi:type="u:User"/>`,
			got:  `<r ` + nsXSI + ` xmlns:u="urn:u" xsi:type="u:Person"/>`,
			diff: []string{`/r: xsi:type differs: want {urn:u}User ("u:User"), got {urn:u}Person ("u:Person")`}},
		{name: "same text, prefix bound to different namespaces",
			want: `<r ` + nsXSI + ` xmlns:u="urn:u" xsi:type="u:User"/>`,
			got:  `<r ` + nsXSI + ` xmlns:u="urn:v" xsi:type="u:User"/>`,
			diff: []string{`/r: xsi:type differs`}},
		{name: "unresolvable vs resolvable",
			want: `<r ` + nsXSI + ` xsi:type="nope:User"/>`,
			got:  `<r ` + nsXSI + ` xmlns:nope="urn:u" xsi:type="nope:User"/>`,
			diff: []string{`/r: xsi:type differs`, `unresolvable`}},
	})
}

// Rule 4: an unprefixed xsi:type value takes the default namespace.
func TestRule4DefaultNamespaceQName(t *testing.T) {
	runCompareCases(t, []compareCase{
		{name: "unprefixed QName without default namespace",
			want: `<r ` + nsXSI + `><x:c xmlns:x="urn:c" xmlns:q="urn:u" xsi:type="q:User"/></r>`,
			got:  `<r ` + nsXSI + `><x:c xmlns:x="urn:c" xsi:type="User"/></r>`,
			diff: []string{`/r/c: xsi:type differs`, `{urn:u}User`}},
		{name: "unprefixed QName with default namespace", equal: true,
			want: `<r ` + nsXSI + `><x:c xmlns:x="urn:c" xmlns:q="urn:u" xsi:type="q:User"/></r>`,
			got:  `<r ` + nsXSI + `><x:c xmlns:x="urn:c" xmlns="urn:u" xsi:type="User"/></r>`},
	})
}

func typed(typ, text string) string {
	return `<r ` + nsBoth + `><v xsi:type="` + typ + `">` + text + `</v></r>`
}

func untyped(text string) string { return `<r><v>` + text + `</v></r>` }

// Rule 5: values compared in their XSD value space when typed.
func TestRule5Values(t *testing.T) {
	eq := func(typ, a, b string) compareCase {
		return compareCase{name: typ + " " + a + " = " + b, equal: true, want: typed(typ, a), got: untyped(b)}
	}
	ne := func(typ, a, b string) compareCase {
		return compareCase{name: typ + " " + a + " != " + b, want: typed(typ, a), got: untyped(b),
			diff: []string{"/r/v: text differs"}}
	}
	runCompareCases(t, []compareCase{
		eq("xsd:double", "0.0", "0"),
		eq("xsd:double", "1E2", "100"),
		eq("xsd:double", "+5", "5"),
		eq("xsd:double", " 5\n", "5"),
		eq("xsd:double", "-0", "0"),
		eq("xsd:double", "INF", "+INF"),
		eq("xsd:double", "NaN", "NaN"),
		ne("xsd:double", "0.1", "0.10000000149"),
		ne("xsd:double", "1", "2"),
		ne("xsd:double", "inf", "INF"), // not a valid literal: exact
		eq("xsd:float", "0.1", "0.10000000149"),
		eq("xsd:int", "+5", "5"),
		eq("xsd:int", "007", "7"),
		eq("xsd:int", " 0 ", "0"),
		eq("xsd:int", "-0", "0"),
		eq("xsd:long", "9223372036854775807", "+9223372036854775807"),
		eq("xsd:short", "0", "00"),
		eq("xsd:unsignedLong", "18446744073709551615", "018446744073709551615"),
		eq("xsd:integer", "123456789012345678901234567890", "+123456789012345678901234567890"),
		ne("xsd:int", "0.0", "0"),     // not an int literal: exact
		ne("xsd:int", "1E2", "100"),   // not an int literal: exact
		ne("xsd:byte", "0200", "200"), // out of range: exact
		ne("xsd:int", "1", "2"),
		eq("xsd:decimal", "1.50", "1.5"),
		eq("xsd:decimal", "0.0", "0"),
		eq("xsd:decimal", ".5", "0.5"),
		eq("xsd:decimal", "-0.0", "0"),
		ne("xsd:decimal", "1.5", "1.05"),
		ne("xsd:decimal", "1E2", "100"), // not a decimal literal: exact
		eq("xsd:boolean", "1", "true"),
		eq("xsd:boolean", "0", "false"),
		eq("xsd:boolean", " true ", "true"),
		ne("xsd:boolean", "1", "false"),
		ne("xsd:boolean", "True", "true"),
		eq("xsd:dateTime", "2025-11-26T12:08:54Z", "2025-11-26T13:08:54+01:00"),
		eq("xsd:dateTime", "2025-11-26T12:08:54Z", "2025-11-26T12:08:54.000Z"),
		eq("xsd:dateTime", "2025-11-26T12:08:54Z", "2025-11-26T12:08:54+00:00"),
		eq("xsd:dateTime", "2025-11-26T12:08:54", "2025-11-26T12:08:54.0"),
		eq("xsd:dateTime", "2025-11-26T24:00:00Z", "2025-11-27T00:00:00Z"),
		eq("xsd:dateTime", "2025-11-26T00:30:00-01:00", "2025-11-26T01:30:00Z"),
		ne("xsd:dateTime", "2025-11-26T12:08:54Z", "2025-11-26T12:08:54"),
		ne("xsd:dateTime", "2025-11-26T12:08:54Z", "2025-11-26T12:08:54+01:00"),
		ne("xsd:dateTime", "2025-11-26T12:08:54.5Z", "2025-11-26T12:08:54.05Z"),
		ne("xsd:dateTime", "2025-02-30T12:08:54Z", "2025-03-02T12:08:54Z"), // invalid: exact
		eq("xsd:base64Binary", "aGVs\n bG8=", "aGVsbG8="),
		ne("xsd:base64Binary", "aGVsbG8=", "aGVsbG9="),
		ne("xsd:base64Binary", "aGVsbG8", "aGVsbG8="), // invalid: exact
		eq("xsd:string", "a", "a"),
		ne("xsd:string", "0.0", "0"),
		ne("xsd:string", " a", "a"),
		ne("xsd:token", " a", "a"), // other XSD types: exact
		ne("xsd:date", "2025-11-26Z", "2025-11-26+00:00"),
		{name: "no type: exact", want: untyped("0.0"), got: untyped("0"), diff: []string{`/r/v: text differs: want "0.0", got "0"`}},
		{name: "no type: booleans exact", want: untyped("1"), got: untyped("true"), diff: []string{`/r/v: text differs`}},
		{name: "type hint from got side", equal: true, want: untyped("0"), got: typed("xsd:double", "0.0")},
		{name: "type hint with another xsd prefix", equal: true,
			want: `<r xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns:s="http://www.w3.org/2001/XMLSchema"><v i:type="s:double">0.0</v></r>`,
			got:  untyped("0")},
		{name: "non-XSD type named double: exact",
			want: `<r ` + nsXSI + ` xmlns:u="urn:u"><v xsi:type="u:double">0.0</v></r>`, got: untyped("0"),
			diff: []string{`/r/v: text differs: want "0.0", got "0"`}},
		{name: "conflicting types: exact",
			want: typed("xsd:double", "0.0"), got: typed("xsd:float", "0"),
			diff: []string{`/r/v: text differs: want "0.0", got "0"`}},
		{name: "report names the type",
			want: typed("xsd:int", "0"), got: untyped("1"),
			diff: []string{`/r/v: text differs as xsd:int: want "0", got "1" (want 1:103)`}},
		{name: "QName values resolved", equal: true,
			want: `<r ` + nsBoth + ` xmlns:a="urn:q"><v xsi:type="xsd:QName">a:foo</v></r>`,
			got:  `<r><v xmlns:b="urn:q">b:foo</v></r>`},
		{name: "QName values in different namespaces",
			want: `<r ` + nsBoth + ` xmlns:a="urn:q"><v xsi:type="xsd:QName">a:foo</v></r>`,
			got:  `<r xmlns:a="urn:other"><v>a:foo</v></r>`,
			diff: []string{`/r/v: text differs as xsd:QName`}},
	})
}

// Rule 6: xsi:nil as a boolean, and nil elements must be empty.
func TestRule6Nil(t *testing.T) {
	nil1 := func(v, content string) string {
		return `<r ` + nsXSI + `><v xsi:nil="` + v + `">` + content + `</v></r>`
	}
	runCompareCases(t, []compareCase{
		{name: "true = 1", equal: true, want: nil1("true", ""), got: nil1("1", "")},
		{name: "false = 0", equal: true, want: nil1("false", "x"), got: nil1("0", "x")},
		{name: "true != false", want: nil1("true", ""), got: nil1("false", ""),
			diff: []string{`/r/v: attribute xsi:nil differs: want "true", got "false"`}},
		{name: "nil vs absent", want: nil1("true", ""), got: `<r><v/></r>`,
			diff: []string{`/r/v: attribute xsi:nil missing`}},
		{name: "nil with text", want: nil1("true", ""), got: nil1("true", "x"),
			diff: []string{`/r/v: got has xsi:nil true but the element has content`}},
		{name: "nil with whitespace", want: nil1("1", " "), got: nil1("1", " "),
			diff: []string{`/r/v: want has xsi:nil true but the element has content (want 1:58)`}},
		{name: "nil with child", want: nil1("true", "<c/>"), got: nil1("true", "<c/>"),
			diff: []string{`/r/v: want has xsi:nil true but the element has content`}},
	})
}

// Rule 7: SOAP 1.1 and 1.2 envelopes differ.
func TestRule7SOAPVersions(t *testing.T) {
	env := func(ns string) string {
		return `<s:Envelope xmlns:s="` + ns + `"><s:Body><m xmlns="urn:m"/></s:Body></s:Envelope>`
	}
	runCompareCases(t, []compareCase{
		{name: "same version", equal: true, want: env(SOAP12Namespace), got: env(SOAP12Namespace)},
		{name: "1.2 vs 1.1", want: env(SOAP12Namespace), got: env(SOAP11Namespace),
			diff: []string{`/Envelope: element name differs: want {` + SOAP12Namespace + `}Envelope, got {` + SOAP11Namespace + `}Envelope`}},
		{name: "1.2 vs 1.1 with DocQuirks", want: env(SOAP12Namespace), got: env(SOAP11Namespace),
			opts: Options{DocQuirks: true}, diff: []string{`/Envelope: element name differs`}},
	})
}

// Rule 8: order, missing and extra elements are significant.
func TestRule8Structure(t *testing.T) {
	runCompareCases(t, []compareCase{
		{name: "same", equal: true, want: `<r><a/><b/></r>`, got: `<r><a/><b/></r>`},
		{name: "order swapped", want: `<r><a/><b/></r>`, got: `<r><b/><a/></r>`,
			diff: []string{"element order differs"}},
		{name: "extra element", want: `<r><a/><b/></r>`, got: "<r><a/>\n<x>1</x><b/></r>",
			diff: []string{`/r/x: extra element x (got 2:1; want parent 1:1)`}},
		{name: "missing element", want: "<r>\n <a/>\n <b/>\n</r>", got: `<r><b/></r>`,
			diff: []string{`/r/a: missing element a (want 2:2)`}},
		{name: "renamed element", want: `<r><a/><b/><c/></r>`, got: `<r><a/><x/><c/></r>`,
			diff: []string{`/r/b: element name differs: want b, got x (want 1:8)`}},
		{name: "indexed siblings", want: `<r><i>1</i><i>2</i><j/></r>`, got: `<r><i>1</i><i>3</i><j/></r>`,
			diff: []string{`/r/i[2]: text differs: want "2", got "3"`}},
		{name: "leaf vs element with children", want: `<r><a>1</a></r>`, got: `<r><a><b/></a></r>`,
			diff: []string{`/r/a/b: extra element b`}},
	})
}

func TestRule8AllDifferencesCollected(t *testing.T) {
	d := mustCompare(t, `<r><a>1</a><b x="1"/><c/></r>`, `<r><a>2</a><b x="2"/><d/></r>`, Options{})
	for _, want := range []string{"/r/a: text differs", "/r/b: attribute x differs", "/r/c: element name differs"} {
		if !anyContains(d, want) {
			t.Errorf("missing %q in:\n%s", want, strings.Join(d, "\n"))
		}
	}
	if len(d) != 3 {
		t.Errorf("got %d lines, want 3:\n%s", len(d), strings.Join(d, "\n"))
	}
}

func TestDiffCapAndTruncation(t *testing.T) {
	var w, g strings.Builder
	w.WriteString("<r>")
	g.WriteString("<r>")
	for i := 0; i < MaxDiffs+10; i++ {
		fmt.Fprintf(&w, "<v>%d</v>", i)
		fmt.Fprintf(&g, "<v>x%d</v>", i)
	}
	w.WriteString("</r>")
	g.WriteString("</r>")
	d := mustCompare(t, w.String(), g.String(), Options{})
	if len(d) != MaxDiffs+1 || d[MaxDiffs] != "... 10 more differences" {
		t.Fatalf("got %d lines, last %q", len(d), d[len(d)-1])
	}
	if !strings.HasPrefix(d[0], "/r/v[1]: text differs") || !strings.HasPrefix(d[MaxDiffs-1], "/r/v[50]:") {
		t.Fatalf("unexpected lines %q ... %q", d[0], d[MaxDiffs-1])
	}

	long := strings.Repeat("é", 200)
	d = mustCompare(t, untyped(long), untyped(long+"x"), Options{})
	if len(d) != 1 || !strings.Contains(d[0], `"...`) || len(d[0]) > 500 {
		t.Fatalf("not truncated: %q", d)
	}
}

// Rule 9: DocQuirks moves header entries into the Header.
func TestRule9DocQuirks(t *testing.T) {
	const ns = `xmlns:SOAP-ENV="http://www.w3.org/2003/05/soap-envelope" xmlns:User="urn:u"`
	documented := `<SOAP-ENV:Envelope ` + ns + `>
  <User:ApplicationToken>tok</User:ApplicationToken>
  <User:Credentials><User:Ticket>t</User:Ticket></User:Credentials>
  <SOAP-ENV:Body><User:Op/></SOAP-ENV:Body>
</SOAP-ENV:Envelope>`
	encoded := `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns="urn:u"><s:Header><ApplicationToken>tok</ApplicationToken><Credentials><Ticket>t</Ticket></Credentials></s:Header><s:Body><Op/></s:Body></s:Envelope>`
	withHeader := `<SOAP-ENV:Envelope ` + ns + `>
  <SOAP-ENV:Header><User:Existing/></SOAP-ENV:Header>
  <User:ApplicationToken>tok</User:ApplicationToken>
  <SOAP-ENV:Body><User:Op/></SOAP-ENV:Body>
  <User:Trailer/>
</SOAP-ENV:Envelope>`
	withHeaderEncoded := `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns="urn:u"><s:Header><Existing/><ApplicationToken>tok</ApplicationToken><Trailer/></s:Header><s:Body><Op/></s:Body></s:Envelope>`
	soap11 := `<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/" xmlns:u="urn:u"><u:H/><e:Body/></e:Envelope>`
	soap11Encoded := `<e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/" xmlns:u="urn:u"><e:Header><u:H/></e:Header><e:Body/></e:Envelope>`
	quirks := Options{DocQuirks: true}
	runCompareCases(t, []compareCase{
		{name: "headers moved into a new Header", opts: quirks, equal: true, want: documented, got: encoded},
		{name: "without DocQuirks they differ", want: documented, got: encoded,
			diff: []string{"/Envelope/ApplicationToken: element name differs", "{urn:u}ApplicationToken", "Header"}},
		{name: "appended after existing entries", opts: quirks, equal: true, want: withHeader, got: withHeaderEncoded},
		{name: "order inside the Header still matters", opts: quirks, want: withHeader,
			got:  `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns="urn:u"><s:Header><ApplicationToken>tok</ApplicationToken><Existing/><Trailer/></s:Header><s:Body><Op/></s:Body></s:Envelope>`,
			diff: []string{"element order differs"}},
		{name: "SOAP 1.1", opts: quirks, equal: true, want: soap11, got: soap11Encoded},
		{name: "only SOAP envelopes", opts: quirks,
			want: `<Envelope xmlns="urn:not-soap"><H/><Body/></Envelope>`,
			got:  `<Envelope xmlns="urn:not-soap"><Header><H/></Header><Body/></Envelope>`,
			diff: []string{"/Envelope/H: element name differs"}},
	})
}

func TestNormalize(t *testing.T) {
	doc := `<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope" xmlns="urn:u">
 <A>1</A>
 <B/>
 <e:Body><Op/></e:Body>
</e:Envelope>`
	n := mustParse(t, doc)
	before := string(Marshal(n))
	out := Normalize(n, Options{DocQuirks: true})
	if after := string(Marshal(n)); after != before {
		t.Fatalf("Normalize changed its input:\n%s\n%s", before, after)
	}
	if len(out.Children) != 2 || out.Children[0].Name.Local != "Header" || out.Children[1].Name.Local != "Body" {
		t.Fatalf("unexpected children %v", out.Children)
	}
	h := out.Children[0]
	if h.Name.Space != SOAP12Namespace || len(h.Children) != 2 || h.Children[0].Name.Local != "A" || h.Children[1].Name.Local != "B" {
		t.Fatalf("unexpected header %+v", h)
	}
	if h.Line != 2 || h.Col != 2 {
		t.Errorf("created Header at %d:%d, want the first moved entry's 2:2", h.Line, h.Col)
	}
	if c := Normalize(n, Options{}); len(c.Children) != 3 || c == n || c.Children[0] == n.Children[0] {
		t.Fatalf("Normalize without options must return a copy")
	}
	// The normalised tree can be marshalled and decoded again.
	back := mustParse(t, string(Marshal(out)))
	want := `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Header><u:A xmlns:u="urn:u">1</u:A><B xmlns="urn:u"/></s:Header><s:Body><Op xmlns="urn:u"/></s:Body></s:Envelope>`
	if d := CompareNodes(mustParse(t, want), back, Options{}); len(d) != 0 {
		t.Fatalf("differences:\n%s", strings.Join(d, "\n"))
	}
	if Normalize(nil, Options{DocQuirks: true}) != nil {
		t.Fatal("Normalize(nil) != nil")
	}
}

func TestCompareErrorsAndNil(t *testing.T) {
	if _, err := Compare([]byte(`<r>`), []byte(`<r/>`), Options{}); err == nil || !strings.HasPrefix(err.Error(), "want: ") {
		t.Errorf("want-side error: %v", err)
	}
	if _, err := Compare([]byte(`<r/>`), []byte(`<r`), Options{}); err == nil || !strings.HasPrefix(err.Error(), "got: ") {
		t.Errorf("got-side error: %v", err)
	}
	if d := CompareNodes(nil, nil, Options{}); len(d) != 0 {
		t.Errorf("nil vs nil: %q", d)
	}
	r := mustParse(t, `<r/>`)
	if d := CompareNodes(r, nil, Options{}); len(d) != 1 {
		t.Errorf("node vs nil: %q", d)
	}
	if d := CompareNodes(nil, r, Options{}); len(d) != 1 {
		t.Errorf("nil vs node: %q", d)
	}
	// Hand-built trees with nil children do not panic.
	h := &Node{Name: r.Name, Children: []*Node{nil, {Name: r.Name}}}
	if d := CompareNodes(h, h, Options{DocQuirks: true}); len(d) != 0 {
		t.Errorf("hand-built: %q", d)
	}
}
