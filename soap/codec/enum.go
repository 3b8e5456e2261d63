package codec

import "github.com/soapgen/soapgen/soap"

// FormatValue formats one value of an XSD simple type as text, with the
// content function of its type: the lexical form an enumeration of numbers
// (or booleans) writes in MarshalText.
func FormatValue[T any](v T, content func(*soap.Encoder, T)) ([]byte, error) {
	scratch := soap.NewTextEncoder()
	content(scratch, v)
	return scratch.Bytes(), scratch.Err()
}

// ParseValue parses one value of an XSD simple type from text, with the
// read function of its type (white space is collapsed as for an element's
// content); the error carries no position.
func ParseValue[T any](text []byte, read func(*soap.Decoder) T) (T, error) {
	return readText(string(text), read)
}
