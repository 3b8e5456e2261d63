package generator

import (
	"fmt"
	"strings"
)

// The methods of generated types, listed in one place: a type's members
// may not take the name of one of its methods (uniqueFields reserves
// them), and the emitter refuses to write a method of a struct or header
// type that is not listed here, so that a new method cannot be forgotten.

// structMethods lists the methods the emitter gives struct s (unexported
// ones too, so that every method is listed).
func structMethods(s *structType) []string {
	m := []string{"MarshalSOAP", "UnmarshalSOAP"}
	if s.hasAttrs() {
		m = append(m, "UnmarshalSOAPAttrs", s.plumb("marshalAttrs"), s.plumb("marshalChildren"), s.plumb("unmarshalAttrs"))
	}
	if s.isBase {
		m = append(m, s.plumb("unmarshalFields"))
	}
	if s.group != nil {
		m = append(m, "MarshalSOAPGroup", "UnmarshalSOAPGroup")
	}
	if _, _, secret := secretPaths(s); secret {
		m = append(m, redactingMethods...)
	}
	return m
}

// headerMethods lists the methods the emitter gives header type h.
func headerMethods(h *header) []string {
	m := []string{"MarshalSOAPHeader", "UnmarshalSOAPHeader"}
	if h.secret() {
		m = append(m, redactingMethods...)
	}
	if h.succeeded != nil {
		m = append(m, "Err")
	}
	return m
}

// exportedStructMethods are the exported methods any struct type may
// have: a type that others extend, and so are embedded in, may not take
// one of these names, since the embedded field has the type's name.
var exportedStructMethods = []string{
	"MarshalSOAP", "UnmarshalSOAP", "UnmarshalSOAPAttrs",
	"MarshalSOAPAttrs", "MarshalSOAPChildren", "UnmarshalSOAPOwnAttrs", "UnmarshalSOAPFields",
	"String", "GoString", "LogValue",
}

// redactingMethods are the methods of a type with secret members (see
// emitter.redactingMethods).
var redactingMethods = []string{"String", "GoString", "LogValue", "logFields"}

// secret reports whether a header has a secret entry.
func (h *header) secret() bool {
	for _, f := range h.fields {
		if isSecret(f) {
			return true
		}
	}
	return false
}

// methodTable maps the Go names of p's struct and header types to their
// methods, for the emitter's check, and to their getters, which the
// emitter writes.
func methodTable(p *pkg) (methods map[string][]string, getters map[string][]getter) {
	methods, getters = map[string][]string{}, map[string][]getter{}
	add := func(name string, own []string, gs []getter) {
		for _, g := range gs {
			own = append(own, g.name)
		}
		methods[name], getters[name] = own, gs
	}
	for _, g := range p.types {
		if s, ok := g.(*structType); ok {
			add(s.name, structMethods(s), structGetters(s))
		}
	}
	for _, h := range p.headers {
		add(h.name, headerMethods(h), headerGetters(h))
	}
	return methods, getters
}

// checkMethod records an internal error unless the method sig of the
// receiver recv ("v *Name") is listed for its type, when that is a struct
// or header type of the package.
func (em *emitter) checkMethod(recv, sig string) {
	typ := strings.TrimPrefix(recv[strings.LastIndexByte(recv, ' ')+1:], "*")
	listed, ok := em.methods[typ]
	if !ok || em.err != nil {
		return
	}
	name, _, _ := strings.Cut(sig, "(")
	for _, m := range listed {
		if m == name {
			return
		}
	}
	em.err = fmt.Errorf("internal error: method %s of %s is not listed in generator/methods.go, so a member may take its name", name, typ)
}
