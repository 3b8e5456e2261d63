package generator

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/format"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/assign"
	"golang.org/x/tools/go/analysis/passes/atomic"
	"golang.org/x/tools/go/analysis/passes/bools"
	"golang.org/x/tools/go/analysis/passes/composite"
	"golang.org/x/tools/go/analysis/passes/copylock"
	"golang.org/x/tools/go/analysis/passes/errorsas"
	"golang.org/x/tools/go/analysis/passes/httpresponse"
	"golang.org/x/tools/go/analysis/passes/ifaceassert"
	"golang.org/x/tools/go/analysis/passes/nilfunc"
	"golang.org/x/tools/go/analysis/passes/shift"
	"golang.org/x/tools/go/analysis/passes/stdmethods"
	"golang.org/x/tools/go/analysis/passes/stringintconv"
	"golang.org/x/tools/go/analysis/passes/structtag"
	"golang.org/x/tools/go/analysis/passes/unmarshal"
	"golang.org/x/tools/go/analysis/passes/unreachable"
	"golang.org/x/tools/go/analysis/passes/unusedresult"
	"golang.org/x/tools/txtar"

	"github.com/soapgen/soapgen/wsdl"
)

// FuzzGenerate generates Go from WSDLs and checks the generator's promise:
// every WSDL it accepts gives gofmt-clean code that type-checks (go/types,
// against this checkout's soap runtime) and passes vet's analyzers that
// need no facts (stdmethods among them), the same bytes every time; every
// WSDL it refuses gives a *wsdl.Error with a file:line:col position; it
// never panics.
//
// An input starting with '<' is the WSDL itself (the seeds are the
// testdata/cases WSDLs). Any other input is a recipe: fuzzWSDL builds a
// WSDL from it, each byte choosing a name (from fuzzNames: Go keywords,
// predeclared and generated names, case variants, punctuation, non-ASCII
// letters), a type, an occurrence, a shape (nested and recursive types,
// extensions, attributes, enumerations, lists, unions, headers, faults,
// rpc operations, a second portType), so that mutations explore names and
// structure instead of breaking the XML.
func FuzzGenerate(f *testing.F) {
	archives, _ := filepath.Glob("testdata/cases/*.txtar")
	for _, path := range archives {
		ar, err := txtar.ParseFile(path)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range ar.Files {
			if file.Name == "input.wsdl" {
				f.Add(file.Data)
			}
		}
	}
	for _, seed := range [][]byte{
		{},
		[]byte("\x03\x00\x10\x00\x20\x02\x00\x30\x01\x05\x02\x04\x03\x07\x01\x00\x01\x00\x02\x00\x05\x03"),
		bytes.Repeat([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9}, 30),
		bytes.Repeat([]byte{0xff, 0x10, 0x80, 0x41}, 60),
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		src := data
		if len(data) == 0 || data[0] != '<' {
			src = fuzzWSDL(data)
		}
		checkGenerate(t, src)
	})
}

// checkGenerate generates Go from the WSDL src and checks it (see
// FuzzGenerate).
func checkGenerate(t *testing.T, src []byte) {
	t.Helper()
	fsys := fstest.MapFS{"f.wsdl": {Data: src}}
	files, err := Generate(fsys, "f.wsdl", Config{Package: "fuzz"})
	if err != nil {
		var we *wsdl.Error
		if !errors.As(err, &we) {
			t.Fatalf("error without a position: %v (%T)\n%s", err, err, src)
		}
		prefix := fmt.Sprintf("f.wsdl:%d:%d: ", we.Pos.Line, we.Pos.Col)
		if we.Pos.File != "f.wsdl" || we.Pos.Line < 1 || we.Pos.Col < 1 || !strings.HasPrefix(err.Error(), prefix) {
			t.Fatalf("error %q has position %+v\n%s", err, we.Pos, src)
		}
		return
	}
	again, err := Generate(fsys, "f.wsdl", Config{Package: "fuzz"})
	if err != nil || len(again) != len(files) {
		t.Fatalf("a second run gave %d files, %v", len(again), err)
	}
	fset := token.NewFileSet()
	var parsed []*ast.File
	for i, file := range files {
		if again[i].Name != file.Name || !bytes.Equal(again[i].Content, file.Content) {
			t.Fatalf("%s differs between two runs", file.Name)
		}
		if formatted, err := format.Source(file.Content); err != nil || !bytes.Equal(formatted, file.Content) {
			t.Fatalf("%s is not gofmt-clean (%v)\n%s\n%s", file.Name, err, src, file.Content)
		}
		af, err := parser.ParseFile(fset, file.Name, file.Content, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			t.Fatalf("%s: %v\n%s", file.Name, err, src)
		}
		parsed = append(parsed, af)
	}
	if err := typeCheck(fset, parsed); err != nil {
		t.Fatalf("%v\nWSDL:\n%s\n%s", err, src, listing(files))
	}
}

// listing is the generated files with line numbers, for failures.
func listing(files []File) string {
	var b strings.Builder
	for _, f := range files {
		fmt.Fprintf(&b, "--- %s\n", f.Name)
		for i, line := range strings.Split(string(f.Content), "\n") {
			fmt.Fprintf(&b, "%5d %s\n", i+1, line)
		}
	}
	return b.String()
}

// vetAnalyzers are the analyzers of go vet that run on one package without
// facts from its dependencies.
var vetAnalyzers = []*analysis.Analyzer{
	assign.Analyzer, atomic.Analyzer, bools.Analyzer, composite.Analyzer, copylock.Analyzer,
	errorsas.Analyzer, httpresponse.Analyzer, ifaceassert.Analyzer, nilfunc.Analyzer,
	shift.Analyzer, stdmethods.Analyzer, stringintconv.Analyzer, structtag.Analyzer,
	unmarshal.Analyzer, unreachable.Analyzer, unusedresult.Analyzer,
}

// typeCheck type-checks the files of one generated package and runs
// vetAnalyzers on it.
func typeCheck(fset *token.FileSet, files []*ast.File) error {
	imp, err := runtimeImporter()
	if err != nil {
		return err
	}
	var errs []error
	conf := types.Config{Importer: imp, GoVersion: "go1.26", Error: func(err error) { errs = append(errs, err) }}
	info := &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		Scopes:       map[ast.Node]*types.Scope{},
		Instances:    map[*ast.Ident]types.Instance{},
		FileVersions: map[*ast.File]string{},
	}
	pkg, _ := conf.Check("example.com/fuzz", fset, files, info)
	if len(errs) > 0 {
		return fmt.Errorf("type-check: %w", errors.Join(errs...))
	}
	var diags []string
	results := map[*analysis.Analyzer]any{}
	var run func(a *analysis.Analyzer) error
	run = func(a *analysis.Analyzer) error {
		if _, done := results[a]; done {
			return nil
		}
		pass := &analysis.Pass{
			Analyzer: a, Fset: fset, Files: files, Pkg: pkg, TypesInfo: info,
			TypesSizes: types.SizesFor("gc", "amd64"), ResultOf: map[*analysis.Analyzer]any{},
			ReadFile: func(string) ([]byte, error) { return nil, os.ErrNotExist },
			Report: func(d analysis.Diagnostic) {
				diags = append(diags, fmt.Sprintf("%s: %s: %s", fset.Position(d.Pos), a.Name, d.Message))
			},
			ImportObjectFact:  func(types.Object, analysis.Fact) bool { return false },
			ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
			ExportObjectFact:  func(types.Object, analysis.Fact) {},
			ExportPackageFact: func(analysis.Fact) {},
			AllObjectFacts:    func() []analysis.ObjectFact { return nil },
			AllPackageFacts:   func() []analysis.PackageFact { return nil },
		}
		for _, req := range a.Requires {
			if err := run(req); err != nil {
				return err
			}
			pass.ResultOf[req] = results[req]
		}
		r, err := a.Run(pass)
		if err != nil {
			return fmt.Errorf("%s: %w", a.Name, err)
		}
		results[a] = r
		return nil
	}
	for _, a := range vetAnalyzers {
		if err := run(a); err != nil {
			return err
		}
	}
	if len(diags) > 0 {
		return fmt.Errorf("vet:\n%s", strings.Join(diags, "\n"))
	}
	return nil
}

var (
	importerOnce sync.Once
	importerOf   types.Importer
	importerErr  error
)

// runtimeImporter imports the packages generated code imports from their
// export data, which `go list -export` builds (once per process; the build
// cache keeps it across runs).
func runtimeImporter() (types.Importer, error) {
	importerOnce.Do(func() {
		cmd := exec.Command("go", "list", "-export", "-deps", "-f", "{{.ImportPath}}={{.Export}}",
			soapPkg, "context", "errors", "fmt", "log/slog", "net/http")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			importerErr = fmt.Errorf("go list -export: %v\n%s", err, stderr.String())
			return
		}
		exports := map[string]string{}
		for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			if path, file, ok := strings.Cut(line, "="); ok && file != "" {
				exports[path] = file
			}
		}
		importerOf = importer.ForCompiler(token.NewFileSet(), "gc", func(path string) (io.ReadCloser, error) {
			file, ok := exports[path]
			if !ok {
				return nil, fmt.Errorf("no export data for %q (generated code imports only %s and the standard library)", path, soapPkg)
			}
			return os.Open(file)
		})
	})
	return importerOf, importerErr
}

// TestFuzzGenerateChecks checks that checkGenerate's type check fails on
// code that does not compile or that vet refuses, so that the fuzz
// target's silence means something.
func TestFuzzGenerateChecks(t *testing.T) {
	if testing.Short() {
		t.Skip("go list -export builds the runtime")
	}
	for _, c := range []struct{ src, want string }{
		{"package fuzz\n\nimport \"github.com/soapgen/soapgen/soap\"\n\ntype T struct{ String string }\n\nfunc (v *T) String() string { return soap.Redacted }\n", "field and method with the same name String"},
		{"package fuzz\n\ntype C struct{}\n\nfunc (C) MarshalJSON(x int) error { return nil }\n", "stdmethods: method MarshalJSON(x int) error should have signature MarshalJSON() ([]byte, error)"},
		{"package fuzz\n\nfunc f() int {\n\treturn 1\n\tpanic(0)\n}\n", "unreachable"},
	} {
		fset := token.NewFileSet()
		af, err := parser.ParseFile(fset, "x.go", c.src, 0)
		if err != nil {
			t.Fatal(err)
		}
		if err := typeCheck(fset, []*ast.File{af}); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("typeCheck(%q) = %v, want an error containing %q", c.src, err, c.want)
		}
	}
	fset := token.NewFileSet()
	af, _ := parser.ParseFile(fset, "x.go", "package fuzz\n\nimport \"github.com/soapgen/soapgen/soap\"\n\nvar _ = soap.Some(1)\n", 0)
	if err := typeCheck(fset, []*ast.File{af}); err != nil {
		t.Errorf("valid code: %v", err)
	}
}

// TestFuzzWSDLShapes checks that fuzzWSDL builds WSDLs the generator
// accepts from most recipes, so that the fuzzer does not spend its time on
// refused inputs, and that refused ones are refused with a position.
func TestFuzzWSDLShapes(t *testing.T) {
	accepted := 0
	const n = 400
	refusals := map[string]int{}
	for i := range n {
		data := make([]byte, 64)
		for j := range data {
			data[j] = byte((i*131 + j*17 + i*j) % 251)
		}
		_, err := Generate(fstest.MapFS{"f.wsdl": {Data: fuzzWSDL(data)}}, "f.wsdl", Config{Package: "fuzz"})
		if err == nil {
			accepted++
			continue
		}
		msg := regexp.MustCompile(`^f\.wsdl:\d+:\d+: `).ReplaceAllString(err.Error(), "")
		msg = regexp.MustCompile(`"[^"]*"|\{[^}]*\}\S*`).ReplaceAllString(msg, "N")
		refusals[msg]++
	}
	t.Logf("accepted %d of %d; refused: %v", accepted, n, refusals)
	if accepted < n/4 {
		t.Errorf("fuzzWSDL's WSDLs are accepted %d times in %d", accepted, n)
	}
}
