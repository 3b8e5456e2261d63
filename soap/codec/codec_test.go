package codec_test

import (
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
