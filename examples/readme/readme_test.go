// Package readme type-checks the Go snippets of the repository's README,
// so that what it shows compiles against the generated SDK and the runtime
// as they are.
package readme

import (
	"bufio"
	"bytes"
	"fmt"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// snippet is a ```go block of the README.
type snippet struct {
	line int // of its first line
	text string
}

func readmeSnippets(t *testing.T) []snippet {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var out []snippet
	var cur *snippet
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case cur == nil && strings.TrimSpace(line) == "```go":
			cur = &snippet{line: n + 1}
		case cur != nil && strings.TrimSpace(line) == "```":
			out = append(out, *cur)
			cur = nil
		case cur != nil:
			cur.text += line + "\n"
		}
	}
	return out
}

// imports are the packages a snippet may name, by the name it uses.
var imports = map[string]string{
	"context":    "context",
	"http":       "net/http",
	"httptest":   "net/http/httptest",
	"time":       "time",
	"soap":       "github.com/soapgen/soapgen/soap",
	"netserver":  "github.com/soapgen/soapgen/generated/services88/netserver",
	"list":       "github.com/soapgen/soapgen/generated/services88/list",
	"person":     "github.com/soapgen/soapgen/generated/services88/person",
	"user":       "github.com/soapgen/soapgen/generated/services88/user",
	"services88": "github.com/soapgen/soapgen/generated/services88",
}

// free are the variables snippets use without declaring them: what the
// surrounding program would have.
const free = "ctx context.Context, token, ticket string"

var qualified = regexp.MustCompile(`\b([a-z][a-z0-9]*)\.[A-Z]`)

// wrap makes a Go file of a snippet without a package clause: its leading
// declarations (types, functions) at the top level, and the statements
// after them in a function with the free variables as parameters.
func wrap(s snippet) string {
	lines := strings.Split(s.text, "\n")
	split := 0 // lines[:split] are declarations
	for i := 1; i <= len(lines); i++ {
		src := "package p\n" + strings.Join(lines[:i], "\n")
		if _, err := parser.ParseFile(token.NewFileSet(), "", src, parser.SkipObjectResolution); err == nil {
			split = i
		}
	}
	rest := strings.TrimSpace(strings.Join(lines[split:], "\n"))
	var b strings.Builder
	b.WriteString("package readme\n\nimport (\n")
	// The function around the statements takes a context.
	used := map[string]bool{"context": rest != ""}
	for _, m := range qualified.FindAllStringSubmatch(s.text, -1) {
		used[m[1]] = true
	}
	for _, name := range slices.Sorted(maps.Keys(used)) {
		if path, ok := imports[name]; ok && used[name] {
			fmt.Fprintf(&b, "\t%s %q\n", name, path)
		}
	}
	b.WriteString(")\n\n")
	b.WriteString(strings.Join(lines[:split], "\n"))
	if rest != "" {
		fmt.Fprintf(&b, "\n\nfunc snippet(%s) error {\n\t_, _, _ = ctx, token, ticket\n%s\n", free, rest)
		if !strings.HasSuffix(rest, "return err") {
			b.WriteString("\treturn nil\n")
		}
		b.WriteString("}\n")
	}
	return b.String()
}

// TestREADMESnippets: every Go snippet of the README parses, and those
// that are not whole files (a go:generate file) type-check against the
// runtime and the generated SDK.
func TestREADMESnippets(t *testing.T) {
	snippets := readmeSnippets(t)
	if len(snippets) < 4 {
		t.Fatalf("found %d Go snippets in the README", len(snippets))
	}
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, s := range snippets {
		if strings.HasPrefix(strings.TrimSpace(s.text), "//") && strings.Contains(s.text, "\npackage ") {
			// A whole file (a gen.go with its go:generate line): it parses.
			if _, err := parser.ParseFile(token.NewFileSet(), "", s.text, parser.ParseComments); err != nil {
				t.Errorf("README.md:%d: %v", s.line, err)
			}
			continue
		}
		src := wrap(s)
		file := filepath.Join(dir, fmt.Sprintf("snippet%d.go", s.line))
		cfg := &packages.Config{
			Mode:    packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo,
			Dir:     dir,
			Overlay: map[string][]byte{file: []byte(src)},
		}
		pkgs, err := packages.Load(cfg, "file="+file)
		if err != nil {
			t.Fatalf("README.md:%d: %v", s.line, err)
		}
		for _, p := range pkgs {
			for _, e := range p.Errors {
				t.Errorf("README.md:%d: the snippet does not compile: %v\n%s", s.line, e, src)
			}
		}
		checked++
	}
	if checked < 2 {
		t.Errorf("type-checked %d snippets, want the session and the server ones", checked)
	}
}
