package generator

import "fmt"

// anyBodyType writes the alias of soap.Any that is the type of a body
// element of type xs:anyType: its xsi:type, attributes, text and child
// elements, kept as written.
func (em *emitter) anyBodyType(t *anyBodyType) {
	w := em.w
	w.decl()
	w.doc(docOr(t.doc, fmt.Sprintf("%s is the content of the body element %s, of type xs:anyType: its xsi:type, attributes, text and child elements, kept as written.", t.name, t.elem.Local)))
	w.ln("type ", t.name, " = ", w.soap(), "Any")
}
