package soap

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/soapgen/soapgen/internal/xmlscan"
	"github.com/soapgen/soapgen/internal/xmlscan/xmlscantest"
)

// FuzzDecoder checks the Decoder against the scanner it drives (which
// FuzzScanner in internal/xmlscan compares with encoding/xml): on the same
// input the Decoder must hand out the same tokens and fail where the
// scanner fails, at the same line and column (a DTD as ErrDTD), and its
// API must not panic.
func FuzzDecoder(f *testing.F) {
	xmlscantest.AddSeeds(f, "testdata")
	f.Fuzz(func(t *testing.T, data []byte) {
		got, gotErr := scanAll(data)
		want, wantErr := scanWithScanner(data)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("token streams differ\ninput %q\nDecoder:\n%s\nScanner:\n%s", data, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if wantErr == nil && gotErr != nil || wantErr != nil && gotErr == nil {
			t.Fatalf("Decoder error %v, Scanner error %v\ninput %q", gotErr, wantErr, data)
		}
		if wantErr != nil {
			var e *xmlscan.Error
			if !errors.As(wantErr, &e) {
				t.Fatalf("Scanner error %v (%T) is not an *xmlscan.Error", wantErr, wantErr)
			}
			var de *DecodeError
			switch {
			case e.Code == xmlscan.DTD:
				if gotErr != ErrDTD {
					t.Fatalf("Decoder error %v, want ErrDTD\ninput %q", gotErr, data)
				}
			case !errors.As(gotErr, &de) || de.Line != e.Line || de.Col != e.Col || de.Msg != e.Msg:
				t.Fatalf("Decoder error %v, Scanner error %v\ninput %q", gotErr, wantErr, data)
			}
		}
		// The Decoder API on the same input must not panic, and fail
		// where the scanner fails.
		d := NewBytesDecoder(data)
		d.MaxDepth = 1 << 20
		if _, ok := d.Root(); ok {
			readAny(d)
		}
		if wantErr != nil && d.Err() == nil {
			t.Fatalf("scanner fails (%v), Decoder does not\ninput %q", wantErr, data)
		}
	})
}

// scanAll tokenizes data with the Decoder's next and returns the token
// stream as tokenString writes it.
func scanAll(data []byte) ([]string, error) {
	d := NewBytesDecoder(data)
	d.MaxDepth = 1 << 20
	var toks []string
	for {
		t := d.next()
		if t == nil {
			return toks, d.err
		}
		toks = append(toks, tokenString(t))
		if d.s.Done() {
			return toks, nil
		}
	}
}

// scanWithScanner is scanAll with an xmlscan.Scanner of its own.
func scanWithScanner(data []byte) ([]string, error) {
	var s xmlscan.Scanner
	s.Reset(data)
	s.MaxDepth = 1 << 20
	var toks []string
	var t xmlscan.Token
	for !s.Done() {
		if !s.Next(&t) {
			return toks, s.Err()
		}
		toks = append(toks, tokenString(&t))
	}
	return toks, nil
}

// tokenString formats a token: resolved and raw names, offset,
// attributes in document order, character data.
func tokenString(t *xmlscan.Token) string {
	var b strings.Builder
	switch t.Kind {
	case xmlscan.StartTag:
		fmt.Fprintf(&b, "%d S {%s}%s (%s)", t.Offset, t.Space, t.Local, t.Prefix)
		for _, a := range t.Attrs {
			fmt.Fprintf(&b, " {%s}%s:%s=%s decl=%v", a.Space, a.Prefix, a.Local, strconv.Quote(string(a.Value)), a.Decl)
		}
	case xmlscan.EndTag:
		fmt.Fprintf(&b, "%d E {%s}%s (%s)", t.Offset, t.Space, t.Local, t.Prefix)
	case xmlscan.CharData:
		fmt.Fprintf(&b, "%d T %q", t.Offset, t.Text)
	default:
		fmt.Fprintf(&b, "kind %d", t.Kind)
	}
	return b.String()
}
