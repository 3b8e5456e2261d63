package wsdl

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/soapgen/soapgen/internal/xmlscan"
)

// maxDepth bounds element nesting, so that the recursive walks over the
// tree cannot exhaust the stack on hostile input.
const maxDepth = 10000

// xmlNS is the namespace bound to the reserved prefix xml.
const xmlNS = "http://www.w3.org/XML/1998/namespace"

// file is one input document with its line table.
//
// Positions are 1-based; the column counts bytes from the start of the line
// (as go/token does), not runes. A line ends at '\n' only, as in the
// scanner's own positions (xmlscan.Scanner.LineCol).
type file struct {
	name   string
	data   []byte
	lines  []int // byte offsets of line starts
	remote bool  // fetched over HTTP: relative locations resolve against name as a URL
}

func newFile(name string, data []byte) *file {
	f := &file{name: name, data: data, lines: []int{0}}
	for off := 0; ; {
		i := bytes.IndexByte(data[off:], '\n')
		if i < 0 {
			break
		}
		off += i + 1
		f.lines = append(f.lines, off)
	}
	return f
}

// isASCII reports whether f is pure ASCII.
func (f *file) isASCII() bool {
	for _, b := range f.data {
		if b >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// pos returns the position of byte offset off.
func (f *file) pos(off int) Pos {
	if off < 0 {
		off = 0
	}
	if off > len(f.data) {
		off = len(f.data)
	}
	i := sort.Search(len(f.lines), func(i int) bool { return f.lines[i] > off }) - 1
	return Pos{File: f.name, Line: i + 1, Col: off - f.lines[i] + 1}
}

// binding is the resolution of a prefix at an element.
type binding struct {
	prefix string
	uri    string
	ok     bool
}

// node is an element (or, with isText, a run of character data) of the
// parsed document tree. Names are resolved to namespace URIs.
type node struct {
	name   xml.Name // Space is the namespace URI
	prefix string   // the prefix as written
	attrs  []xml.Attr
	ns     []binding // prefixes used in the QName-valued attributes
	kids   []*node
	text   string
	isText bool
	off    int // byte offset of '<' (or of the text)
}

// is reports whether n is the element {space}local.
func (n *node) is(space, local string) bool {
	return !n.isText && n.name.Space == space && n.name.Local == local
}

// lookup resolves a prefix used in one of n's QName-valued attributes.
func (n *node) lookup(prefix string) (string, bool) {
	for _, b := range n.ns {
		if b.prefix == prefix {
			return b.uri, b.ok
		}
	}
	return "", false
}

// attr returns the unqualified attribute local.
func (n *node) attr(local string) (string, bool) {
	return n.attrNS("", local)
}

// attrNS returns the attribute {space}local.
func (n *node) attrNS(space, local string) (string, bool) {
	for _, a := range n.attrs {
		if a.Name.Space == space && a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// elems returns the element children of n.
func (n *node) elems() []*node {
	var out []*node
	for _, k := range n.kids {
		if !k.isText {
			out = append(out, k)
		}
	}
	return out
}

// deepText returns all character data inside n, in document order.
func (n *node) deepText() string {
	var b strings.Builder
	var walk func(*node)
	walk = func(n *node) {
		for _, k := range n.kids {
			if k.isText {
				b.WriteString(k.text)
			} else {
				walk(k)
			}
		}
	}
	walk(n)
	return b.String()
}

// construct names the element n for messages, with the conventional
// prefixes for the namespaces soapgen knows.
func construct(n *node) string {
	switch n.name.Space {
	case NSXSD:
		return "xs:" + n.name.Local
	case NSWSDL:
		return "wsdl:" + n.name.Local
	case NSSOAP11:
		return "soap:" + n.name.Local
	case NSSOAP12:
		return "soap12:" + n.name.Local
	}
	if n.prefix != "" {
		return n.prefix + ":" + n.name.Local
	}
	return n.name.Local
}

// asciiCharsets are encodings that agree with UTF-8 on ASCII text: a
// document declaring one of them is accepted when it is pure ASCII.
var asciiCharsets = map[string]bool{
	"us-ascii": true, "ascii": true, "iso-8859-1": true, "iso_8859-1": true,
	"latin1": true, "iso-8859-15": true, "windows-1252": true, "cp1252": true,
}

// parseXML parses f into a tree, refusing DTDs, invalid UTF-8 and anything
// that is not one well-formed element (see package xmlscan for what the
// scanner checks).
func parseXML(f *file) (*node, error) {
	b := &builder{f: f, strs: make(map[string]string, 1024)}
	b.s.MaxDepth = maxDepth
	b.s.AcceptEncoding = b.acceptEncoding
	b.s.Reset(f.data, NSWSDL, NSXSD, NSSOAP11, NSSOAP12, NSWSAW, NSWSAM, NSMSSerial, NSMSArrays, NSXMLSchemaInstance)
	var tok xmlscan.Token
	for !b.s.Done() {
		if !b.s.Next(&tok) {
			return nil, b.scanError()
		}
		switch tok.Kind {
		case xmlscan.StartTag:
			b.start(&tok)
		case xmlscan.EndTag:
			b.end()
		case xmlscan.CharData:
			n := b.newNode()
			n.isText = true
			n.text = b.text(tok.Text)
			n.off = tok.Offset
			b.kids = append(b.kids, n)
		}
	}
	return b.root, nil
}

// builder builds the tree of one document from the scanner's tokens.
type builder struct {
	s          xmlscan.Scanner
	f          *file
	badCharset string            // the encoding acceptEncoding refused
	strs       map[string]string // names and short values, one string each
	recent     [512]string       // strs entries by a cheap hash, looked at first
	root       *node
	open       []*node   // the open elements, root first
	kids       []*node   // the children of the open elements so far, in order
	marks      []int     // where each open element's children start in kids
	ns         []binding // the bindings of the start tag being read

	// Storage the nodes and their slices are carved from, so that they
	// cost an allocation per chunk rather than one each.
	nodes    []node
	attrs    []xml.Attr
	kidSlots []*node
	bindings []binding
}

// chunk is the number of nodes (attributes, children, bindings) allocated
// at once.
const chunk = 256

// carve returns a slice of n elements (n > 0) taken from *store, which it
// refills when it holds fewer.
func carve[T any](store *[]T, n int) []T {
	if len(*store) < n {
		*store = make([]T, max(n, chunk))
	}
	s := (*store)[:n:n]
	*store = (*store)[n:]
	return s
}

// acceptEncoding accepts an encoding that agrees with UTF-8 on ASCII for a
// document that is pure ASCII.
func (b *builder) acceptEncoding(label string) bool {
	if asciiCharsets[strings.ToLower(label)] && b.f.isASCII() {
		return true
	}
	b.badCharset = label
	return false
}

// newNode returns a zero node, allocated with others.
func (b *builder) newNode() *node {
	return &carve(&b.nodes, 1)[0]
}

// intern returns p as a string, the same string for the same bytes.
func (b *builder) intern(p []byte) string {
	if len(p) == 0 {
		return ""
	}
	h := (uint(len(p))*131 + uint(p[0])*31 + uint(p[len(p)/2])*7 + uint(p[len(p)-1])) % uint(len(b.recent))
	if s := b.recent[h]; s == string(p) {
		return s
	}
	s, ok := b.strs[string(p)]
	if !ok {
		s = string(p)
		b.strs[s] = s
	}
	b.recent[h] = s
	return s
}

// maxInterned is the length up to which values and text are interned:
// short ones repeat (types, occurrences, indentation), long ones do not.
const maxInterned = 32

// text returns character data or an attribute value as a string.
func (b *builder) text(p []byte) string {
	if len(p) <= maxInterned {
		return b.intern(p)
	}
	return string(p)
}

// start opens the element of the start tag t.
func (b *builder) start(t *xmlscan.Token) {
	n := b.newNode()
	n.off = t.Offset
	n.prefix = b.intern(t.Prefix)
	n.name = xml.Name{Space: t.Space, Local: b.intern(t.Local)}
	nattrs := 0
	for i := range t.Attrs {
		if !t.Attrs[i].Decl {
			nattrs++
		}
	}
	if nattrs > 0 {
		n.attrs = carve(&b.attrs, nattrs)[:0]
	}
	b.ns = b.ns[:0]
	for i := range t.Attrs {
		a := &t.Attrs[i]
		if a.Decl {
			continue
		}
		if len(a.Prefix) == 0 && isQNameAttr(a.Local) {
			b.bindPrefixes(a.Value)
		}
		n.attrs = append(n.attrs, xml.Attr{Name: xml.Name{Space: a.Space, Local: b.intern(a.Local)}, Value: b.text(a.Value)})
	}
	if len(b.ns) > 0 {
		n.ns = carve(&b.bindings, len(b.ns))
		copy(n.ns, b.ns)
	}
	if len(b.open) == 0 {
		b.root = n
	} else {
		b.kids = append(b.kids, n)
	}
	b.open = append(b.open, n)
	b.marks = append(b.marks, len(b.kids))
}

// end closes the innermost open element, giving it its children.
func (b *builder) end() {
	last := len(b.open) - 1
	n, mark := b.open[last], b.marks[last]
	if k := len(b.kids) - mark; k > 0 {
		n.kids = carve(&b.kidSlots, k)
		copy(n.kids, b.kids[mark:])
	}
	b.kids = b.kids[:mark]
	b.open = b.open[:last]
	b.marks = b.marks[:last]
}

// isQNameAttr reports whether the unprefixed attribute local has a QName
// value (or a list of them): the prefixes used in it are resolved while the
// declarations are in scope and kept on the node.
func isQNameAttr(local []byte) bool {
	switch string(local) {
	case "type", "element", "message", "binding", "base", "ref", "itemType", "memberTypes", "substitutionGroup":
		return true
	}
	return false
}

// bindPrefixes adds to b.ns the resolution, in the scope of the start tag
// just read, of the prefix of each QName in the value v.
func (b *builder) bindPrefixes(v []byte) {
	for field := range bytes.FieldsSeq(v) {
		var prefix []byte
		if c := bytes.IndexByte(field, ':'); c >= 0 {
			prefix = field[:c]
		}
		if !slices.ContainsFunc(b.ns, func(x binding) bool { return x.prefix == string(prefix) }) {
			uri, ok := b.s.Lookup(prefix)
			b.ns = append(b.ns, binding{prefix: b.intern(prefix), uri: uri, ok: ok})
		}
	}
}

// scanError turns the scanner's error into an *Error. The checks of
// characters and of an empty document come first, as they did when they
// were run before parsing: a document the scanner accepts passes them.
func (b *builder) scanError() *Error {
	f := b.f
	if err := checkChars(f); err != nil {
		return err
	}
	if len(bytes.TrimSpace(f.data)) == 0 {
		return f.synErr(len(f.data), "empty document")
	}
	var e *xmlscan.Error
	if !errors.As(b.s.Err(), &e) {
		return f.synErr(0, "%v", b.s.Err())
	}
	switch e.Code {
	case xmlscan.DTD:
		return &Error{Pos: f.pos(e.Offset), Err: fmt.Errorf("%w: DTD not allowed (<!%s>)", ErrForbidden, directiveName(f.data[min(e.Offset+2, len(f.data)):]))}
	case xmlscan.TooDeep:
		return &Error{Pos: f.pos(e.Tag), Err: fmt.Errorf("%w: elements nested deeper than %d levels", ErrForbidden, maxDepth)}
	case xmlscan.Encoding:
		// The XML declaration, the only place an encoding is named, is at
		// the start, after a byte order mark if there is one.
		off := 0
		if bytes.HasPrefix(f.data, []byte("\uFEFF")) {
			off = 3
		}
		return &Error{Pos: f.pos(off), Err: fmt.Errorf("%w: XML encoding %q (only UTF-8 is supported)", ErrUnsupported, b.badCharset)}
	case xmlscan.Unclosed:
		return f.synErr(len(f.data), "unexpected end of document: <%s> not closed", e.Elem)
	case xmlscan.UndeclaredPrefix:
		if e.Attr == "" {
			prefix, _, _ := strings.Cut(e.Elem, ":")
			return &Error{Pos: f.pos(e.Tag), Construct: e.Elem, Err: fmt.Errorf("%w: undeclared namespace prefix %q", ErrInvalid, prefix)}
		}
		prefix, _, _ := strings.Cut(e.Attr, ":")
		return &Error{Pos: f.pos(e.Tag), Construct: e.Elem, Err: fmt.Errorf("%w: undeclared namespace prefix %q in attribute %s", ErrInvalid, prefix, e.Attr)}
	case xmlscan.DuplicateAttr:
		return f.synErr(e.Tag, "attribute %s repeated in <%s>", e.Attr, e.Elem)
	}
	return f.synErr(e.Offset, "%s", e.Msg)
}

// synErr returns an ErrSyntax error at byte offset off.
func (f *file) synErr(off int, format string, args ...any) *Error {
	return &Error{Pos: f.pos(off), Err: fmt.Errorf("%w: "+format, append([]any{ErrSyntax}, args...)...)}
}

// checkChars reports the first byte of f that is not valid UTF-8 or not a
// legal XML character, if any.
func checkChars(f *file) *Error {
	if !utf8.Valid(f.data) {
		off := 0
		for off < len(f.data) {
			r, size := utf8.DecodeRune(f.data[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		return f.synErr(off, "invalid UTF-8 (byte 0x%02x)", f.data[off])
	}
	for off := 0; off < len(f.data); {
		b := f.data[off]
		if b < utf8.RuneSelf {
			if b < 0x20 && b != '\t' && b != '\n' && b != '\r' {
				return f.synErr(off, "illegal character U+%04X", b)
			}
			off++
			continue
		}
		r, size := utf8.DecodeRune(f.data[off:])
		if !xmlChar(r) {
			return f.synErr(off, "illegal character U+%04X", r)
		}
		off += size
	}
	return nil
}

// directiveName returns the keyword of the directive d (after "<!"), e.g.
// DOCTYPE, for messages.
func directiveName(d []byte) string {
	if i := bytes.IndexAny(d, " \t\r\n[>"); i >= 0 {
		d = d[:i]
	}
	if len(d) > 20 {
		d = d[:20]
	}
	if len(d) == 0 {
		return "..."
	}
	return string(d) + " ..."
}

// xmlChar reports whether r is a Char of XML 1.0 (for r >= 0x80).
func xmlChar(r rune) bool {
	return r >= 0x80 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}
