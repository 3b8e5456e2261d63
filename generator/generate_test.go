package generator

import (
	"bytes"
	"go/format"
	"os"
	"testing"
)

const userDir = "../generated/services88/user"

func TestDeterministicAndFormatted(t *testing.T) {
	a, err := Generate(os.DirFS(userDir), "User.wsdl", Config{})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		b, err := Generate(os.DirFS(userDir), "User.wsdl", Config{})
		if err != nil {
			t.Fatal(err)
		}
		for j := range a {
			if a[j].Name != b[j].Name || !bytes.Equal(a[j].Content, b[j].Content) {
				t.Fatalf("run %d: %s differs", i, a[j].Name)
			}
		}
	}
	for _, f := range a {
		if !bytes.HasPrefix(f.Content, []byte(GeneratedHeader+"\n")) {
			t.Errorf("%s lacks the generated-code header", f.Name)
		}
		formatted, err := format.Source(f.Content)
		if err != nil || !bytes.Equal(formatted, f.Content) {
			t.Errorf("%s is not gofmt-clean (%v)", f.Name, err)
		}
		if bytes.Contains(f.Content, []byte("/work/")) || bytes.Contains(f.Content, []byte("interface{}")) {
			t.Errorf("%s contains an absolute path or interface{}", f.Name)
		}
	}
}

func TestDefaultPackage(t *testing.T) {
	for in, want := range map[string]string{"User.wsdl": "user", "dir/WSDL-Services88-User.xml": "wsdlservices88user", "9x.wsdl": "x", "---.wsdl": "service", "Import.wsdl": "importsvc"} {
		if got := DefaultPackage(in); got != want {
			t.Errorf("DefaultPackage(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestExportedName(t *testing.T) {
	for in, want := range map[string]string{"ArrayOfint": "ArrayOfint", "import": "Import", "int": "Int", "byte": "Byte", "a-b.c": "ABC", "9lives": "X9lives", "": "X"} {
		if got := exportedName(in); got != want {
			t.Errorf("exportedName(%q) = %q, want %q", in, got, want)
		}
	}
	n := newNamer()
	if a, b, c := n.name("User"), n.name("User"), n.name("user"); a != "User" || b != "User2" || c != "User3" {
		t.Errorf("namer gave %s %s %s", a, b, c)
	}
}
