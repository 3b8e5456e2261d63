package generator

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/soapgen/soapgen/wsdl"
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

// BenchmarkGenerateServices88 generates the Services88 SDK as the set it
// is (60 WSDLs loaded, merged, partitioned and written), as its go:generate
// line does.
func BenchmarkGenerateServices88(b *testing.B) {
	wsdls, err := filepath.Glob("../generated/services88/*/*.wsdl")
	if err != nil {
		b.Fatal(err)
	}
	if len(wsdls) != 60 {
		b.Fatalf("found %d Services88 WSDLs, want 60", len(wsdls))
	}
	const base = "github.com/soapgen/soapgen/generated/services88"
	b.ReportAllocs()
	for b.Loop() {
		inputs := make([]SetInput, len(wsdls))
		for i, w := range wsdls {
			dir := filepath.Base(filepath.Dir(w))
			defs, err := wsdl.Load(os.DirFS(filepath.Dir(w)), filepath.Base(w), nil)
			if err != nil {
				b.Fatal(err)
			}
			inputs[i] = SetInput{Defs: defs, Source: filepath.Base(w), Dir: dir, Package: dir, ImportPath: base + "/" + dir}
		}
		if _, err := GenerateSet(inputs, SetConfig{Package: "services88", ImportPath: base}); err != nil {
			b.Fatal(err)
		}
	}
}
