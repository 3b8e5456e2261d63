package xmlcmp

import (
	"encoding/xml"
	"strings"
)

// Options selects the normalisations beyond the always-on ones.
type Options struct {
	// DocQuirks maps the vendor documentation's quirks: SOAP header elements
	// that stand directly under Envelope (any child of a SOAP 1.1 or 1.2
	// Envelope other than Header and Body) are moved, in order, into a Header
	// element (created as the first child if missing, appended after any
	// existing header entries); and the layout whitespace the documentation
	// puts inside elements it leaves empty (a leaf element without xsi:type
	// whose text is whitespace containing a line break) is removed.
	DocQuirks bool
}

// Normalize applies the rewritings selected by o to a parsed tree, so that a
// caller can normalise a documented envelope before decoding it (see
// Marshal) and then compare. It returns a new tree and leaves n untouched
// (the read-only Scope maps are shared). With no option set it returns a
// copy. A nil n gives nil.
func Normalize(n *Node, o Options) *Node {
	if n == nil {
		return nil
	}
	c := n.clone()
	if o.DocQuirks {
		moveHeaders(c)
		dropLayoutText(c)
	}
	return c
}

// moveHeaders moves every child of a SOAP Envelope other than its Header and
// Body into the (first) Header, creating one as the first child if needed.
func moveHeaders(env *Node) {
	ns := env.Name.Space
	if env.Name.Local != "Envelope" || (ns != SOAP11Namespace && ns != SOAP12Namespace) {
		return
	}
	var header *Node
	var kept, moved []*Node
	for _, c := range env.Children {
		switch {
		case c == nil:
		case c.Name.Space == ns && c.Name.Local == "Header":
			if header == nil {
				header = c
			}
			kept = append(kept, c)
		case c.Name.Space == ns && c.Name.Local == "Body":
			kept = append(kept, c)
		default:
			moved = append(moved, c)
		}
	}
	if len(moved) == 0 {
		return
	}
	if header == nil {
		header = &Node{
			Name:  xml.Name{Space: ns, Local: "Header"},
			Scope: env.Scope,
			Line:  moved[0].Line,
			Col:   moved[0].Col,
		}
		kept = append([]*Node{header}, kept...)
	}
	switch {
	case len(header.Children) == 0:
		header.segs = append([]string{header.Text}, make([]string, len(moved))...)
	case header.validSegs():
		header.segs = append(header.segs, make([]string, len(moved))...)
	default:
		header.segs = nil
	}
	header.Children = append(header.Children, moved...)
	env.Children = kept
	// The text between the Envelope's children no longer sits between the
	// same children: keep only the concatenation, and drop it altogether when
	// it is only (insignificant) whitespace.
	env.segs = nil
	if isXMLSpace(env.Text) {
		env.Text = ""
	}
}

// dropLayoutText empties leaf elements whose only text is indentation (a
// line break and white space) and that carry no xsi:type: the documentation
// writes an element of an empty complex type as a start tag, a line break
// and an indented end tag. A typed leaf (xsd:string and the like) keeps its
// text, as does any element whose text has no line break.
func dropLayoutText(n *Node) {
	if len(n.Children) == 0 {
		if n.Text != "" && isXMLSpace(n.Text) && strings.ContainsAny(n.Text, "\r\n") && !hasAttr(n, XSINamespace, "type") {
			n.Text = ""
			n.segs = nil
		}
		return
	}
	for _, c := range n.Children {
		if c != nil {
			dropLayoutText(c)
		}
	}
}

func hasAttr(n *Node, space, local string) bool {
	for _, a := range n.Attrs {
		if a.Name.Space == space && a.Name.Local == local {
			return true
		}
	}
	return false
}
