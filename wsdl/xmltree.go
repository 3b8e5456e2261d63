package wsdl

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"
)

// maxDepth bounds element nesting, so that the recursive walks over the
// tree cannot exhaust the stack on hostile input.
const maxDepth = 10000

// xmlNS is the namespace bound to the reserved prefix xml.
const xmlNS = "http://www.w3.org/XML/1998/namespace"

// file is one input document with its line table.
//
// Positions are 1-based; the column counts bytes from the start of the line
// (as go/token does), not runes. A line ends at '\n' only, as in
// encoding/xml's own line numbers.
type file struct {
	name   string
	data   []byte
	lines  []int // byte offsets of line starts
	ascii  bool
	remote bool // fetched over HTTP: relative locations resolve against name as a URL
}

func newFile(name string, data []byte) *file {
	f := &file{name: name, data: data, lines: []int{0}, ascii: true}
	for off := 0; ; {
		i := bytes.IndexByte(data[off:], '\n')
		if i < 0 {
			break
		}
		off += i + 1
		f.lines = append(f.lines, off)
	}
	for _, b := range data {
		if b >= utf8.RuneSelf {
			f.ascii = false
			break
		}
	}
	return f
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

// namespaces tracks the namespace declarations in scope while parsing:
// a stack of URIs per prefix ("" for the default namespace), so that a
// lookup costs O(1) however many declarations there are.
type namespaces map[string][]string

// lookup resolves prefix in the current scope.
func (ns namespaces) lookup(prefix string) (string, bool) {
	if prefix == "xml" {
		return xmlNS, true
	}
	st := ns[prefix]
	if len(st) == 0 {
		return "", prefix == ""
	}
	uri := st[len(st)-1]
	// xmlns:p="" undeclares p; xmlns="" resets the default namespace.
	return uri, uri != "" || prefix == ""
}

// qnameAttrs are the attributes whose values are QNames (or lists of
// them); the prefixes used in them are resolved while the declarations are
// in scope and kept on the node.
var qnameAttrs = map[string]bool{
	"type": true, "element": true, "message": true, "binding": true, "base": true,
	"ref": true, "itemType": true, "memberTypes": true, "substitutionGroup": true,
}

// binding is the resolution of a prefix at an element.
type binding struct {
	uri string
	ok  bool
}

// node is an element (or, with isText, a run of character data) of the
// parsed document tree. Names are resolved to namespace URIs.
type node struct {
	name   xml.Name // Space is the namespace URI
	prefix string   // the prefix as written
	attrs  []xml.Attr
	ns     map[string]binding // prefixes used in the QName-valued attributes
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
	b := n.ns[prefix]
	return b.uri, b.ok
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
// that is not one well-formed element.
func parseXML(f *file) (*node, error) {
	synErr := func(off int, format string, args ...any) *Error {
		return &Error{Pos: f.pos(off), Err: fmt.Errorf("%w: "+format, append([]any{ErrSyntax}, args...)...)}
	}
	if !utf8.Valid(f.data) {
		off := 0
		for off < len(f.data) {
			r, size := utf8.DecodeRune(f.data[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		return nil, synErr(off, "invalid UTF-8 (byte 0x%02x)", f.data[off])
	}
	for off := 0; off < len(f.data); {
		b := f.data[off]
		if b < utf8.RuneSelf {
			if b < 0x20 && b != '\t' && b != '\n' && b != '\r' {
				return nil, synErr(off, "illegal character U+%04X", b)
			}
			off++
			continue
		}
		r, size := utf8.DecodeRune(f.data[off:])
		if !xmlChar(r) {
			return nil, synErr(off, "illegal character U+%04X", r)
		}
		off += size
	}
	if len(bytes.TrimSpace(f.data)) == 0 {
		return nil, synErr(len(f.data), "empty document")
	}

	d := xml.NewDecoder(bytes.NewReader(f.data))
	d.Strict = true
	var badCharset string
	d.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		if f.ascii && asciiCharsets[strings.ToLower(label)] {
			return in, nil
		}
		badCharset = label
		return nil, errors.New("unsupported encoding")
	}

	var (
		root  *node
		stack []*node
		raw   []xml.Name // raw names of the open elements, for end-tag matching
		decls [][]string // prefixes declared by the open elements
		ns    = namespaces{}
	)
	for {
		off := int(d.InputOffset())
		tok, err := d.RawToken()
		if err == io.EOF {
			if len(stack) > 0 {
				return nil, synErr(len(f.data), "unexpected end of document: <%s> not closed", rawName(raw[len(raw)-1]))
			}
			if root == nil {
				return nil, synErr(len(f.data), "no root element")
			}
			return root, nil
		}
		if err != nil {
			if badCharset != "" {
				return nil, &Error{Pos: f.pos(off), Err: fmt.Errorf("%w: XML encoding %q (only UTF-8 is supported)", ErrUnsupported, badCharset)}
			}
			// The decoder has consumed the offending byte; an error found
			// at the end of the input (unexpected EOF) is reported there.
			at := int(d.InputOffset())
			if at < len(f.data) {
				at--
			}
			if at < off {
				at = off
			}
			msg := err.Error()
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				msg = se.Msg
			}
			return nil, synErr(at, "%s", msg)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) == 0 && root != nil {
				return nil, synErr(off, "second root element <%s>", rawName(t.Name))
			}
			if len(stack) >= maxDepth {
				return nil, &Error{Pos: f.pos(off), Err: fmt.Errorf("%w: elements nested deeper than %d levels", ErrForbidden, maxDepth)}
			}
			n := &node{off: off, prefix: t.Name.Space}
			var declared []string
			for _, a := range t.Attr {
				switch {
				case a.Name.Space == "xmlns":
					declared = append(declared, a.Name.Local)
					ns[a.Name.Local] = append(ns[a.Name.Local], a.Value)
				case a.Name.Space == "" && a.Name.Local == "xmlns":
					declared = append(declared, "")
					ns[""] = append(ns[""], a.Value)
				}
			}
			uri, ok := ns.lookup(t.Name.Space)
			if !ok {
				return nil, &Error{Pos: f.pos(off), Construct: rawName(t.Name), Err: fmt.Errorf("%w: undeclared namespace prefix %q", ErrInvalid, t.Name.Space)}
			}
			n.name = xml.Name{Space: uri, Local: t.Name.Local}
			var seen map[xml.Name]bool // for elements with many attributes
			if len(t.Attr) > 8 {
				seen = make(map[xml.Name]bool, len(t.Attr))
			}
			for i, a := range t.Attr {
				if seen != nil {
					if seen[a.Name] {
						return nil, synErr(off, "attribute %s repeated in <%s>", rawName(a.Name), rawName(t.Name))
					}
					seen[a.Name] = true
				} else {
					for _, b := range t.Attr[:i] {
						if a.Name == b.Name {
							return nil, synErr(off, "attribute %s repeated in <%s>", rawName(a.Name), rawName(t.Name))
						}
					}
				}
				if a.Name.Space == "xmlns" || (a.Name.Space == "" && a.Name.Local == "xmlns") {
					continue
				}
				if a.Name.Space != "" {
					u, ok := ns.lookup(a.Name.Space)
					if !ok {
						return nil, &Error{Pos: f.pos(off), Construct: rawName(t.Name), Err: fmt.Errorf("%w: undeclared namespace prefix %q in attribute %s", ErrInvalid, a.Name.Space, rawName(a.Name))}
					}
					a.Name.Space = u
				} else if qnameAttrs[a.Name.Local] {
					for _, v := range strings.Fields(a.Value) {
						p, _, found := strings.Cut(v, ":")
						if !found {
							p = ""
						}
						if _, done := n.ns[p]; !done {
							if n.ns == nil {
								n.ns = map[string]binding{}
							}
							u, ok := ns.lookup(p)
							n.ns[p] = binding{u, ok}
						}
					}
				}
				n.attrs = append(n.attrs, a)
			}
			if seen != nil {
				// Namespace-resolved names must differ too.
				clear(seen)
				for _, a := range n.attrs {
					if seen[a.Name] {
						return nil, synErr(off, "attribute {%s}%s repeated in <%s>", a.Name.Space, a.Name.Local, rawName(t.Name))
					}
					seen[a.Name] = true
				}
			} else {
				for i, a := range n.attrs {
					for _, b := range n.attrs[:i] {
						if a.Name == b.Name {
							return nil, synErr(off, "attribute {%s}%s repeated in <%s>", a.Name.Space, a.Name.Local, rawName(t.Name))
						}
					}
				}
			}
			if len(stack) == 0 {
				root = n
			} else {
				p := stack[len(stack)-1]
				p.kids = append(p.kids, n)
			}
			stack = append(stack, n)
			raw = append(raw, t.Name)
			decls = append(decls, declared)
		case xml.EndElement:
			if len(stack) == 0 {
				return nil, synErr(off, "unexpected end tag </%s>", rawName(t.Name))
			}
			if want := raw[len(raw)-1]; t.Name != want {
				return nil, synErr(off, "element <%s> closed by </%s>", rawName(want), rawName(t.Name))
			}
			for _, p := range decls[len(decls)-1] {
				ns[p] = ns[p][:len(ns[p])-1]
			}
			stack = stack[:len(stack)-1]
			raw = raw[:len(raw)-1]
			decls = decls[:len(decls)-1]
		case xml.CharData:
			if len(stack) == 0 {
				s := string(t)
				if off == 0 {
					s = strings.TrimPrefix(s, "\uFEFF")
				}
				if strings.TrimSpace(s) != "" {
					return nil, synErr(off, "text outside the root element")
				}
				continue
			}
			p := stack[len(stack)-1]
			p.kids = append(p.kids, &node{isText: true, text: string(t), off: off})
		case xml.Directive:
			return nil, &Error{Pos: f.pos(off), Err: fmt.Errorf("%w: DTD not allowed (<!%s>)", ErrForbidden, directiveName(t))}
		case xml.ProcInst, xml.Comment:
			// ignored
		}
	}
}

func rawName(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

// directiveName returns the keyword of a directive, e.g. DOCTYPE.
func directiveName(d xml.Directive) string {
	s := string(d)
	if i := strings.IndexAny(s, " \t\r\n[>"); i >= 0 {
		s = s[:i]
	}
	if len(s) > 20 {
		s = s[:20]
	}
	if s == "" {
		return "..."
	}
	return s + " ..."
}

// xmlChar reports whether r is a Char of XML 1.0 (for r >= 0x80).
func xmlChar(r rune) bool {
	return r >= 0x80 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}
