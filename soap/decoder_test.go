package soap

import (
	"errors"
	"os"
	"strings"
	"testing"
)

// TestDecodeErrors checks that the scanner's errors reach the caller as
// *DecodeError with their line and column, and a DTD as ErrDTD.
func TestDecodeErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{``, "soap: decode: line 1:1: no root element"},
		{"<a>\n  <b>\n</a>", "soap: decode: line 3:1: element <b> closed by </a>"},
		{`<a>&foo;</a>`, "soap: decode: line 1:4: undefined entity &foo;"},
		{`<p:a/>`, "soap: decode: line 1:2: undeclared namespace prefix p"},
		{`<a b="1" b="2"/>`, "soap: decode: line 1:1: duplicate attribute b"},
		{"<a>\n", "soap: decode: line 2:1: unexpected EOF in element <a>"},
		{`<?xml version="1.0" encoding="ISO-8859-1"?><a/>`, `soap: decode: line 1:30: unsupported encoding "ISO-8859-1": only UTF-8 is supported`},
	} {
		_, err := scanAll([]byte(tc.in))
		var de *DecodeError
		if !errors.As(err, &de) || err.Error() != tc.want {
			t.Errorf("%q: err = %v, want a DecodeError %q", tc.in, err, tc.want)
		}
	}
	for _, in := range []string{
		`<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>`,
		`<a><!ENTITY x "y"></a>`,
		`<a/><!DOCTYPE a>`,
	} {
		if _, err := scanAll([]byte(in)); err != ErrDTD {
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
			if v := readInt32(d); v != 7 && d.Err() == nil {
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

// TestDecoderAnySimpleTypeXSIType checks that an element declared of
// xs:anySimpleType accepts an xsi:type naming any type (JAXB writes one),
// and still refuses attributes its type does not declare.
func TestDecoderAnySimpleTypeXSIType(t *testing.T) {
	const pre = `<r xmlns="urn:t" xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns:x="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:t">`
	for _, tc := range []struct{ body, want, wantErr string }{
		{`<v>a</v>`, "a", ""},
		{`<v i:type="x:string">a</v>`, "a", ""},
		{`<v i:type="x:int">07</v>`, "07", ""},
		{`<v i:type="t:Code">c</v>`, "c", ""},
		{`<v i:type="z:int">7</v>`, "", `undeclared prefix`},
		{`<v a="1">7</v>`, "", "unexpected attribute a"},
	} {
		d := NewBytesDecoder([]byte(pre + tc.body + `</r>`))
		d.Root()
		var got string
		if d.At("urn:t", "v", NSXSD, "anySimpleType") {
			got = d.Text()
		}
		err := d.Err()
		if tc.wantErr == "" && (err != nil || got != tc.want) || tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
			t.Errorf("%s: %q, %v; want %q, %q", tc.body, got, err, tc.want, tc.wantErr)
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
	if q := readQName(d); q != (QName{"urn:inner", "x"}) {
		t.Errorf("first = %v", q)
	}
	d.At("", "c", "", "")
	if q := readQName(d); q != (QName{"urn:outer", "y"}) {
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
	v := readAny(d)
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
		for d.next() != nil && !d.s.Done() {
		}
		if d.err != nil {
			t.Fatal(d.err)
		}
	})
	if n > 8 {
		t.Errorf("%v allocations to tokenize %d bytes, want ≤ 8", n, len(data))
	}
}
