package soaptest

import "github.com/soapgen/soapgen/internal/xmlcmp"

// Compare compares a documented envelope (want) with one the generated
// code produced (got) by meaning, after mapping the documentation's quirks
// (header entries directly under Envelope, indentation inside empty
// elements). It returns one line per difference; none means equal.
func Compare(want, got []byte) ([]string, error) {
	return xmlcmp.Compare(want, got, xmlcmp.Options{DocQuirks: true})
}
