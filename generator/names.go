package generator

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// namer hands out package-level Go names: the first to ask for a name gets
// it, later ones get a numeric suffix. Callers ask in a deterministic order
// (sorted QNames), so the same WSDL always gives the same names.
type namer struct{ used map[string]bool }

func newNamer() *namer { return &namer{used: map[string]bool{}} }

// name returns a unique exported name based on want, other than avoid.
func (n *namer) name(want string, avoid ...string) string {
	return n.unique(exportedName(want), avoid)
}

// unique returns base, or base with the first numeric suffix that makes it
// unused and not one of avoid, and marks it used.
func (n *namer) unique(base string, avoid []string) string {
	name := base
	for i := 2; n.used[name] || slices.Contains(avoid, name); i++ {
		name = base + strconv.Itoa(i)
	}
	n.used[name] = true
	return name
}

// exportedName turns an XML name into an exported Go identifier: runs of
// letters and digits are joined, each starting with an upper-case letter.
func exportedName(s string) string {
	var b strings.Builder
	upper := true
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			upper = true
			continue
		}
		if b.Len() == 0 && !unicode.IsUpper(unicode.ToUpper(r)) {
			b.WriteString("X") // a digit or a letter without case cannot start an exported name
		}
		if upper {
			r = unicode.ToUpper(r)
			upper = false
		}
		b.WriteRune(r)
	}
	if b.Len() == 0 {
		return "X"
	}
	return b.String()
}
