package generator

import (
	"go/token"
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
	methods, _ := methodTable(p)
	em := &emitter{p: p, w: newGoWriter(0), methods: methods}
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
	secret := &field{name: "Password", typ: &typeRef{builtin: builtins["string"]}, min: 1, max: 1}
	all := structMethods(&structType{isBase: true, crossBase: true, attrs: []*field{{name: "A"}}, fields: []*field{secret}})
	for _, m := range []string{"UnmarshalSOAPFields", "MarshalSOAPChildren", "UnmarshalSOAPAttrs", "String", "logFields"} {
		if !slices.Contains(all, m) {
			t.Errorf("structMethods of a secret cross-package base with attributes = %v, lacks %s", all, m)
		}
	}
	// A base type may not be named like any of them (it is embedded).
	for _, m := range all {
		if token.IsExported(m) && !slices.Contains(exportedStructMethods, m) {
			t.Errorf("exportedStructMethods lacks %s", m)
		}
	}
}
