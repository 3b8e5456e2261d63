package soap_test

import (
	"bytes"
	"errors"
	"math"
	"testing"

	"github.com/soapgen/soapgen/soap"

	"github.com/soapgen/soapgen/soap/codec"
)

// encodeBoth encodes with write through the leaf functions and through the
// generic ones with content functions (lfn, gfn), in a parent element whose
// namespace setup is the same, and fails t when the bytes or errors differ.
func encodeBoth(t *testing.T, name string, nilOK bool, lfn, gfn func(e *soap.Encoder, ns string)) {
	t.Helper()
	for _, ns := range []string{"urn:default", "urn:prefixed", "urn:undeclared", ""} {
		var out [2][]byte
		var errs [2]error
		for i, f := range []func(*soap.Encoder, string){lfn, gfn} {
			e := soap.NewEncoder(nil)
			e.NilForOptional = nilOK
			e.StartDefault("urn:default", "root")
			e.Declare("p", "urn:prefixed")
			e.ReserveXSI()
			f(e, ns) // right after the start tag
			e.Start("urn:default", "sibling")
			f(e, ns) // inside an open element
			e.End()
			f(e, ns) // after an end tag
			e.End()
			out[i], errs[i] = e.Bytes(), e.Err()
		}
		if !bytes.Equal(out[0], out[1]) || !sameError(errs[0], errs[1]) {
			t.Errorf("%s in %q:\nleaf    %s (%v)\ngeneric %s (%v)", name, ns, out[0], errs[0], out[1], errs[1])
		}
	}
}

func sameError(a, b error) bool {
	if a == nil || b == nil {
		return a == b
	}
	var na, nb *soap.NilError
	return a.Error() == b.Error() && errors.As(a, &na) == errors.As(b, &nb)
}

func checkLeaf[T codec.Leaf](t *testing.T, name string, content func(*soap.Encoder, T), values ...T) {
	t.Helper()
	opts := []soap.Opt[T]{{}, soap.Nil[T]()}
	for _, v := range values {
		opts = append(opts, soap.Some(v))
		encodeBoth(t, name, false,
			func(e *soap.Encoder, ns string) { codec.WriteLeaf(e, ns, "x", v) },
			func(e *soap.Encoder, ns string) { codec.Write(e, ns, "x", v, content) })
	}
	for _, o := range opts {
		for _, nilOK := range []bool{false, true} {
			encodeBoth(t, name+" opt", nilOK,
				func(e *soap.Encoder, ns string) { codec.WriteOptLeaf(e, ns, "x", o) },
				func(e *soap.Encoder, ns string) { codec.WriteOpt(e, ns, "x", o, content) })
			encodeBoth(t, name+" opt item", nilOK,
				func(e *soap.Encoder, ns string) { codec.WriteOptItemLeaf(e, ns, "x", o, "T.X") },
				func(e *soap.Encoder, ns string) { codec.WriteOptItem(e, ns, "x", o, content, "T.X") })
		}
	}
}

// TestWriteLeaf checks that the leaf functions write what the generic
// ones with the builtins' content functions write, byte for byte.
func TestWriteLeaf(t *testing.T) {
	checkLeaf(t, "string", codec.String, "", "plain", "a<b & c>d", "line\nend\ttab", "é😀", "\x01bad\xff", "]]>")
	checkLeaf(t, "bool", codec.Bool, true, false)
	checkLeaf(t, "int8", codec.Int8, 0, math.MinInt8, math.MaxInt8)
	checkLeaf(t, "int16", codec.Int16, 0, -7, math.MinInt16, math.MaxInt16)
	checkLeaf(t, "int32", codec.Int32, 0, 42, math.MinInt32, math.MaxInt32)
	checkLeaf(t, "int64", codec.Int64, 0, math.MinInt64, math.MaxInt64)
	checkLeaf(t, "uint8", codec.Uint8, 0, math.MaxUint8)
	checkLeaf(t, "uint16", codec.Uint16, 0, math.MaxUint16)
	checkLeaf(t, "uint32", codec.Uint32, 0, math.MaxUint32)
	checkLeaf(t, "uint64", codec.Uint64, 0, math.MaxUint64)
	checkLeaf(t, "float32", codec.Float32, 0, -1.5, math.MaxFloat32, math.SmallestNonzeroFloat32, float32(math.Inf(1)), float32(math.NaN()))
	checkLeaf(t, "float64", codec.Float64, 0, 1e21, -math.MaxFloat64, math.SmallestNonzeroFloat64, math.Inf(-1), math.NaN())
}

func TestWriteLeafAllocs(t *testing.T) {
	e := soap.NewEncoder(make([]byte, 0, 4096))
	if n := testing.AllocsPerRun(100, func() {
		e.Reset()
		e.StartDefault("urn:default", "root")
		codec.WriteLeaf(e, "urn:default", "s", "text")
		codec.WriteOptItemLeaf(e, "urn:default", "i", soap.Some[int32](123456), "T.I")
		codec.WriteOptLeaf(e, "urn:default", "f", soap.Some(3.25))
		e.End()
	}); n != 0 {
		t.Errorf("%v allocations, want 0", n)
	}
}
