package soap

import (
	"reflect"
	"strings"
	"testing"
)

// The runtime's version 3 additions, driven directly (the generator's
// cases drive them through generated code).

func TestMixed(t *testing.T) {
	doc := `<m>a<![CDATA[<b>]]>&amp;<x>in</x><x/>c<m>nested<x/></m>d</m>`
	d := NewBytesDecoder([]byte(doc))
	d.Root()
	d.StartMixed()
	var xs []string
	for d.At("", "x", "", "") {
		xs = append(xs, d.Text())
	}
	var inner []string
	if d.At("", "m", "", "") {
		d.StartMixed()
		if d.At("", "x", "", "") {
			d.End()
		}
		d.End()
		inner = d.EndMixed()
	}
	d.End()
	text := d.EndMixed()
	if err := d.Err(); err != nil {
		t.Fatal(err)
	}
	if want := []string{"a<b>&", "", "c", "d"}; !reflect.DeepEqual(text, want) || !reflect.DeepEqual(inner, []string{"nested"}) || len(xs) != 2 {
		t.Fatalf("text %q, inner %q, xs %q", text, inner, xs)
	}
	e := NewEncoder(nil)
	e.Start("", "m")
	e.StartMixed(text)
	e.Element("", "x", "in")
	e.Start("", "x")
	e.Text("")
	e.End()
	e.Start("", "m")
	e.StartMixed(inner)
	e.Start("", "x")
	e.End()
	e.EndMixed()
	e.End()
	e.EndMixed()
	e.End()
	if got := string(e.Bytes()); got != `<m>a&lt;b&gt;&amp;<x>in</x><x></x>c<m>nested<x/></m>d</m>` {
		t.Errorf("encoded %s", got)
	}
	// Text is an error where the content is not mixed, also inside a mixed element.
	d = NewBytesDecoder([]byte(`<m><x>t<y/></x></m>`))
	d.Root()
	d.StartMixed()
	if d.At("", "x", "", "") {
		d.Text()
	}
	if d.Err() == nil {
		t.Error("an element in simple content decoded")
	}
}

// TestMixedManyPieces: text in many pieces (CDATA sections) costs linear
// time: a hostile document cannot make it quadratic.
func TestMixedManyPieces(t *testing.T) {
	doc := "<m>" + strings.Repeat("a<![CDATA[b]]>", 200000) + "</m>"
	d := NewBytesDecoder([]byte(doc))
	d.Root()
	d.StartMixed()
	d.End()
	if text := d.EndMixed(); d.Err() != nil || len(text) != 1 || len(text[0]) != 400000 {
		t.Fatalf("%v %d", d.Err(), len(text))
	}
}

func TestEmptyBodyAndAnyBody(t *testing.T) {
	e := NewEncoder(nil)
	(&Envelope{Body: new(Empty)}).Encode(e)
	if got := string(e.Bytes()); got != `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body/></s:Envelope>` {
		t.Errorf("empty body: %s", got)
	}
	if err := (&Envelope{Body: new(Empty)}).Decode(NewBytesDecoder(e.Bytes())); err != nil {
		t.Error(err)
	}
	env := `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xs="http://www.w3.org/2001/XMLSchema"><s:Body><P xmlns="urn:t" xsi:type="xs:int" a="1">5</P></s:Body></s:Envelope>`
	if err := (&Envelope{Body: new(Empty)}).Decode(NewBytesDecoder([]byte(env))); err == nil {
		t.Error("an element in an empty body decoded")
	}
	var a Any
	if err := (&Envelope{BodyName: QName{"urn:t", "P"}, Body: &a}).Decode(NewBytesDecoder([]byte(env))); err != nil {
		t.Fatal(err)
	}
	if want := (Any{Type: QName{NSXSD, "int"}, Attrs: []Attr{{QName{"", "a"}, "1"}}, Text: "5"}); !reflect.DeepEqual(a, want) {
		t.Errorf("%+v", a)
	}
}
