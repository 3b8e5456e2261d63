package generator

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/soapgen/soapgen/wsdl"
)

const (
	soapPkg  = "github.com/soapgen/soapgen/soap"
	codecPkg = soapPkg + "/codec"
)

// emitter turns the model into Go source, written by goWriter in gofmt's
// layout; it is the only code that writes Go.
type emitter struct {
	p       *pkg
	nsConst map[string]string
	w       *goWriter // the file being written
	// owner is the package declaring each generated type: types of
	// another package of a set are qualified.
	owner map[goType]*pkg
	// opNames are the unexported names of each service's operation
	// descriptions, nsVar the one of the namespace list.
	opNames map[*service]*opNames
	nsVar   string
	// firstUsers is the first service using each header (see firstUser).
	firstUsers map[*header]*service
	// methods lists the methods of the package's struct and header types
	// (methodTable); err is the first method written that it lacks.
	methods map[string][]string
	// getterTable lists the getters of each struct and header type.
	getterTable map[string][]getter
	err         error
}

// tname is the Go name of t as the file being written refers to it: its
// alias, if the package has one (so that its API names no internal
// package), else qualified when another package declares it.
func (em *emitter) tname(t goType) string {
	if em.p.aliased[t] {
		return t.goName()
	}
	return em.qualified(t)
}

// qualified is the name of t qualified by its package, unless that is the
// package being written.
func (em *emitter) qualified(t goType) string {
	if o := em.owner[t]; o != nil && o != em.p {
		return em.w.use(o.importPath) + t.goName()
	}
	return t.goName()
}

// hname is the name of a header type or the service error (declared in
// the set's types package) as the file being written refers to it: its
// alias if the package has one.
func (em *emitter) hname(name string) string {
	if slices.Contains(em.p.headerAliases, name) {
		return name
	}
	return em.sname(name)
}

// sname qualifies a name declared in the package of the set's types
// (headers, the service error, their accessors).
func (em *emitter) sname(name string) string {
	if sh := em.p.shared; sh != nil && sh != em.p {
		return em.w.use(sh.importPath) + name
	}
	return name
}

// wrap splits text into comment lines of at most width bytes (a longer
// word stands alone), keeping its line breaks as paragraph breaks.
func wrap(text string, width int) []string {
	var lines []string
	for _, para := range strings.Split(strings.TrimSpace(text), "\n") {
		words := strings.Fields(para)
		line := ""
		for _, w := range words {
			if line != "" && len(line)+1+len(w) > width {
				lines = append(lines, line)
				line = ""
			}
			if line != "" {
				line += " "
			}
			line += w
		}
		if line != "" {
			lines = append(lines, line)
		}
	}
	return lines
}

// docOr is fallback followed, on a new line, by the schema's documentation
// doc with its white space folded (fallback alone when doc is empty).
func docOr(doc, fallback string) string {
	doc = strings.Join(strings.Fields(doc), " ")
	if doc == "" {
		return fallback
	}
	return fallback + "\n" + doc
}

// ns is the expression for an XML namespace: a constant of the package,
// soap.NSXSD, or a string literal.
func (em *emitter) ns(space string) string {
	if space == wsdl.NSXSD {
		return em.w.soap() + "NSXSD"
	}
	if c, ok := em.nsConst[space]; ok {
		return c
	}
	return strconv.Quote(space)
}

// goTypeOf is the Go type of a value of ref (a pointer for structs).
func (em *emitter) goTypeOf(ref *typeRef) string {
	if b := ref.builtin; b != nil {
		if b.soap {
			return em.w.soap() + b.goName
		}
		return b.goName
	}
	if _, ok := ref.named.(*structType); ok {
		return "*" + em.tname(ref.named)
	}
	return em.tname(ref.named)
}

func isStruct(ref *typeRef) bool { _, ok := ref.named.(*structType); return ok }

// fieldType is the Go type of a field.
func (em *emitter) fieldType(f *field) string {
	if isGroup(f) {
		return "[]" + em.tname(f.typ.named) // occurrences are values
	}
	t := em.goTypeOf(f.typ)
	switch {
	case f.repeated():
		if f.nillable && !isStruct(f.typ) {
			return "[]*" + t
		}
		return "[]" + t
	case f.optional():
		return em.w.soap() + "Opt[" + t + "]"
	}
	return t
}

// content is the soap content function writing a value of ref.
func (em *emitter) content(ref *typeRef) string {
	soap := em.w.soap()
	codec := em.w.codec // called where used: the import is recorded then
	if b := ref.builtin; b != nil {
		if b.text {
			return codec() + "Text[" + soap + b.goName + "]"
		}
		return codec() + b.content
	}
	switch t := ref.named.(type) {
	case *structType:
		return codec() + "Complex[*" + em.tname(ref.named) + "]"
	case *arrayType, *dictType:
		return codec() + "Value[" + em.tname(ref.named) + "]"
	case *enumType:
		if t.base == nil { // numeric enumerations are written as text
			return codec() + "Enum[" + em.tname(ref.named) + "]"
		}
	}
	return codec() + "Text[" + em.tname(ref.named) + "]"
}

// read is the soap read function reading a value of ref.
func (em *emitter) read(ref *typeRef) string {
	soap := em.w.soap()
	codec := em.w.codec // called where used: the import is recorded then
	if b := ref.builtin; b != nil {
		if b.text {
			return codec() + "ReadText[" + soap + b.goName + "]"
		}
		return codec() + b.read
	}
	switch t := ref.named.(type) {
	case *structType:
		return codec() + "ReadComplex[" + em.tname(ref.named) + "]"
	case *arrayType, *dictType:
		return codec() + "ReadValue[" + em.tname(ref.named) + "]"
	case *enumType:
		if t.base == nil {
			return codec() + "ReadEnum[" + em.tname(ref.named) + "]"
		}
	}
	return codec() + "ReadText[" + em.tname(ref.named) + "]"
}

// writeItem is the call encoding one item x of the repeated field f;
// member names the field ("Type.Field item") in the error of a nil item
// that is not nillable.
//
//	codec.WritePtrItem(e, ns0, "Credential", x, codec.Complex[*Credential], "ArrayOfCredential item")
func (em *emitter) writeItem(f *field, x, member string) string {
	fn, extra := "Write", ""
	if isLeaf(f.typ) && !f.nillable {
		return em.w.codec() + "WriteLeaf(e, " + em.ns(f.elem.Space) + ", " + strconv.Quote(f.elem.Local) + ", " + x + ")"
	}
	switch {
	case isStruct(f.typ) && f.nillable:
		fn = "WritePtr"
	case isStruct(f.typ):
		fn, extra = "WritePtrItem", ", "+strconv.Quote(member+" item")
	case f.nillable:
		fn = "WriteNillable"
	}
	return em.w.codec() + fn + "(e, " + em.ns(f.elem.Space) + ", " + strconv.Quote(f.elem.Local) + ", " + x + ", " + em.content(f.typ) + extra + ")"
}

// marshalField writes the statements encoding field f of value v, whose
// Go type is named owner: a nil the schema does not allow (a nil pointer
// for a required struct, Nil for a member that is not nillable) is an
// encoding error naming owner.f.
//
//	codec.WriteOpt(e, ns0, "Name", v.Name, codec.String)
//	codec.WriteOptItem(e, ns0, "AssociateId", v.AssociateId, codec.Int32, "SetUserPresenceStatus.AssociateId")
func (em *emitter) marshalField(f *field, v, owner string) {
	w := em.w
	member := owner + "." + f.name
	if isGroup(f) {
		em.marshalGroupField(f, v)
		return
	}
	if f.repeated() {
		w.open("for _, x := range ", v, ".", f.name)
		w.ln(em.writeItem(f, "x", member))
		w.close("")
		return
	}
	fn, checked := "Write", false
	switch {
	case f.optional() && isStruct(f.typ):
		fn, checked = "WriteOptPtr", !f.nillable
	case f.optional():
		fn, checked = "WriteOpt", !f.nillable
	case isStruct(f.typ):
		fn, checked = "WritePtr", true
	}
	extra := ""
	if checked {
		fn += "Item"
		extra = ", " + strconv.Quote(member)
	}
	content := ", " + em.content(f.typ)
	if isLeaf(f.typ) {
		// codec.WriteLeaf, WriteOptLeaf, WriteOptItemLeaf: the value is
		// formatted by its Go type.
		fn, content = fn+"Leaf", ""
	}
	w.ln(w.codec(), fn, "(e, ", em.ns(f.elem.Space), ", ", strconv.Quote(f.elem.Local), ", ", v, ".", f.name, content, extra, ")")
}

// leafContent lists the content functions of the builtins whose Go types
// codec.WriteLeaf formats itself.
var leafContent = map[string]bool{
	"String": true, "Bool": true, "Int8": true, "Int16": true, "Int32": true, "Int64": true,
	"Uint8": true, "Uint16": true, "Uint32": true, "Uint64": true, "Float32": true, "Float64": true,
}

// isLeaf reports whether values of ref are written by codec.WriteLeaf.
func isLeaf(ref *typeRef) bool { return ref.builtin != nil && leafContent[ref.builtin.content] }

// at is the Decoder call accepting f's element: At or AtHeader.
func (em *emitter) at(method string, f *field) string {
	if st, ok := f.typ.named.(*structType); ok && st.hasAttrs() {
		method += "Attrs" // AtAttrs, AtHeaderAttrs
	}
	return "d." + method + "(" + em.ns(f.elem.Space) + ", " + strconv.Quote(f.elem.Local) + ", " + em.ns(f.typ.xsd.Space) + ", " + strconv.Quote(f.typ.xsd.Local) + ")"
}

// readExpr is the expression reading one accepted element of f.
func (em *emitter) readExpr(f *field) string {
	codec := em.w.codec // called where used: the import is recorded then
	r := em.read(f.typ)
	switch {
	case f.repeated():
		switch {
		case isStruct(f.typ) && f.nillable:
			return codec() + "ReadPtr(d, " + r + ")"
		case f.nillable:
			return codec() + "ReadNillable(d, " + r + ")"
		}
		return codec() + "ReadItem(d, " + r + ")"
	case f.optional():
		if f.nillable {
			return codec() + "ReadOpt(d, " + r + ")"
		}
		return codec() + "ReadOptItem(d, " + r + ")"
	}
	return codec() + "ReadItem(d, " + r + ")"
}

// unmarshalField writes the statements decoding field f into v.
//
//	if d.At(ns0, "AssociateId", soap.NSXSD, "int") {
//		v.AssociateId = codec.ReadOptItem(d, codec.ReadInt32)
//	}
func (em *emitter) unmarshalField(f *field, v string) {
	w := em.w
	dst := v + "." + f.name
	if isGroup(f) {
		em.unmarshalGroupField(f, dst)
		return
	}
	if f.repeated() {
		w.open("for ", em.at("At", f))
		w.ln(dst, " = append(", dst, ", ", em.readExpr(f), ")")
		w.close("")
		return
	}
	w.open("if ", em.at("At", f))
	w.ln(dst, " = ", em.readExpr(f))
	if f.min > 0 {
		w.orElse("else")
		w.ln("d.Missing(", em.ns(f.elem.Space), ", ", strconv.Quote(f.elem.Local), ")")
	}
	w.close("")
}

func (em *emitter) attrDecls(attrs []*field) {
	for _, a := range attrs {
		doc := "Attribute " + a.elem.Local
		if a.optional() {
			doc += " (optional)"
		}
		em.w.doc(docOr(a.doc, doc+"."))
		em.w.ln(a.name, " ", em.fieldType(a))
	}
}

// fieldDecls declares the members of elements, each with what the schema
// says of it: its occurrence and nillability, its XML name where the Go
// name differs, and its documentation.
func (em *emitter) fieldDecls(fields []*field) {
	for _, f := range fields {
		if isGroup(f) {
			em.w.doc(em.groupFieldDoc(f))
			em.w.ln(f.name, " ", em.fieldType(f))
			continue
		}
		var doc string
		switch {
		case f.repeated() && f.min == 0:
			doc = "Repeated, possibly none"
		case f.repeated():
			doc = fmt.Sprintf("Repeated, at least %d", f.min)
		case f.min == 0 && f.nillable:
			doc = "Optional, nillable"
		case f.min == 0:
			doc = "Optional"
		case f.nillable:
			doc = "Required, nillable"
		default:
			doc = "Required"
		}
		if f.repeated() && f.nillable {
			doc += ", items nillable"
		}
		if f.elem.Local != f.name {
			doc = "Element " + f.elem.Local + ": " + strings.ToLower(doc[:1]) + doc[1:]
		}
		em.w.doc(docOr(f.doc, doc+"."))
		em.w.ln(f.name, " ", em.fieldType(f))
	}
}

// method starts a method declaration with its doc line:
//
//	// doc
//	func (recv) sig {
func (em *emitter) method(doc, recv, sig string) {
	em.checkMethod(recv, sig)
	em.w.decl()
	em.w.comment(doc)
	em.w.open("func (", recv, ") ", sig)
}

func (em *emitter) structType(s *structType) {
	if s.group != nil {
		em.groupType(s)
		return
	}
	w := em.w
	soap := w.soap()
	codec := w.codec // called where used: the import is recorded then
	what := "the complex type " + s.xsd.Local
	if s.xsd.IsZero() {
		what = "the anonymous type of element " + s.origin
	}
	doc := fmt.Sprintf("%s is %s.", s.name, what)
	if s.base != nil {
		doc += fmt.Sprintf(" It extends %s, whose members come first on the wire.", s.base.name)
	}
	w.decl()
	w.doc(docOr(s.doc, doc))
	if s.base == nil && s.value == nil && len(s.attrs) == 0 && s.anyAttr == "" && len(s.fields) == 0 && s.wildcard == nil && s.mixed == "" {
		w.ln("type ", s.name, " struct{}")
	} else {
		w.open("type ", s.name, " struct")
		if s.base != nil {
			w.ln(em.tname(s.base))
		}
		if s.value != nil {
			w.comment("Value is the element's text.")
			w.ln(s.value.name, " ", em.goTypeOf(s.value.typ))
		}
		em.attrDecls(s.attrs)
		if s.mixed != "" {
			w.comment(s.mixed+" holds the text of the mixed content: "+s.mixed+"[0] stands before the first child",
				"element, "+s.mixed+"[i] after the i-th; trailing empty segments may be left out.")
			w.ln(s.mixed, " []string")
		}
		if s.anyAttr != "" {
			w.comment(s.anyAttr + " holds the attributes the xs:anyAttribute wildcard admits, as written.")
			w.ln(s.anyAttr, " []", soap, "Attr")
		}
		em.fieldDecls(s.fields)
		if wc := s.wildcard; wc != nil {
			w.doc(fmt.Sprintf("%s holds the elements of the xs:any wildcard (namespace %q), as written.", wc.name, wc.namespace))
			w.ln(wc.name, " []", soap, "AnyElement")
		}
		w.close("")
	}
	recv := "v *" + s.name
	enc := "(e *" + soap + "Encoder)"
	dec := "(d *" + soap + "Decoder)"
	// writeChildren writes the base type's members, then the own ones.
	writeChildren := func() {
		if s.mixed != "" {
			w.ln("e.StartMixed(v.", s.mixed, ")")
			defer w.ln("e.EndMixed()")
		}
		switch {
		case s.base != nil && s.base.hasAttrs():
			w.ln("v.", s.base.name, ".", s.base.plumb("marshalChildren"), "(e)")
		case s.base != nil:
			w.ln("v.", s.base.name, ".MarshalSOAP(e)")
		}
		if s.value != nil {
			w.ln(em.content(s.value.typ), "(e, v.", s.value.name, ")")
		}
		for _, fl := range s.fields {
			em.marshalField(fl, "v", s.name)
		}
		if wc := s.wildcard; wc != nil {
			w.open("for _, x := range v.", wc.name)
			w.ln(codec(), "AnyElementContent(e, x)")
			w.close("")
		}
	}
	// readFields reads the members of v, base type first: the body of
	// unmarshalFields for a base type, inlined into UnmarshalSOAP for the
	// others (one function less per type to compile).
	readFields := func() {
		if s.base != nil {
			w.ln("v.", s.base.name, ".", s.base.plumb("unmarshalFields"), "(d)")
		}
		if s.all {
			em.unmarshalAll(s.fields)
			return
		}
		for _, fl := range s.fields {
			em.unmarshalField(fl, "v")
		}
		if wc := s.wildcard; wc != nil {
			w.open("for d.AtWildcard(", strconv.Quote(wc.namespace), ", ", em.ns(wc.tns), ")")
			w.ln("v.", wc.name, " = append(v.", wc.name, ", ", codec(), "ReadAnyElement(d))")
			w.close("")
		}
	}
	fields := func() {
		if s.isBase {
			w.ln("v.", s.plumb("unmarshalFields"), "(d)")
		} else {
			readFields()
		}
	}
	// end reads the rest of the element: its end tag, or for simple
	// content its text and end tag.
	end := "d.End()"
	if vf, sel := s.valuePath(); vf != nil {
		end = "v." + sel + " = " + em.read(vf.typ) + "(d)"
	}
	if s.mixed != "" {
		inner := fields
		fields = func() {
			w.ln("d.StartMixed()")
			inner()
		}
	}
	// ending reads the end and, for mixed content, takes its text.
	ending := func() {
		w.ln(end)
		if s.mixed != "" {
			w.ln("v.", s.mixed, " = d.EndMixed()")
		}
	}
	if !s.hasAttrs() {
		em.body("MarshalSOAP implements soap.Marshaler.", recv, "MarshalSOAP"+enc, writeChildren)
		em.method("UnmarshalSOAP implements soap.Unmarshaler.", recv, "UnmarshalSOAP"+dec)
		fields()
		ending()
		w.close("")
	} else {
		// Attributes go on the start tag, before any child: base and own
		// attributes first, then base and own members.
		em.method("MarshalSOAP implements soap.Marshaler.", recv, "MarshalSOAP"+enc)
		w.ln("v.", s.plumb("marshalAttrs"), "(e)")
		w.ln("v.", s.plumb("marshalChildren"), "(e)")
		w.close("")
		em.body(s.plumbDoc("marshalAttrs", "writes the attributes of v, base type first."), recv, s.plumb("marshalAttrs")+enc, func() {
			if s.base != nil && s.base.hasAttrs() {
				w.ln("v.", s.base.name, ".", s.base.plumb("marshalAttrs"), "(e)")
			}
			for _, a := range s.attrs {
				fn := em.w.codec() + "WriteAttr"
				if a.optional() {
					fn = em.w.codec() + "WriteOptAttr"
				}
				w.ln(fn, "(e, ", em.ns(a.elem.Space), ", ", strconv.Quote(a.elem.Local), ", v.", a.name, ", ", em.content(a.typ), ")")
			}
			if s.anyAttr != "" {
				w.open("for _, a := range v.", s.anyAttr)
				w.ln("e.Attr(a.Name.Space, a.Name.Local, a.Value)")
				w.close("")
			}
		})
		em.body(s.plumbDoc("marshalChildren", "writes the members of v, base type first."), recv, s.plumb("marshalChildren")+enc, writeChildren)
		em.method("UnmarshalSOAP implements soap.Unmarshaler.", recv, "UnmarshalSOAP"+dec)
		w.ln("v.UnmarshalSOAPAttrs(d)")
		fields()
		ending()
		w.close("")
		rest := "d.EndAttrs()"
		if path := s.anyAttrPath(); path != nil {
			// The attributes no declaration read go to the wildcard's field.
			rest = "v." + strings.Join(path, ".") + " = d.RestAttrs()"
		}
		em.method("UnmarshalSOAPAttrs implements soap.AttrUnmarshaler.", recv, "UnmarshalSOAPAttrs"+dec)
		w.ln("v.", s.plumb("unmarshalAttrs"), "(d)")
		w.ln(rest)
		w.close("")
		em.body(s.plumbDoc("unmarshalAttrs", "reads the attributes of v, base type first."), recv, s.plumb("unmarshalAttrs")+dec, func() {
			if s.base != nil && s.base.hasAttrs() {
				w.ln("v.", s.base.name, ".", s.base.plumb("unmarshalAttrs"), "(d)")
			}
			for _, a := range s.attrs {
				val := "x"
				if a.optional() {
					val = soap + "Some(x)"
				}
				w.open("if x, ok := ", codec(), "ReadAttr(d, ", em.ns(a.elem.Space), ", ", strconv.Quote(a.elem.Local), ", ", em.read(a.typ), "); ok")
				w.ln("v.", a.name, " = ", val)
				if !a.optional() {
					w.orElse("else")
					w.ln("d.MissingAttr(", em.ns(a.elem.Space), ", ", strconv.Quote(a.elem.Local), ")")
				}
				w.close("")
			}
		})
	}
	if paths, fields, secret := secretPaths(s); secret {
		em.redactingMethods(s.name, paths, fields)
	}
	em.getters(s.name, false)
	if s.isBase {
		em.body(s.plumbDoc("unmarshalFields", "reads the members of v in schema order, base type first."), recv, s.plumb("unmarshalFields")+dec, readFields)
	}
}

// body writes a method whose body fill writes; an empty body is written
// as gofmt writes it (see emptyBody).
func (em *emitter) body(doc, recv, sig string, fill func()) {
	em.checkMethod(recv, sig)
	w := em.w
	w.decl()
	w.comment(doc)
	mark := len(w.buf)
	w.open("func (", recv, ") ", sig)
	start := len(w.buf)
	fill()
	if len(w.buf) == start {
		w.buf = append(w.buf[:mark], emptyBody("func ("+recv+") "+sig)...)
		w.depth--
		return
	}
	w.close("")
}

// gofmtOneLine is the longest function header (from "func" to the end of
// the signature, in bytes) after which go/printer keeps an empty body on
// the header's line: its funcBody puts a body on one line when the
// header's size (counted from the column after "func"'s first byte, so one
// more than its length) plus the body's (0 when empty) is at most 100.
// TestGoWriterNameLengths checks the boundary.
const gofmtOneLine = 99

// emptyBody is a top-level function with header and an empty body, as
// gofmt prints it: "header {}" on one line, or the braces on two lines
// when the header is longer than gofmtOneLine.
func emptyBody(header string) string {
	if len(header) > gofmtOneLine {
		return header + " {\n}\n"
	}
	return header + " {}\n"
}

// unmarshalAll reads the members of an xs:all group in any order, each at
// most once; required members must have come by the end.
func (em *emitter) unmarshalAll(fields []*field) {
	if len(fields) == 0 {
		return
	}
	w := em.w
	w.ln("var seen [", strconv.Itoa(len(fields)), "]bool")
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = strconv.Quote(f.elem.Local)
	}
	w.ln("names := [...]string{", strings.Join(names, ", "), "}")
	w.open("for d.Err() == nil")
	w.ln("i := -1")
	w.ln("switch {")
	for i, f := range fields {
		w.ln("case ", em.at("At", f), ":")
		w.depth++
		w.ln("i = ", strconv.Itoa(i))
		w.ln("v.", f.name, " = ", em.readExpr(f))
		w.depth--
	}
	w.ln("}")
	w.open("if i < 0")
	w.ln("break")
	w.close("")
	w.open("if seen[i]")
	w.ln(`d.Fail("element %s appears twice in an xs:all group", names[i])`)
	w.close("")
	w.ln("seen[i] = true")
	w.close("")
	for i, f := range fields {
		if f.min > 0 {
			w.open("if !seen[", strconv.Itoa(i), "]")
			w.ln("d.Missing(", em.ns(f.elem.Space), ", ", strconv.Quote(f.elem.Local), ")")
			w.close("")
		}
	}
}

func (em *emitter) arrayType(a *arrayType) {
	em.w.decl()
	em.w.doc(docOr(a.doc, fmt.Sprintf("%s is the complex type %s: a list of %s elements.", a.name, a.xsd.Local, a.item.elem.Local)))
	em.w.ln("type ", a.name, " ", em.fieldType(a.item))
	em.sliceMethods(a.name, a.item, false)
}

// sliceMethods writes MarshalSOAP and UnmarshalSOAP of a named slice type
// whose elements are item; values holds entries by value (dictionaries).
func (em *emitter) sliceMethods(name string, item *field, values bool) {
	w := em.w
	soap := w.soap()
	codec := w.codec // called where used: the import is recorded then
	em.method("MarshalSOAP implements soap.Marshaler.", "v "+name, "MarshalSOAP(e *"+soap+"Encoder)")
	if values {
		w.open("for i := range v")
		w.ln(codec(), "Write(e, ", em.ns(item.elem.Space), ", ", strconv.Quote(item.elem.Local), ", &v[i], ", em.content(item.typ), ")")
	} else {
		w.open("for _, x := range v")
		w.ln(em.writeItem(item, "x", name))
	}
	w.close("")
	w.close("")
	em.method("UnmarshalSOAP implements soap.Unmarshaler.", "v *"+name, "UnmarshalSOAP(d *"+soap+"Decoder)")
	elem := em.readExpr(item)
	if values {
		elem = "*" + elem
	}
	w.open("for ", em.at("At", item))
	w.ln("*v = append(*v, ", elem, ")")
	w.close("")
	w.ln("d.End()")
	w.close("")
}

func (em *emitter) dictType(d *dictType) {
	w := em.w
	w.decl()
	w.doc(docOr(d.doc, fmt.Sprintf("%s is the dictionary type %s: %s entries in order, with map-like access through Get and Set.", d.name, d.xsd.Local, d.entry.name)))
	w.ln("type ", d.name, " []", d.entry.name)
	em.sliceMethods(d.name, d.item, true)
	key, val := d.entry.fields[0], d.entry.fields[1]
	if key.repeated() || !comparableKey(key.typ) {
		return
	}
	get := func(fl *field, x string) string {
		if fl.optional() {
			return x + "." + fl.name + ".Value()"
		}
		return x + "." + fl.name
	}
	wrapV := func(fl *field, x string) string {
		if fl.optional() {
			return w.soap() + "Some(" + x + ")"
		}
		return x
	}
	keyT, valT := em.goTypeOf(key.typ), em.goTypeOf(val.typ)
	if val.repeated() {
		valT = em.fieldType(val) // a slice of the values
	}
	em.method("Get returns the value of the first entry whose key is k.", "v "+d.name, "Get(k "+keyT+") ("+valT+", bool)")
	w.open("for _, x := range v")
	w.open("if ", get(key, "x"), " == k")
	w.ln("return ", get(val, "x"), ", true")
	w.close("")
	w.close("")
	w.ln("var zero ", valT)
	w.ln("return zero, false")
	w.close("")
	em.method("Set sets the value of key k: in the first entry with that key, or in a new entry at the end.", "v *"+d.name, "Set(k "+keyT+", value "+valT+")")
	w.open("for i := range *v")
	w.open("if ", get(key, "(*v)[i]"), " == k")
	w.ln("(*v)[i].", val.name, " = ", wrapV(val, "value"))
	w.ln("return")
	w.close("")
	w.close("")
	w.ln("*v = append(*v, ", d.entry.name, "{")
	w.depth++
	w.keyed([]kv{{key: key.name, val: wrapV(key, "k")}, {key: val.name, val: wrapV(val, "value")}})
	w.depth--
	w.ln("})")
	w.close("")
}

func comparableKey(ref *typeRef) bool {
	if b := ref.builtin; b != nil {
		return b.goName != "[]byte" && b.goName != "Any" && b.goName != "Decimal"
	}
	switch ref.named.(type) {
	case *enumType, *flagsType, *unionType:
		return true
	}
	return false
}

// typeDoc starts the declaration of a generated simple type with its doc
// comment: "<name> is the <kind> <schema name><suffix>" (or "an anonymous
// <kind>"), then the schema's documentation.
func (em *emitter) typeDoc(name, kind string, xsd wsdl.QName, suffix, doc string) {
	what := "the " + kind + " " + xsd.Local
	if xsd.IsZero() {
		what = "an anonymous " + kind
	}
	em.w.decl()
	em.w.doc(docOr(doc, name+" is "+what+suffix))
}

func (em *emitter) unionType(t *unionType) {
	w := em.w
	codec := w.codec // called where used: the import is recorded then
	em.typeDoc(t.name, "union type", t.xsd, ": its value as written, valid for at least one of the member types.", t.doc)
	w.ln("type ", t.name, " string")
	args := []string{"string(v)"}
	for _, m := range t.members {
		args = append(args, w.codec()+"Member("+em.read(m)+")")
	}
	em.method("check reports whether v is valid for a member type.", "v "+t.name, "check() error")
	w.ln("return ", codec(), "CheckUnion(", strings.Join(args, ", "), ")")
	w.close("")
	fmtQ := w.use("fmt")
	em.method("MarshalText implements encoding.TextMarshaler; a value valid for no member type is an error.", "v "+t.name, "MarshalText() ([]byte, error)")
	w.open("if err := v.check(); err != nil")
	w.ln("return nil, ", fmtQ, "Errorf(", strconv.Quote(t.name+": %w"), ", err)")
	w.close("")
	w.ln("return []byte(v), nil")
	w.close("")
	em.method("UnmarshalText implements encoding.TextUnmarshaler; a value valid for no member type is an error.", "v *"+t.name, "UnmarshalText(b []byte) error")
	w.ln("x := ", t.name, "(b)")
	em.failOrSet("err := x.check(); err != nil", fmtQ+"Errorf("+strconv.Quote(t.name+": %w")+", err)", "x")
}

// failOrSet ends an UnmarshalText method: it returns the error ret if
// cond holds, else stores val in *v.
func (em *emitter) failOrSet(cond, ret, val string) {
	w := em.w
	w.open("if ", cond)
	w.ln("return ", ret)
	w.close("")
	w.ln("*v = ", val)
	w.ln("return nil")
	w.close("")
}

func (em *emitter) listType(t *listType) {
	w := em.w
	codec := w.codec // called where used: the import is recorded then
	em.typeDoc(t.name, "list type", t.xsd, ": items sent as space-separated text.", t.doc)
	w.ln("type ", t.name, " []", em.goTypeOf(t.item))
	em.method("MarshalText implements encoding.TextMarshaler.", "v "+t.name, "MarshalText() ([]byte, error)")
	w.ln("return ", codec(), "FormatList(v, ", em.content(t.item), ")")
	w.close("")
	em.method("UnmarshalText implements encoding.TextUnmarshaler.", "v *"+t.name, "UnmarshalText(b []byte) error")
	w.ln("items, err := ", codec(), "ParseList(b, ", em.read(t.item), ")")
	em.failOrSet("err != nil", w.use("fmt")+"Errorf("+strconv.Quote(t.name+": %w")+", err)", "items")
}

func (em *emitter) enumType(t *enumType) {
	if t.base != nil {
		em.valueEnumType(t)
		return
	}
	w := em.w
	em.typeDoc(t.name, "enumeration", t.xsd, ".", t.doc)
	w.ln("type ", t.name, " string")
	em.enumConsts(t, func(v *enumValue) string { return strconv.Quote(v.value) })
	fmtQ := w.use("fmt")
	em.method("MarshalText implements encoding.TextMarshaler; a value outside the enumeration is an error.", "v "+t.name, "MarshalText() ([]byte, error)")
	w.open("if !v.IsValid()")
	w.ln("return nil, ", fmtQ, "Errorf(", strconv.Quote("invalid "+t.name+" %q"), ", string(v))")
	w.close("")
	w.ln("return []byte(v), nil")
	w.close("")
	em.method("UnmarshalText implements encoding.TextUnmarshaler; a value outside the enumeration is an error.", "v *"+t.name, "UnmarshalText(b []byte) error")
	w.ln("x := ", t.name, "(b)")
	em.failOrSet("!x.IsValid()", fmtQ+"Errorf("+strconv.Quote("invalid "+t.name+" %q")+", b)", "x")
	w.decl()
	w.comment("Number returns the number of v in the service's enumeration (the",
		"DataContract EnumerationValue where the schema gives one, else its",
		"position), or -1 for a value outside the enumeration.")
	w.open("func (v ", t.name, ") Number() int64")
	w.ln("switch v {")
	for _, v := range t.values {
		w.ln("case ", v.name, ":")
		w.depth++
		w.ln("return ", strconv.FormatInt(v.number, 10))
		w.depth--
	}
	w.ln("}")
	w.ln("return -1")
	w.close("")
}

func (em *emitter) flagsType(t *flagsType) {
	w := em.w
	codec := w.codec // called where used: the import is recorded then
	em.typeDoc(t.name, "flag list", t.xsd, ": a set of flags, sent as a space-separated list of their names.", t.doc)
	under := "uint32"
	if t.bits == 64 {
		under = "uint64"
	}
	w.ln("type ", t.name, " ", under)
	w.decl()
	w.comment("Flags of " + t.name + ".")
	specs := make([]constSpec, len(t.values))
	names := make([]string, len(t.values))
	values := make([]string, len(t.values))
	for i, v := range t.values {
		// A negative EnumerationValue (.NET's All = -1) is its bits.
		specs[i] = constSpec{doc: v.doc, name: v.name, typ: t.name, value: strconv.FormatUint(uint64(v.number), 10)}
		names[i] = strconv.Quote(v.value)
		values[i] = v.name
	}
	w.constBlock(specs)
	tables := func() {
		w.ln("names := [...]string{", strings.Join(names, ", "), "}")
		w.ln("values := [...]", t.name, "{", strings.Join(values, ", "), "}")
	}
	em.allValues(t.name, values)
	em.method("Has reports whether every flag of flags is set in v.", "v "+t.name, "Has(flags "+t.name+") bool")
	w.ln("return v&flags == flags")
	w.close("")
	em.method("MarshalText implements encoding.TextMarshaler: the names of the set flags in schema order.", "v "+t.name, "MarshalText() ([]byte, error)")
	tables()
	w.ln("return ", codec(), "FormatFlags(v, names[:], values[:])")
	w.close("")
	em.method("UnmarshalText implements encoding.TextUnmarshaler; an unknown name is an error.", "v *"+t.name, "UnmarshalText(b []byte) error")
	tables()
	w.ln("x, err := ", codec(), "ParseFlags(b, names[:], values[:])")
	em.failOrSet("err != nil", w.use("fmt")+"Errorf("+strconv.Quote(t.name+": %w")+", err)", "x")
	em.method("String returns the names of the set flags in schema order, as sent (\"Select Update\"); bits that no flag has follow in hexadecimal.", "v "+t.name, "String() string")
	tables()
	w.ln("return ", codec(), "FlagsString(v, names[:], values[:])")
	w.close("")
}

// enumConsts writes the constants of enumeration t, their values given by
// literal, with its AllValues and IsValid methods.
func (em *emitter) enumConsts(t *enumType, literal func(*enumValue) string) {
	w := em.w
	w.decl()
	w.comment("Values of " + t.name + ".")
	specs := make([]constSpec, len(t.values))
	names := make([]string, len(t.values))
	for i, v := range t.values {
		specs[i] = constSpec{doc: v.doc, name: v.name, typ: t.name, value: literal(v)}
		names[i] = v.name
	}
	w.constBlock(specs)
	em.allValues(t.name, names)
	em.method("IsValid reports whether v is one of the values of the enumeration.", "v "+t.name, "IsValid() bool")
	w.ln("switch v {")
	w.ln("case ", strings.Join(names, ", "), ":")
	w.depth++
	w.ln("return true")
	w.depth--
	w.ln("}")
	w.ln("return false")
	w.close("")
}

// allValues writes the AllValues method of the enumeration or flag list
// named typ, whose constants are names.
func (em *emitter) allValues(typ string, names []string) {
	w := em.w
	recv, sig := "v "+typ, "AllValues() []"+typ
	em.checkMethod(recv, sig)
	w.decl()
	w.doc("AllValues returns the values of " + typ + " in schema order; the receiver is not used.")
	w.open("func (", recv, ") ", sig)
	w.ln("return []", typ, "{", strings.Join(names, ", "), "}")
	w.close("")
}
