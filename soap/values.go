package soap

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
)

// QName is a namespace-qualified XML name.
type QName struct{ Space, Local string }

// String formats q as {space}local.
func (q QName) String() string {
	if q.Space == "" {
		return q.Local
	}
	return "{" + q.Space + "}" + q.Local
}

// Marshaler is implemented by generated complex types: MarshalSOAP writes
// the attributes and content of the element the Encoder has just started.
type Marshaler interface {
	MarshalSOAP(e *Encoder)
}

// Unmarshaler is implemented by generated complex types: UnmarshalSOAP
// reads the content of the element the Decoder has just accepted, up to
// and including its end tag.
type Unmarshaler interface {
	UnmarshalSOAP(d *Decoder)
}

// Write writes v as element {ns}local with content written by content.
func Write[T any](e *Encoder, ns, local string, v T, content func(*Encoder, T)) {
	e.Start(ns, local)
	content(e, v)
	e.End()
}

// WriteOpt writes o as element {ns}local: nothing when absent, xsi:nil when
// nil, otherwise the value.
func WriteOpt[T any](e *Encoder, ns, local string, o Opt[T], content func(*Encoder, T)) {
	switch o.state {
	case optAbsent:
	case optNil:
		e.Nil(ns, local)
	default:
		Write(e, ns, local, o.v, content)
	}
}

// WritePtr writes a pointer as element {ns}local, xsi:nil when it is nil.
func WritePtr[T any](e *Encoder, ns, local string, p *T, content func(*Encoder, *T)) {
	if p == nil {
		e.Nil(ns, local)
		return
	}
	Write(e, ns, local, p, content)
}

// WriteOptPtr is WriteOpt for pointers: Some(nil) is sent as xsi:nil.
func WriteOptPtr[T any](e *Encoder, ns, local string, o Opt[*T], content func(*Encoder, *T)) {
	switch {
	case o.state == optAbsent:
	case o.state == optNil || o.v == nil:
		e.Nil(ns, local)
	default:
		Write(e, ns, local, o.v, content)
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
func WriteLeaf[T Leaf](e *Encoder, ns, local string, v T) {
	// A switch on concrete types does not box v. Each case only calls a
	// function that is not generic, so that every instantiation (one per
	// type) stays small.
	switch x := any(v).(type) {
	case string:
		leafString(e, ns, local, x)
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

func leafString(e *Encoder, ns, local, s string) {
	for i := 0; i < len(s); i++ {
		if !textNoEscape[s[i]] {
			Write(e, ns, local, s, String)
			return
		}
	}
	leaf(e, ns, local, s)
}

func leafBool(e *Encoder, ns, local string, v bool) {
	if v {
		leaf(e, ns, local, "true")
		return
	}
	leaf(e, ns, local, "false")
}

func leafInt(e *Encoder, ns, local string, v int64) {
	var tmp [24]byte
	leaf(e, ns, local, strconv.AppendInt(tmp[:0], v, 10))
}

func leafUint(e *Encoder, ns, local string, v uint64) {
	var tmp [24]byte
	leaf(e, ns, local, strconv.AppendUint(tmp[:0], v, 10))
}

func leafFloat(e *Encoder, ns, local string, v float64, bits int) {
	var tmp [32]byte
	leaf(e, ns, local, appendFloat(tmp[:0], v, bits))
}

// WriteOptLeaf is WriteOpt for the types of WriteLeaf.
func WriteOptLeaf[T Leaf](e *Encoder, ns, local string, o Opt[T]) {
	switch o.state {
	case optAbsent:
	case optNil:
		e.Nil(ns, local)
	default:
		WriteLeaf(e, ns, local, o.v)
	}
}

// WriteOptItemLeaf is WriteOptItem for the types of WriteLeaf.
func WriteOptItemLeaf[T Leaf](e *Encoder, ns, local string, o Opt[T], member string) {
	if o.state == optNil && !e.NilForOptional {
		e.Fail(&NilError{Member: member, Element: QName{ns, local}})
		return
	}
	WriteOptLeaf(e, ns, local, o)
}

// WriteOptItem is WriteOpt for an optional member that is not nillable:
// Nil is refused (a *NilError naming member, "Type.Field", recorded with
// Fail), as values outside an enumeration are, unless the Encoder's
// NilForOptional is set.
func WriteOptItem[T any](e *Encoder, ns, local string, o Opt[T], content func(*Encoder, T), member string) {
	if o.state == optNil && !e.NilForOptional {
		e.Fail(&NilError{Member: member, Element: QName{ns, local}})
		return
	}
	WriteOpt(e, ns, local, o, content)
}

// WriteOptPtrItem is WriteOptPtr for an optional member that is not
// nillable: Nil and Some(nil) are refused, as by WriteOptItem.
func WriteOptPtrItem[T any](e *Encoder, ns, local string, o Opt[*T], content func(*Encoder, *T), member string) {
	if (o.state == optNil || o.state == optValue && o.v == nil) && !e.NilForOptional {
		e.Fail(&NilError{Member: member, Element: QName{ns, local}})
		return
	}
	WriteOptPtr(e, ns, local, o, content)
}

// WritePtrItem is WritePtr for a member that is required (or an item of a
// repeated one) and not nillable: a nil pointer is refused (a *NilError
// naming member, recorded with Fail).
func WritePtrItem[T any](e *Encoder, ns, local string, p *T, content func(*Encoder, *T), member string) {
	if p == nil {
		e.Fail(&NilError{Member: member, Element: QName{ns, local}, Required: true})
		return
	}
	Write(e, ns, local, p, content)
}

// NilError is the error of encoding a nil where the schema forbids it:
// a nil pointer for a required member (or an item) that is not nillable,
// or Nil for an optional member that is not nillable. A peer would refuse
// the xsi:nil it would become.
type NilError struct {
	Member   string // the Go type and field, e.g. "SetUserPresenceStatus.AssociateId"
	Element  QName  // the element that would carry xsi:nil
	Required bool   // a nil pointer of a required member or an item, not an optional member set to Nil
}

// Error names the member and the element.
func (e *NilError) Error() string {
	if e.Required {
		return fmt.Sprintf("soap: %s is nil, but element %s is not nillable", e.Member, e.Element)
	}
	return fmt.Sprintf("soap: %s is soap.Nil, but element %s is not nillable (leave it absent)", e.Member, e.Element)
}

// Complex is the content function of a generated complex type.
func Complex[P Marshaler](e *Encoder, v P) { v.MarshalSOAP(e) }

// ReadComplex reads the accepted element into a new T.
func ReadComplex[T any, P interface {
	*T
	Unmarshaler
}](d *Decoder) *T {
	v := new(T)
	P(v).UnmarshalSOAP(d)
	return v
}

// ReadOpt reads the accepted element as an Opt: Nil for xsi:nil, else the
// value read.
func ReadOpt[T any](d *Decoder, read func(*Decoder) T) Opt[T] {
	if d.curNil {
		d.End()
		return Nil[T]()
	}
	return Some(read(d))
}

// ReadOptItem reads the accepted optional, non-nillable element as an Opt.
// xsi:nil is an error, unless the Decoder's NilForOptional is set (then it
// decodes as Nil).
func ReadOptItem[T any](d *Decoder, read func(*Decoder) T) Opt[T] {
	if d.curNil {
		if !d.NilForOptional {
			d.Fail("xsi:nil on an element that is not nillable")
			return Opt[T]{}
		}
		d.End()
		return Nil[T]()
	}
	return Some(read(d))
}

// ReadPtr reads the accepted element as a pointer: nil for xsi:nil.
func ReadPtr[T any](d *Decoder, read func(*Decoder) *T) *T {
	if d.curNil {
		d.End()
		return nil
	}
	return read(d)
}

// ReadItem reads a non-nillable accepted element: xsi:nil is an error.
func ReadItem[T any](d *Decoder, read func(*Decoder) T) T {
	if d.curNil {
		d.Fail("xsi:nil on an element that is not nillable")
		var zero T
		return zero
	}
	return read(d)
}

// Text is the content function of types that marshal as text (enums, flag
// sets and the XSD value types of this package). The types of this package
// append their text to the Encoder's buffer without allocating.
func Text[T encoding.TextMarshaler](e *Encoder, v T) {
	var (
		tmp [64]byte
		b   []byte
		err error
	)
	switch x := any(v).(type) { // a switch on concrete types does not box v
	case DateTime:
		b, err = x.AppendText(tmp[:0])
	case Duration:
		b, err = x.AppendText(tmp[:0])
	default:
		b, err = v.MarshalText()
	}
	if err != nil {
		e.Fail(err)
		return
	}
	e.textBytes(b)
}

// ReadText reads the accepted element's text into a T via UnmarshalText.
func ReadText[T any, P interface {
	*T
	encoding.TextUnmarshaler
}](d *Decoder) T {
	var v T
	s := d.Text()
	if d.err != nil {
		return v
	}
	var err error
	switch p := any(&v).(type) { // the types of this package parse s as it is
	case *DateTime:
		err = p.parse(s)
	case *Duration:
		err = p.parse(s)
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
}](e *Encoder, v T) {
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
}](d *Decoder) T {
	s := d.Text()
	if d.err != nil {
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
func String(e *Encoder, v string) { e.Text(v) }

// ReadString reads a string.
func ReadString(d *Decoder) string { return d.Text() }

// Bool writes an xs:boolean.
func Bool(e *Encoder, v bool) {
	e.closeTag()
	if v {
		e.put("true")
		return
	}
	e.put("false")
}

// ReadBool reads an xs:boolean (true, false, 1, 0).
func ReadBool(d *Decoder) bool {
	s := collapse(d.Text())
	switch s {
	case "true", "1":
		return true
	case "false", "0":
		return false
	}
	if d.err == nil {
		d.Fail("invalid xs:boolean %q", s)
	}
	return false
}

// Int64 writes an integer type.
func Int64(e *Encoder, v int64) {
	var tmp [24]byte
	e.digits(strconv.AppendInt(tmp[:0], v, 10))
}

// Int32 writes an xs:int.
func Int32(e *Encoder, v int32) { Int64(e, int64(v)) }

// Int16 writes an xs:short.
func Int16(e *Encoder, v int16) { Int64(e, int64(v)) }

// Int8 writes an xs:byte.
func Int8(e *Encoder, v int8) { Int64(e, int64(v)) }

// Uint64 writes an unsigned integer type.
func Uint64(e *Encoder, v uint64) {
	var tmp [24]byte
	e.digits(strconv.AppendUint(tmp[:0], v, 10))
}

// Uint32 writes an xs:unsignedInt.
func Uint32(e *Encoder, v uint32) { Uint64(e, uint64(v)) }

// Uint16 writes an xs:unsignedShort.
func Uint16(e *Encoder, v uint16) { Uint64(e, uint64(v)) }

// Uint8 writes an xs:unsignedByte.
func Uint8(e *Encoder, v uint8) { Uint64(e, uint64(v)) }

func readInt(d *Decoder, bits int, typ string) int64 {
	s := collapse(d.Text())
	if d.err != nil {
		return 0
	}
	v, err := strconv.ParseInt(strings.TrimPrefix(s, "+"), 10, bits)
	if err != nil || strings.HasPrefix(s, "+-") {
		d.Fail("invalid %s %q", typ, s)
	}
	return v
}

func readUint(d *Decoder, bits int, typ string) uint64 {
	s := collapse(d.Text())
	if d.err != nil {
		return 0
	}
	v, err := strconv.ParseUint(strings.TrimPrefix(s, "+"), 10, bits)
	if err != nil || strings.HasPrefix(s, "+-") {
		d.Fail("invalid %s %q", typ, s)
	}
	return v
}

// ReadInt64 reads an xs:long (and xs:integer and its derived types).
func ReadInt64(d *Decoder) int64 { return readInt(d, 64, "xs:long") }

// ReadInt32 reads an xs:int.
func ReadInt32(d *Decoder) int32 { return int32(readInt(d, 32, "xs:int")) }

// ReadInt16 reads an xs:short.
func ReadInt16(d *Decoder) int16 { return int16(readInt(d, 16, "xs:short")) }

// ReadInt8 reads an xs:byte.
func ReadInt8(d *Decoder) int8 { return int8(readInt(d, 8, "xs:byte")) }

// ReadUint64 reads an xs:unsignedLong.
func ReadUint64(d *Decoder) uint64 { return readUint(d, 64, "xs:unsignedLong") }

// ReadUint32 reads an xs:unsignedInt.
func ReadUint32(d *Decoder) uint32 { return uint32(readUint(d, 32, "xs:unsignedInt")) }

// ReadUint16 reads an xs:unsignedShort.
func ReadUint16(d *Decoder) uint16 { return uint16(readUint(d, 16, "xs:unsignedShort")) }

// ReadUint8 reads an xs:unsignedByte.
func ReadUint8(d *Decoder) uint8 { return uint8(readUint(d, 8, "xs:unsignedByte")) }

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

func readFloat(d *Decoder, bits int, typ string) float64 {
	s := collapse(d.Text())
	if d.err != nil {
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
func Float64(e *Encoder, v float64) {
	var tmp [32]byte
	e.digits(appendFloat(tmp[:0], v, 64))
}

// Float32 writes an xs:float.
func Float32(e *Encoder, v float32) {
	var tmp [32]byte
	e.digits(appendFloat(tmp[:0], float64(v), 32))
}

// ReadFloat64 reads an xs:double.
func ReadFloat64(d *Decoder) float64 { return readFloat(d, 64, "xs:double") }

// ReadFloat32 reads an xs:float.
func ReadFloat32(d *Decoder) float32 { return float32(readFloat(d, 32, "xs:float")) }

// Base64 writes an xs:base64Binary.
func Base64(e *Encoder, v []byte) {
	e.closeTag()
	e.buf = base64.StdEncoding.AppendEncode(e.buf, v)
}

// ReadBase64 reads an xs:base64Binary (whitespace inside is allowed).
func ReadBase64(d *Decoder) []byte {
	s := d.Text()
	if d.err != nil {
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
func Hex(e *Encoder, v []byte) {
	e.closeTag()
	start := len(e.buf)
	e.buf = hex.AppendEncode(e.buf, v)
	for i := start; i < len(e.buf); i++ {
		if c := e.buf[i]; c >= 'a' {
			e.buf[i] = c - 'a' + 'A'
		}
	}
}

// ReadHex reads an xs:hexBinary.
func ReadHex(d *Decoder) []byte {
	s := collapse(d.Text())
	if d.err != nil {
		return nil
	}
	b, err := hex.DecodeString(s)
	if err != nil {
		d.Fail("invalid xs:hexBinary: %v", err)
	}
	return b
}

// QNameContent writes an xs:QName, declaring its namespace if needed.
func QNameContent(e *Encoder, v QName) { e.Text(e.QNameValue(v.Space, v.Local)) }

// ReadQName reads an xs:QName, resolving its prefix.
func ReadQName(d *Decoder) QName {
	s := collapse(d.Text())
	if d.err != nil {
		return QName{}
	}
	q, ok := d.resolve(s)
	if !ok {
		d.Fail("xs:QName %q: undeclared prefix", s)
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
func Value[T Marshaler](e *Encoder, v T) { v.MarshalSOAP(e) }

// ReadValue reads the accepted element into a T with a pointer UnmarshalSOAP.
func ReadValue[T any, P interface {
	*T
	Unmarshaler
}](d *Decoder) T {
	var v T
	P(&v).UnmarshalSOAP(d)
	return v
}

// WriteNillable writes a nillable item: xsi:nil when p is nil.
func WriteNillable[T any](e *Encoder, ns, local string, p *T, content func(*Encoder, T)) {
	if p == nil {
		e.Nil(ns, local)
		return
	}
	Write(e, ns, local, *p, content)
}

// ReadNillable reads a nillable item: nil for xsi:nil.
func ReadNillable[T any](d *Decoder, read func(*Decoder) T) *T {
	if d.curNil {
		d.End()
		return nil
	}
	v := read(d)
	return &v
}

// Missing records that the required element {ns}local is missing.
func (d *Decoder) Missing(ns, local string) {
	if d.err != nil {
		return
	}
	if name, ok := d.Peek(); ok {
		d.Fail("required element %s missing (found %s)", QName{ns, local}, name)
		return
	}
	d.Fail("required element %s missing", QName{ns, local})
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
func WriteAttr[T any](e *Encoder, ns, local string, v T, content func(*Encoder, T)) {
	scratch := Encoder{raw: true}
	content(&scratch, v)
	if scratch.err != nil {
		e.Fail(scratch.err)
		return
	}
	e.Attr(ns, local, string(scratch.buf))
}

// WriteOptAttr writes an optional attribute: nothing unless o has a value.
func WriteOptAttr[T any](e *Encoder, ns, local string, o Opt[T], content func(*Encoder, T)) {
	if v, ok := o.Get(); ok {
		WriteAttr(e, ns, local, v, content)
	}
}

// ReadAttr reads attribute {ns}local of the element accepted by AtAttrs
// with the read function of its type, and reports whether it was there.
func ReadAttr[T any](d *Decoder, ns, local string, read func(*Decoder) T) (T, bool) {
	var zero T
	for i, a := range d.curAttrs {
		if a.Name.Space == ns && a.Name.Local == local {
			d.curAttrs = append(d.curAttrs[:i], d.curAttrs[i+1:]...)
			value := a.Value
			d.attrText = &value
			v := read(d)
			d.attrText = nil
			return v, true
		}
	}
	return zero, false
}

// FormatList formats an xs:list value: its items, formatted by the content
// function of the item type, separated by spaces.
func FormatList[T any](items []T, content func(*Encoder, T)) ([]byte, error) {
	scratch := Encoder{raw: true}
	for i, v := range items {
		if i > 0 {
			scratch.buf = append(scratch.buf, ' ')
		}
		content(&scratch, v)
	}
	return scratch.buf, scratch.err
}

// ParseList parses an xs:list value: white-space separated items, each
// read by the read function of the item type.
func ParseList[T any](text []byte, read func(*Decoder) T) ([]T, error) {
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
func Member[T any](read func(*Decoder) T) func(*Decoder) {
	return func(d *Decoder) { read(d) }
}

// CheckUnion reports whether s is a valid value of at least one member type
// of an xs:union, each given by its read function (see Member).
func CheckUnion(s string, members ...func(*Decoder)) error {
	for _, m := range members {
		read := func(d *Decoder) struct{} { m(d); return struct{}{} }
		if _, err := readText(s, read); err == nil {
			return nil
		}
	}
	return fmt.Errorf("%q is a value of none of the union's member types", s)
}

// readText reads a value from the text s with the read function of its
// type (as if s were an element's content); an error carries the message
// without a position, which would be meaningless here.
func readText[T any](s string, read func(*Decoder) T) (T, error) {
	scratch := Decoder{attrText: &s}
	v := read(&scratch)
	if scratch.err != nil {
		var de *DecodeError
		if errors.As(scratch.err, &de) {
			return v, errors.New(de.Msg)
		}
		return v, scratch.err
	}
	return v, nil
}
