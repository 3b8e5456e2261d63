package xmlcmp

import (
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxDiffs is the number of difference lines Compare and CompareNodes report
// before summarising the rest in one "... N more differences" line.
const MaxDiffs = 50

// maxShown is the number of characters of a text or attribute value shown in
// a difference line.
const maxShown = 80

// maxLCS bounds the size of the table used to align child element lists;
// longer lists are aligned position by position.
const maxLCS = 1 << 22

// Compare parses want and got and reports the differences between them by
// meaning (see the package documentation for the normalisations); an empty
// result means equal. Each difference is one line naming the element path
// (e.g. /Envelope/Body/SetUserPresenceStatus/AssociateId, with a 1-based [i]
// index when siblings share a local name), what differs (want vs got) and the
// want-side line:col. A parse error of either document is returned as an
// error prefixed with "want: " or "got: ".
func Compare(want, got []byte, o Options) ([]string, error) {
	w, err := Parse(want)
	if err != nil {
		return nil, fmt.Errorf("want: %w", err)
	}
	g, err := Parse(got)
	if err != nil {
		return nil, fmt.Errorf("got: %w", err)
	}
	return CompareNodes(w, g, o), nil
}

// CompareNodes reports the differences between two parsed trees by meaning,
// like Compare. The options' rewritings (see Normalize) are applied to both
// trees first, on copies; the inputs are not modified. An empty result means
// equal.
func CompareNodes(want, got *Node, o Options) []string {
	d := &differ{}
	switch {
	case want == nil && got == nil:
		return nil
	case want == nil:
		d.addf("/: want has no root element, got <%s>", nameStr(got.Name))
		return d.result()
	case got == nil:
		d.addf("/%s: got has no root element (want %d:%d)", want.Name.Local, want.Line, want.Col)
		return d.result()
	}
	if o.DocQuirks {
		want, got = Normalize(want, o), Normalize(got, o)
	}
	d.node("/"+want.Name.Local, want, got)
	return d.result()
}

type differ struct {
	lines []string
	more  int
}

func (d *differ) addf(format string, args ...any) {
	if len(d.lines) >= MaxDiffs {
		d.more++
		return
	}
	d.lines = append(d.lines, fmt.Sprintf(format, args...))
}

func (d *differ) result() []string {
	if d.more > 0 {
		return append(d.lines, fmt.Sprintf("... %d more differences", d.more))
	}
	return d.lines
}

// node compares two elements at path (the want-side path).
func (d *differ) node(path string, w, g *Node) {
	at := fmt.Sprintf("(want %d:%d)", w.Line, w.Col)
	if w.Name != g.Name {
		d.addf("%s: element name differs: want %s, got %s %s", path, nameStr(w.Name), nameStr(g.Name), at)
		return
	}
	wt, gt := xsiTypeOf(w), xsiTypeOf(g)
	if wt.present && gt.present && !wt.equal(gt) {
		d.addf("%s: xsi:type differs: want %s, got %s %s", path, wt, gt, at)
	}
	d.attrs(path, at, w, g)

	wk, gk := kids(w), kids(g)
	if isNil(w) && (len(wk) > 0 || w.Text != "") {
		d.addf("%s: want has xsi:nil true but the element has content %s", path, at)
	}
	if isNil(g) && (len(gk) > 0 || g.Text != "") {
		d.addf("%s: got has xsi:nil true but the element has content (got %d:%d) %s", path, g.Line, g.Col, at)
	}

	if len(wk) == 0 && len(gk) == 0 {
		typ := typeHint(wt, gt)
		if !valueEqual(typ, w.Text, g.Text, w, g) {
			as := ""
			if isValueType(typ) {
				as = " as xsd:" + typ
			}
			d.addf("%s: text differs%s: want %s, got %s %s", path, as, quote(w.Text), quote(g.Text), at)
		}
		return
	}
	d.mixedText(path, at, w, g, wk, gk)
	d.children(path, w, g, wk, gk)
}

// attrs compares the attributes other than xsi:type.
func (d *differ) attrs(path, at string, w, g *Node) {
	gm := make(map[xml.Name]string, len(g.Attrs))
	for _, a := range g.Attrs {
		if !isNSDecl(a.Name) {
			gm[a.Name] = a.Value
		}
	}
	wm := make(map[xml.Name]bool, len(w.Attrs))
	for _, a := range w.Attrs {
		if isNSDecl(a.Name) || isXSIType(a.Name) {
			continue
		}
		wm[a.Name] = true
		gv, ok := gm[a.Name]
		switch {
		case !ok:
			d.addf("%s: attribute %s missing: want %s %s", path, attrNameStr(a.Name), quote(a.Value), at)
		case !attrEqual(a.Name, a.Value, gv):
			d.addf("%s: attribute %s differs: want %s, got %s %s", path, attrNameStr(a.Name), quote(a.Value), quote(gv), at)
		}
	}
	for _, a := range g.Attrs {
		if isNSDecl(a.Name) || isXSIType(a.Name) || wm[a.Name] {
			continue
		}
		d.addf("%s: extra attribute %s: got %s %s", path, attrNameStr(a.Name), quote(a.Value), at)
	}
}

// mixedText compares the significant text of elements that have child
// elements (on at least one side): whitespace-only segments are dropped.
func (d *differ) mixedText(path, at string, w, g *Node, wk, gk []*Node) {
	ws, gs := sigSegments(w, wk), sigSegments(g, gk)
	wj, gj := strings.Join(ws, ""), strings.Join(gs, "")
	switch {
	case wj != gj:
		d.addf("%s: text differs: want %s, got %s %s", path, quote(wj), quote(gj), at)
	case len(ws) == len(gs):
		for i := range ws {
			if ws[i] != gs[i] {
				d.addf("%s: text differs in position among child elements: want %q, got %q %s", path, ws, gs, at)
				return
			}
		}
	}
}

// sigSegments returns the text segments of n around its children with
// whitespace-only segments emptied.
func sigSegments(n *Node, k []*Node) []string {
	var segs []string
	if len(k) == len(n.Children) {
		segs = n.segments()
	} else {
		segs = make([]string, len(k)+1)
		segs[0] = n.Text
	}
	out := make([]string, len(segs))
	for i, s := range segs {
		if !isXMLSpace(s) {
			out[i] = s
		}
	}
	return out
}

// op pairs a want child with a got child; -1 marks a side without one.
type op struct{ w, g int }

// children aligns the two child lists (longest common subsequence of names,
// order significant) and reports the missing, extra and renamed elements,
// recursing into the pairs.
func (d *differ) children(path string, w, g *Node, wk, gk []*Node) {
	ops := align(wk, gk)
	wp, gp := childPaths(path, wk), childPaths(path, gk)
	missing := map[xml.Name]bool{}
	extra := map[xml.Name]bool{}
	for _, o := range ops {
		switch {
		case o.g < 0:
			missing[wk[o.w].Name] = true
		case o.w < 0:
			extra[gk[o.g].Name] = true
		}
	}
	for _, o := range ops {
		switch {
		case o.g < 0:
			c := wk[o.w]
			note := ""
			if extra[c.Name] {
				note = "; got has one at another position: element order differs"
			}
			d.addf("%s: missing element %s%s (want %d:%d)", wp[o.w], nameStr(c.Name), note, c.Line, c.Col)
		case o.w < 0:
			c := gk[o.g]
			note := ""
			if missing[c.Name] {
				note = "; want has one at another position: element order differs"
			}
			d.addf("%s: extra element %s%s (got %d:%d; want parent %d:%d)", gp[o.g], nameStr(c.Name), note, c.Line, c.Col, w.Line, w.Col)
		default:
			d.node(wp[o.w], wk[o.w], gk[o.g])
		}
	}
}

// align matches two element lists by name, keeping order. Unmatched
// elements in the same gap are paired position by position (reported as a
// name difference); the rest are missing (g < 0) or extra (w < 0).
func align(w, g []*Node) []op {
	n, m := len(w), len(g)
	pre := 0
	for pre < n && pre < m && w[pre].Name == g[pre].Name {
		pre++
	}
	suf := 0
	for suf < n-pre && suf < m-pre && w[n-1-suf].Name == g[m-1-suf].Name {
		suf++
	}
	ops := make([]op, 0, max(n, m))
	for i := 0; i < pre; i++ {
		ops = append(ops, op{i, i})
	}
	wm, gm := w[pre:n-suf], g[pre:m-suf]
	a, b := len(wm), len(gm)
	var mid []op
	if a > 0 && b > 0 && (a+1)*(b+1) <= maxLCS {
		// l[i*(b+1)+j] = LCS length of wm[i:] and gm[j:]
		l := make([]int32, (a+1)*(b+1))
		for i := a - 1; i >= 0; i-- {
			for j := b - 1; j >= 0; j-- {
				if wm[i].Name == gm[j].Name {
					l[i*(b+1)+j] = l[(i+1)*(b+1)+j+1] + 1
				} else {
					l[i*(b+1)+j] = max(l[(i+1)*(b+1)+j], l[i*(b+1)+j+1])
				}
			}
		}
		i, j := 0, 0
		for i < a && j < b {
			switch {
			case wm[i].Name == gm[j].Name:
				mid = append(mid, op{pre + i, pre + j})
				i++
				j++
			case l[(i+1)*(b+1)+j] >= l[i*(b+1)+j+1]:
				mid = append(mid, op{pre + i, -1})
				i++
			default:
				mid = append(mid, op{-1, pre + j})
				j++
			}
		}
		for ; i < a; i++ {
			mid = append(mid, op{pre + i, -1})
		}
		for ; j < b; j++ {
			mid = append(mid, op{-1, pre + j})
		}
	} else {
		for i := 0; i < max(a, b); i++ {
			o := op{-1, -1}
			if i < a {
				o.w = pre + i
			}
			if i < b {
				o.g = pre + i
			}
			mid = append(mid, o)
		}
	}
	// Pair the unmatched elements of each gap between matches.
	for k := 0; k < len(mid); {
		if mid[k].w >= 0 && mid[k].g >= 0 {
			ops = append(ops, mid[k])
			k++
			continue
		}
		var dels, ins []int
		for ; k < len(mid) && (mid[k].w < 0 || mid[k].g < 0); k++ {
			if mid[k].w >= 0 {
				dels = append(dels, mid[k].w)
			} else {
				ins = append(ins, mid[k].g)
			}
		}
		for x := 0; x < max(len(dels), len(ins)); x++ {
			o := op{-1, -1}
			if x < len(dels) {
				o.w = dels[x]
			}
			if x < len(ins) {
				o.g = ins[x]
			}
			ops = append(ops, o)
		}
	}
	for i := 0; i < suf; i++ {
		ops = append(ops, op{n - suf + i, m - suf + i})
	}
	return ops
}

// childPaths returns the path of each child: parent/local, with a 1-based
// [i] index when several siblings share the local name.
func childPaths(parent string, k []*Node) []string {
	count := map[string]int{}
	for _, c := range k {
		count[c.Name.Local]++
	}
	seen := map[string]int{}
	paths := make([]string, len(k))
	for i, c := range k {
		p := parent + "/" + c.Name.Local
		if count[c.Name.Local] > 1 {
			seen[c.Name.Local]++
			p += "[" + strconv.Itoa(seen[c.Name.Local]) + "]"
		}
		paths[i] = p
	}
	return paths
}

// kids returns the non-nil children of n.
func kids(n *Node) []*Node {
	for _, c := range n.Children {
		if c == nil {
			k := make([]*Node, 0, len(n.Children))
			for _, c := range n.Children {
				if c != nil {
					k = append(k, c)
				}
			}
			return k
		}
	}
	return n.Children
}

// isNSDecl reports whether an attribute name is a namespace declaration
// (only possible in nodes built by hand).
func isNSDecl(n xml.Name) bool {
	return n.Space == "xmlns" || n.Space == xmlnsNamespace || (n.Space == "" && n.Local == "xmlns")
}

func isXSIType(n xml.Name) bool { return n.Space == XSINamespace && n.Local == "type" }

func isXSINil(n xml.Name) bool { return n.Space == XSINamespace && n.Local == "nil" }

// attrEqual compares two values of the attribute name: xsi:nil as a
// boolean, everything else exactly.
func attrEqual(name xml.Name, a, b string) bool {
	if a == b {
		return true
	}
	if isXSINil(name) {
		va, ok1 := parseValue("boolean", a)
		vb, ok2 := parseValue("boolean", b)
		return ok1 && ok2 && va == vb
	}
	return false
}

// isNil reports whether n carries xsi:nil with a true value.
func isNil(n *Node) bool {
	for _, a := range n.Attrs {
		if isXSINil(a.Name) {
			v, ok := parseValue("boolean", a.Value)
			return ok && v == true
		}
	}
	return false
}

// xsiType describes the xsi:type attribute of an element.
type xsiType struct {
	present bool
	raw     string
	name    xml.Name
	ok      bool // raw resolved to name
}

func xsiTypeOf(n *Node) xsiType {
	for _, a := range n.Attrs {
		if isXSIType(a.Name) {
			t := xsiType{present: true, raw: a.Value}
			name, err := n.ResolveQName(a.Value)
			if err == nil {
				t.name, t.ok = name, true
			}
			return t
		}
	}
	return xsiType{}
}

// equal compares two present xsi:type values as resolved QNames; values that
// do not resolve only equal the same unresolvable text.
func (t xsiType) equal(u xsiType) bool {
	if t.ok && u.ok {
		return t.name == u.name
	}
	return !t.ok && !u.ok && t.raw == u.raw
}

// String formats the type as {namespace}local.
func (t xsiType) String() string {
	if t.ok {
		return nameStr(t.name) + " (" + strconv.Quote(t.raw) + ")"
	}
	return strconv.Quote(t.raw) + " (unresolvable)"
}

// typeHint returns the XSD builtin type named by xsi:type on either side, or
// "" when there is none or the two sides disagree.
func typeHint(w, g xsiType) string {
	var t xsiType
	switch {
	case w.present && g.present:
		if !w.equal(g) {
			return ""
		}
		t = w
	case w.present:
		t = w
	case g.present:
		t = g
	}
	if t.ok && t.name.Space == XSDNamespace {
		return t.name.Local
	}
	return ""
}

func nameStr(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return "{" + n.Space + "}" + n.Local
}

func attrNameStr(n xml.Name) string {
	switch n.Space {
	case XSINamespace:
		return "xsi:" + n.Local
	case xmlNamespace:
		return "xml:" + n.Local
	}
	return nameStr(n)
}

// quote quotes s for a difference line, truncated to maxShown characters.
func quote(s string) string {
	if utf8.RuneCountInString(s) <= maxShown {
		return strconv.Quote(s)
	}
	i, k := 0, 0
	for i = range s {
		if k == maxShown-3 {
			break
		}
		k++
	}
	return strconv.Quote(s[:i]) + "..."
}
