package main

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/soapgen/soapgen/generator"
)

// setsDir holds the generator's set archives (absolute: tests change the
// working folder).
var setsDir, _ = filepath.Abs(filepath.Join("..", "..", "generator", "testdata", "sets"))

// setTree writes a module example.com/m into a temporary folder, with the
// WSDLs (and the files beside them) of the archive
// generator/testdata/sets/<set>.txtar under api/; it returns the module's
// folder.
func setTree(t *testing.T, set string) string {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join(setsDir, set+".txtar"))
	if err != nil {
		t.Fatal(err)
	}
	mod := t.TempDir()
	writeFile(t, filepath.Join(mod, "go.mod"), "module example.com/m\n\ngo 1.26\n")
	n := 0
	for _, f := range ar.Files {
		if !strings.Contains(f.Name, "/") || strings.HasSuffix(f.Name, ".go") {
			continue // the archive's expectations and tests
		}
		writeFile(t, filepath.Join(mod, "api", filepath.FromSlash(f.Name)), string(f.Data))
		n++
	}
	if n < 2 {
		t.Fatalf("%s: %d files", set, n)
	}
	return mod
}

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// edit replaces old by new in the file name, once, failing if it is not
// there.
func edit(t *testing.T, name, old, new string) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s lacks %q", name, old)
	}
	writeFile(t, name, strings.Replace(string(b), old, new, 1))
}

func runSoapgen(args ...string) (int, string) {
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return code, stderr.String()
}

// relSnapshot is snapshot with the names relative to dir, slash-separated.
func relSnapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for p, c := range snapshot(t, dir) {
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.ToSlash(rel)] = c
	}
	return out
}

// TestGenerateSetLayout: a set lands as the README says: the types package
// in -o, each WSDL's package in its folder named after the folder, import
// paths from the go.mod; -check agrees, then lists what a WSDL change makes
// stale and writes nothing; the output does not depend on where the tree is
// or how the paths are given.
func TestGenerateSetLayout(t *testing.T) {
	mod := setTree(t, "merge")
	api := filepath.Join(mod, "api")
	t.Chdir(api)
	if code, errs := runSoapgen("generate", "-o", "shared", "-pkg", "shared", "shop/*.wsdl", "post/*.wsdl"); code != 0 {
		t.Fatalf("generate: exit %d: %s", code, errs)
	}
	got := relSnapshot(t, mod)
	names := slices.Sorted(maps.Keys(got))
	want := []string{
		"api/post/Post.wsdl", "api/post/client.gen.go", "api/post/types.gen.go",
		"api/shared/headers.gen.go", "api/shared/types.gen.go",
		"api/shop/Shop.wsdl", "api/shop/client.gen.go", "api/shop/types.gen.go",
		"go.mod",
	}
	if !slices.Equal(names, want) {
		t.Fatalf("files after generate:\n  %v\nwant\n  %v", names, want)
	}
	for _, name := range names {
		if !strings.HasSuffix(name, ".gen.go") {
			continue
		}
		dir := filepath.Base(filepath.Dir(name))
		f, err := parser.ParseFile(token.NewFileSet(), name, got[name], parser.ImportsOnly)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if f.Name.Name != dir {
			t.Errorf("%s: package %s, want %s", name, f.Name.Name, dir)
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if strings.HasPrefix(p, "example.com/") && (dir == "shared" || p != "example.com/m/api/shared") {
				t.Errorf("%s imports %s", name, p)
			}
		}
		if !strings.HasPrefix(got[name], generator.GeneratedHeader+"\n") {
			t.Errorf("%s lacks the generated header", name)
		}
		if strings.Contains(got[name], mod) || strings.Contains(got[name], filepath.ToSlash(mod)) {
			t.Errorf("%s holds the path of its folder", name)
		}
	}
	for _, name := range []string{"api/shop/types.gen.go", "api/post/types.gen.go"} {
		if !strings.Contains(got[name], "\t\"example.com/m/api/shared\"\n") || !strings.Contains(got[name], "type Country = shared.Country") {
			t.Errorf("%s does not alias example.com/m/api/shared.Country", name)
		}
	}

	if code, errs := runSoapgen("generate", "-check", "-o", "shared", "-pkg", "shared", "shop/*.wsdl", "post/*.wsdl"); code != 0 || errs != "" {
		t.Fatalf("-check after generate: exit %d: %s", code, errs)
	}

	// The same set elsewhere, named by absolute paths, gives the same bytes.
	mod2 := setTree(t, "merge")
	api2 := filepath.Join(mod2, "api")
	if code, errs := runSoapgen("generate", "-o", filepath.Join(api2, "shared"), "-pkg", "shared", filepath.Join(api2, "shop", "Shop.wsdl"), filepath.Join(api2, "post", "Post.wsdl")); code != 0 {
		t.Fatalf("generate with absolute paths: exit %d: %s", code, errs)
	}
	if d := relSnapshot(t, mod2); !maps.Equal(d, got) {
		t.Errorf("absolute paths and another folder give other files")
		for k, v := range d {
			if got[k] != v {
				t.Logf("%s differs", k)
			}
		}
	}

	// A WSDL change makes its package's types stale, nothing else; -check
	// writes nothing.
	edit(t, "post/Post.wsdl", `<element name="Grams" type="int"/>`, `<element name="Grams" type="int"/><element name="Express" type="boolean" minOccurs="0"/>`)
	before := relSnapshot(t, mod)
	code, errs := runSoapgen("generate", "-check", "-o", "shared", "-pkg", "shared", "shop/*.wsdl", "post/*.wsdl")
	if code != 1 {
		t.Fatalf("-check after a WSDL change: exit %d: %s", code, errs)
	}
	if want := filepath.Join("post", "types.gen.go") + ": out of date; run soapgen generate\n"; errs != want {
		t.Errorf("-check after a WSDL change says\n%s\nwant\n%s", errs, want)
	}
	if !maps.Equal(relSnapshot(t, mod), before) {
		t.Errorf("-check wrote files")
	}
	if code, errs := runSoapgen("generate", "-o", "shared", "-pkg", "shared", "shop/*.wsdl", "post/*.wsdl"); code != 0 {
		t.Fatalf("generate after the change: exit %d: %s", code, errs)
	}
	after := relSnapshot(t, mod)
	for name := range before {
		if changed := after[name] != before[name]; changed != (name == "api/post/types.gen.go") {
			t.Errorf("%s changed: %v", name, changed)
		}
	}
	if !strings.Contains(after["api/post/types.gen.go"], "Express soap.Opt[bool]") {
		t.Errorf("post/types.gen.go lacks the new member")
	}
}

// TestGenerateSetRefuses: a set that cannot be written as asked is refused
// as a whole, and nothing is written anywhere.
func TestGenerateSetRefuses(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, api string) // before the run, in api
		args  []string
		code  int
		want  []string // in the message
	}{{
		name: "hand-written file in a package folder",
		setup: func(t *testing.T, api string) {
			writeFile(t, filepath.Join(api, "post", "types.gen.go"), "package post // mine\n")
		},
		args: []string{"-o", "shared", "-pkg", "shared", "shop/*.wsdl", "post/*.wsdl"},
		code: 1,
		want: []string{filepath.Join("post", "types.gen.go") + ": file exists and was not generated by soapgen"},
	}, {
		name: "hand-written file in the types folder",
		setup: func(t *testing.T, api string) {
			writeFile(t, filepath.Join(api, "shared", "headers.gen.go"), "package shared // mine\n")
		},
		args: []string{"-o", "shared", "-pkg", "shared", "shop/*.wsdl", "post/*.wsdl"},
		code: 1,
		want: []string{filepath.Join("shared", "headers.gen.go") + ": file exists and was not generated by soapgen"},
	}, {
		name: "WSDL in the types folder",
		args: []string{"-o", "shop", "-pkg", "shop", "shop/*.wsdl", "post/*.wsdl"},
		code: 1,
		want: []string{filepath.Join("shop", "Shop.wsdl") + ": each WSDL of a set needs a folder of its own"},
	}, {
		name: "two WSDLs in one folder",
		setup: func(t *testing.T, api string) {
			b, err := os.ReadFile(filepath.Join(api, "post", "Post.wsdl"))
			if err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(api, "shop", "Post.wsdl"), string(b))
		},
		args: []string{"-o", "shared", "-pkg", "shared", "shop/*.wsdl"},
		code: 1,
		want: []string{"needs a folder of its own"},
	}, {
		name: "pattern matching nothing",
		args: []string{"-o", "shared", "-pkg", "shared", "shop/*.wsdl", "nope/*.wsdl"},
		code: 2,
		want: []string{`pattern "nope/*.wsdl" matches no file`},
	}, {
		name: "WSDL given twice",
		args: []string{"-o", "shared", "-pkg", "shared", "shop/*.wsdl", "post/*.wsdl", "./shop/Shop.wsdl"},
		code: 2,
		want: []string{"given twice"},
	}, {
		name: "types package name unlike its folder",
		args: []string{"-o", "shared", "-pkg", "types", "shop/*.wsdl", "post/*.wsdl"},
		code: 1,
		want: []string{`"example.com/m/api/shared" must end in the package name "types"`},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			mod := setTree(t, "merge")
			api := filepath.Join(mod, "api")
			if tc.setup != nil {
				tc.setup(t, api)
			}
			before := relSnapshot(t, mod)
			t.Chdir(api)
			code, errs := runSoapgen(append([]string{"generate"}, tc.args...)...)
			if code != tc.code {
				t.Errorf("exit %d, want %d: %s", code, tc.code, errs)
			}
			for _, w := range tc.want {
				if !strings.Contains(errs, w) {
					t.Errorf("message %q lacks %q", errs, w)
				}
			}
			if after := relSnapshot(t, mod); !maps.Equal(after, before) {
				t.Errorf("files changed: before %v, after %v", keys(before), keys(after))
			}
		})
	}
}

// TestGenerateSetNoModule: without a go.mod above -o there are no import
// paths: a clear error, nothing written.
func TestGenerateSetNoModule(t *testing.T) {
	mod := setTree(t, "merge")
	if err := os.Remove(filepath.Join(mod, "go.mod")); err != nil {
		t.Fatal(err)
	}
	if d, _, err := findModule(mod); err == nil {
		t.Skipf("the temporary folder is inside the module of %s", d)
	}
	before := relSnapshot(t, mod)
	t.Chdir(filepath.Join(mod, "api"))
	code, errs := runSoapgen("generate", "-o", "shared", "shop/*.wsdl", "post/*.wsdl")
	if code != 1 || !strings.HasPrefix(errs, "shared is in no Go module (no go.mod above it)") {
		t.Errorf("exit %d: %s", code, errs)
	}
	if !maps.Equal(relSnapshot(t, mod), before) {
		t.Errorf("files changed")
	}
}

// TestGenerateSetConflict: two WSDLs defining Country differently fail
// with both definitions' positions, files named as given on the command
// line, and the output folders keep their content byte for byte.
func TestGenerateSetConflict(t *testing.T) {
	mod := setTree(t, "conflict")
	api := filepath.Join(mod, "api")
	t.Chdir(api)
	west := filepath.Join("west", "West.wsdl")
	bad := `<xs:element name="Code" type="xs:string"/><xs:element name="Name" type="xs:string"/></xs:sequence></xs:complexType>`
	good := `<xs:element name="Code" type="xs:string"/></xs:sequence></xs:complexType>`
	// First a set that agrees, so that the folders have generated files.
	edit(t, west, bad, good)
	args := []string{"generate", "-o", "common", "east/*.wsdl", "west/*.wsdl"}
	if code, errs := runSoapgen(args...); code != 0 {
		t.Fatalf("agreeing set: exit %d: %s", code, errs)
	}
	edit(t, west, good, bad)
	before := relSnapshot(t, mod)
	if len(before) != 9 {
		t.Fatalf("files before: %v", keys(before))
	}
	code, errs := runSoapgen(args...)
	want := west + `:7:3: xs:complexType "Country": invalid: {urn:t}Country is defined differently at ` + filepath.Join("east", "East.wsdl") + ":5:1"
	if code != 1 || !strings.HasPrefix(errs, want) {
		t.Errorf("exit %d: %s\nwant a message starting %s", code, errs, want)
	}
	if !maps.Equal(relSnapshot(t, mod), before) {
		t.Errorf("files changed")
	}
}

// TestSDKSharedTypesOnce: in the committed Services88 SDK every schema
// type is declared once, in one package of the set: services88 (the
// headers' types and those at least half of the agents use), an internal
// package of types several agents share, or the one agent using it. Only
// operation wrappers (and clients and servers) may be declared by several
// agents. Each agent aliases the shared types it uses, so that list.Country
// and person.Country are one type.
func TestSDKSharedTypesOnce(t *testing.T) {
	root := filepath.Join("..", "..", "generated", "services88")
	type decl struct{ pkg, rhs string }
	declared := map[string][]string{} // type name -> packages declaring it
	aliases := map[string][]decl{}    // type name -> aliases of it
	wrappers := map[string]bool{}
	files, err := filepath.Glob(filepath.Join(root, "*.gen.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, pattern := range []string{"*", filepath.Join("internal", "*")} {
		m, err := filepath.Glob(filepath.Join(root, pattern, "*.gen.go"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	pkgs := map[string]bool{}
	for _, name := range files {
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		pkg := filepath.ToSlash(filepath.Dir(name))
		pkgs[pkg] = true
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.GenDecl:
				if d.Tok != token.TYPE {
					continue
				}
				for _, s := range d.Specs {
					ts := s.(*ast.TypeSpec)
					if ts.Assign.IsValid() {
						sel, ok := ts.Type.(*ast.SelectorExpr)
						if !ok {
							t.Fatalf("%s: alias %s of %T", name, ts.Name.Name, ts.Type)
						}
						aliases[ts.Name.Name] = append(aliases[ts.Name.Name], decl{pkg, sel.X.(*ast.Ident).Name + "." + sel.Sel.Name})
						continue
					}
					declared[ts.Name.Name] = append(declared[ts.Name.Name], pkg)
				}
			case *ast.FuncDecl:
				// func (c *XClient) Op(ctx, req *Req, opts...) (*Resp, error)
				if d.Recv == nil || !strings.HasSuffix(typeName(d.Recv.List[0].Type), "Client") {
					continue
				}
				for _, fl := range []*ast.FieldList{d.Type.Params, d.Type.Results} {
					for _, p := range fl.List {
						wrappers[typeName(p.Type)] = true
					}
				}
			}
		}
	}
	if n := len(pkgs); n < 62 {
		t.Fatalf("%d packages in the SDK, want services88, its internal packages and 60 agents", n)
	}
	for n, where := range declared {
		if len(where) > 1 && !wrappers[n] {
			t.Errorf("%s is declared in %d packages: %v", n, len(where), where)
		}
	}
	for n, as := range aliases {
		if len(declared[n]) != 1 {
			t.Errorf("%s is aliased but declared in %v", n, declared[n])
			continue
		}
		for _, a := range as {
			if a.rhs != path.Base(declared[n][0])+"."+n {
				t.Errorf("%s: alias %s = %s, but %s declares it", a.pkg, n, a.rhs, declared[n][0])
			}
		}
	}
	top := filepath.ToSlash(root)
	for _, n := range []string{"SoCredentials", "RequestHeader", "ResponseHeader", "ServiceError", "SoExceptionInfo", "Carrier", "TableRight"} {
		if w := declared[n]; len(w) != 1 || w[0] != top {
			t.Errorf("%s is declared in %v, want services88 alone", n, w)
		}
	}
	for _, n := range []string{"Country", "Associate", "PersonEntity"} {
		if len(declared[n]) != 1 {
			t.Errorf("%s is declared in %v, want one package", n, declared[n])
		}
	}
	// The agents that use Country alias the one type.
	var users []string
	for _, a := range aliases["Country"] {
		users = append(users, path.Base(a.pkg))
	}
	for _, want := range []string{"list", "person", "contact"} {
		if !slices.Contains(users, want) && path.Base(declared["Country"][0]) != want {
			t.Errorf("%s neither declares nor aliases Country (aliases: %v)", want, users)
		}
	}
}

// typeName is the name of a type expression, without a pointer or package.
func typeName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return typeName(e.X)
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return e.Sel.Name
	}
	return ""
}
