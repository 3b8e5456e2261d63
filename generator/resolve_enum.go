package generator

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/soapgen/soapgen/wsdl"
)

// valueEnum resolves an enumeration of a builtin that is not string-like
// (b, the builtin base is named base): integers, floating-point numbers
// and booleans become a named type of b's Go type with a constant per
// distinct value (a second lexical form of a value, such as "01" after
// "1", names no constant of its own). Other builtins are refused.
func (r *resolver) valueEnum(st *wsdl.SimpleType, b *builtin, base wsdl.QName, key, want string, remember func(goType)) (*typeRef, error) {
	parse := valueParser(b)
	if parse == nil {
		return nil, unsupported(st.Pos, "xs:enumeration", st.Name, "enumerations of %s are not implemented yet (only of string-like types, integers, float, double and boolean)", base.Local)
	}
	et := &enumType{xsd: st.Name, doc: st.Doc, base: b}
	seen := map[string]bool{}
	for _, e := range st.Enumerations {
		lit, ok := parse(strings.TrimSpace(e.Value))
		if !ok {
			return nil, &wsdl.Error{Pos: st.Pos, Construct: "xs:enumeration", Name: st.Name, Err: fmt.Errorf("%w: value %q is not a constant of xs:%s (INF and NaN have no Go constant)", wsdl.ErrInvalid, e.Value, base.Local)}
		}
		if seen[lit] {
			continue
		}
		seen[lit] = true
		et.values = append(et.values, &enumValue{value: e.Value, doc: e.Doc, literal: lit})
	}
	remember(et)
	r.register(et, key, want, func(n string) { et.name = n })
	return &typeRef{named: et}, nil
}

// valueParser returns the function turning an enumeration value of the
// builtin b into a Go constant literal, or nil if b's enumerations are not
// implemented.
func valueParser(b *builtin) func(string) (string, bool) {
	if b == nil {
		return nil
	}
	bits := map[string]int{"int8": 8, "int16": 16, "int32": 32, "int64": 64, "uint8": 8, "uint16": 16, "uint32": 32, "uint64": 64, "float32": 32, "float64": 64}[b.goName]
	switch {
	case b.goName == "bool":
		return func(s string) (string, bool) {
			switch s {
			case "true", "1":
				return "true", true
			case "false", "0":
				return "false", true
			}
			return "", false
		}
	case strings.HasPrefix(b.goName, "int"):
		return func(s string) (string, bool) {
			v, err := strconv.ParseInt(s, 10, bits)
			return strconv.FormatInt(v, 10), err == nil
		}
	case strings.HasPrefix(b.goName, "uint"):
		return func(s string) (string, bool) {
			v, err := strconv.ParseUint(strings.TrimPrefix(s, "+"), 10, bits)
			return strconv.FormatUint(v, 10), err == nil
		}
	case strings.HasPrefix(b.goName, "float"):
		return func(s string) (string, bool) {
			// XSD's lexical space: no hexadecimal, no Inf or NaN spellings
			// (INF, -INF, NaN have no Go constant).
			if s == "" || strings.ContainsAny(s, "xXpPnNiI_") {
				return "", false
			}
			v, err := strconv.ParseFloat(s, bits)
			if err != nil || math.IsInf(v, 0) {
				return "", false
			}
			lit := strconv.FormatFloat(v, 'g', -1, bits)
			if v == 0 {
				lit = "0" // -0 is 0 as a Go constant
			}
			return lit, true
		}
	}
	return nil
}

// literalName is the part of a constant's name that a value of a
// numeric or boolean enumeration gives: "1" for 1, "Minus1" for -1,
// "1Point5" for 1.5, "True"; "" for a string enumeration's value.
func (v *enumValue) literalName() string {
	switch v.literal {
	case "":
		return ""
	case "true", "false":
		return exportedName(v.literal)
	}
	return strings.NewReplacer("-", "Minus", "+", "Plus", ".", "Point").Replace(v.literal)
}
