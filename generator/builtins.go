package generator

// builtin is the Go mapping of an XSD builtin type.
type builtin struct {
	xsd     string // local name in the XSD namespace
	goName  string // Go type: a predeclared name, or a name in package soap when soapType
	soap    bool   // the Go type lives in package soap
	content string // soap content function; "" with text: codec.Text
	read    string // soap read function; "" with text: codec.ReadText
	text    bool   // the type marshals through MarshalText/UnmarshalText
}

// builtins maps XSD builtin types to Go. Keep it in step with the table in
// README.md.
var builtins = func() map[string]*builtin {
	m := map[string]*builtin{}
	add := func(b *builtin) { m[b.xsd] = b }
	for _, s := range []string{"string", "normalizedString", "token", "language", "Name", "NCName", "NMTOKEN", "ID", "IDREF", "ENTITY", "anyURI", "date", "time", "gYear", "gYearMonth", "gMonth", "gMonthDay", "gDay", "NOTATION", "anySimpleType"} {
		add(&builtin{xsd: s, goName: "string", content: "String", read: "ReadString"})
	}
	add(&builtin{xsd: "boolean", goName: "bool", content: "Bool", read: "ReadBool"})
	add(&builtin{xsd: "int", goName: "int32", content: "Int32", read: "ReadInt32"})
	add(&builtin{xsd: "short", goName: "int16", content: "Int16", read: "ReadInt16"})
	add(&builtin{xsd: "byte", goName: "int8", content: "Int8", read: "ReadInt8"})
	for _, s := range []string{"long", "integer", "nonNegativeInteger", "nonPositiveInteger", "negativeInteger", "positiveInteger"} {
		add(&builtin{xsd: s, goName: "int64", content: "Int64", read: "ReadInt64"})
	}
	add(&builtin{xsd: "unsignedLong", goName: "uint64", content: "Uint64", read: "ReadUint64"})
	add(&builtin{xsd: "unsignedInt", goName: "uint32", content: "Uint32", read: "ReadUint32"})
	add(&builtin{xsd: "unsignedShort", goName: "uint16", content: "Uint16", read: "ReadUint16"})
	add(&builtin{xsd: "unsignedByte", goName: "uint8", content: "Uint8", read: "ReadUint8"})
	add(&builtin{xsd: "double", goName: "float64", content: "Float64", read: "ReadFloat64"})
	add(&builtin{xsd: "float", goName: "float32", content: "Float32", read: "ReadFloat32"})
	add(&builtin{xsd: "base64Binary", goName: "[]byte", content: "Base64", read: "ReadBase64"})
	add(&builtin{xsd: "hexBinary", goName: "[]byte", content: "Hex", read: "ReadHex"})
	add(&builtin{xsd: "QName", goName: "QName", soap: true, content: "QNameContent", read: "ReadQName"})
	add(&builtin{xsd: "anyType", goName: "Any", soap: true, content: "AnyContent", read: "ReadAny"})
	add(&builtin{xsd: "dateTime", goName: "DateTime", soap: true, text: true})
	add(&builtin{xsd: "duration", goName: "Duration", soap: true, text: true})
	add(&builtin{xsd: "decimal", goName: "Decimal", soap: true, text: true})
	return m
}()
