package xmlcmp

import (
	"bytes"
	"slices"
	"strconv"
	"unicode/utf8"
)

// Marshal writes a Node back out as an XML document (without an XML
// declaration), for instance to feed a normalised document to a decoder.
//
// Prefixes are chosen by Marshal: the bindings of each node's Scope are
// re-declared where they differ from the enclosing ones (so QName-valued
// attribute values and text such as xsi:type stay valid), names use a prefix
// already bound to their namespace, and namespaces without one get a fresh
// nsN prefix declared on the element that needs it. Text and attribute values
// are escaped; characters XML cannot represent become U+FFFD. Marshal does not
// validate names of nodes built by hand. A nil n gives nil.
//
// Parse(Marshal(n)) compares equal to n.
func Marshal(n *Node) []byte {
	if n == nil {
		return nil
	}
	var b bytes.Buffer
	m := marshaler{b: &b}
	m.element(n, map[string]string{})
	return b.Bytes()
}

type marshaler struct {
	b *bytes.Buffer
}

type nsContext struct {
	outer map[string]string // bindings in scope from the ancestors
	decl  map[string]string // bindings declared on this element
}

func (c *nsContext) lookup(prefix string) string {
	if v, ok := c.decl[prefix]; ok {
		return v
	}
	return c.outer[prefix]
}

func (c *nsContext) declare(prefix, uri string) {
	if c.decl == nil {
		c.decl = map[string]string{}
	}
	c.decl[prefix] = uri
}

// prefixFor returns the prefix to write a name in namespace space with,
// declaring a new one if needed. Element names may use the default
// namespace; attribute names never do.
func (c *nsContext) prefixFor(space string, isElem bool) string {
	switch {
	case space == xmlNamespace:
		return "xml"
	case isElem && space == "":
		if c.lookup("") != "" {
			c.declare("", "")
		}
		return ""
	case !isElem && space == "":
		return ""
	case isElem && c.lookup("") == space:
		return ""
	}
	var cands []string
	for p := range c.decl {
		cands = append(cands, p)
	}
	for p := range c.outer {
		cands = append(cands, p)
	}
	slices.Sort(cands)
	for _, p := range cands {
		if p != "" && c.lookup(p) == space {
			return p
		}
	}
	for i := 1; ; i++ {
		p := "ns" + strconv.Itoa(i)
		if _, taken := c.decl[p]; !taken && c.outer[p] == "" {
			c.declare(p, space)
			return p
		}
	}
}

func qname(prefix, local string) string {
	if prefix == "" {
		return local
	}
	return prefix + ":" + local
}

func (m *marshaler) element(n *Node, outer map[string]string) {
	c := &nsContext{outer: outer}
	scopeKeys := make([]string, 0, len(n.Scope))
	for p := range n.Scope {
		scopeKeys = append(scopeKeys, p)
	}
	slices.Sort(scopeKeys)
	for _, p := range scopeKeys {
		uri := n.Scope[p]
		if p == "xml" || p == "xmlns" || (p != "" && (uri == "" || !isNCName(p))) {
			continue
		}
		if c.lookup(p) != uri {
			c.declare(p, uri)
		}
	}
	name := qname(c.prefixFor(n.Name.Space, true), n.Name.Local)
	type attr struct{ name, value string }
	attrs := make([]attr, 0, len(n.Attrs))
	for _, a := range n.Attrs {
		if isNSDecl(a.Name) {
			continue
		}
		attrs = append(attrs, attr{qname(c.prefixFor(a.Name.Space, false), a.Name.Local), a.Value})
	}

	m.b.WriteByte('<')
	m.b.WriteString(name)
	declKeys := make([]string, 0, len(c.decl))
	for p := range c.decl {
		declKeys = append(declKeys, p)
	}
	slices.Sort(declKeys)
	for _, p := range declKeys {
		m.b.WriteString(" xmlns")
		if p != "" {
			m.b.WriteByte(':')
			m.b.WriteString(p)
		}
		m.b.WriteString(`="`)
		escape(m.b, c.decl[p], true)
		m.b.WriteByte('"')
	}
	for _, a := range attrs {
		m.b.WriteByte(' ')
		m.b.WriteString(a.name)
		m.b.WriteString(`="`)
		escape(m.b, a.value, true)
		m.b.WriteByte('"')
	}
	k := kids(n)
	if len(k) == 0 && n.Text == "" {
		m.b.WriteString("/>")
		return
	}
	m.b.WriteByte('>')

	inner := outer
	if len(c.decl) > 0 {
		inner = make(map[string]string, len(outer)+len(c.decl))
		for p, u := range outer {
			inner[p] = u
		}
		for p, u := range c.decl {
			inner[p] = u
		}
	}
	if len(k) == len(n.Children) && n.validSegs() {
		for i, ch := range k {
			escape(m.b, n.segs[i], false)
			m.element(ch, inner)
		}
		escape(m.b, n.segs[len(k)], false)
	} else {
		escape(m.b, n.Text, false)
		for _, ch := range k {
			m.element(ch, inner)
		}
	}
	m.b.WriteString("</")
	m.b.WriteString(name)
	m.b.WriteByte('>')
}

// escape writes s as character data (attr false) or as an attribute value
// in double quotes (attr true), so that a parser reads back exactly s.
func escape(b *bytes.Buffer, s string, attr bool) {
	last := 0
	for i, r := range s {
		var esc string
		switch r {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\r':
			esc = "&#xD;"
		case '"':
			if attr {
				esc = `&quot;`
			}
		case '\t':
			if attr {
				esc = "&#x9;"
			}
		case '\n':
			if attr {
				esc = "&#xA;"
			}
		default:
			if !isXMLChar(r) || (r == utf8.RuneError && isInvalidUTF8(s[i:])) {
				esc = "\uFFFD"
			}
		}
		if esc == "" {
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(esc)
		_, size := utf8.DecodeRuneInString(s[i:])
		last = i + size
	}
	b.WriteString(s[last:])
}

func isInvalidUTF8(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	return r == utf8.RuneError && size <= 1
}

// isXMLChar reports whether r may appear in an XML 1.0 document.
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		(r >= 0x20 && r <= 0xD7FF) ||
		(r >= 0xE000 && r <= 0xFFFD) ||
		(r >= 0x10000 && r <= 0x10FFFF)
}
