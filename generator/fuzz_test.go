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
	"slices"
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
// structure instead of breaking the XML. The crashers it found are kept
// in testdata/fuzz/FuzzGenerate as the WSDLs their recipes built, so that
// they stay regression tests when the recipe format changes.
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
		if len(data) > 0 && data[0] == '<' {
			checkGenerate(t, data)
			return
		}
		spec := fuzzRecipe(data)
		if spec.inputs != nil {
			checkGenerateSet(t, spec)
			return
		}
		all := make([]int, len(spec.ops))
		for i := range all {
			all[i] = i
		}
		checkGenerate(t, spec.wsdl(all))
	})
}

// checkPositioned fails unless err is a *wsdl.Error positioned in file
// (file:line:col: starting its message).
func checkPositioned(t *testing.T, err error, file string, src func() string) {
	t.Helper()
	var we *wsdl.Error
	if !errors.As(err, &we) {
		t.Fatalf("error without a position: %v (%T)\n%s", err, err, src())
	}
	prefix := fmt.Sprintf("%s:%d:%d: ", file, we.Pos.Line, we.Pos.Col)
	if we.Pos.File != file || we.Pos.Line < 1 || we.Pos.Col < 1 || !strings.HasPrefix(err.Error(), prefix) {
		t.Fatalf("error %q has position %+v, want one in %s\n%s", err, we.Pos, file, src())
	}
}

// checkGenerate generates Go from the WSDL src and checks it (see
// FuzzGenerate).
func checkGenerate(t *testing.T, src []byte) {
	t.Helper()
	fsys := fstest.MapFS{"f.wsdl": {Data: src}}
	files, err := Generate(fsys, "f.wsdl", Config{Package: "fuzz"})
	if err != nil {
		checkPositioned(t, err, "f.wsdl", func() string { return string(src) })
		return
	}
	again, err := Generate(fsys, "f.wsdl", Config{Package: "fuzz"})
	if err != nil || !sameFiles(files, again) {
		t.Fatalf("a second run gave other files (%v)\n%s", err, src)
	}
	imp := &generatedImporter{pkgs: map[string][]File{"example.com/fuzz": files}}
	if _, err := imp.Import("example.com/fuzz"); err != nil {
		t.Fatalf("%v\nWSDL:\n%s\n%s", err, src, listing(files))
	}
}

// checkGenerateSet generates the WSDLs of spec's set together and checks
// them as checkGenerate does: every package of the set must type-check.
func checkGenerateSet(t *testing.T, spec *fuzzSpec) {
	t.Helper()
	var inputs []SetInput
	var srcs []string
	for k, ops := range spec.inputs {
		dir := fmt.Sprintf("w%d", k)
		name := fmt.Sprintf("W%d.wsdl", k)
		src := spec.wsdl(ops)
		srcs = append(srcs, fmt.Sprintf("-- %s/%s --\n%s", dir, name, src))
		defs, err := wsdl.Load(fstest.MapFS{name: {Data: src}}, name, nil)
		if err != nil {
			checkPositioned(t, err, name, func() string { return string(src) })
			return
		}
		inputs = append(inputs, SetInput{Defs: defs, Source: name, Dir: dir, Package: dir, ImportPath: "example.com/fuzz/" + dir})
	}
	all := func() string { return strings.Join(srcs, "") }
	cfg := SetConfig{Package: "fuzz", ImportPath: "example.com/fuzz"}
	out, err := GenerateSet(inputs, cfg)
	if err != nil {
		var we *wsdl.Error
		file := ""
		if errors.As(err, &we) {
			file = we.Pos.File // the input's folder and file
		}
		if !strings.HasPrefix(file, "w") || !strings.Contains(file, "/W") {
			t.Fatalf("set error %v is not positioned in an input's file\n%s", err, all())
		}
		checkPositioned(t, err, file, all)
		return
	}
	again, err := GenerateSet(inputs, cfg)
	if err != nil || !sameFiles(out.Types, again.Types) || len(out.Shared) != len(again.Shared) || len(out.Inputs) != len(again.Inputs) {
		t.Fatalf("a second run gave other files (%v)\n%s", err, all())
	}
	imp := &generatedImporter{pkgs: map[string][]File{cfg.ImportPath: out.Types}}
	for i, sp := range out.Shared {
		if sp.Dir != again.Shared[i].Dir || !sameFiles(sp.Files, again.Shared[i].Files) {
			t.Fatalf("a second run gave other files for %s\n%s", sp.Dir, all())
		}
		imp.pkgs[cfg.ImportPath+"/"+sp.Dir] = sp.Files
	}
	for i, files := range out.Inputs {
		if !sameFiles(files, again.Inputs[i]) {
			t.Fatalf("a second run gave other files for %s\n%s", inputs[i].Dir, all())
		}
		imp.pkgs[inputs[i].ImportPath] = files
	}
	for path := range imp.pkgs {
		if _, err := imp.Import(path); err != nil {
			t.Fatalf("%v\nWSDLs:\n%s\n%s", err, all(), listing(imp.pkgs[path]))
		}
	}
}

// sameFiles reports whether a and b are the same files.
func sameFiles(a, b []File) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Name != b[i].Name || !bytes.Equal(a[i].Content, b[i].Content) {
			return false
		}
	}
	return true
}

// generatedImporter type-checks generated packages (by import path) when
// they are first imported, and imports the rest from export data.
type generatedImporter struct {
	pkgs     map[string][]File
	checked  map[string]*types.Package
	checking []string // the packages being type-checked, outermost first
}

func (g *generatedImporter) Import(path string) (*types.Package, error) {
	files, ok := g.pkgs[path]
	if !ok {
		imp, err := runtimeImporter()
		if err != nil {
			return nil, err
		}
		return imp.Import(path)
	}
	if p := g.checked[path]; p != nil {
		return p, nil
	}
	if i := slices.Index(g.checking, path); i >= 0 {
		return nil, fmt.Errorf("import cycle: %s", strings.Join(append(g.checking[i:], path), " -> "))
	}
	g.checking = append(g.checking, path)
	defer func() { g.checking = g.checking[:len(g.checking)-1] }()
	fset := token.NewFileSet()
	var parsed []*ast.File
	for _, file := range files {
		if formatted, err := format.Source(file.Content); err != nil || !bytes.Equal(formatted, file.Content) {
			return nil, fmt.Errorf("%s: %s is not gofmt-clean (%v)", path, file.Name, err)
		}
		af, err := parser.ParseFile(fset, file.Name, file.Content, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		parsed = append(parsed, af)
	}
	p, err := typeCheck(fset, parsed, g, path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if g.checked == nil {
		g.checked = map[string]*types.Package{}
	}
	g.checked[path] = p
	return p, nil
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

// typeCheck type-checks the files of one generated package, importing
// with imp, and runs vetAnalyzers on it.
func typeCheck(fset *token.FileSet, files []*ast.File, imp types.Importer, path string) (*types.Package, error) {
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
	pkg, _ := conf.Check(path, fset, files, info)
	if len(errs) > 0 {
		return nil, fmt.Errorf("type-check: %w", errors.Join(errs...))
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
			return nil, err
		}
	}
	if len(diags) > 0 {
		return nil, fmt.Errorf("vet:\n%s", strings.Join(diags, "\n"))
	}
	return pkg, nil
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
			soapPkg, codecPkg, "context", "errors", "fmt", "log/slog", "net/http")
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
				return nil, fmt.Errorf("no export data for %q (generated code imports only %s, %s and the standard library)", path, soapPkg, codecPkg)
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
		if _, err := typeCheck(fset, []*ast.File{af}, &generatedImporter{}, "example.com/fuzz"); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("typeCheck(%q) = %v, want an error containing %q", c.src, err, c.want)
		}
	}
	fset := token.NewFileSet()
	af, _ := parser.ParseFile(fset, "x.go", "package fuzz\n\nimport \"github.com/soapgen/soapgen/soap\"\n\nvar _ = soap.Some(1)\n", 0)
	if _, err := typeCheck(fset, []*ast.File{af}, &generatedImporter{}, "example.com/fuzz"); err != nil {
		t.Errorf("valid code: %v", err)
	}
}

// TestFuzzWSDLShapes checks that fuzzRecipe builds WSDLs (and sets of
// them) the generator accepts from most recipes, so that the fuzzer does
// not spend its time on refused inputs, and runs checkGenerate on a few
// of them (the fuzz target's seeds run it on more).
func TestFuzzWSDLShapes(t *testing.T) {
	accepted, sets := 0, 0
	const n = 400
	refusals := map[string]int{}
	for i := range n {
		data := make([]byte, 96)
		for j := range data {
			data[j] = byte((i*131 + j*17 + i*j) % 251)
		}
		spec := fuzzRecipe(data)
		var err error
		if spec.inputs != nil {
			sets++
			var inputs []SetInput
			for k, ops := range spec.inputs {
				var defs *wsdl.Definitions
				name := fmt.Sprintf("W%d.wsdl", k)
				if defs, err = wsdl.Load(fstest.MapFS{name: {Data: spec.wsdl(ops)}}, name, nil); err != nil {
					break
				}
				inputs = append(inputs, SetInput{Defs: defs, Source: name, Dir: fmt.Sprintf("w%d", k), Package: fmt.Sprintf("w%d", k), ImportPath: fmt.Sprintf("example.com/fuzz/w%d", k)})
			}
			if err == nil {
				_, err = GenerateSet(inputs, SetConfig{Package: "fuzz", ImportPath: "example.com/fuzz"})
			}
		} else {
			_, err = Generate(fstest.MapFS{"f.wsdl": {Data: fuzzWSDL(data)}}, "f.wsdl", Config{Package: "fuzz"})
		}
		if err == nil {
			accepted++
			if i%40 == 0 && !testing.Short() {
				if spec.inputs != nil {
					checkGenerateSet(t, spec)
				} else {
					checkGenerate(t, fuzzWSDL(data))
				}
			}
			continue
		}
		msg := regexp.MustCompile(`^\S+\.wsdl:\d+:\d+: `).ReplaceAllString(err.Error(), "")
		msg = regexp.MustCompile(`"[^"]*"|\{[^}]*\}\S*`).ReplaceAllString(msg, "N")
		refusals[msg]++
	}
	t.Logf("accepted %d of %d (%d sets); refused: %v", accepted, n, sets, refusals)
	if accepted < n/2 || sets < n/10 {
		t.Errorf("fuzzRecipe's WSDLs are accepted %d times in %d, %d are sets", accepted, n, sets)
	}
}
