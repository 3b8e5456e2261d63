package wsdl

import (
	"errors"
	"os"
	"testing"
	"testing/fstest"
)

// FuzzParse checks that no input makes Parse (or Load, LoadSchema) panic
// and that every error is a positioned *Error.
func FuzzParse(f *testing.F) {
	f.Add([]byte(base()))
	for _, c := range badCases() {
		f.Add([]byte(c.input))
	}
	for _, file := range importFS() {
		f.Add(file.Data)
	}
	f.Add([]byte(xsdAll))
	// A real WSDL of the corpus (the smallest, so that fuzzing stays fast).
	if real, err := os.ReadFile("testdata/Previews.wsdl"); err == nil {
		f.Add(real)
	} else {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		check := func(what string, err error) {
			if err == nil {
				return
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("%s: error %v (%T) is not a *wsdl.Error", what, err, err)
			}
			if e.Pos.File != "f.wsdl" || e.Pos.Line < 1 || e.Pos.Col < 1 {
				t.Fatalf("%s: error %q has position %+v", what, err, e.Pos)
			}
			if e.Err == nil {
				t.Fatalf("%s: error %+v has no Err", what, e)
			}
			_ = err.Error()
		}
		d, err := Parse("f.wsdl", data, nil)
		check("Parse", err)
		if err == nil && d == nil {
			t.Fatal("Parse returned nil, nil")
		}
		fsys := fstest.MapFS{"f.wsdl": {Data: data}}
		_, err = Load(fsys, "f.wsdl", nil)
		check("Load", err)
		_, err = LoadSchema(fsys, "f.wsdl", nil)
		check("LoadSchema", err)
	})
}
