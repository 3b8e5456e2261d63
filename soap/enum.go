package soap

// FormatValue formats one value of an XSD simple type as text, with the
// content function of its type: the lexical form an enumeration of numbers
// (or booleans) writes in MarshalText.
func FormatValue[T any](v T, content func(*Encoder, T)) ([]byte, error) {
	scratch := Encoder{raw: true}
	content(&scratch, v)
	return scratch.buf, scratch.err
}

// ParseValue parses one value of an XSD simple type from text, with the
// read function of its type (white space is collapsed as for an element's
// content); the error carries no position.
func ParseValue[T any](text []byte, read func(*Decoder) T) (T, error) {
	return readText(string(text), read)
}
