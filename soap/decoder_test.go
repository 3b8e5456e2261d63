package soap

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

// scanAll tokenizes data with the Decoder's scanner and returns the token
// stream in the canonical form FuzzDecoder compares: names resolved,
// attributes in document order (declarations as {xmlns}p and {}xmlns),
// character data merged between tags.
func scanAll(data []byte) ([]string, error) {
	d := NewBytesDecoder(data)
	d.MaxDepth = 1 << 20
	var toks []string
	for {
		t := d.next()
		if t == nil {
			return toks, d.err
		}
		switch t.kind {
		case tokStart:
			var b strings.Builder
			fmt.Fprintf(&b, "S {%s}%s", normAttr(t.space), t.local)
			for _, a := range t.attrs {
				switch {
				case a.decl && len(a.prefix) > 0:
					fmt.Fprintf(&b, " {xmlns}%s=", a.local)
				case a.decl:
					b.WriteString(" {}xmlns=")
				default:
					fmt.Fprintf(&b, " {%s}%s=", normAttr(a.space), a.local)
				}
				b.WriteString(strconv.Quote(normAttr(string(a.value))))
			}
			toks = append(toks, b.String())
		case tokEnd:
			toks = append(toks, fmt.Sprintf("E {%s}%s", normAttr(t.space), t.local))
			if d.s.state == stDone {
				return toks, nil
			}
		case tokText:
			toks = append(toks, "T "+strconv.Quote(string(t.text)))
		}
	}
}

// normAttr maps the white space characters of an attribute value (or a
// namespace name, which is one) to spaces, so that values compare whatever
// normalisation was applied.
func normAttr(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

func TestScannerTokens(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		{"entities", `<a>&lt;&gt;&amp;&apos;&quot;&#10;&#x1F600;&#65;</a>`,
			[]string{"S {}a", `T "<>&'\"\n😀A"`, "E {}a"}},
		{"CDATA", `<a>x<![CDATA[<b>&amp;]]]]><![CDATA[>]]>y</a>`,
			[]string{"S {}a", `T "x<b>&amp;]]>y"`, "E {}a"}},
		{"comments and PIs skipped", "\ufeff<?xml version=\"1.0\" encoding='utf-8' standalone=\"yes\" ?>\n<!--c--><?pi data?>\n<a><!--x-->t<?p?>u<!---->v</a><!--e--><?q?> \n",
			[]string{"S {}a", `T "tuv"`, "E {}a"}},
		{"comment only content", `<a><!--x--><?p x?></a>`, []string{"S {}a", "E {}a"}},
		{"line ends", "<a>x\r\ny\rz<![CDATA[\r\n]]></a>", []string{"S {}a", `T "x\ny\nz\n"`, "E {}a"}},
		{"attribute normalisation", "<a b=\"x&#9;y\tz&#10;w\r\nv\nu&#13;\" c='\"&quot;'/>",
			[]string{"S {}a {}b=\"x y z w v u \" {}c=\"\\\"\\\"\"", "E {}a"}},
		{"namespaces", `<p:a xmlns:p="u1" xmlns="u2"><b p:c="1" d="2"><p:e xmlns:p="u3" p:f=""/></b><c xmlns=""/></p:a>`,
			[]string{`S {u1}a {xmlns}p="u1" {}xmlns="u2"`, `S {u2}b {u1}c="1" {}d="2"`, `S {u3}e {xmlns}p="u3" {u3}f=""`, "E {u3}e", "E {u2}b", `S {}c {}xmlns=""`, "E {}c", "E {u1}a"}},
		{"xml prefix", `<a xml:lang="en"><xml:b/></a>`,
			[]string{`S {}a {http://www.w3.org/XML/1998/namespace}lang="en"`, "S {http://www.w3.org/XML/1998/namespace}b", "E {http://www.w3.org/XML/1998/namespace}b", "E {}a"}},
		{"same local name, other namespaces", `<a xmlns:p="u1" xmlns:q="u2" p:x="1" q:x="2" x="3"/>`,
			[]string{`S {}a {xmlns}p="u1" {xmlns}q="u2" {u1}x="1" {u2}x="2" {}x="3"`, "E {}a"}},
		{"names", "<_a.b-c\u00e9\u00b7 \u00e91='x'></_a.b-c\u00e9\u00b7 >",
			[]string{"S {}_a.b-c\u00e9\u00b7 {}\u00e91=\"x\"", "E {}_a.b-c\u00e9\u00b7"}},
		{"text with markup characters", `<a>a > b ]] c ] d</a>`, []string{"S {}a", `T "a > b ]] c ] d"`, "E {}a"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := scanAll([]byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestScannerErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{``, "1:1: no root element"},
		{"  \n ", "2:2: no root element"},
		{`<a></b>`, "1:4: element <a> closed by </b>"},
		{"<a>\n  <b>\n</a>", "3:1: element <b> closed by </a>"},
		{`<a><b></a></b>`, "element <b> closed by </a>"},
		{`<a>`, "unexpected EOF in element <a>"},
		{`<a>text`, "unexpected EOF in element <a>"},
		{`<a`, "unexpected EOF"},
		{`<1a/>`, "invalid element name"},
		{`<a:b:c xmlns:a="u"/>`, "more than one colon"},
		{`<:a/>`, "invalid element name"},
		{`<a:/>`, "invalid element name"},
		{`<a b="1" b="2"/>`, "duplicate attribute b"},
		{`<a xmlns:p="u" xmlns:q="u" p:b="1" q:b="2"/>`, "duplicate attribute q:b"},
		{`<a xmlns="u" xmlns="v"/>`, "duplicate attribute xmlns"},
		{`<a b="1"c="2"/>`, "missing white space between attributes"},
		{`<a b=1/>`, "unquoted attribute value"},
		{`<a b/>`, "attribute b without a value"},
		{`<a b="<"/>`, "unescaped < in an attribute value"},
		{`<a b="x`, "unexpected EOF in an attribute value"},
		{`<a/ >`, "expected /> in element"},
		{`<p:a/>`, "undeclared namespace prefix p"},
		{`<a p:b="1"/>`, "undeclared namespace prefix p on attribute p:b"},
		{`<xmlns:a/>`, "element name with the prefix xmlns"},
		{`<a xmlns:p=""/>`, "namespace prefix p bound to the empty name"},
		{`<a xmlns:xml="urn:x"/>`, "only the prefix xml binds"},
		{`<a xmlns:p="http://www.w3.org/XML/1998/namespace"/>`, "only the prefix xml binds"},
		{`<a xmlns:xmlns="urn:x"/>`, "the prefix xmlns cannot be declared"},
		{`<a xmlns="http://www.w3.org/2000/xmlns/"/>`, "the default namespace cannot be"},
		{`<a>&foo;</a>`, "1:4: undefined entity &foo;"},
		{`<a>&amp</a>`, "invalid entity reference"},
		{`<a>& b</a>`, "invalid entity reference"},
		{`<a>&#0;</a>`, "character reference &#0; is not a legal XML character"},
		{`<a>&#xD800;</a>`, "not a legal XML character"},
		{`<a>&#xFFFE;</a>`, "not a legal XML character"},
		{`<a>&#x110000;</a>`, "not a legal XML character"},
		{`<a>&#99999999999999999999;</a>`, "not a legal XML character"},
		{`<a>&#;</a>`, "invalid character reference"},
		{`<a>&#x;</a>`, "invalid character reference"},
		{`<a>&#X41;</a>`, "invalid character reference"},
		{`<a>&#65</a>`, "invalid character reference"},
		{"<a>\x01</a>", "illegal character code U+0001"},
		{"<a>\xff</a>", "invalid UTF-8"},
		{"<a>\xef\xbf\xbe</a>", "illegal character code U+FFFE"},
		{"<a b='\x00'/>", "illegal character code U+0000"},
		{"<a><!-- \xff --></a>", "invalid UTF-8"},
		{"<a><?p \x02?></a>", "illegal character code U+0002"},
		{"<a><![CDATA[\x0b]]></a>", "illegal character code U+000B"},
		{`<a>]]></a>`, `unescaped "]]>" not in a CDATA section`},
		{`<a><!-- a -- b --></a>`, `invalid sequence "--" in a comment`},
		{`<a><!-- a ---></a>`, `invalid sequence "--" in a comment`},
		{`<a><!-- a </a>`, "unexpected EOF in a comment"},
		{`<a><![CDATA[x</a>`, "unexpected EOF in a CDATA section"},
		{`<a><?p x</a>`, "unexpected EOF in a processing instruction"},
		{`<a><!-x--></a>`, "invalid sequence <!- not part of <!--"},
		{`<a><![CDAT[x]]></a>`, "invalid <![ sequence"},
		{`<a><?xml version="1.0"?></a>`, "XML declaration not at the start"},
		{` <?xml version="1.0"?><a/>`, "XML declaration not at the start"},
		{`<a><?XmL x?></a>`, "XML declaration not at the start"},
		{`<a><?p:q x?></a>`, "invalid processing instruction target: colon"},
		{`<a><?p&?></a>`, "invalid processing instruction target"},
		{`<?xml version="1.1"?><a/>`, `unsupported XML version "1.1"`},
		{`<?xml encoding="UTF-8"?><a/>`, "invalid XML declaration"},
		{`<?xml?><a/>`, "XML declaration without version"},
		{`<?xml version="1.0" encoding="ISO-8859-1"?><a/>`, `unsupported encoding "ISO-8859-1"`},
		{`<?xml version="1.0"encoding="UTF-8"?><a/>`, "invalid XML declaration"},
		{`<?xml version="1.0" standalone="yes" encoding="UTF-8"?><a/>`, "invalid XML declaration"},
		{`x<a/>`, "1:1: text before the root element"},
		{`<a/>x`, "1:5: text after the root element"},
		{`<a/>&#32;`, "reference outside the root element"},
		{`<a/><b/>`, "a second root element"},
		{`<a/></a>`, "unexpected end tag after the root element"},
		{`</a>`, "unexpected end tag before the root element"},
		{`<![CDATA[x]]><a/>`, "CDATA section outside the root element"},
		{`<a/><![CDATA[ ]]>`, "CDATA section outside the root element"},
		{"<a/>\xff", "invalid UTF-8"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			_, err := scanAll([]byte(tc.in))
			var de *DecodeError
			if !errors.As(err, &de) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want a DecodeError containing %q", err, tc.want)
			}
			if de.Line == 0 || de.Col == 0 {
				t.Errorf("no position in %v", err)
			}
		})
	}
}

func TestScannerDTD(t *testing.T) {
	for _, in := range []string{
		`<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>`,
		`<?xml version="1.0"?><!DOCTYPE a><a/>`,
		`<a><!DOCTYPE a></a>`,
		`<a><!ENTITY x "y"></a>`,
		`<a/><!DOCTYPE a>`,
	} {
		if _, err := scanAll([]byte(in)); !errors.Is(err, ErrDTD) {
			t.Errorf("%s: err = %v, want ErrDTD", in, err)
		}
	}
}

func TestDepthLimit(t *testing.T) {
	doc := func(n int) []byte {
		return []byte(strings.Repeat("<a>", n) + strings.Repeat("</a>", n))
	}
	d := NewBytesDecoder(doc(3))
	d.MaxDepth = 3
	if _, ok := d.Root(); !ok {
		t.Fatal(d.Err())
	}
	d.Skip()
	if d.Err() != nil {
		t.Fatalf("depth 3: %v", d.Err())
	}
	d = NewBytesDecoder(doc(4))
	d.MaxDepth = 3
	d.Root()
	d.Skip()
	if err := d.Err(); err == nil || !strings.Contains(err.Error(), "1:10: elements nested deeper than 3") {
		t.Errorf("depth 4: %v", err)
	}
	d = NewBytesDecoder(doc(DefaultMaxDepth + 1))
	d.Root()
	d.Skip()
	if err := d.Err(); err == nil || !strings.Contains(err.Error(), "nested deeper than 256") {
		t.Errorf("default limit: %v", err)
	}
}

func TestSizeLimit(t *testing.T) {
	doc := "<a>" + strings.Repeat("x", 100) + "</a>"
	d := NewDecoder(strings.NewReader(doc))
	d.MaxSize = 50
	if _, ok := d.Root(); ok || d.Err() == nil || !strings.Contains(d.Err().Error(), "larger than 50 bytes") {
		t.Errorf("reader: %v", d.Err())
	}
	d = NewBytesDecoder([]byte(doc))
	d.MaxSize = 50
	if _, ok := d.Root(); ok || d.Err() == nil {
		t.Errorf("bytes: %v", d.Err())
	}
	d = NewDecoder(strings.NewReader(doc))
	if _, ok := d.Root(); !ok || d.Text() != strings.Repeat("x", 100) {
		t.Errorf("reader without limit: %v", d.Err())
	}
}

// TestDecoderAttributes checks xsi:nil, xsi:type and unknown attributes.
func TestDecoderAttributes(t *testing.T) {
	const pre = `<r xmlns="urn:t" xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns:x="http://www.w3.org/2001/XMLSchema">`
	for _, tc := range []struct {
		body    string
		nil     bool
		wantErr string
	}{
		{`<v i:nil="true"/>`, true, ""},
		{`<v i:nil=" 1 "/>`, true, ""},
		{`<v i:nil="false">7</v>`, false, ""},
		{`<v i:nil="yes"/>`, false, `bad xsi:nil "yes"`},
		{`<v i:type="x:int">7</v>`, false, ""},
		{`<v i:type=" x:int ">7</v>`, false, ""},
		{`<v xmlns:y="http://www.w3.org/2001/XMLSchema" i:type="y:int">7</v>`, false, ""},
		{`<v i:type="x:string">7</v>`, false, "xsi:type {http://www.w3.org/2001/XMLSchema}string is not its declared type"},
		{`<v i:type="z:int">7</v>`, false, `xsi:type "z:int": undeclared prefix`},
		{`<v a="1">7</v>`, false, "unexpected attribute a"},
		{"<v>7</v>\n<w/>", false, "2:1: unexpected element {urn:t}w"},
		{`<v>7<w/></v>`, false, "unexpected element {urn:t}w in simple content"},
	} {
		d := NewBytesDecoder([]byte(pre + tc.body + `</r>`))
		d.Root()
		if !d.At("urn:t", "v", NSXSD, "int") {
			if tc.wantErr == "" || d.Err() == nil || !strings.Contains(d.Err().Error(), tc.wantErr) {
				t.Errorf("%s: At = false, %v", tc.body, d.Err())
			}
			continue
		}
		if d.IsNil() != tc.nil {
			t.Errorf("%s: IsNil = %v", tc.body, d.IsNil())
		}
		if !tc.nil {
			if v := ReadInt32(d); v != 7 && d.Err() == nil {
				t.Errorf("%s: value %d", tc.body, v)
			}
		} else {
			d.End()
		}
		d.End()
		err := d.Err()
		if tc.wantErr == "" && err != nil || tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
			t.Errorf("%s: err = %v, want %q", tc.body, err, tc.wantErr)
		}
	}
}

// TestDecoderQNameScope checks that a QName in an element's text resolves
// through the element's own declarations (still in scope after its end).
func TestDecoderQNameScope(t *testing.T) {
	d := NewBytesDecoder([]byte(`<r xmlns:p="urn:outer"><c xmlns:p="urn:inner"> p:x </c><c>p:y</c></r>`))
	d.Root()
	if !d.At("", "c", "", "") {
		t.Fatal(d.Err())
	}
	if q := ReadQName(d); q != (QName{"urn:inner", "x"}) {
		t.Errorf("first = %v", q)
	}
	d.At("", "c", "", "")
	if q := ReadQName(d); q != (QName{"urn:outer", "y"}) {
		t.Errorf("second = %v", q)
	}
	d.End()
	if d.Err() != nil {
		t.Fatal(d.Err())
	}
}

// TestDecoderAny checks ReadAny and Skip over mixed content.
func TestDecoderAny(t *testing.T) {
	d := NewBytesDecoder([]byte(`<r xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns:t="urn:t"><a i:type="t:T" k="v">x&amp;<b>y</b><!--c-->z</a><s><u><v/></u>w</s><e/></r>`))
	d.Root()
	if !d.At("", "a", NSXSD, "anyType") {
		t.Fatal(d.Err())
	}
	v := ReadAny(d)
	if v.Type != (QName{"urn:t", "T"}) || len(v.Attrs) != 1 || v.Attrs[0].Value != "v" || v.Text != "x&z" || len(v.Children) != 1 || v.Children[0].Text != "y" {
		t.Errorf("Any = %+v", v)
	}
	if !d.At("", "s", "", "") {
		t.Fatal(d.Err())
	}
	d.Skip()
	if !d.At("", "e", "", "") {
		t.Fatal("after Skip", d.Err())
	}
	d.End()
	d.End()
	if d.Err() != nil {
		t.Fatal(d.Err())
	}
}

// TestScannerAllocs checks that tokenizing a documented envelope allocates
// nothing per token: only the Decoder and the namespace names it meets.
func TestScannerAllocs(t *testing.T) {
	data, err := os.ReadFile("testdata/GetUser.response.xml")
	if err != nil {
		t.Fatal(err)
	}
	n := testing.AllocsPerRun(20, func() {
		d := NewBytesDecoder(data)
		for d.next() != nil && d.s.state != stDone {
		}
		if d.err != nil {
			t.Fatal(d.err)
		}
	})
	if n > 8 {
		t.Errorf("%v allocations to tokenize %d bytes, want ≤ 8", n, len(data))
	}
}

func TestTextIsNotCopiedFromInput(t *testing.T) {
	data := []byte(`<a>plain</a>`)
	d := NewBytesDecoder(data)
	d.next()
	tok := d.next()
	if tok.kind != tokText || &tok.text[0] != &data[3] {
		t.Errorf("text without references is not a slice of the input")
	}
	if !bytes.Equal(tok.text, []byte("plain")) {
		t.Errorf("text = %q", tok.text)
	}
}
