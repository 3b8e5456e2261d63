package soap_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/soapgen/soapgen/internal/xmlcmp"
	"github.com/soapgen/soapgen/soap"
	"github.com/soapgen/soapgen/soap/codec"
)

// nils is a message with a nillable repeated item and an xs:anyType
// member, written like generated code.
type nils struct {
	Items []*string // nillable items
	Any   soap.Opt[soap.Any]
}

func (v *nils) MarshalSOAP(e *soap.Encoder) {
	for _, x := range v.Items {
		codec.WriteNillable(e, testNS, "Item", x, codec.String)
	}
	codec.WriteOpt(e, testNS, "Any", v.Any, codec.AnyContent)
}

func (v *nils) UnmarshalSOAP(d *soap.Decoder) {
	for d.At(testNS, "Item", soap.NSXSD, "string") {
		v.Items = append(v.Items, codec.ReadNillable(d, codec.ReadString))
	}
	if d.At(testNS, "Any", soap.NSXSD, "anyType") {
		v.Any = codec.ReadOpt(d, codec.ReadAny)
	}
	d.End()
}

// nilHdr is a header whose entry may be sent as xsi:nil.
type nilHdr struct{ Token soap.Opt[string] }

func (h *nilHdr) MarshalSOAPHeader(e *soap.Encoder) {
	codec.WriteOpt(e, testNS, "Token", h.Token, codec.String)
}

func (h *nilHdr) UnmarshalSOAPHeader(d *soap.Decoder) bool {
	if d.AtHeader(testNS, "Token", soap.NSXSD, "string") {
		h.Token = codec.ReadOpt(d, codec.ReadString)
		return true
	}
	return false
}

func encodeNils(t *testing.T, v soap.Version, h *nilHdr, body *nils) []byte {
	t.Helper()
	env := soap.Envelope{Version: v, Namespaces: []string{testNS}, BodyName: soap.QName{Space: testNS, Local: "Nils"}, Body: body}
	if h != nil {
		env.Header = h
	}
	return encodeEnvelope(t, &env)
}

// TestEncoderDeclaresXSIOnce: however many xsi:nil (and xsi:type)
// attributes an envelope holds, in its header or body, the xsi namespace
// is declared once, on the Envelope; an envelope without any declares it
// nowhere. The envelope means what one declaring xsi on every element
// does, and decodes back to the same values.
func TestEncoderDeclaresXSIOnce(t *testing.T) {
	s := func(x string) *string { return &x }
	items := []*string{nil, s("a"), nil, nil, s(""), nil}
	body := &nils{Items: items, Any: soap.Some(soap.Any{Type: soap.QName{Space: soap.NSXSD, Local: "int"}, Text: "7"})}
	for _, v := range []soap.Version{soap.SOAP11, soap.SOAP12} {
		t.Run(v.String(), func(t *testing.T) {
			got := encodeNils(t, v, &nilHdr{Token: soap.Nil[string]()}, body)
			if n := bytes.Count(got, []byte(soap.NSXSI)); n != 1 {
				t.Errorf("the xsi namespace is declared %d times:\n%s", n, got)
			}
			envStart := got[:bytes.IndexByte(got, '>')]
			if !bytes.Contains(envStart, []byte(`xmlns:xsi="`+soap.NSXSI+`"`)) {
				t.Errorf("the xsi namespace is not declared on the Envelope: %s", envStart)
			}
			// The same envelope, written with a declaration on every
			// element that needs one, under other prefixes.
			ns := v.EnvelopeNS()
			want := `<e:Envelope xmlns:e="` + ns + `"><e:Header><Token xmlns="` + testNS + `" xmlns:a="` + soap.NSXSI + `" a:nil="true"/></e:Header><e:Body><Nils xmlns="` + testNS + `">` +
				`<Item xmlns:i="` + soap.NSXSI + `" i:nil="1"/><Item>a</Item><Item xmlns:i="` + soap.NSXSI + `" i:nil="true"/><Item xmlns:b="` + soap.NSXSI + `" b:nil="true"/><Item></Item><Item xmlns:i="` + soap.NSXSI + `" i:nil="true"/>` +
				`<Any xmlns:x="` + soap.NSXSD + `" xmlns:i="` + soap.NSXSI + `" i:type="x:int">7</Any></Nils></e:Body></e:Envelope>`
			diffs, err := xmlcmp.Compare([]byte(want), got, xmlcmp.Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range diffs {
				t.Errorf("%s\n%s", d, got)
			}
			var h nilHdr
			var back nils
			env := soap.Envelope{BodyName: soap.QName{Space: testNS, Local: "Nils"}, Body: &back, Header: &h, StrictHeaders: true}
			if err := env.Decode(soap.NewBytesDecoder(got)); err != nil {
				t.Fatal(err)
			}
			if !h.Token.IsNil() || len(back.Items) != len(items) || back.Items[0] != nil || *back.Items[1] != "a" || back.Items[2] != nil || *back.Items[4] != "" || back.Any.Value().Type.Local != "int" {
				t.Errorf("decoded %+v %+v", h, back)
			}
		})
	}
	// No xsi attribute, no declaration.
	got := encodeNils(t, soap.SOAP11, &nilHdr{Token: soap.Some("t")}, &nils{Items: []*string{s("a")}})
	if bytes.Contains(got, []byte(soap.NSXSI)) {
		t.Errorf("xsi declared without need:\n%s", got)
	}
}

// TestEncoderXSIShadowed: where an inner element binds the prefix xsi to
// another namespace, the Envelope's declaration would be shadowed, so the
// encoder declares the xsi namespace locally under a prefix of its own.
func TestEncoderXSIShadowed(t *testing.T) {
	e := soap.NewEncoder(nil)
	e.StartPrefixed("s", soap.NSSOAP11Envelope, "Envelope")
	e.ReserveXSI()
	e.Start(soap.NSSOAP11Envelope, "Body")
	e.Start(testNS, "Outer")
	e.Declare("xsi", "urn:not-xsi")
	e.Nil(testNS, "Inner")
	e.End()
	e.Nil(testNS, "Next")
	e.End()
	e.End()
	got := e.Bytes()
	want := `<s:Envelope xmlns:s="` + soap.NSSOAP11Envelope + `"><s:Body><Outer xmlns="` + testNS + `" xmlns:xsi="urn:not-xsi"><Inner xmlns:i="` + soap.NSXSI + `" i:nil="true"/></Outer><Next xmlns="` + testNS + `" xmlns:i="` + soap.NSXSI + `" i:nil="true"/></s:Body></s:Envelope>`
	diffs, err := xmlcmp.Compare([]byte(want), got, xmlcmp.Options{})
	if err != nil {
		t.Fatalf("%v\n%s", err, got)
	}
	for _, d := range diffs {
		t.Errorf("%s\n%s", d, got)
	}
	// Inner declares it itself; Next uses the Envelope's declaration.
	if n := bytes.Count(got, []byte(soap.NSXSI)); n != 2 {
		t.Errorf("xsi declared %d times, want 2:\n%s", n, got)
	}
}

// TestDecodeXSIDeclaredAnywhere: envelopes from other stacks declare the
// xsi namespace on the Envelope, the Body, each element, under any prefix,
// or re-bind the prefix further down; all decode alike.
func TestDecodeXSIDeclaredAnywhere(t *testing.T) {
	const xsi = soap.NSXSI
	body := func(items string) string {
		return `<Nils xmlns="` + testNS + `">` + items + `</Nils>`
	}
	for name, doc := range map[string]string{
		"on the Envelope": `<s:Envelope xmlns:s="` + soap.NSSOAP11Envelope + `" xmlns:i="` + xsi + `"><s:Body>` + body(`<Item i:nil="true"/><Item>a</Item>`) + `</s:Body></s:Envelope>`,
		"on the Body":     `<s:Envelope xmlns:s="` + soap.NSSOAP11Envelope + `"><s:Body xmlns:xsi="` + xsi + `">` + body(`<Item xsi:nil="1"/><Item>a</Item>`) + `</s:Body></s:Envelope>`,
		"on each element": `<s:Envelope xmlns:s="` + soap.NSSOAP11Envelope + `"><s:Body>` + body(`<Item xmlns:p="`+xsi+`" p:nil="true"/><Item xmlns:q="`+xsi+`" q:nil="false">a</Item>`) + `</s:Body></s:Envelope>`,
		"prefix re-bound": `<s:Envelope xmlns:s="` + soap.NSSOAP11Envelope + `" xmlns:i="urn:other"><s:Body xmlns:i="` + xsi + `">` + body(`<Item i:nil="true"/><Item xmlns:i="urn:other">a</Item>`) + `</s:Body></s:Envelope>`,
	} {
		t.Run(name, func(t *testing.T) {
			var back nils
			env := soap.Envelope{BodyName: soap.QName{Space: testNS, Local: "Nils"}, Body: &back}
			err := env.Decode(soap.NewBytesDecoder([]byte(doc)))
			if err != nil {
				t.Fatal(err)
			}
			if len(back.Items) != 2 || back.Items[0] != nil || back.Items[1] == nil || *back.Items[1] != "a" {
				t.Errorf("decoded %v", back.Items)
			}
		})
	}
	// An attribute named nil in another namespace is not xsi:nil.
	doc := `<s:Envelope xmlns:s="` + soap.NSSOAP11Envelope + `" xmlns:i="urn:other"><s:Body>` + body(`<Item i:nil="true"/>`) + `</s:Body></s:Envelope>`
	var back nils
	env := soap.Envelope{BodyName: soap.QName{Space: testNS, Local: "Nils"}, Body: &back}
	if err := env.Decode(soap.NewBytesDecoder([]byte(doc))); err == nil || !strings.Contains(err.Error(), "unexpected attribute {urn:other}nil") {
		t.Errorf("err = %v", err)
	}
}

// attrOnlyHdr writes an xsi attribute on the Header element itself and no
// entry, so that Envelope.Encode leaves the Header out after the xsi
// declaration was inserted on the Envelope.
type attrOnlyHdr struct{}

func (attrOnlyHdr) MarshalSOAPHeader(e *soap.Encoder) { e.Attr(soap.NSXSI, "type", "x") }

// TestEncoderXSIHeaderLeftOut: the Header an entry-less header marshaler
// started is cut away cleanly even when it made the Envelope declare xsi.
func TestEncoderXSIHeaderLeftOut(t *testing.T) {
	env := soap.Envelope{Namespaces: []string{testNS}, Header: attrOnlyHdr{}, BodyName: soap.QName{Space: testNS, Local: "Nils"}, Body: &nils{Items: []*string{nil}}}
	e := soap.NewEncoder(nil)
	env.Encode(e)
	want := `<s:Envelope xmlns:s="` + soap.NSSOAP11Envelope + `" xmlns="` + testNS + `" xmlns:xsi="` + soap.NSXSI + `"><s:Body><Nils><Item xsi:nil="true"/></Nils></s:Body></s:Envelope>`
	if got := string(e.Bytes()); got != want || e.Err() != nil {
		t.Errorf("got  %s (%v)\nwant %s", got, e.Err(), want)
	}
}
