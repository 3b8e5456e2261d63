package soap_test

import (
	"errors"
	"testing"

	"github.com/soapgen/soapgen/internal/xmlcmp"
	"github.com/soapgen/soapgen/soap"
	"github.com/soapgen/soapgen/soap/codec"
)

type point struct{ X int32 }

// sameXML compares a fragment of elements with want by meaning.
func sameXML(t *testing.T, want string, got []byte) {
	t.Helper()
	diffs, err := xmlcmp.Compare([]byte("<r>"+want+"</r>"), []byte("<r>"+string(got)+"</r>"), xmlcmp.Options{})
	if err != nil {
		t.Fatalf("%v\n%s", err, got)
	}
	for _, d := range diffs {
		t.Errorf("%s\n%s", d, got)
	}
}

func (p *point) MarshalSOAP(e *soap.Encoder) { codec.Write(e, testNS, "X", p.X, codec.Int32) }

// TestWriteNilRefused: the Write…Item functions generated code calls for
// members that are not nillable refuse a nil with a *soap.NilError naming
// the member (the first one wins, as with Fail), write values as the
// others do, and (for optional members only) let Nil through as xsi:nil
// with NilForOptional.
func TestWriteNilRefused(t *testing.T) {
	for _, tc := range []struct {
		name     string
		write    func(e *soap.Encoder)
		required bool
		want     string // what NilForOptional writes; "" when it refuses too
	}{
		{"WriteOptItem Nil", func(e *soap.Encoder) {
			codec.WriteOptItem(e, testNS, "N", soap.Nil[int32](), codec.Int32, "T.N")
		}, false, `<N xmlns="` + testNS + `" xmlns:i="` + soap.NSXSI + `" i:nil="true"/>`},
		{"WriteOptPtrItem Nil", func(e *soap.Encoder) {
			codec.WriteOptPtrItem(e, testNS, "N", soap.Nil[*point](), codec.Complex[*point], "T.N")
		}, false, `<N xmlns="` + testNS + `" xmlns:i="` + soap.NSXSI + `" i:nil="true"/>`},
		{"WriteOptPtrItem Some(nil)", func(e *soap.Encoder) {
			codec.WriteOptPtrItem(e, testNS, "N", soap.Some[*point](nil), codec.Complex[*point], "T.N")
		}, false, `<N xmlns="` + testNS + `" xmlns:i="` + soap.NSXSI + `" i:nil="true"/>`},
		{"WritePtrItem nil", func(e *soap.Encoder) {
			codec.WritePtrItem(e, testNS, "N", (*point)(nil), codec.Complex[*point], "T.N")
		}, true, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := soap.NewEncoder(nil)
			tc.write(e)
			codec.WritePtrItem(e, testNS, "Later", (*point)(nil), codec.Complex[*point], "T.Later")
			var ne *soap.NilError
			if !errors.As(e.Err(), &ne) || ne.Member != "T.N" || ne.Element != (soap.QName{Space: testNS, Local: "N"}) || ne.Required != tc.required {
				t.Fatalf("err = %v (%+v)", e.Err(), ne)
			}
			e = soap.NewEncoder(nil)
			e.NilForOptional = true
			tc.write(e)
			switch {
			case tc.want == "" && e.Err() == nil:
				t.Errorf("NilForOptional let a required nil through: %s", e.Bytes())
			case tc.want != "":
				if e.Err() != nil {
					t.Fatalf("NilForOptional: %v", e.Err())
				}
				sameXML(t, tc.want, e.Bytes())
			}
		})
	}
	e := soap.NewEncoder(nil)
	codec.WriteOptItem(e, testNS, "A", soap.Some[int32](0), codec.Int32, "T.A")
	codec.WriteOptItem(e, testNS, "B", soap.Opt[int32]{}, codec.Int32, "T.B")
	codec.WriteOptPtrItem(e, testNS, "C", soap.Some(&point{X: 1}), codec.Complex[*point], "T.C")
	codec.WritePtrItem(e, testNS, "D", &point{X: 2}, codec.Complex[*point], "T.D")
	if e.Err() != nil {
		t.Fatal(e.Err())
	}
	sameXML(t, `<A xmlns="`+testNS+`">0</A><C xmlns="`+testNS+`"><X>1</X></C><D xmlns="`+testNS+`"><X>2</X></D>`, e.Bytes())
	if msg := (&soap.NilError{Member: "T.N", Element: soap.QName{Space: "urn:x", Local: "N"}}).Error(); msg != "soap: T.N is soap.Nil, but element {urn:x}N is not nillable (leave it absent)" {
		t.Errorf("Error() = %q", msg)
	}
	if msg := (&soap.NilError{Member: "T.N", Element: soap.QName{Space: "urn:x", Local: "N"}, Required: true}).Error(); msg != "soap: T.N is nil, but element {urn:x}N is not nillable" {
		t.Errorf("Error() = %q", msg)
	}
}
