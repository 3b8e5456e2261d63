package codec_test

import (
	"bytes"
	"encoding/base64"
	"errors"
	"testing"

	"github.com/soapgen/soapgen/soap"
	"github.com/soapgen/soapgen/soap/codec"
)

func TestCheckChoice(t *testing.T) {
	for _, tt := range []struct {
		set  []bool
		want int // alternatives set; 1 is no error
	}{{nil, 0}, {[]bool{false, false}, 0}, {[]bool{true, true}, 2}, {[]bool{false, true}, 1}} {
		e := soap.NewEncoder(nil)
		codec.CheckChoice(e, "T", tt.set...)
		var ce *soap.ChoiceError
		switch {
		case tt.want == 1 && e.Err() != nil:
			t.Errorf("%v: %v", tt.set, e.Err())
		case tt.want != 1 && (!errors.As(e.Err(), &ce) || ce.Member != "T" || ce.Set != tt.want):
			t.Errorf("%v: %v", tt.set, e.Err())
		}
	}
}

func TestParseFormatValue(t *testing.T) {
	if v, err := codec.ParseValue([]byte(" 42 "), codec.ReadInt16); err != nil || v != 42 {
		t.Errorf("%v %v", v, err)
	}
	if _, err := codec.ParseValue([]byte("70000"), codec.ReadInt16); err == nil {
		t.Error("70000 parsed as a short")
	}
	if b, err := codec.FormatValue(float32(0.5), codec.Float32); err != nil || string(b) != "0.5" {
		t.Errorf("%s %v", b, err)
	}
}

func TestBinaryContent(t *testing.T) {
	v := make([]byte, 5000) // larger than any stack buffer: written in place
	for i := range v {
		v[i] = byte(i)
	}
	e := soap.NewEncoder(nil)
	e.Start("", "r")
	codec.Write(e, "", "b", v, codec.Base64)
	codec.Write(e, "", "h", v[250:260], codec.Hex)
	e.End()
	want := `<r><b>` + base64.StdEncoding.EncodeToString(v) + `</b><h>FAFBFCFDFEFF00010203</h></r>`
	if got := string(e.Bytes()); got != want || e.Err() != nil {
		t.Fatalf("got %.80s… (%v)", got, e.Err())
	}
	d := soap.NewBytesDecoder(e.Bytes())
	d.Root()
	var b, h []byte
	if d.At("", "b", "", "") {
		b = codec.ReadBase64(d)
	}
	if d.At("", "h", "", "") {
		h = codec.ReadHex(d)
	}
	d.End()
	if d.Err() != nil || !bytes.Equal(b, v) || !bytes.Equal(h, v[250:260]) {
		t.Errorf("read back %d and %x bytes: %v", len(b), h, d.Err())
	}
}
