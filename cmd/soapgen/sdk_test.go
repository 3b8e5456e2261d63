package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the generated SDK (TestSDKGolden)")

// goGenerate matches the soapgen //go:generate line of a gen.go.
var goGenerate = regexp.MustCompile(`(?m)^//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate (.+)$`)

// TestSDKGolden runs every soapgen //go:generate line under generated/ as
// go generate does (in the gen.go's folder), with -check: the committed
// files are exactly what the WSDLs give, so go generate ./... on a clean
// checkout changes nothing. With -update it writes them instead.
func TestSDKGolden(t *testing.T) {
	var gens []string
	for _, pattern := range []string{"../../generated/*/gen.go", "../../generated/*/*/gen.go"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		gens = append(gens, m...)
	}
	// The Services88 set (60 agents), User of Services84-87, the login service.
	if len(gens) != 6 {
		t.Fatalf("found %d gen.go files with soapgen lines, want 6: %v", len(gens), gens)
	}
	for _, gen := range gens {
		dir := filepath.Dir(gen)
		t.Run(strings.TrimPrefix(dir, "../../generated/"), func(t *testing.T) {
			src, err := os.ReadFile(gen)
			if err != nil {
				t.Fatal(err)
			}
			m := goGenerate.FindSubmatch(src)
			if m == nil {
				t.Fatalf("%s has no soapgen go:generate line", gen)
			}
			args := append([]string{"generate"}, strings.Fields(string(m[1]))...)
			if !*update {
				args = append([]string{"generate", "-check"}, args[1:]...)
			}
			t.Chdir(dir)
			var stdout, stderr bytes.Buffer
			if code := run(args, &stdout, &stderr); code != 0 {
				t.Errorf("soapgen %s: exit %d (run go test ./cmd/soapgen -run TestSDKGolden -update)\n%s", strings.Join(args, " "), code, stderr.String())
			}
		})
	}
}
