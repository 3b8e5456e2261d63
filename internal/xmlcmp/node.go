package xmlcmp

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
)

// Namespace URIs the comparator gives a meaning to.
const (
	// XSINamespace is the XML Schema instance namespace (xsi:type, xsi:nil).
	XSINamespace = "http://www.w3.org/2001/XMLSchema-instance"
	// XSDNamespace is the XML Schema namespace of the builtin types.
	XSDNamespace = "http://www.w3.org/2001/XMLSchema"
	// SOAP11Namespace is the SOAP 1.1 envelope namespace.
	SOAP11Namespace = "http://schemas.xmlsoap.org/soap/envelope/"
	// SOAP12Namespace is the SOAP 1.2 envelope namespace.
	SOAP12Namespace = "http://www.w3.org/2003/05/soap-envelope"

	xmlNamespace   = "http://www.w3.org/XML/1998/namespace"
	xmlnsNamespace = "http://www.w3.org/2000/xmlns/"
)

// MaxDepth is the deepest element nesting Parse accepts; deeper documents are
// refused with an error rather than risking unbounded recursion.
const MaxDepth = 10000

// Node is a parsed element: namespace-resolved name, attributes, children and
// text.
type Node struct {
	// Name is the element name; Space is the namespace URI ("" for none).
	Name xml.Name
	// Attrs are the attributes in document order, with Space holding the
	// namespace URI. Namespace declarations (xmlns, xmlns:p) are not included.
	Attrs []xml.Attr
	// Children are the child elements in document order.
	Children []*Node
	// Text is the character data directly inside the element, concatenated
	// (entities and CDATA sections resolved). It is only meaningful for leaf
	// elements; for elements with children it is usually indentation.
	Text string
	// Line and Col give the position of the start tag in the source (1-based;
	// Col counts characters). Nodes not created by Parse may leave them 0.
	Line, Col int
	// Scope holds the namespace bindings in scope at this element, prefix to
	// namespace URI, with key "" for the default namespace (a missing key or
	// an empty value means no default namespace). It resolves QName-valued
	// attribute values and text (xsi:type, xsd:QName), and Marshal re-declares
	// it so that such values stay valid. Parse shares one map between an
	// element and its descendants that declare nothing, so treat it as
	// read-only. It may be nil for nodes built by hand.
	Scope map[string]string

	// segs, when it has len(Children)+1 entries whose concatenation is Text,
	// records the character data before each child and after the last one.
	segs []string
}

// ResolveQName resolves a QName-valued string, such as an xsi:type value, in
// the namespace scope of n. Leading and trailing XML whitespace is ignored.
// An unprefixed QName takes the default namespace, as XML Schema specifies.
func (n *Node) ResolveQName(s string) (xml.Name, error) {
	s = strings.Trim(s, xmlSpace)
	prefix, local, hasPrefix := strings.Cut(s, ":")
	if !hasPrefix {
		prefix, local = "", s
	}
	if (hasPrefix && !isNCName(prefix)) || !isNCName(local) {
		return xml.Name{}, fmt.Errorf("xmlcmp: %q is not a QName", s)
	}
	switch prefix {
	case "":
		return xml.Name{Space: n.Scope[""], Local: local}, nil
	case "xml":
		return xml.Name{Space: xmlNamespace, Local: local}, nil
	}
	uri, ok := n.Scope[prefix]
	if !ok || uri == "" {
		return xml.Name{}, fmt.Errorf("xmlcmp: QName %q uses undeclared prefix %q", s, prefix)
	}
	return xml.Name{Space: uri, Local: local}, nil
}

// xmlSpace lists the XML whitespace characters.
const xmlSpace = " \t\r\n"

func isXMLSpace(s string) bool {
	return strings.Trim(s, xmlSpace) == ""
}

// isNCName reports whether s is a non-colonised XML name. It follows the XML
// Name production closely enough for telling names from garbage.
func isNCName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_' || unicode.IsLetter(r):
		case i > 0 && (r == '-' || r == '.' || r == 0xB7 || unicode.IsDigit(r) || unicode.IsMark(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Lm, r)):
		default:
			return false
		}
	}
	return true
}

// Parse parses a document into its root Node. Namespace prefixes are
// resolved (an undeclared prefix is an error), DTDs and other <!...>
// declarations are refused, comments and processing instructions are dropped.
// Only UTF-8 input is accepted. Parse never panics on malformed input; it
// returns an error.
func Parse(data []byte) (*Node, error) {
	p := &parser{data: data, line: 1}
	n, err := p.parse()
	if err != nil {
		return nil, err
	}
	return n, nil
}

type parser struct {
	data []byte
	// incremental offset → line/column conversion: scan is the offset
	// reached, at line line and character column col+1.
	scan, line, col int
}

// pos converts a byte offset into a 1-based line and character column.
// Offsets must be non-decreasing between calls.
func (p *parser) pos(off int64) (int, int) {
	o := int(min(off, int64(len(p.data))))
	for ; p.scan < o; p.scan++ {
		switch b := p.data[p.scan]; {
		case b == '\n':
			p.line++
			p.col = 0
		case b&0xC0 != 0x80: // not a UTF-8 continuation byte
			p.col++
		}
	}
	return p.line, p.col + 1
}

type frame struct {
	node *Node
	raw  xml.Name // prefix and local name as written, for matching the end tag
	text []byte   // all character data so far
	seg  []byte   // character data since the last child
}

func (p *parser) errorf(line, col int, format string, args ...any) error {
	return fmt.Errorf("xmlcmp: line %d:%d: %s", line, col, fmt.Sprintf(format, args...))
}

func (p *parser) parse() (*Node, error) {
	d := xml.NewDecoder(bytes.NewReader(p.data))
	d.Strict = true
	var (
		stack []frame
		root  *Node
		done  bool
	)
	rootScope := map[string]string{}
	for {
		off := d.InputOffset()
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return nil, fmt.Errorf("xmlcmp: %w", err)
			}
			return nil, fmt.Errorf("xmlcmp: parse: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			line, col := p.pos(off)
			if done {
				return nil, p.errorf(line, col, "content after the root element: <%s>", rawName(t.Name))
			}
			if len(stack) >= MaxDepth {
				return nil, p.errorf(line, col, "elements nested deeper than %d", MaxDepth)
			}
			scope := rootScope
			if len(stack) > 0 {
				scope = stack[len(stack)-1].node.Scope
			}
			n, err := p.element(t, scope, line, col)
			if err != nil {
				return nil, err
			}
			if len(stack) == 0 {
				root = n
			} else {
				parent := &stack[len(stack)-1]
				parent.node.segs = append(parent.node.segs, string(parent.seg))
				parent.seg = parent.seg[:0]
				parent.node.Children = append(parent.node.Children, n)
			}
			stack = append(stack, frame{node: n, raw: t.Name})
		case xml.EndElement:
			line, col := p.pos(off)
			if len(stack) == 0 {
				return nil, p.errorf(line, col, "unexpected end tag </%s>", rawName(t.Name))
			}
			top := stack[len(stack)-1]
			if t.Name != top.raw {
				return nil, p.errorf(line, col, "end tag </%s> does not match start tag <%s> at line %d:%d",
					rawName(t.Name), rawName(top.raw), top.node.Line, top.node.Col)
			}
			top.node.Text = string(top.text)
			if len(top.node.Children) == 0 {
				top.node.segs = nil
			} else {
				top.node.segs = append(top.node.segs, string(top.seg))
			}
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				done = true
			}
		case xml.CharData:
			if len(stack) == 0 {
				if !isXMLSpace(string(t)) {
					line, col := p.pos(off)
					return nil, p.errorf(line, col, "text outside the root element")
				}
				continue
			}
			top := &stack[len(stack)-1]
			top.text = append(top.text, t...)
			top.seg = append(top.seg, t...)
		case xml.Directive:
			line, col := p.pos(off)
			return nil, p.errorf(line, col, "DTDs and other <!...> declarations are not allowed")
		case xml.Comment, xml.ProcInst:
			// dropped
		}
	}
	if len(stack) > 0 {
		top := stack[len(stack)-1]
		return nil, fmt.Errorf("xmlcmp: unexpected end of input: element <%s> at line %d:%d is not closed",
			rawName(top.raw), top.node.Line, top.node.Col)
	}
	if root == nil {
		return nil, errors.New("xmlcmp: no root element")
	}
	return root, nil
}

func rawName(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

// element builds the Node for a start tag: it applies the namespace
// declarations to the parent scope and resolves the element and attribute
// names.
func (p *parser) element(t xml.StartElement, parentScope map[string]string, line, col int) (*Node, error) {
	scope := parentScope
	own := false
	set := func(prefix, uri string) {
		if !own {
			scope = make(map[string]string, len(parentScope)+1)
			for k, v := range parentScope {
				scope[k] = v
			}
			own = true
		}
		scope[prefix] = uri
	}
	seen := make(map[xml.Name]bool, len(t.Attr))
	var rawAttrs []xml.Attr
	for _, a := range t.Attr {
		if seen[a.Name] {
			return nil, p.errorf(line, col, "duplicate attribute %s on <%s>", rawName(a.Name), rawName(t.Name))
		}
		seen[a.Name] = true
		switch {
		case a.Name.Space == "" && a.Name.Local == "xmlns":
			if a.Value == xmlNamespace || a.Value == xmlnsNamespace {
				return nil, p.errorf(line, col, "namespace %q cannot be the default namespace", a.Value)
			}
			set("", a.Value)
		case a.Name.Space == "xmlns":
			prefix := a.Name.Local
			switch {
			case !isNCName(prefix):
				return nil, p.errorf(line, col, "invalid namespace prefix %q", prefix)
			case prefix == "xmlns":
				return nil, p.errorf(line, col, "the xmlns prefix cannot be declared")
			case prefix == "xml":
				if a.Value != xmlNamespace {
					return nil, p.errorf(line, col, "the xml prefix cannot be bound to %q", a.Value)
				}
				continue
			case a.Value == "":
				return nil, p.errorf(line, col, "prefix %q cannot be undeclared (xmlns:%s=\"\")", prefix, prefix)
			case a.Value == xmlNamespace || a.Value == xmlnsNamespace:
				return nil, p.errorf(line, col, "prefix %q cannot be bound to %q", prefix, a.Value)
			}
			set(prefix, a.Value)
		default:
			rawAttrs = append(rawAttrs, a)
		}
	}
	resolve := func(n xml.Name, isElem bool) (xml.Name, error) {
		if !isNCName(n.Local) || (n.Space == "" && strings.Contains(n.Local, ":")) {
			return xml.Name{}, p.errorf(line, col, "invalid name %q", rawName(n))
		}
		switch n.Space {
		case "":
			if isElem {
				return xml.Name{Space: scope[""], Local: n.Local}, nil
			}
			return xml.Name{Local: n.Local}, nil
		case "xml":
			return xml.Name{Space: xmlNamespace, Local: n.Local}, nil
		case "xmlns":
			return xml.Name{}, p.errorf(line, col, "the xmlns prefix cannot be used on %q", rawName(n))
		}
		if !isNCName(n.Space) {
			return xml.Name{}, p.errorf(line, col, "invalid name %q", rawName(n))
		}
		uri, ok := scope[n.Space]
		if !ok {
			return xml.Name{}, p.errorf(line, col, "undeclared namespace prefix %q in %q", n.Space, rawName(n))
		}
		return xml.Name{Space: uri, Local: n.Local}, nil
	}
	name, err := resolve(t.Name, true)
	if err != nil {
		return nil, err
	}
	n := &Node{Name: name, Line: line, Col: col, Scope: scope}
	if len(rawAttrs) > 0 {
		n.Attrs = make([]xml.Attr, 0, len(rawAttrs))
		resolved := make(map[xml.Name]bool, len(rawAttrs))
		for _, a := range rawAttrs {
			an, err := resolve(a.Name, false)
			if err != nil {
				return nil, err
			}
			if resolved[an] {
				return nil, p.errorf(line, col, "duplicate attribute {%s}%s on <%s>", an.Space, an.Local, rawName(t.Name))
			}
			resolved[an] = true
			n.Attrs = append(n.Attrs, xml.Attr{Name: an, Value: a.Value})
		}
	}
	return n, nil
}

// validSegs reports whether n.segs describes how n.Text interleaves with
// n.Children.
func (n *Node) validSegs() bool {
	if len(n.Children) == 0 || len(n.segs) != len(n.Children)+1 {
		return false
	}
	total := 0
	for _, s := range n.segs {
		total += len(s)
	}
	if total != len(n.Text) {
		return false
	}
	return strings.Join(n.segs, "") == n.Text
}

// segments returns the character data before each child and after the last
// one (len(Children)+1 entries). Without position information all text is
// taken to come before the first child.
func (n *Node) segments() []string {
	if n.validSegs() {
		return n.segs
	}
	s := make([]string, len(n.Children)+1)
	s[0] = n.Text
	return s
}

// clone returns a deep copy of n (Scope maps are shared: they are read-only).
func (n *Node) clone() *Node {
	c := *n
	if n.Attrs != nil {
		c.Attrs = append([]xml.Attr(nil), n.Attrs...)
	}
	if n.segs != nil {
		c.segs = append([]string(nil), n.segs...)
	}
	if n.Children != nil {
		c.Children = make([]*Node, len(n.Children))
		for i, ch := range n.Children {
			if ch != nil {
				c.Children[i] = ch.clone()
			}
		}
	}
	return &c
}
