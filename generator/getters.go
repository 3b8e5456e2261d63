package generator

import "strings"

// getter is a nil-safe accessor of a member, in protobuf-go's style:
// callable on a nil pointer, it returns the member's value, or the zero
// value when the pointer is nil or the member is absent or nil, so that
// chains such as p.GetContact().GetName() never panic.
type getter struct {
	name string
	f    *field
	path []string // the selectors from the value to the member, base types' names first
}

// structGetters lists the getters of s: one per member (its text, its
// attributes, its elements), its base types' included, so that they too
// are nil-safe (a promoted method would dereference the nil pointer to
// reach the embedded base). A getter is named Get<Member> unless that
// name is taken by a member at any depth or by another method, in which
// case the member has none.
func structGetters(s *structType) []getter {
	taken := map[string]bool{}
	for _, m := range structMethods(s) {
		taken[m] = true
	}
	for _, m := range exportedStructMethods {
		taken[m] = true
	}
	var all []getter
	var walk func(t *structType, path []string)
	walk = func(t *structType, path []string) {
		if t.base != nil {
			taken[t.base.name] = true
			walk(t.base, append(path[:len(path):len(path)], t.base.name))
		}
		var own []*field
		if t.value != nil {
			own = append(own, t.value)
		}
		own = append(own, t.attrs...)
		own = append(own, t.fields...)
		for _, f := range own {
			taken[f.name] = true
			all = append(all, getter{name: "Get" + f.name, f: f, path: append(path[:len(path):len(path)], f.name)})
		}
		if t.anyAttr != "" {
			taken[t.anyAttr] = true
		}
		if t.wildcard != nil {
			taken[t.wildcard.name] = true
		}
	}
	walk(s, nil)
	return keepFree(all, taken)
}

// headerGetters lists the getters of header type h, named as for structs.
func headerGetters(h *header) []getter {
	taken := map[string]bool{}
	for _, m := range headerMethods(h) {
		taken[m] = true
	}
	var all []getter
	for _, f := range h.fields {
		taken[f.name] = true
		all = append(all, getter{name: "Get" + f.name, f: f, path: []string{f.name}})
	}
	return keepFree(all, taken)
}

// keepFree drops the getters whose name is taken, or wanted twice.
func keepFree(all []getter, taken map[string]bool) []getter {
	count := map[string]int{}
	for _, g := range all {
		count[g.name]++
	}
	var out []getter
	for _, g := range all {
		if !taken[g.name] && count[g.name] == 1 {
			out = append(out, g)
		}
	}
	return out
}

// getters writes the getters of the type named recvType (methodTable
// listed them); header entries are always optional.
func (em *emitter) getters(recvType string, header bool) {
	w := em.w
	for _, g := range em.getterTable[recvType] {
		f := g.f
		if f.typ == nil {
			continue
		}
		typ := em.fieldType(f)
		get := ""
		opt := f.optional() || header
		if opt {
			typ = em.goTypeOf(f.typ)
			get = ".Value()"
		}
		sel := "v." + strings.Join(g.path, ".")
		// One line: what a getter does is said once, in the README.
		doc := g.name + " returns " + f.name + ", or the zero value"
		recv, sig := "v *"+recvType, g.name+"() (x "+typ+")"
		em.checkMethod(recv, sig)
		w.decl()
		w.doc(doc + ".")
		w.open("func (", recv, ") ", sig)
		w.open("if v != nil")
		w.ln("x = ", sel, get)
		w.close("")
		w.ln("return")
		w.close("")
	}
}
