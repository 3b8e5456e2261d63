package generator

import (
	"bytes"
	"flag"
	"go/format"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files")

const userDir = "../generated/services88/user"

// goGenerate matches the //go:generate line of a generated package.
var goGenerate = regexp.MustCompile(`(?m)^//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg (\w+) (\S+)$`)

// TestSDKGolden regenerates every package under generated/ from its WSDL,
// as its gen.go says, and compares with the committed files byte for byte:
// go generate on a clean checkout changes nothing.
func TestSDKGolden(t *testing.T) {
	gens, err := filepath.Glob("../generated/*/*/gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if len(gens) != 52 {
		t.Fatalf("found %d generated packages, want 52 (48 Services88 agents, User of Services84-87)", len(gens))
	}
	for _, gen := range gens {
		dir := filepath.Dir(gen)
		t.Run(strings.TrimPrefix(dir, "../generated/"), func(t *testing.T) {
			src, err := os.ReadFile(gen)
			if err != nil {
				t.Fatal(err)
			}
			m := goGenerate.FindSubmatch(src)
			if m == nil {
				t.Fatalf("%s has no soapgen go:generate line", gen)
			}
			files, err := Generate(os.DirFS(dir), string(m[2]), Config{Package: string(m[1])})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range files {
				path := filepath.Join(dir, f.Name)
				if *update {
					if err := os.WriteFile(path, f.Content, 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test -update)", err)
				}
				if d := cmp.Diff(string(want), string(f.Content)); d != "" {
					t.Errorf("%s is stale (-committed +generated):\n%s", path, d)
				}
			}
		})
	}
}

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
