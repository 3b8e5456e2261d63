package generator

import (
	"bytes"
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"
)

// TestCases runs the archives in testdata/cases: input.wsdl (or the file
// named by "entry", a path inside the archive, which is the root imports
// may not leave) and the files it imports, then either "error" (a
// substring of the error, with its position) or "contains" (lines that
// must all appear in the generated Go, compared with runs of white space
// folded). The generated Go of every successful case is then vetted and
// tested in one throwaway module, with the archive's *_test.go files
// beside it (tests that run the generated code). The package is named
// after the archive without its dashes (array-body: package arraybody).
func TestCases(t *testing.T) {
	archives, err := filepath.Glob("testdata/cases/*.txtar")
	if err != nil || len(archives) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	space := regexp.MustCompile(`[ \t]+`)
	built := map[string][]File{}
	extra := map[string][]File{}
	for _, path := range archives {
		name := strings.TrimSuffix(filepath.Base(path), ".txtar")
		t.Run(name, func(t *testing.T) {
			ar, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			fsys := fstest.MapFS{}
			var wantErr, contains string
			entry := "input.wsdl"
			var tests []File
			for _, f := range ar.Files {
				switch {
				case strings.HasSuffix(f.Name, "_test.go"):
					tests = append(tests, File{Name: f.Name, Content: f.Data})
					continue
				}
				switch f.Name {
				case "error":
					wantErr = strings.TrimSpace(string(f.Data))
				case "contains":
					contains = string(f.Data)
				case "entry":
					entry = strings.TrimSpace(string(f.Data))
				default:
					fsys[f.Name] = &fstest.MapFile{Data: f.Data}
				}
			}
			files, err := Generate(fsys, entry, Config{Package: strings.ReplaceAll(name, "-", "")})
			if wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), wantErr) {
					t.Fatalf("error = %v, want it to contain %q", err, wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var all strings.Builder
			for _, f := range files {
				all.Write(f.Content)
				// The emitter writes gofmt's layout itself: check it.
				if formatted, err := format.Source(f.Content); err != nil || !bytes.Equal(formatted, f.Content) {
					t.Errorf("%s is not gofmt-clean (%v); gofmt diff:\n%s", f.Name, err, cmp.Diff(string(f.Content), string(formatted)))
				}
			}
			out := space.ReplaceAllString(all.String(), " ")
			for _, line := range strings.Split(strings.TrimSpace(contains), "\n") {
				if !strings.Contains(out, space.ReplaceAllString(strings.TrimSpace(line), " ")) {
					t.Errorf("generated code lacks %q", line)
				}
			}
			built[name] = files
			extra[name] = tests
		})
	}
	if len(built) == 0 || testing.Short() {
		return
	}
	// Build and vet the successful cases against this checkout's runtime.
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	mod := t.TempDir()
	gomod := "module cases\n\ngo 1.26\n\nrequire github.com/soapgen/soapgen v0.0.0-00010101000000-000000000000\n\nreplace github.com/soapgen/soapgen => " + root + "\n"
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte(gomod), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, _ := os.ReadFile(filepath.Join(root, "go.sum"))
	os.WriteFile(filepath.Join(mod, "go.sum"), sum, 0o644)
	for name, files := range built {
		if err := Write(filepath.Join(mod, name), files); err != nil {
			t.Fatal(err)
		}
		for _, f := range extra[name] {
			if err := os.WriteFile(filepath.Join(mod, name, f.Name), f.Content, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	vetAndTest(t, mod)
}

// vetAndTest runs go vet and go test on the throwaway module mod.
func vetAndTest(t *testing.T, mod string) {
	t.Helper()
	for _, args := range [][]string{{"vet", "./..."}, {"test", "./..."}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = mod
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
}
