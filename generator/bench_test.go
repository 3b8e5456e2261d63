package generator

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkGenerateUser generates the Services88 User package (load,
// resolve, write Go) from its WSDL.
func BenchmarkGenerateUser(b *testing.B) {
	fsys := os.DirFS(userDir)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Generate(fsys, "User.wsdl", Config{Package: "user"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGenerateAll generates every package under ../generated from its
// WSDL, one after another.
func BenchmarkGenerateAll(b *testing.B) {
	wsdls, err := filepath.Glob("../generated/*/*/*.wsdl")
	if err != nil {
		b.Fatal(err)
	}
	if len(wsdls) < 52 {
		b.Fatalf("found %d WSDLs, want 52", len(wsdls))
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range wsdls {
			if _, err := Generate(os.DirFS(filepath.Dir(w)), filepath.Base(w), Config{}); err != nil {
				b.Fatal(w, ": ", err)
			}
		}
	}
}
