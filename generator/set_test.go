package generator

import (
	"bytes"
	"errors"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/soapgen/soapgen/wsdl"
)

// setCase is one archive of testdata/sets: a set of WSDLs, each in its own
// folder (dir/Name.wsdl, with the files it imports beside it), and what
// generating them together gives.
//
//   - "error": the exact error GenerateSet returns (a *wsdl.Error);
//   - "decls": lines "pkg: Name...", every type the package declares
//     (the types package is "shared", each WSDL's is named after its
//     folder);
//   - "contains": lines "pkg: code" that the package's generated code holds,
//     runs of white space folded;
//   - dir/*_test.go: tests put into the package's folder of the throwaway
//     module that vets and tests every successful set (module "sets", the
//     set's packages under sets/<archive>/).
type setCase struct {
	name     string
	fsys     fstest.MapFS
	wsdls    []string // archive paths of the WSDLs, in archive order
	wantErr  string
	decls    map[string][]string
	contains [][2]string // package, code
	tests    []txtar.File
}

func readSetCase(t *testing.T, file string) *setCase {
	t.Helper()
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	c := &setCase{name: strings.TrimSuffix(filepath.Base(file), ".txtar"), fsys: fstest.MapFS{}, decls: map[string][]string{}}
	pkgLines := func(data []byte) [][2]string {
		var out [][2]string
		for line := range strings.SplitSeq(strings.TrimSpace(string(data)), "\n") {
			pkg, rest, ok := strings.Cut(line, ":")
			if !ok {
				t.Fatalf("%s: line %q is not pkg: ...", file, line)
			}
			out = append(out, [2]string{strings.TrimSpace(pkg), strings.TrimSpace(rest)})
		}
		return out
	}
	for _, f := range ar.Files {
		switch {
		case f.Name == "error":
			c.wantErr = strings.TrimSpace(string(f.Data))
		case f.Name == "decls":
			for _, l := range pkgLines(f.Data) {
				c.decls[l[0]] = strings.Fields(l[1])
			}
		case f.Name == "contains":
			c.contains = pkgLines(f.Data)
		case strings.HasSuffix(f.Name, "_test.go"):
			c.tests = append(c.tests, f)
		default:
			c.fsys[f.Name] = &fstest.MapFile{Data: f.Data}
			if path.Ext(f.Name) == ".wsdl" && strings.Count(f.Name, "/") == 1 {
				c.wsdls = append(c.wsdls, f.Name)
			}
		}
	}
	if len(c.wsdls) < 2 {
		t.Fatalf("%s: a set needs two WSDLs or more, has %v", file, c.wsdls)
	}
	return c
}

// load loads the WSDLs of the case (each from its own folder, as the CLI
// does) as the inputs of a set.
func (c *setCase) load(t *testing.T, wsdls []string) []SetInput {
	t.Helper()
	var inputs []SetInput
	for _, w := range wsdls {
		dir := path.Dir(w)
		sub, err := fs.Sub(c.fsys, dir)
		if err != nil {
			t.Fatal(err)
		}
		defs, err := wsdl.Load(sub, path.Base(w), nil)
		if err != nil {
			t.Fatalf("%s: %v", w, err)
		}
		inputs = append(inputs, SetInput{
			Defs:       defs,
			Source:     path.Base(w),
			Dir:        dir,
			Package:    path.Base(dir),
			ImportPath: "sets/" + c.name + "/" + dir,
		})
	}
	return inputs
}

func (c *setCase) config() SetConfig {
	return SetConfig{Package: "shared", ImportPath: "sets/" + c.name + "/shared"}
}

// generate generates the set of wsdls and returns the files by package
// folder ("shared" for the types package).
func (c *setCase) generate(t *testing.T, wsdls []string) (map[string][]File, error) {
	t.Helper()
	inputs := c.load(t, wsdls)
	out, err := GenerateSet(inputs, c.config())
	if err != nil {
		return nil, err
	}
	if len(out.Inputs) != len(inputs) {
		t.Fatalf("GenerateSet: %d file lists for %d inputs", len(out.Inputs), len(inputs))
	}
	byDir := map[string][]File{"shared": out.Types}
	for _, sp := range out.Shared {
		byDir[path.Join("shared", sp.Dir)] = sp.Files
	}
	for i, in := range inputs {
		byDir[in.Dir] = out.Inputs[i]
	}
	return byDir, nil
}

// declaredTypes parses files (checking their package clause) and returns
// the names of the types they declare at top level, sorted.
func declaredTypes(t *testing.T, pkg string, files []File) []string {
	t.Helper()
	var names []string
	for _, f := range files {
		af, err := parser.ParseFile(token.NewFileSet(), f.Name, f.Content, parser.SkipObjectResolution)
		if err != nil {
			t.Fatalf("%s/%s: %v", pkg, f.Name, err)
		}
		if af.Name.Name != pkg {
			t.Errorf("%s/%s: package %s, want %s", pkg, f.Name, af.Name.Name, pkg)
		}
		for _, d := range af.Decls {
			if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.TYPE {
				for _, s := range gd.Specs {
					if ts := s.(*ast.TypeSpec); !ts.Assign.IsValid() { // aliases are not declarations
						names = append(names, ts.Name.Name)
					}
				}
			}
		}
	}
	slices.Sort(names)
	return names
}

// TestSets generates every set of testdata/sets and checks what it gives;
// the successful sets are then vetted and tested in one throwaway module.
func TestSets(t *testing.T) {
	archives, err := filepath.Glob("testdata/sets/*.txtar")
	if err != nil || len(archives) == 0 {
		t.Fatalf("no sets: %v", err)
	}
	space := regexp.MustCompile(`\s+`)
	built := map[string]map[string][]File{}
	tests := map[string][]txtar.File{}
	for _, file := range archives {
		c := readSetCase(t, file)
		t.Run(c.name, func(t *testing.T) {
			byDir, err := c.generate(t, c.wsdls)
			if c.wantErr != "" {
				var we *wsdl.Error
				if !errors.As(err, &we) {
					t.Fatalf("error = %v (%T), want a *wsdl.Error", err, err)
				}
				if err.Error() != c.wantErr {
					t.Fatalf("error\n got %s\nwant %s", err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			// The same inputs give the same bytes.
			again, err := c.generate(t, c.wsdls)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(byDir, again); d != "" {
				t.Errorf("a second run gives other output (-first +second):\n%s", d)
			}
			for dir, files := range byDir {
				want := 2 // types.gen.go and client.gen.go or headers.gen.go
				if strings.HasPrefix(dir, "shared/internal/") {
					want = 1
				}
				if len(files) != want {
					t.Errorf("%s: %d files, want %d", dir, len(files), want)
				}
				for _, f := range files {
					if !bytes.HasPrefix(f.Content, []byte(GeneratedHeader+"\n")) {
						t.Errorf("%s/%s does not start with the generated header", dir, f.Name)
					}
					if formatted, err := format.Source(f.Content); err != nil || !bytes.Equal(formatted, f.Content) {
						t.Errorf("%s/%s is not gofmt-clean (%v):\n%s", dir, f.Name, err, cmp.Diff(string(f.Content), string(formatted)))
					}
				}
			}
			// The packages of types several (but fewer than half of the)
			// services share have names made of a hash: "decls" lists
			// what they declare together, as "internal".
			key := func(dir string) string {
				if strings.HasPrefix(dir, "shared/internal/") {
					return "internal"
				}
				return path.Base(dir)
			}
			got := map[string][]string{}
			declaredIn := map[string][]string{}
			for dir, files := range byDir {
				for _, n := range declaredTypes(t, path.Base(dir), files) {
					got[key(dir)] = append(got[key(dir)], n)
					declaredIn[n] = append(declaredIn[n], dir)
				}
				if _, ok := got[key(dir)]; !ok {
					got[key(dir)] = nil
				}
			}
			for k := range got {
				slices.Sort(got[k])
			}
			if want := slices.Sorted(maps.Keys(c.decls)); !slices.Equal(slices.Sorted(maps.Keys(got)), want) {
				t.Errorf("packages %v, decls lists %v", slices.Sorted(maps.Keys(got)), want)
			}
			for k, names := range got {
				if w := slices.Sorted(slices.Values(c.decls[k])); !slices.Equal(names, w) {
					t.Errorf("package %s declares\n  %v\nwant\n  %v", k, names, w)
				}
			}
			// Every type is declared once in the set (a wrapper once per
			// package that has it).
			for n, dirs := range declaredIn {
				if len(dirs) > 1 && !strings.HasPrefix(n, "Save") && !strings.HasSuffix(n, "Client") && !strings.HasSuffix(n, "Server") {
					t.Errorf("type %s is declared in %v", n, dirs)
				}
			}
			for _, l := range c.contains {
				var all strings.Builder
				for _, f := range byDir[l[0]] {
					all.Write(f.Content)
				}
				if !strings.Contains(space.ReplaceAllString(all.String(), " "), space.ReplaceAllString(l[1], " ")) {
					t.Errorf("package %s lacks %q", l[0], l[1])
				}
			}
			built[c.name] = byDir
			tests[c.name] = c.tests
		})
	}
	if len(built) == 0 || testing.Short() {
		return
	}
	mod := throwawayModule(t, "sets")
	for name, byDir := range built {
		for dir, files := range byDir {
			if err := Write(filepath.Join(mod, name, dir), files); err != nil {
				t.Fatal(err)
			}
		}
		for _, f := range tests[name] {
			dst := filepath.Join(mod, name, filepath.FromSlash(f.Name))
			if err := os.WriteFile(dst, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	vetAndTest(t, mod)
}

// throwawayModule makes a module named name in a temporary folder that
// uses this checkout's soap runtime.
func throwawayModule(t *testing.T, name string) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	mod := t.TempDir()
	gomod := "module " + name + "\n\ngo 1.26\n\nrequire github.com/soapgen/soapgen v0.0.0-00010101000000-000000000000\n\nreplace github.com/soapgen/soapgen => " + strconv.Quote(root) + "\n"
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte(gomod), 0o644); err != nil {
		t.Fatal(err)
	}
	if sum, err := os.ReadFile(filepath.Join(root, "go.sum")); err == nil {
		os.WriteFile(filepath.Join(mod, "go.sum"), sum, 0o644)
	}
	return mod
}

// TestGenerateSetErrors: a set whose packages cannot be named as asked is
// refused before anything is generated, and SetInput.Dir only prefixes the
// file names of errors.
func TestGenerateSetErrors(t *testing.T) {
	c := readSetCase(t, "testdata/sets/merge.txtar")
	for _, tc := range []struct {
		name   string
		change func(in []SetInput, cfg *SetConfig) []SetInput
		want   string
	}{
		{"no inputs", func(in []SetInput, cfg *SetConfig) []SetInput { return nil }, "no WSDL to generate"},
		{"types package named like a generated identifier", func(in []SetInput, cfg *SetConfig) []SetInput {
			cfg.Package, cfg.ImportPath = "soap", "sets/merge/soap"
			return in
		}, `types package: package name "soap" would clash with a name generated code uses`},
		{"types import path not ending in its name", func(in []SetInput, cfg *SetConfig) []SetInput {
			cfg.ImportPath = "sets/merge/types"
			return in
		}, `types package: import path "sets/merge/types" must end in the package name "shared"`},
		{"input package not an identifier", func(in []SetInput, cfg *SetConfig) []SetInput {
			in[1].Package, in[1].ImportPath = "post-office", "sets/merge/post-office"
			return in
		}, `Post.wsdl: invalid package name "post-office"`},
		{"input in the types package", func(in []SetInput, cfg *SetConfig) []SetInput {
			in[0].Package, in[0].ImportPath = "shared", cfg.ImportPath
			return in
		}, "Shop.wsdl: import path sets/merge/shared is used twice in the set"},
		{"two inputs in one package", func(in []SetInput, cfg *SetConfig) []SetInput {
			in[1].Package, in[1].ImportPath = in[0].Package, in[0].ImportPath
			return in
		}, "Post.wsdl: import path sets/merge/shop is used twice in the set"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := c.config()
			_, err := GenerateSet(tc.change(c.load(t, c.wsdls), &cfg), cfg)
			if err == nil || err.Error() != tc.want {
				t.Errorf("error = %v, want %s", err, tc.want)
			}
		})
	}

	conflict := readSetCase(t, "testdata/sets/conflict.txtar")
	in := conflict.load(t, conflict.wsdls)
	for i := range in {
		in[i].Dir = ""
	}
	_, err := GenerateSet(in, conflict.config())
	var we *wsdl.Error
	if !errors.As(err, &we) || we.Construct != "xs:complexType" || we.Name != (wsdl.QName{Space: "urn:t", Local: "Country"}) || !errors.Is(err, wsdl.ErrInvalid) {
		t.Fatalf("conflict: %v", err)
	}
	if want := `West.wsdl:7:3: xs:complexType "Country": invalid: {urn:t}Country is defined differently at East.wsdl:5:1;`; !strings.HasPrefix(err.Error(), want) {
		t.Errorf("conflict without Dir:\n got %s\nwant %s…", err, want)
	}
}

// TestPartitionKeepsInputsTypesOwn checks partition's safeguard: a type the
// resolver made in an input's package stays there only if that input alone
// reaches it; a type a header reaches, or another input too, moves to a
// shared package, so that no package of the set imports an input's.
func TestPartitionKeepsInputsTypesOwn(t *testing.T) {
	tables := newSchemaTables()
	shared := &pkg{name: "shared", importPath: "x/shared"}
	shared.shared = shared
	w0 := &pkg{name: "w0", importPath: "x/w0", shared: shared}
	w1 := &pkg{name: "w1", importPath: "x/w1", shared: shared}
	own := &structType{origin: "Own"}         // w0's own wrapper, w0 alone reaches it
	inHeader := &structType{origin: "Header"} // made in w0, a header entry's type
	inBoth := &structType{origin: "Both"}     // made in w0, w1 reaches it too
	inside := &structType{origin: "Inside"}   // made in w0, inside the header's type
	inHeader.fields = []*field{{name: "Inside", typ: &typeRef{named: inside}}}
	for _, g := range []*structType{own, inHeader, inBoth, inside} {
		tables.owner[g] = w0
		w0.types = append(w0.types, g)
	}
	w1Wrapper := &structType{origin: "W1"}
	w1Wrapper.fields = []*field{{name: "Both", typ: &typeRef{named: inBoth}}}
	tables.owner[w1Wrapper] = w1
	w1.types = append(w1.types, w1Wrapper)
	hdr := &header{fields: []*field{{name: "H", typ: &typeRef{named: inHeader}}}}
	w0.services = []*service{{ops: []*operation{{input: &message{typ: own}, inHeader: hdr}, {input: &message{typ: inBoth}}}}}
	w1.services = []*service{{ops: []*operation{{input: &message{typ: w1Wrapper}}}}}

	partition(tables, shared, []*pkg{w0, w1}, "x/shared")
	for g, want := range map[*structType]*pkg{own: w0, inHeader: shared, inside: shared, inBoth: shared, w1Wrapper: w1} {
		if got := tables.owner[g]; got != want {
			t.Errorf("%s is declared in %s, want %s", g.origin, got.name, want.name)
		}
	}
}
