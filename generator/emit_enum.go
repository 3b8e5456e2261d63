package generator

import (
	"strconv"
)

// valueEnumType writes an enumeration of numbers or booleans: a named
// type of the builtin's Go type, its values as constants, and strict
// text methods (a value outside the enumeration is an error both ways):
//
//	type Level int32
//
//	const (
//		Level0 Level = 0
//		Level1 Level = 1
//	)
func (em *emitter) valueEnumType(t *enumType) {
	w := em.w
	codec := w.codec // called where used: the import is recorded then
	em.typeDoc(t.name, "enumeration", t.xsd, " of xs:"+t.base.xsd+".", t.doc)
	w.ln("type ", t.name, " ", t.base.goName)
	em.enumConsts(t, func(v *enumValue) string { return v.literal })
	fmtQ := w.use("fmt")
	em.method("MarshalText implements encoding.TextMarshaler; a value outside the enumeration is an error.", "v "+t.name, "MarshalText() ([]byte, error)")
	w.open("if !v.IsValid()")
	w.ln("return nil, ", fmtQ, "Errorf(", strconv.Quote("invalid "+t.name+" %v"), ", ", t.base.goName, "(v))")
	w.close("")
	w.ln("return ", codec(), "FormatValue(", t.base.goName, "(v), ", codec(), t.base.content, ")")
	w.close("")
	em.method("UnmarshalText implements encoding.TextUnmarshaler; a value outside the enumeration is an error.", "v *"+t.name, "UnmarshalText(b []byte) error")
	w.ln("x, err := ", codec(), "ParseValue(b, ", codec(), t.base.read, ")")
	w.open("if err != nil")
	w.ln("return ", fmtQ, "Errorf(", strconv.Quote("invalid "+t.name+" %q: %w"), ", b, err)")
	w.close("")
	em.failOrSet("!"+t.name+"(x).IsValid()", fmtQ+"Errorf("+strconv.Quote("invalid "+t.name+" %q")+", b)", t.name+"(x)")
}
