package soap

import (
	"strings"

	"github.com/soapgen/soapgen/internal/xmlscan"
)

// Any is the content of an xs:anyType element, kept as written: its
// xsi:type, other attributes, text and child elements.
type Any struct {
	Type     QName // xsi:type, if given
	Attrs    []Attr
	Text     string
	Children []AnyElement
}

// Attr is an attribute with a namespace-resolved name.
type Attr struct {
	Name  QName
	Value string
}

// AnyElement is a child element inside an Any.
type AnyElement struct {
	Name QName
	Any
}

// MarshalSOAP writes v as the content of the element just started: its
// xsi:type, attributes, text and children. *Any is also the Body of a
// message whose element has type xs:anyType.
func (v *Any) MarshalSOAP(e *Encoder) { anyContent(e, *v) }

// UnmarshalSOAP reads the content of the element just accepted as written,
// its xsi:type and attributes included when it was accepted as an
// xs:anyType, up to at most the Decoder's MaxAnyElements elements.
func (v *Any) UnmarshalSOAP(d *Decoder) { *v = readAny(d) }

// anyContent writes the content of an Any into the element just started.
func anyContent(e *Encoder, v Any) {
	if v.Type != (QName{}) {
		e.Attr(NSXSI, "type", e.QNameValue(v.Type.Space, v.Type.Local))
	}
	for _, a := range v.Attrs {
		e.Attr(a.Name.Space, a.Name.Local, a.Value)
	}
	if v.Text != "" {
		e.Text(v.Text)
	}
	for _, c := range v.Children {
		e.Start(c.Name.Space, c.Name.Local)
		anyContent(e, c.Any)
		e.End()
	}
}

// readAny reads the accepted element's content as an Any.
func readAny(d *Decoder) Any {
	v := Any{Type: d.curType, Attrs: d.curAttrs}
	d.curAttrs = nil
	budget := d.MaxAnyElements
	if budget == 0 {
		budget = DefaultMaxAnyElements
	}
	d.readAnyContent(&v, &budget)
	return v
}

// readAnyContent reads one element's content into v; budget counts down
// the elements an Any may still hold. Text is gathered in one buffer per
// element, so text between many children costs linear time.
func (d *Decoder) readAnyContent(v *Any, budget *int) {
	var text []byte
	var parts int
	for d.err == nil {
		t := d.next()
		if t == nil {
			return
		}
		switch t.Kind {
		case xmlscan.CharData:
			if parts == 0 && len(text) == 0 {
				v.Text = string(t.Text)
			} else {
				if parts == 1 {
					text = append(text[:0], v.Text...)
				}
				text = append(text, t.Text...)
			}
			parts++
		case xmlscan.EndTag:
			if parts > 1 {
				v.Text = string(text)
			}
			if len(v.Children) > 0 && isSpace(v.Text) {
				v.Text = ""
			}
			return
		case xmlscan.StartTag:
			if *budget--; *budget < 0 {
				d.Fail("more than %d elements in an xs:anyType value or fault detail", d.maxAny())
				return
			}
			c := AnyElement{Name: QName{t.Space, string(t.Local)}}
			for i := range t.Attrs {
				a := &t.Attrs[i]
				switch {
				case a.Decl:
				case a.Space == NSXSI && string(a.Local) == "type":
					uri, l, ok := d.resolveBytes(a.Value)
					if !ok {
						d.Fail("xsi:type %q: undeclared prefix", a.Value)
						return
					}
					c.Type = QName{uri, string(l)}
				default:
					c.Attrs = append(c.Attrs, Attr{QName{a.Space, string(a.Local)}, string(a.Value)})
				}
			}
			d.readAnyContent(&c.Any, budget)
			v.Children = append(v.Children, c)
		}
	}
}

func (d *Decoder) maxAny() int {
	if d.MaxAnyElements == 0 {
		return DefaultMaxAnyElements
	}
	return d.MaxAnyElements
}

func isSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\r', '\n':
		default:
			return false
		}
	}
	return true
}

// AtWildcard reports whether the next child element is one an xs:any
// wildcard admits: constraint is its namespace attribute ("##any" when
// empty, "##other", "##targetNamespace", "##local" or a list of URIs) and
// tns the schema's target namespace. The element is then accepted, to be
// read with ReadAnyElement.
func (d *Decoder) AtWildcard(constraint, tns string) bool {
	if !d.peekStart() {
		return false
	}
	ns := d.tok.Space
	if !wildcardAdmits(constraint, tns, ns) {
		return false
	}
	local := string(d.tok.Local)
	if !d.at(ns, local, NSXSD, "anyType", false, false) {
		return false
	}
	d.curName = QName{ns, local}
	return true
}

func wildcardAdmits(constraint, tns, ns string) bool {
	fields := strings.Fields(constraint)
	if len(fields) == 0 {
		return true
	}
	for _, f := range fields {
		switch f {
		case "##any":
			return true
		case "##other":
			if ns != tns && ns != "" {
				return true
			}
		case "##targetNamespace":
			if ns == tns {
				return true
			}
		case "##local":
			if ns == "" {
				return true
			}
		default:
			if ns == f {
				return true
			}
		}
	}
	return false
}

// UnmarshalSOAP reads the element AtWildcard accepted, as written: its
// name and content.
func (v *AnyElement) UnmarshalSOAP(d *Decoder) {
	name := d.curName
	*v = AnyElement{Name: name, Any: readAny(d)}
}
