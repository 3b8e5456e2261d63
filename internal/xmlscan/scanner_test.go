package xmlscan

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

// scanAll tokenizes data and returns the token stream in the canonical
// form FuzzScanner compares: names resolved, attributes in document order
// (declarations as {xmlns}p and {}xmlns), character data merged between
// tags.
func scanAll(data []byte) ([]string, error) {
	var s Scanner
	s.Reset(data)
	s.MaxDepth = 1 << 20
	var toks []string
	var t Token
	for !s.Done() {
		if !s.Next(&t) {
			return toks, s.Err()
		}
		toks = append(toks, tokenString(&t))
	}
	return toks, nil
}

// tokenString formats t for scanAll.
func tokenString(t *Token) string {
	switch t.Kind {
	case StartTag:
		var b strings.Builder
		fmt.Fprintf(&b, "S {%s}%s", normAttr(t.Space), t.Local)
		for _, a := range t.Attrs {
			switch {
			case a.Decl && len(a.Prefix) > 0:
				fmt.Fprintf(&b, " {xmlns}%s=", a.Local)
			case a.Decl:
				b.WriteString(" {}xmlns=")
			default:
				fmt.Fprintf(&b, " {%s}%s=", normAttr(a.Space), a.Local)
			}
			b.WriteString(strconv.Quote(normAttr(string(a.Value))))
		}
		return b.String()
	case EndTag:
		return fmt.Sprintf("E {%s}%s", normAttr(t.Space), t.Local)
	case CharData:
		return "T " + strconv.Quote(string(t.Text))
	}
	return fmt.Sprintf("kind %d", t.Kind)
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

func TestTokens(t *testing.T) {
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

// TestTokenFields checks the raw names and offsets a token gives besides
// the canonical form, and the scope Lookup sees.
func TestTokenFields(t *testing.T) {
	data := []byte("<p:a xmlns:p=\"u1\">\n <b p:c=\"1\">x&amp;y</b></p:a>")
	var s Scanner
	s.Reset(data)
	var tok Token
	type want struct {
		kind          Kind
		off           int
		prefix, local string
		text          string
	}
	for i, w := range []want{
		{StartTag, 0, "p", "a", ""},
		{CharData, 18, "", "", "\n "},
		{StartTag, 20, "", "b", ""},
		{CharData, 31, "", "", "x&y"},
		{EndTag, 38, "", "b", ""},
		{EndTag, 42, "p", "a", ""},
	} {
		if !s.Next(&tok) {
			t.Fatalf("token %d: %v", i, s.Err())
		}
		if tok.Kind != w.kind || tok.Offset != w.off || string(tok.Prefix) != w.prefix || string(tok.Local) != w.local || string(tok.Text) != w.text {
			t.Errorf("token %d = %v %d %q:%q %q, want %+v", i, tok.Kind, tok.Offset, tok.Prefix, tok.Local, tok.Text, w)
		}
		if i == 2 {
			if len(tok.Attrs) != 1 || string(tok.Attrs[0].Prefix) != "p" || string(tok.Attrs[0].Local) != "c" || tok.Attrs[0].Space != "u1" || tok.Attrs[0].Decl {
				t.Errorf("attrs of b = %+v", tok.Attrs)
			}
			if uri, ok := s.Lookup([]byte("p")); !ok || uri != "u1" {
				t.Errorf("Lookup(p) = %q, %v", uri, ok)
			}
			if _, ok := s.Lookup([]byte("q")); ok {
				t.Errorf("Lookup(q) succeeds")
			}
		}
		if s.Done() != (i == 5) {
			t.Errorf("token %d: Done = %v", i, s.Done())
		}
	}
	if s.Next(&tok) || s.Err() == nil {
		t.Errorf("Next after the end: %v, %v", tok, s.Err())
	}
}

func TestErrors(t *testing.T) {
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
			var e *Error
			if !errors.As(err, &e) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want an *Error containing %q", err, tc.want)
			}
			if e.Line == 0 || e.Col == 0 {
				t.Errorf("no position in %v", err)
			}
			if line, col := new(Scanner).lineColIn([]byte(tc.in), e.Offset); line != e.Line || col != e.Col {
				t.Errorf("offset %d is %d:%d, error at %d:%d", e.Offset, line, col, e.Line, e.Col)
			}
		})
	}
}

// lineColIn is LineCol for a Scanner set to data.
func (s *Scanner) lineColIn(data []byte, off int) (int, int) {
	s.Reset(data)
	return s.LineCol(off)
}

// TestErrorCodes checks the codes and the start tag details of the errors
// callers word their own way.
func TestErrorCodes(t *testing.T) {
	for _, tc := range []struct {
		in         string
		code       Code
		off, tag   int
		elem, attr string
	}{
		{`<a><b></a></b>`, Malformed, 6, -1, "", ""},
		{`<!DOCTYPE a><a/>`, DTD, 0, -1, "", ""},
		{`<a><!ENTITY x "y"></a>`, DTD, 3, -1, "", ""},
		{`<a/><!DOCTYPE a>`, DTD, 4, -1, "", ""},
		{`<a><b><c/></b></a>`, TooDeep, 6, 6, "c", ""},
		{`<?xml version="1.0" encoding="latin1"?><a/>`, Encoding, 29, -1, "", ""},
		{"<r><a>\n", Unclosed, 7, -1, "a", ""},
		{`<r> <p:a x="1"/></r>`, UndeclaredPrefix, 5, 4, "p:a", ""},
		{`<r> <a x="1" p:b="2"/></r>`, UndeclaredPrefix, 4, 4, "a", "p:b"},
		{`<r> <q:a xmlns:q="u" b="1" b="2"/></r>`, DuplicateAttr, 4, 4, "q:a", "b"},
		{`<r xmlns:p="u" xmlns:q="u" p:b="1" q:b="2"/>`, DuplicateAttr, 0, 0, "r", "q:b"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			var s Scanner
			s.Reset([]byte(tc.in))
			s.MaxDepth = 2
			var tok Token
			for s.Next(&tok) && !s.Done() {
			}
			var e *Error
			if !errors.As(s.Err(), &e) {
				t.Fatalf("err = %v", s.Err())
			}
			got := fmt.Sprintf("%d %d %d %q %q", e.Code, e.Offset, e.Tag, e.Elem, e.Attr)
			want := fmt.Sprintf("%d %d %d %q %q", tc.code, tc.off, tc.tag, tc.elem, tc.attr)
			if got != want {
				t.Errorf("error %v: code offset tag elem attr = %s, want %s", e, got, want)
			}
		})
	}
}

func TestAcceptEncoding(t *testing.T) {
	data := []byte(`<?xml version="1.0" encoding="ISO-8859-1"?><a>x</a>`)
	var asked []string
	var s Scanner
	s.AcceptEncoding = func(label string) bool {
		asked = append(asked, label)
		return label == "ISO-8859-1"
	}
	s.Reset(data)
	var tok Token
	for s.Next(&tok) && !s.Done() {
	}
	if s.Err() != nil || !s.Done() || len(asked) != 1 || asked[0] != "ISO-8859-1" {
		t.Errorf("err = %v, asked %q", s.Err(), asked)
	}
	s.Reset([]byte(`<?xml version="1.0" encoding="utf-8"?><a/>`))
	for s.Next(&tok) && !s.Done() {
	}
	if s.Err() != nil || len(asked) != 1 {
		t.Errorf("UTF-8: err = %v, asked %q", s.Err(), asked)
	}
	s.Reset([]byte(`<?xml version="1.0" encoding="EBCDIC"?><a/>`))
	s.Next(&tok)
	var e *Error
	if !errors.As(s.Err(), &e) || e.Code != Encoding || len(asked) != 2 {
		t.Errorf("refused: err = %v, asked %q", s.Err(), asked)
	}
}

func TestDTD(t *testing.T) {
	for _, in := range []string{
		`<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>`,
		`<?xml version="1.0"?><!DOCTYPE a><a/>`,
		`<a><!DOCTYPE a></a>`,
		`<a><!ENTITY x "y"></a>`,
		`<a/><!DOCTYPE a>`,
	} {
		_, err := scanAll([]byte(in))
		if e := (*Error)(nil); !errors.As(err, &e) || e.Code != DTD {
			t.Errorf("%s: err = %v, want code DTD", in, err)
		}
	}
}

func TestMaxDepth(t *testing.T) {
	doc := func(n int) []byte {
		return []byte(strings.Repeat("<a>", n) + strings.Repeat("</a>", n))
	}
	for _, tc := range []struct {
		max, depth int
		ok         bool
	}{
		{3, 3, true}, {3, 4, false}, {0, DefaultMaxDepth, true}, {0, DefaultMaxDepth + 1, false},
	} {
		var s Scanner
		s.Reset(doc(tc.depth))
		s.MaxDepth = tc.max
		var tok Token
		for s.Next(&tok) && !s.Done() {
		}
		if s.Done() != tc.ok {
			t.Errorf("MaxDepth %d, depth %d: %v", tc.max, tc.depth, s.Err())
		}
	}
}

// TestAllocs checks that a Scanner, once its buffers have grown, tokenizes
// a documented envelope without allocating: the namespace names it meets
// are passed to Reset.
func TestAllocs(t *testing.T) {
	data, err := os.ReadFile("testdata/GetUser.response.xml")
	if err != nil {
		t.Fatal(err)
	}
	var s Scanner
	var tok Token
	n := testing.AllocsPerRun(20, func() {
		s.Reset(data, "http://www.w3.org/2003/05/soap-envelope", "http://www.w3.org/2003/05/soap-encoding",
			"http://www.w3.org/2001/XMLSchema-instance", "http://www.w3.org/2001/XMLSchema",
			"http://schemas.microsoft.com/2003/10/Serialization/Arrays", "http://schemas.microsoft.com/2003/10/Serialization/",
			"http://www.superoffice.net/ws/crm/NetServer/Services88")
		for s.Next(&tok) && !s.Done() {
		}
		if s.Err() != nil {
			t.Fatal(s.Err())
		}
	})
	if n != 0 {
		t.Errorf("%v allocations to tokenize %d bytes, want 0", n, len(data))
	}
}

func TestTextIsNotCopiedFromInput(t *testing.T) {
	data := []byte(`<a>plain</a>`)
	var s Scanner
	s.Reset(data)
	var tok Token
	s.Next(&tok)
	s.Next(&tok)
	if tok.Kind != CharData || &tok.Text[0] != &data[3] {
		t.Errorf("text without references is not a slice of the input")
	}
	if !bytes.Equal(tok.Text, []byte("plain")) {
		t.Errorf("text = %q", tok.Text)
	}
}

// TestIsNCName checks IsNCName on names and non-names, and against the
// scanner: <name/> is a well-formed document exactly when name is one.
func TestIsNCName(t *testing.T) {
	for _, tc := range []struct {
		s  string
		ok bool
	}{
		{"a", true}, {"_x", true}, {"A1.-_", true}, {"élan", true}, {"名前", true}, {"a\u00b7b", true}, {"x\u0300", true}, {"\ufffd", true},
		{"", false}, {"1st", false}, {"-x", false}, {".x", false}, {"x>y", false}, {"a:b", false}, {":a", false}, {"a b", false},
		{"a\tb", false}, {"\u00b7a", false}, {"\u0300x", false}, {"a&b", false}, {`a"b`, false}, {"a\xffb", false}, {"\xc3", false}, {"a/", false},
	} {
		if got := IsNCName(tc.s); got != tc.ok {
			t.Errorf("IsNCName(%q) = %v, want %v", tc.s, got, tc.ok)
		}
		if strings.Contains(tc.s, ":") || tc.s == "" {
			continue
		}
		_, err := scanAll([]byte("<" + tc.s + "/>"))
		if scanned := err == nil; scanned != tc.ok {
			t.Errorf("the scanner reads <%s/>: %v (%v), IsNCName says %v", tc.s, scanned, err, tc.ok)
		}
	}
}
