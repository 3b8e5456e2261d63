// Package soaptest checks generated code against documented or captured
// SOAP envelopes: decode strictly, encode again, compare by meaning.
package soaptest

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/soapgen/soapgen/internal/xmlcmp"
	"github.com/soapgen/soapgen/soap"
)

// Kind tells a request envelope from a response envelope.
type Kind int

// Envelope kinds.
const (
	Request Kind = iota
	Response
)

// ParseName splits a file name "<Operation>.request.xml" or
// "<Operation>.response.xml" into the operation and the kind.
func ParseName(name string) (op string, kind Kind, err error) {
	base := path.Base(strings.ReplaceAll(name, "\\", "/"))
	switch {
	case strings.HasSuffix(base, ".request.xml"):
		return strings.TrimSuffix(base, ".request.xml"), Request, nil
	case strings.HasSuffix(base, ".response.xml"):
		return strings.TrimSuffix(base, ".response.xml"), Response, nil
	}
	return "", 0, fmt.Errorf("%s: not named <Operation>.request.xml or <Operation>.response.xml", base)
}

// Find returns the operation named name.
func Find(ops []soap.OperationInfo, name string) (*soap.OperationInfo, bool) {
	for i := range ops {
		if ops[i].Name == name {
			return &ops[i], true
		}
	}
	return nil, false
}

// Mismatch is the error RoundTrip returns when the re-encoded envelope
// differs in meaning from the original.
type Mismatch struct {
	Diffs   []string
	Encoded []byte
}

// Error lists the differences.
func (m *Mismatch) Error() string {
	return "re-encoded envelope differs: " + strings.Join(m.Diffs, "; ")
}

// RoundTrip checks the envelope data, named as ParseName expects, against
// the generated operations ops: the envelope is normalised for the vendor
// documentation's quirks (soap.Envelope.LooseHeaders and
// xmlcmp.Options.DocQuirks: header entries directly under Envelope;
// soap.Decoder.NilForOptional and soap.Encoder.NilForOptional: xsi:nil
// on optional elements that are not nillable), decoded strictly into the
// generated request or response
// types (unknown elements and attributes, a wrong xsi:type, a malformed
// value all fail), encoded again in the same SOAP version and compared with
// the normalised original by meaning (see package xmlcmp for what that
// ignores).
func RoundTrip(ops []soap.OperationInfo, name string, data []byte) error {
	opName, kind, err := ParseName(name)
	if err != nil {
		return err
	}
	op, ok := Find(ops, opName)
	if !ok {
		return fmt.Errorf("no operation %q in the generated code", opName)
	}
	doc, err := xmlcmp.Parse(data)
	if err != nil {
		return fmt.Errorf("parsing: %w", err)
	}
	norm := xmlcmp.Normalize(doc, xmlcmp.Options{DocQuirks: true})

	env := soap.Envelope{StrictHeaders: true, LooseHeaders: true}
	switch kind {
	case Request:
		env.BodyName, env.Body = op.Input, op.NewRequest()
		if op.NewRequestHeader != nil {
			env.Header = op.NewRequestHeader()
		}
	default:
		if op.NewResponse == nil {
			return fmt.Errorf("operation %s has no response", opName)
		}
		env.BodyName, env.Body = op.Output, op.NewResponse()
		if op.NewResponseHeader != nil {
			env.Header = op.NewResponseHeader()
		}
	}
	// The original bytes are decoded, so that positions in errors are the
	// file's; LooseHeaders takes the header entries the documentation puts
	// directly under Envelope.
	d := soap.NewBytesDecoder(data)
	d.NilForOptional = true
	if err := env.Decode(d); err != nil {
		var f *soap.Fault
		if !errors.As(err, &f) {
			return fmt.Errorf("decoding: %w", err)
		}
		return fmt.Errorf("decoding: the envelope is a fault: %w", err)
	}
	env.Namespaces = op.Namespaces
	e := soap.NewEncoder(nil)
	e.NilForOptional = true // re-encodes what the decoder's NilForOptional read
	env.Encode(e)
	if err := e.Err(); err != nil {
		return fmt.Errorf("encoding: %w", err)
	}
	got, err := xmlcmp.Parse(e.Bytes())
	if err != nil {
		return fmt.Errorf("parsing the re-encoded envelope: %w", err)
	}
	if diffs := xmlcmp.CompareNodes(norm, got, xmlcmp.Options{}); len(diffs) > 0 {
		return &Mismatch{Diffs: diffs, Encoded: e.Bytes()}
	}
	return nil
}

// VerifyDirs round-trips every *.request.xml and *.response.xml file in
// dirs (sorted by name) through ops, printing one line per failing or
// skipped file to w and a closing line "N passed, N failed" (with ", N
// skipped" when envelopes listed in a folder's InconsistenciesFile still
// fail as listed). It returns the number failed.
func VerifyDirs(w io.Writer, ops []soap.OperationInfo, dirs []string) (failed int, err error) {
	passed, skipped := 0, 0
	for _, dir := range dirs {
		names, err := Envelopes(dir)
		if err != nil {
			return failed, err
		}
		known, err := Inconsistencies(dir)
		if err != nil {
			return failed, err
		}
		for _, name := range names {
			file := filepath.Join(dir, name)
			data, err := os.ReadFile(file)
			if err == nil {
				err = RoundTrip(ops, name, data)
			}
			reason, listed := known[name]
			switch {
			case listed && err == nil:
				failed++
				fmt.Fprintf(w, "%s: listed in %s but passes: remove it from the list\n", file, InconsistenciesFile)
			case listed:
				skipped++
				fmt.Fprintf(w, "%s: skipped: documented inconsistency: %s\n", file, reason)
			case err != nil:
				failed++
				fmt.Fprintf(w, "%s: %v\n", file, err)
			default:
				passed++
			}
		}
	}
	if skipped > 0 {
		fmt.Fprintf(w, "%d passed, %d failed, %d skipped\n", passed, failed, skipped)
	} else {
		fmt.Fprintf(w, "%d passed, %d failed\n", passed, failed)
	}
	return failed, nil
}
