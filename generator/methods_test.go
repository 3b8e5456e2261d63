package generator

import (
	"slices"
	"strings"
	"testing"
)

// TestMethodsChecked checks that the emitter refuses to write a method of
// a struct or header type that generator/methods.go does not list.
func TestMethodsChecked(t *testing.T) {
	s := &structType{name: "T"}
	h := &header{name: "H"}
	p := &pkg{types: []goType{s}, headers: []*header{h}}
	em := &emitter{p: p, w: newGoWriter(0), methods: methodTable(p)}
	for _, m := range []struct{ recv, sig string }{{"v *T", "MarshalSOAP(e *soap.Encoder)"}, {"h *H", "MarshalSOAPHeader(e *soap.Encoder)"}, {"v E", "String() string"}} {
		em.checkMethod(m.recv, m.sig)
	}
	if em.err != nil {
		t.Fatalf("listed methods refused: %v", em.err)
	}
	em.checkMethod("v *T", "String() string")
	if em.err == nil || !strings.Contains(em.err.Error(), "method String of T is not listed") {
		t.Errorf("err = %v", em.err)
	}
	if got := structMethods(&structType{isBase: true, crossBase: true, attrs: []*field{{name: "A"}}}); !slices.Contains(got, "UnmarshalSOAPFields") || !slices.Contains(got, "MarshalSOAPChildren") || !slices.Contains(got, "UnmarshalSOAPAttrs") {
		t.Errorf("structMethods of a cross-package base with attributes = %v", got)
	}
}
