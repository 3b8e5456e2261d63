package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestToolDirective walks through the downstream adoption flow of Go 1.24+
// tool directives: a module requires soapgen as a tool, a package holds a
// WSDL and a go:generate line running "go tool soapgen generate", and
// go generate, go build and go vet succeed on the result.
//
// It compiles soapgen and the generated package, which takes a while, so
// it is skipped under -short; it runs in a plain go test ./....
func TestToolDirective(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles soapgen and a generated package; skipped with -short")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed: %v", err)
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("repository root not found: %v", err)
	}

	mod := t.TempDir()
	write := func(name string, data []byte) {
		t.Helper()
		path := filepath.Join(mod, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", []byte(`module example.com/downstream

go 1.26

require github.com/soapgen/soapgen v0.0.0-00010101000000-000000000000

replace github.com/soapgen/soapgen => `+root+`

tool github.com/soapgen/soapgen/cmd/soapgen
`))
	// The replace makes the module proxy unnecessary; soapgen's go.sum
	// gives the checksums of its dependencies.
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	write("go.sum", sum)
	write("user/User.wsdl", readUserWSDL(t, root))
	write("user/gen.go", []byte("package user\n\n//go:generate go tool soapgen generate -pkg user User.wsdl\n"))
	mine := []byte("package user\n\n// OperationCount is hand-written code next to the generated files.\nfunc OperationCount() int { return len(Operations()) }\n")
	write("user/mine.go", mine)

	goCmd := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(goBin, args...)
		cmd.Dir = mod
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	// What go get -tool would have done: require the tool's dependencies
	// (go tool, unlike go build, does not honor -mod=mod).
	goCmd("mod", "tidy")
	goCmd("generate", "./...")
	for _, f := range []string{"types.gen.go", "client.gen.go"} {
		if _, err := os.Stat(filepath.Join(mod, "user", f)); err != nil {
			t.Errorf("go generate did not write user/%s: %v", f, err)
		}
	}
	if got, err := os.ReadFile(filepath.Join(mod, "user", "mine.go")); err != nil || string(got) != string(mine) {
		t.Errorf("the hand-written user/mine.go did not survive go generate (%v)", err)
	}
	goCmd("build", "./...")
	goCmd("vet", "./...")
	if out := goCmd("tool", "soapgen", "version"); !strings.HasPrefix(out, "soapgen ") {
		t.Errorf("go tool soapgen version printed %q", out)
	}
}

// readUserWSDL returns the Services88 User WSDL of the generated package,
// or the identical copy in wsdldiff's test data should that package move.
func readUserWSDL(t *testing.T, root string) []byte {
	t.Helper()
	var firstErr error
	for _, p := range []string{
		filepath.Join(root, "generated", "services88", "user", "User.wsdl"),
		filepath.Join(root, "wsdldiff", "testdata", "Services88", "User.wsdl"),
	} {
		b, err := os.ReadFile(p)
		if err == nil {
			return b
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	t.Fatal(firstErr)
	return nil
}
