package wsdl

import (
	"os"
	"testing"
)

// BenchmarkLoadUser loads the largest service of the corpus, User.wsdl
// (about 300 KB), from the file system.
func BenchmarkLoadUser(b *testing.B) {
	fsys := os.DirFS("../generated/services88/user")
	if _, err := Load(fsys, "User.wsdl", nil); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(fsys, "User.wsdl", nil); err != nil {
			b.Fatal(err)
		}
	}
}
