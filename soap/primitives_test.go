package soap_test

import (
	"testing"
	"time"

	"github.com/soapgen/soapgen/soap"
)

// The Encoder and Decoder primitives package codec builds on, as a
// hand-written Marshaler would use them.

func TestEncoderElement(t *testing.T) {
	e := soap.NewEncoder(nil)
	e.StartDefault("urn:a", "r")
	e.Element("urn:a", "plain", "text")
	e.Element("urn:a", "esc", "a<b&c")
	e.ElementBytes("urn:b", "n", []byte("42"))
	e.ElementBytes("urn:a", "escb", []byte("x>y"))
	e.Start("urn:a", "t")
	e.TextBytes([]byte("1 < 2"))
	e.End()
	e.End()
	want := `<r xmlns="urn:a"><plain>text</plain><esc>a&lt;b&amp;c</esc><ns1:n xmlns:ns1="urn:b">42</ns1:n><escb>x&gt;y</escb><t>1 &lt; 2</t></r>`
	if got := string(e.Bytes()); got != want || e.Err() != nil {
		t.Errorf("got  %s\nwant %s (%v)", got, want, e.Err())
	}
	te := soap.NewTextEncoder()
	te.Text("a<b")
	te.TextBytes([]byte(" &"))
	if got := string(te.Bytes()); got != "a<b &" {
		t.Errorf("text encoder: %q", got)
	}
}

func TestDecoderAttr(t *testing.T) {
	d := soap.NewBytesDecoder([]byte(`<w xmlns:p="urn:p"><r a="1" q="p:x" b="rest"/></w>`))
	d.Root()
	if !d.AtAttrs("", "r", "", "") {
		t.Fatal(d.Err())
	}
	var a string
	var q soap.QName
	if !d.Attr("", "a", func(d *soap.Decoder) { a = d.Text() }) || a != "1" {
		t.Errorf("a = %q", a)
	}
	if !d.Attr("", "q", func(d *soap.Decoder) { q, _ = d.ResolveQName(d.Text()) }) || q != (soap.QName{Space: "urn:p", Local: "x"}) {
		t.Errorf("q = %v", q)
	}
	if d.Attr("", "a", func(*soap.Decoder) { t.Error("read twice") }) {
		t.Error("attribute a read twice")
	}
	if d.Attr("", "missing", func(*soap.Decoder) { t.Error("read a missing attribute") }) {
		t.Error("missing attribute found")
	}
	if rest := d.RestAttrs(); len(rest) != 1 || rest[0].Name.Local != "b" {
		t.Errorf("rest %v", rest)
	}
	d.End()
	if err := d.Err(); err != nil {
		t.Fatal(err)
	}
	td := soap.NewTextDecoder(" 7 ")
	if s := td.Text(); s != " 7 " || td.Err() != nil {
		t.Errorf("text decoder: %q %v", s, td.Err())
	}
}

func TestParseDateTimeDuration(t *testing.T) {
	dt, err := soap.ParseDateTime("2024-03-01T10:20:30.5+01:00")
	if err != nil || !dt.HasZone() || !dt.Equal(soap.NewDateTime(time.Date(2024, 3, 1, 9, 20, 30, 5e8, time.UTC))) {
		t.Errorf("%v %v", dt, err)
	}
	local, err := soap.ParseDateTime(" 2024-03-01T10:20:30 ")
	if err != nil || local.HasZone() || local.String() != "2024-03-01T10:20:30" {
		t.Errorf("%v %v", local, err)
	}
	if _, err := soap.ParseDateTime("yesterday"); err == nil {
		t.Error("yesterday parsed")
	}
	du, err := soap.ParseDuration("PT1H30M")
	if err != nil || time.Duration(du) != 90*time.Minute {
		t.Errorf("%v %v", du, err)
	}
	if _, err := soap.ParseDuration("P1Y"); err == nil {
		t.Error("a year parsed as a fixed duration")
	}
}

func TestAnyElementUnmarshal(t *testing.T) {
	d := soap.NewBytesDecoder([]byte(`<w><x:e xmlns:x="urn:x" k="v">t<c/></x:e></w>`))
	d.Root()
	if !d.AtWildcard("##any", "") {
		t.Fatal("wildcard not accepted", d.Err())
	}
	var v soap.AnyElement
	v.UnmarshalSOAP(d)
	d.End()
	if d.Err() != nil || v.Name != (soap.QName{Space: "urn:x", Local: "e"}) || v.Text != "t" || len(v.Children) != 1 || len(v.Attrs) != 1 {
		t.Errorf("%+v %v", v, d.Err())
	}
}
