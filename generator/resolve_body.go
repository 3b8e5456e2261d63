package generator

import (
	"fmt"

	"github.com/soapgen/soapgen/wsdl"
)

// bodies records, for the schemaTables of a generation, the anonymous
// complex types of body elements (which are always structs) and the
// types of body elements that are not complex (made once per element).
type bodies struct {
	wrappers   map[*wsdl.ComplexType]bool
	elemBodies map[*wsdl.Element]goType
}

// markWrapper records that ct is the anonymous type of a body element:
// a struct even when its only member repeats.
func (b *bodies) markWrapper(ct *wsdl.ComplexType) {
	if b.wrappers == nil {
		b.wrappers = map[*wsdl.ComplexType]bool{}
	}
	b.wrappers[ct] = true
}

// isWrapper reports whether ct must be a struct whatever its members:
// the anonymous type of a body element, or a type with mixed content
// (whose text an array type would not hold).
func (b *bodies) isWrapper(ct *wsdl.ComplexType) bool { return b.wrappers[ct] || ct.Mixed }

// simpleBody returns the type of a body element whose type is not
// complex: for xs:anyType (or no type) an alias of soap.Any, for a simple
// type a struct holding the element's text as Value (the way a complex
// type with simple content is held), named after the element.
func (r *resolver) simpleBody(el *wsdl.Element) (goType, error) {
	if t := r.elemBodies[el]; t != nil {
		return t, nil
	}
	if r.elemBodies == nil {
		r.elemBodies = map[*wsdl.Element]goType{}
	}
	key, want := "1|"+qkey(el.Name), el.Name.Local
	var typ *typeRef
	var err error
	switch {
	case el.Simple != nil:
		typ, err = r.simpleType(el.Simple, "2|"+key+"|value", want+"Value")
	case el.Type.IsZero():
	default:
		typ, err = r.typeRef(el.Type, el.Pos, el.Name)
	}
	if err != nil {
		return nil, err
	}
	if typ == nil || typ.builtin != nil && typ.builtin.xsd == "anyType" {
		a := &anyBodyType{elem: el.Name, doc: el.Doc}
		r.elemBodies[el] = a
		r.register(a, key, want, func(n string) { a.name = n })
		return a, nil
	}
	if !isText(typ) && (typ.builtin == nil || typ.builtin.xsd != "QName") {
		return nil, unsupported(el.Pos, "xs:element", el.Name, "body element of type %s", el.Type)
	}
	of := "an anonymous simple type"
	if !el.Type.IsZero() {
		of = el.Type.Local
	}
	doc := docOr(el.Doc, fmt.Sprintf("It holds the text of the body element %s, of type %s.", el.Name.Local, of))
	s := &structType{doc: doc, pos: el.Pos, origin: want, value: &field{name: "Value", typ: typ, min: 1, max: 1}}
	r.elemBodies[el] = s
	r.register(s, key, want, func(n string) { s.name = n })
	return s, nil
}
