package codec

import (
	"encoding"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/soapgen/soapgen/soap"
)

// Write writes v as element {ns}local with content written by content.
func Write[T any](e *soap.Encoder, ns, local string, v T, content func(*soap.Encoder, T)) {
	e.Start(ns, local)
	content(e, v)
	e.End()
}

// WriteOpt writes o as element {ns}local: nothing when absent, xsi:nil when
// nil, otherwise the value.
func WriteOpt[T any](e *soap.Encoder, ns, local string, o soap.Opt[T], content func(*soap.Encoder, T)) {
	if v, ok := o.Get(); ok {
		Write(e, ns, local, v, content)
	} else if o.IsNil() {
		e.Nil(ns, local)
	}
}

// WritePtr writes a pointer as element {ns}local, xsi:nil when it is nil.
func WritePtr[T any](e *soap.Encoder, ns, local string, p *T, content func(*soap.Encoder, *T)) {
	if p == nil {
		e.Nil(ns, local)
		return
	}
	Write(e, ns, local, p, content)
}

// WriteOptPtr is WriteOpt for pointers: soap.Some(nil) is sent as xsi:nil.
func WriteOptPtr[T any](e *soap.Encoder, ns, local string, o soap.Opt[*T], content func(*soap.Encoder, *T)) {
	switch v, ok := o.Get(); {
	case ok && v != nil:
		Write(e, ns, local, v, content)
	case !o.IsAbsent():
		e.Nil(ns, local)
	}
}

// Leaf is the set of the Go types of the XSD builtins that WriteLeaf and
// its variants format themselves: strings, booleans, integers and floats.
type Leaf interface {
	string | bool | int8 | int16 | int32 | int64 | uint8 | uint16 | uint32 | uint64 | float32 | float64
}

// WriteLeaf writes v, of an XSD builtin type, as element {ns}local, as
// Write with the type's content function (String, Bool, Int32, Float64…)
// does, in one step.
func WriteLeaf[T Leaf](e *soap.Encoder, ns, local string, v T) {
	// A switch on concrete types does not box v. Each case only calls a
	// function that is not generic, so that every instantiation (one per
	// type) stays small.
	switch x := any(v).(type) {
	case string:
		e.Element(ns, local, x)
	case bool:
		leafBool(e, ns, local, x)
	case int8:
		leafInt(e, ns, local, int64(x))
	case int16:
		leafInt(e, ns, local, int64(x))
	case int32:
		leafInt(e, ns, local, int64(x))
	case int64:
		leafInt(e, ns, local, x)
	case uint8:
		leafUint(e, ns, local, uint64(x))
	case uint16:
		leafUint(e, ns, local, uint64(x))
	case uint32:
		leafUint(e, ns, local, uint64(x))
	case uint64:
		leafUint(e, ns, local, x)
	case float32:
		leafFloat(e, ns, local, float64(x), 32)
	case float64:
		leafFloat(e, ns, local, x, 64)
	}
}

func leafBool(e *soap.Encoder, ns, local string, v bool) {
	if v {
		e.Element(ns, local, "true")
		return
	}
	e.Element(ns, local, "false")
}

func leafInt(e *soap.Encoder, ns, local string, v int64) {
	var tmp [24]byte
	e.ElementBytes(ns, local, strconv.AppendInt(tmp[:0], v, 10))
}

func leafUint(e *soap.Encoder, ns, local string, v uint64) {
	var tmp [24]byte
	e.ElementBytes(ns, local, strconv.AppendUint(tmp[:0], v, 10))
}

func leafFloat(e *soap.Encoder, ns, local string, v float64, bits int) {
	var tmp [32]byte
	e.ElementBytes(ns, local, appendFloat(tmp[:0], v, bits))
}

// WriteOptLeaf is WriteOpt for the types of WriteLeaf.
func WriteOptLeaf[T Leaf](e *soap.Encoder, ns, local string, o soap.Opt[T]) {
	if v, ok := o.Get(); ok {
		WriteLeaf(e, ns, local, v)
	} else if o.IsNil() {
		e.Nil(ns, local)
	}
}

// WriteOptItemLeaf is WriteOptItem for the types of WriteLeaf.
func WriteOptItemLeaf[T Leaf](e *soap.Encoder, ns, local string, o soap.Opt[T], member string) {
	if o.IsNil() && !e.NilForOptional {
		e.Fail(&soap.NilError{Member: member, Element: soap.QName{Space: ns, Local: local}})
		return
	}
	WriteOptLeaf(e, ns, local, o)
}

// WriteOptItem is WriteOpt for an optional member that is not nillable:
// soap.Nil is refused (a *soap.NilError naming member, "Type.Field", recorded with
// Fail), as values outside an enumeration are, unless the soap.Encoder's
// NilForOptional is set.
func WriteOptItem[T any](e *soap.Encoder, ns, local string, o soap.Opt[T], content func(*soap.Encoder, T), member string) {
	if o.IsNil() && !e.NilForOptional {
		e.Fail(&soap.NilError{Member: member, Element: soap.QName{Space: ns, Local: local}})
		return
	}
	WriteOpt(e, ns, local, o, content)
}

// WriteOptPtrItem is WriteOptPtr for an optional member that is not
// nillable: soap.Nil and soap.Some(nil) are refused, as by WriteOptItem.
func WriteOptPtrItem[T any](e *soap.Encoder, ns, local string, o soap.Opt[*T], content func(*soap.Encoder, *T), member string) {
	if v, ok := o.Get(); (o.IsNil() || ok && v == nil) && !e.NilForOptional {
		e.Fail(&soap.NilError{Member: member, Element: soap.QName{Space: ns, Local: local}})
		return
	}
	WriteOptPtr(e, ns, local, o, content)
}

// WritePtrItem is WritePtr for a member that is required (or an item of a
// repeated one) and not nillable: a nil pointer is refused (a *soap.NilError
// naming member, recorded with Fail).
func WritePtrItem[T any](e *soap.Encoder, ns, local string, p *T, content func(*soap.Encoder, *T), member string) {
	if p == nil {
		e.Fail(&soap.NilError{Member: member, Element: soap.QName{Space: ns, Local: local}, Required: true})
		return
	}
	Write(e, ns, local, p, content)
}

// Complex is the content function of a generated complex type.
func Complex[P soap.Marshaler](e *soap.Encoder, v P) { v.MarshalSOAP(e) }

// ReadComplex reads the accepted element into a new T.
func ReadComplex[T any, P interface {
	*T
	soap.Unmarshaler
}](d *soap.Decoder) *T {
	v := new(T)
	P(v).UnmarshalSOAP(d)
	return v
}

// ReadOpt reads the accepted element as an soap.Opt: soap.Nil for xsi:nil, else the
// value read.
func ReadOpt[T any](d *soap.Decoder, read func(*soap.Decoder) T) soap.Opt[T] {
	if d.IsNil() {
		d.End()
		return soap.Nil[T]()
	}
	return soap.Some(read(d))
}

// ReadOptItem reads the accepted optional, non-nillable element as an soap.Opt.
// xsi:nil is an error, unless the soap.Decoder's NilForOptional is set (then it
// decodes as soap.Nil).
func ReadOptItem[T any](d *soap.Decoder, read func(*soap.Decoder) T) soap.Opt[T] {
	if d.IsNil() {
		if !d.NilForOptional {
			d.Fail("xsi:nil on an element that is not nillable")
			return soap.Opt[T]{}
		}
		d.End()
		return soap.Nil[T]()
	}
	return soap.Some(read(d))
}

// ReadPtr reads the accepted element as a pointer: nil for xsi:nil.
func ReadPtr[T any](d *soap.Decoder, read func(*soap.Decoder) *T) *T {
	if d.IsNil() {
		d.End()
		return nil
	}
	return read(d)
}

// ReadItem reads a non-nillable accepted element: xsi:nil is an error.
func ReadItem[T any](d *soap.Decoder, read func(*soap.Decoder) T) T {
	if d.IsNil() {
		d.Fail("xsi:nil on an element that is not nillable")
		var zero T
		return zero
	}
	return read(d)
}

// Text is the content function of types that marshal as text (enums, flag
// sets and the XSD value types of this package). The types of this package
// append their text to the soap.Encoder's buffer without allocating.
func Text[T encoding.TextMarshaler](e *soap.Encoder, v T) {
	var (
		tmp [64]byte
		b   []byte
		err error
	)
	switch x := any(v).(type) { // a switch on concrete types does not box v
	case soap.DateTime:
		b, err = x.AppendText(tmp[:0])
	case soap.Duration:
		b, err = x.AppendText(tmp[:0])
	default:
		b, err = v.MarshalText()
	}
	if err != nil {
		e.Fail(err)
		return
	}
	e.TextBytes(b)
}

// ReadText reads the accepted element's text into a T via UnmarshalText.
func ReadText[T any, P interface {
	*T
	encoding.TextUnmarshaler
}](d *soap.Decoder) T {
	var v T
	s := d.Text()
	if d.Err() != nil {
		return v
	}
	var err error
	switch p := any(&v).(type) { // the types of this package parse s as it is
	case *soap.DateTime:
		*p, err = soap.ParseDateTime(s)
	case *soap.Duration:
		*p, err = soap.ParseDuration(s)
	default:
		err = P(&v).UnmarshalText([]byte(s))
	}
	if err != nil {
		d.Fail("%v", err)
	}
	return v
}

// Enum is the content function of enumerations (string types whose values
// are constants): Text without the copy MarshalText makes. A value outside
// the enumeration is refused with MarshalText's error.
func Enum[T interface {
	~string
	encoding.TextMarshaler
	IsValid() bool
}](e *soap.Encoder, v T) {
	if !v.IsValid() {
		if _, err := v.MarshalText(); err != nil {
			e.Fail(err)
			return
		}
	}
	e.Text(string(v))
}

// ReadEnum reads the accepted element's text as an enumeration value:
// ReadText without the copies UnmarshalText makes. A value outside the
// enumeration is refused with UnmarshalText's error.
func ReadEnum[T interface {
	~string
	IsValid() bool
}, P interface {
	*T
	encoding.TextUnmarshaler
}](d *soap.Decoder) T {
	s := d.Text()
	if d.Err() != nil {
		return ""
	}
	if v := T(s); v.IsValid() {
		return v
	}
	var v T
	if err := P(&v).UnmarshalText([]byte(s)); err != nil {
		d.Fail("%v", err)
	}
	return v
}

// Content and read functions of the XSD builtins.

// String writes a string.
func String(e *soap.Encoder, v string) { e.Text(v) }

// ReadString reads a string.
func ReadString(d *soap.Decoder) string { return d.Text() }

// Bool writes an xs:boolean.
func Bool(e *soap.Encoder, v bool) {
	if v {
		e.Text("true")
		return
	}
	e.Text("false")
}

// ReadBool reads an xs:boolean (true, false, 1, 0).
func ReadBool(d *soap.Decoder) bool {
	s := collapse(d.Text())
	switch s {
	case "true", "1":
		return true
	case "false", "0":
		return false
	}
	if d.Err() == nil {
		d.Fail("invalid xs:boolean %q", s)
	}
	return false
}

// Int64 writes an integer type.
func Int64(e *soap.Encoder, v int64) {
	var tmp [24]byte
	e.TextBytes(strconv.AppendInt(tmp[:0], v, 10))
}

// Int32 writes an xs:int.
func Int32(e *soap.Encoder, v int32) { Int64(e, int64(v)) }

// Int16 writes an xs:short.
func Int16(e *soap.Encoder, v int16) { Int64(e, int64(v)) }

// Int8 writes an xs:byte.
func Int8(e *soap.Encoder, v int8) { Int64(e, int64(v)) }

// Uint64 writes an unsigned integer type.
func Uint64(e *soap.Encoder, v uint64) {
	var tmp [24]byte
	e.TextBytes(strconv.AppendUint(tmp[:0], v, 10))
}

// Uint32 writes an xs:unsignedInt.
func Uint32(e *soap.Encoder, v uint32) { Uint64(e, uint64(v)) }

// Uint16 writes an xs:unsignedShort.
func Uint16(e *soap.Encoder, v uint16) { Uint64(e, uint64(v)) }

// Uint8 writes an xs:unsignedByte.
func Uint8(e *soap.Encoder, v uint8) { Uint64(e, uint64(v)) }

func readInt(d *soap.Decoder, bits int, typ string) int64 {
	s := collapse(d.Text())
	if d.Err() != nil {
		return 0
	}
	v, err := strconv.ParseInt(strings.TrimPrefix(s, "+"), 10, bits)
	if err != nil || strings.HasPrefix(s, "+-") {
		d.Fail("invalid %s %q", typ, s)
	}
	return v
}

func readUint(d *soap.Decoder, bits int, typ string) uint64 {
	s := collapse(d.Text())
	if d.Err() != nil {
		return 0
	}
	v, err := strconv.ParseUint(strings.TrimPrefix(s, "+"), 10, bits)
	if err != nil || strings.HasPrefix(s, "+-") {
		d.Fail("invalid %s %q", typ, s)
	}
	return v
}

// ReadInt64 reads an xs:long (and xs:integer and its derived types).
func ReadInt64(d *soap.Decoder) int64 { return readInt(d, 64, "xs:long") }

// ReadInt32 reads an xs:int.
func ReadInt32(d *soap.Decoder) int32 { return int32(readInt(d, 32, "xs:int")) }

// ReadInt16 reads an xs:short.
func ReadInt16(d *soap.Decoder) int16 { return int16(readInt(d, 16, "xs:short")) }

// ReadInt8 reads an xs:byte.
func ReadInt8(d *soap.Decoder) int8 { return int8(readInt(d, 8, "xs:byte")) }

// ReadUint64 reads an xs:unsignedLong.
func ReadUint64(d *soap.Decoder) uint64 { return readUint(d, 64, "xs:unsignedLong") }

// ReadUint32 reads an xs:unsignedInt.
func ReadUint32(d *soap.Decoder) uint32 { return uint32(readUint(d, 32, "xs:unsignedInt")) }

// ReadUint16 reads an xs:unsignedShort.
func ReadUint16(d *soap.Decoder) uint16 { return uint16(readUint(d, 16, "xs:unsignedShort")) }

// ReadUint8 reads an xs:unsignedByte.
func ReadUint8(d *soap.Decoder) uint8 { return uint8(readUint(d, 8, "xs:unsignedByte")) }

func appendFloat(b []byte, v float64, bits int) []byte {
	switch {
	case math.IsInf(v, 1):
		return append(b, "INF"...)
	case math.IsInf(v, -1):
		return append(b, "-INF"...)
	case math.IsNaN(v):
		return append(b, "NaN"...)
	}
	return strconv.AppendFloat(b, v, 'G', -1, bits)
}

func readFloat(d *soap.Decoder, bits int, typ string) float64 {
	s := collapse(d.Text())
	if d.Err() != nil {
		return 0
	}
	switch s {
	case "INF", "+INF":
		return math.Inf(1)
	case "-INF":
		return math.Inf(-1)
	case "NaN":
		return math.NaN()
	}
	// strconv accepts forms XSD does not (hex floats, "inf", underscores).
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
			d.Fail("invalid %s %q", typ, s)
			return 0
		}
	}
	v, err := strconv.ParseFloat(s, bits)
	if err != nil {
		d.Fail("invalid %s %q", typ, s)
	}
	return v
}

// Float64 writes an xs:double.
func Float64(e *soap.Encoder, v float64) {
	var tmp [32]byte
	e.TextBytes(appendFloat(tmp[:0], v, 64))
}

// Float32 writes an xs:float.
func Float32(e *soap.Encoder, v float32) {
	var tmp [32]byte
	e.TextBytes(appendFloat(tmp[:0], float64(v), 32))
}

// ReadFloat64 reads an xs:double.
func ReadFloat64(d *soap.Decoder) float64 { return readFloat(d, 64, "xs:double") }

// ReadFloat32 reads an xs:float.
func ReadFloat32(d *soap.Decoder) float32 { return float32(readFloat(d, 32, "xs:float")) }

// Base64 writes an xs:base64Binary.
func Base64(e *soap.Encoder, v []byte) {
	e.AppendUnescaped(func(b []byte) []byte { return base64.StdEncoding.AppendEncode(b, v) })
}

// ReadBase64 reads an xs:base64Binary (whitespace inside is allowed).
func ReadBase64(d *soap.Decoder) []byte {
	s := d.Text()
	if d.Err() != nil {
		return nil
	}
	s = strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, s)
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		d.Fail("invalid xs:base64Binary: %v", err)
	}
	if b == nil {
		b = []byte{}
	}
	return b
}

// Hex writes an xs:hexBinary.
func Hex(e *soap.Encoder, v []byte) {
	e.AppendUnescaped(func(b []byte) []byte {
		start := len(b)
		b = hex.AppendEncode(b, v)
		for i := start; i < len(b); i++ {
			if c := b[i]; c >= 'a' {
				b[i] = c - 'a' + 'A'
			}
		}
		return b
	})
}

// ReadHex reads an xs:hexBinary.
func ReadHex(d *soap.Decoder) []byte {
	s := collapse(d.Text())
	if d.Err() != nil {
		return nil
	}
	b, err := hex.DecodeString(s)
	if err != nil {
		d.Fail("invalid xs:hexBinary: %v", err)
	}
	return b
}

// QNameContent writes an xs:soap.QName, declaring its namespace if needed.
func QNameContent(e *soap.Encoder, v soap.QName) { e.Text(e.QNameValue(v.Space, v.Local)) }

// ReadQName reads an xs:soap.QName, resolving its prefix.
func ReadQName(d *soap.Decoder) soap.QName {
	s := collapse(d.Text())
	if d.Err() != nil {
		return soap.QName{}
	}
	q, ok := d.ResolveQName(s)
	if !ok {
		d.Fail("xs:soap.QName %q: undeclared prefix", s)
	}
	return q
}

// collapse applies XSD's whiteSpace="collapse" for non-string types.
func collapse(s string) string {
	if !strings.ContainsAny(s, " \t\r\n") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// Value is the content function of generated types with value receivers
// (arrays and dictionaries).
func Value[T soap.Marshaler](e *soap.Encoder, v T) { v.MarshalSOAP(e) }

// ReadValue reads the accepted element into a T with a pointer UnmarshalSOAP.
func ReadValue[T any, P interface {
	*T
	soap.Unmarshaler
}](d *soap.Decoder) T {
	var v T
	P(&v).UnmarshalSOAP(d)
	return v
}

// WriteNillable writes a nillable item: xsi:nil when p is nil.
func WriteNillable[T any](e *soap.Encoder, ns, local string, p *T, content func(*soap.Encoder, T)) {
	if p == nil {
		e.Nil(ns, local)
		return
	}
	Write(e, ns, local, *p, content)
}

// ReadNillable reads a nillable item: nil for xsi:nil.
func ReadNillable[T any](d *soap.Decoder, read func(*soap.Decoder) T) *T {
	if d.IsNil() {
		d.End()
		return nil
	}
	v := read(d)
	return &v
}

// FormatFlags formats a flag set as the names of its flags, in the order of
// values; a flag whose bits are already written (an alias) is skipped.
func FormatFlags[T ~uint32 | ~uint64](v T, names []string, values []T) ([]byte, error) {
	var b []byte
	rest := v
	for i, f := range values {
		if f != 0 && rest&f == f {
			if len(b) > 0 {
				b = append(b, ' ')
			}
			b = append(b, names[i]...)
			rest &^= f
		}
	}
	if rest != 0 {
		return nil, fmt.Errorf("flag bits %#x have no name", uint64(rest))
	}
	if v == 0 {
		for i, f := range values {
			if f == 0 {
				return []byte(names[i]), nil
			}
		}
	}
	return b, nil
}

// FlagsString formats v as FormatFlags does, for a String method: bits
// that no flag has follow the names in hexadecimal.
func FlagsString[T ~uint32 | ~uint64](v T, names []string, values []T) string {
	known := T(0)
	for _, f := range values {
		known |= f
	}
	b, _ := FormatFlags(v&known, names, values)
	if rest := v &^ known; rest != 0 {
		if len(b) > 0 {
			b = append(b, ' ')
		}
		b = fmt.Appendf(b, "%#x", uint64(rest))
	}
	return string(b)
}

// ParseFlags parses a whitespace-separated list of flag names.
func ParseFlags[T ~uint32 | ~uint64](text []byte, names []string, values []T) (T, error) {
	var v T
	for _, w := range strings.Fields(string(text)) {
		i := slices.Index(names, w)
		if i < 0 {
			return 0, fmt.Errorf("unknown flag %q", w)
		}
		v |= values[i]
	}
	return v, nil
}

// WriteAttr writes v as attribute {ns}local of the element just started,
// formatted by the content function of its type.
func WriteAttr[T any](e *soap.Encoder, ns, local string, v T, content func(*soap.Encoder, T)) {
	scratch := soap.NewTextEncoder()
	content(scratch, v)
	if err := scratch.Err(); err != nil {
		e.Fail(err)
		return
	}
	e.Attr(ns, local, string(scratch.Bytes()))
}

// WriteOptAttr writes an optional attribute: nothing unless o has a value.
func WriteOptAttr[T any](e *soap.Encoder, ns, local string, o soap.Opt[T], content func(*soap.Encoder, T)) {
	if v, ok := o.Get(); ok {
		WriteAttr(e, ns, local, v, content)
	}
}

// ReadAttr reads attribute {ns}local of the element accepted by AtAttrs
// with the read function of its type, and reports whether it was there.
func ReadAttr[T any](d *soap.Decoder, ns, local string, read func(*soap.Decoder) T) (T, bool) {
	var v T
	ok := d.Attr(ns, local, func(d *soap.Decoder) { v = read(d) })
	return v, ok
}

// FormatList formats an xs:list value: its items, formatted by the content
// function of the item type, separated by spaces.
func FormatList[T any](items []T, content func(*soap.Encoder, T)) ([]byte, error) {
	scratch := soap.NewTextEncoder()
	for i, v := range items {
		if i > 0 {
			scratch.Text(" ")
		}
		content(scratch, v)
	}
	return scratch.Bytes(), scratch.Err()
}

// ParseList parses an xs:list value: white-space separated items, each
// read by the read function of the item type.
func ParseList[T any](text []byte, read func(*soap.Decoder) T) ([]T, error) {
	fields := strings.Fields(string(text))
	items := make([]T, 0, len(fields))
	for i, f := range fields {
		v, err := readText(f, read)
		if err != nil {
			return nil, fmt.Errorf("list item %d: %w", i+1, err)
		}
		items = append(items, v)
	}
	return items, nil
}

// Member adapts the read function of an xs:union member type for
// CheckUnion.
func Member[T any](read func(*soap.Decoder) T) func(*soap.Decoder) {
	return func(d *soap.Decoder) { read(d) }
}

// CheckUnion reports whether s is a valid value of at least one member type
// of an xs:union, each given by its read function (see Member).
func CheckUnion(s string, members ...func(*soap.Decoder)) error {
	for _, m := range members {
		read := func(d *soap.Decoder) struct{} { m(d); return struct{}{} }
		if _, err := readText(s, read); err == nil {
			return nil
		}
	}
	return fmt.Errorf("%q is a value of none of the union's member types", s)
}

// readText reads a value from the text s with the read function of its
// type (as if s were an element's content); an error carries the message
// without a position, which would be meaningless here.
func readText[T any](s string, read func(*soap.Decoder) T) (T, error) {
	scratch := soap.NewTextDecoder(s)
	v := read(scratch)
	if err := scratch.Err(); err != nil {
		var de *soap.DecodeError
		if errors.As(err, &de) {
			return v, errors.New(de.Msg)
		}
		return v, err
	}
	return v, nil
}
