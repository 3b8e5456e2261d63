package generator

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// goWriter builds one Go source file directly in gofmt's layout: tab
// indentation, one blank line before each top-level declaration, keyed
// composite literals aligned the way go/printer aligns them. The emitter
// only writes the constructs it needs, each in its canonical form, so the
// file needs no go/format pass (which would cost more than all the rest of
// generation); TestSDKGolden and TestCases check that the output is
// exactly what gofmt prints.
type goWriter struct {
	buf     []byte
	depth   int
	imports []goImport // the packages used, unsorted, each once
}

// goImport is an imported package and its qualifier, e.g. "fmt.".
type goImport struct{ path, qual string }

func newGoWriter(size int) *goWriter { return &goWriter{buf: make([]byte, 0, size)} }

// use records that the file imports path and returns the qualifier for its
// package name, e.g. "fmt.".
func (w *goWriter) use(path string) string {
	for _, imp := range w.imports {
		if imp.path == path {
			return imp.qual
		}
	}
	qual := path[strings.LastIndexByte(path, '/')+1:] + "."
	w.imports = append(w.imports, goImport{path, qual})
	return qual
}

// soap is the qualifier of the runtime package.
func (w *goWriter) soap() string { return w.use(soapPkg) }

// codec is the qualifier of the runtime's codec package.
func (w *goWriter) codec() string { return w.use(codecPkg) }

func (w *goWriter) indent() {
	for range w.depth {
		w.buf = append(w.buf, '\t')
	}
}

// ln writes one line at the current depth.
func (w *goWriter) ln(parts ...string) {
	w.indent()
	for _, p := range parts {
		w.buf = append(w.buf, p...)
	}
	w.buf = append(w.buf, '\n')
}

// open writes a line ending in " {" and indents what follows.
func (w *goWriter) open(parts ...string) {
	w.indent()
	for _, p := range parts {
		w.buf = append(w.buf, p...)
	}
	w.buf = append(w.buf, " {\n"...)
	w.depth++
}

// close ends the block open started, with suffix after the brace.
func (w *goWriter) close(suffix string) {
	w.depth--
	w.indent()
	w.buf = append(w.buf, '}')
	w.buf = append(w.buf, suffix...)
	w.buf = append(w.buf, '\n')
}

// orElse ends the open block and opens the next on the same line, as in
// "} else {" (head "else") or "} else if ok {".
func (w *goWriter) orElse(head string) {
	w.depth--
	w.ln("} ", head, " {")
	w.depth++
}

// decl starts a top-level declaration: gofmt separates them by one blank
// line.
func (w *goWriter) decl() { w.buf = append(w.buf, '\n') }

// comment writes the lines of a // comment.
func (w *goWriter) comment(lines ...string) {
	for _, l := range lines {
		if l == "" {
			w.ln("//")
			continue
		}
		w.ln("// ", commentText(l))
	}
}

// commentText makes s safe as the text of a // comment line: a line end
// would end the comment, and Go refuses a U+FEFF (byte order mark)
// anywhere but at the start of a file, comments included.
func commentText(s string) string {
	if !strings.ContainsAny(s, "\n\r\ufeff") {
		return s
	}
	return strings.NewReplacer("\n", " ", "\r", " ", "\ufeff", "").Replace(s)
}

// doc writes text as a // comment wrapped at 76 columns, one paragraph
// per line of text.
func (w *goWriter) doc(text string) { w.comment(wrap(text, 76)...) }

// kv is an element of a keyed composite literal: key: val, or, when
// nested is set, a value spanning lines: val opens it (e.g. "soap.QName{"),
// nested writes the inner lines and end closes it.
type kv struct {
	key, val string
	nested   func()
	end      string // closes a nested value; "" means "}"
}

// keyed writes the elements of a keyed composite literal one per line,
// sorted by key. Like go/printer, it aligns the values of each run of
// single-line elements; an element spanning lines breaks the run. (The
// keys are the emitter's own field names, all shorter than the 40 bytes
// above which go/printer may also break a run by the keys' size ratio.)
func (w *goWriter) keyed(elems []kv) {
	slices.SortFunc(elems, func(a, b kv) int { return strings.Compare(a.key, b.key) })
	for i := 0; i < len(elems); {
		if elems[i].nested != nil {
			w.ln(elems[i].key, ": ", elems[i].val)
			w.depth++
			elems[i].nested()
			w.depth--
			w.ln(cmp.Or(elems[i].end, "}"), ",")
			i++
			continue
		}
		j, width := i, 0
		for ; j < len(elems) && elems[j].nested == nil; j++ {
			width = max(width, textWidth(elems[j].key))
		}
		for _, e := range elems[i:j] {
			w.ln(e.key, ":", strings.Repeat(" ", width-textWidth(e.key)+1), e.val, ",")
		}
		i = j
	}
}

// literalList writes a slice literal of n keyed struct literals, opening
// with prefix (e.g. "return []codec.Field") and closing with suffix:
//
//	return []codec.Field{{
//		Name: ...,
//	}, {
//		...
//	}}
func (w *goWriter) literalList(prefix string, n int, elem func(i int) []kv, suffix string) {
	if n == 0 {
		w.ln(prefix, "{}", suffix)
		return
	}
	w.ln(prefix, "{{")
	for i := range n {
		if i > 0 {
			w.ln("}, {")
		}
		w.depth++
		w.keyed(elem(i))
		w.depth--
	}
	w.ln("}}", suffix)
}

// constBlock writes a const block whose specs are "name type = value",
// aligned as gofmt aligns them; a doc comment between specs ends an
// alignment section.
func (w *goWriter) constBlock(specs []constSpec) {
	w.ln("const (")
	w.depth++
	for i := 0; i < len(specs); {
		if specs[i].doc != "" {
			w.doc(specs[i].doc)
		}
		j := i + 1
		for j < len(specs) && specs[j].doc == "" {
			j++
		}
		nameW, typeW := 0, 0
		for _, s := range specs[i:j] {
			nameW, typeW = max(nameW, textWidth(s.name)), max(typeW, textWidth(s.typ))
		}
		for _, s := range specs[i:j] {
			if s.typ == "" {
				w.ln(s.name, strings.Repeat(" ", nameW-textWidth(s.name)+1), "= ", s.value)
				continue
			}
			w.ln(s.name, strings.Repeat(" ", nameW-textWidth(s.name)+1), s.typ, strings.Repeat(" ", typeW-textWidth(s.typ)+1), "= ", s.value)
		}
		i = j
	}
	w.depth--
	w.ln(")")
}

// textWidth is the width of s in an aligned column: gofmt's tabwriter
// counts runes (ReadFromÉ is 9 wide, not 10).
func textWidth(s string) int { return utf8.RuneCountInString(s) }

// constSpec is one line of a const block.
type constSpec struct {
	doc, name, typ, value string
}

// bytes returns the whole file: the header comments, the package
// clause, the imports sorted by path, then the body.
func (w *goWriter) bytes(header []string, pkgName string) []byte {
	out := make([]byte, 0, len(w.buf)+512)
	for _, h := range header {
		if h == "" {
			out = append(out, '\n')
			continue
		}
		out = append(out, "// "...)
		out = append(out, commentText(h)...)
		out = append(out, '\n')
	}
	out = append(out, "package "...)
	out = append(out, pkgName...)
	out = append(out, '\n')
	if len(w.imports) == 0 && len(w.buf) == 0 {
		return out // an empty file: a set's headers.gen.go when no WSDL has headers
	}
	out = append(out, '\n')
	paths := make([]string, len(w.imports))
	for i, imp := range w.imports {
		paths[i] = imp.path
	}
	slices.Sort(paths)
	switch len(paths) {
	case 0:
	case 1:
		out = append(out, "import "...)
		out = strconv.AppendQuote(out, paths[0])
		out = append(out, '\n')
	default:
		out = append(out, "import (\n"...)
		for _, p := range paths {
			out = append(out, '\t')
			out = strconv.AppendQuote(out, p)
			out = append(out, '\n')
		}
		out = append(out, ")\n"...)
	}
	return append(out, w.buf...)
}
