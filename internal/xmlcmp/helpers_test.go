package xmlcmp

import (
	"os"
	"strings"
	"testing"
)

// Namespace declarations used by the table tests.
const (
	nsXSI  = `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"`
	nsXSD  = `xmlns:xsd="http://www.w3.org/2001/XMLSchema"`
	nsBoth = nsXSI + " " + nsXSD
)

func mustCompare(t *testing.T, want, got string, o Options) []string {
	t.Helper()
	d, err := Compare([]byte(want), []byte(got), o)
	if err != nil {
		t.Fatalf("Compare: %v", err)
	}
	return d
}

func mustParse(t testing.TB, s string) *Node {
	t.Helper()
	n, err := Parse([]byte(s))
	if err != nil {
		t.Fatalf("Parse(%q): %v", s, err)
	}
	return n
}

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// anyContains reports whether some line contains every one of subs.
func anyContains(lines []string, subs ...string) bool {
	for _, l := range lines {
		ok := true
		for _, s := range subs {
			if !strings.Contains(l, s) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// compareCase is one table test: want and got either compare equal, or
// differ with some line containing every string of diff.
type compareCase struct {
	name      string
	want, got string
	opts      Options
	equal     bool
	diff      []string
}

func runCompareCases(t *testing.T, cases []compareCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := mustCompare(t, c.want, c.got, c.opts)
			if c.equal {
				if len(d) != 0 {
					t.Fatalf("want equal, got differences:\n%s", strings.Join(d, "\n"))
				}
				return
			}
			if len(d) == 0 {
				t.Fatalf("want differences, got none")
			}
			if len(c.diff) > 0 && !anyContains(d, c.diff...) {
				t.Fatalf("no difference line contains %q; got:\n%s", c.diff, strings.Join(d, "\n"))
			}
		})
	}
}
