package generator

import (
	"fmt"
	"strconv"
	"strings"
)

// groupFieldDoc is the doc comment of the member holding the occurrences
// of a repeated model group.
func (em *emitter) groupFieldDoc(f *field) string {
	item := f.typ.named.(*structType)
	what := "xs:sequence"
	if item.group.choice {
		what = "xs:choice"
	}
	if ref := item.group.ref; !ref.IsZero() {
		what = "group " + ref.Local
	}
	return docOr(f.doc, fmt.Sprintf("%s holds the occurrences of the repeated %s, in wire order: one %s each.", f.name, what, em.tname(item)))
}

// marshalGroupField writes the occurrences of a repeated group:
//
//	for i := range v.Choice {
//		v.Choice[i].MarshalSOAPGroup(e)
//	}
func (em *emitter) marshalGroupField(f *field, v string) {
	w := em.w
	w.open("for i := range ", v, ".", f.name)
	w.ln(v, ".", f.name, "[i].MarshalSOAPGroup(e)")
	w.close("")
}

// unmarshalGroupField reads occurrences of a repeated group into dst while
// the next element starts one.
func (em *emitter) unmarshalGroupField(f *field, dst string) {
	w := em.w
	w.open("for")
	w.ln("var x ", em.tname(f.typ.named))
	w.open("if !x.UnmarshalSOAPGroup(d)")
	w.ln("break")
	w.close("")
	w.ln(dst, " = append(", dst, ", x)")
	w.close("")
}

// groupType writes the type of one occurrence of a repeated model group
// (see resolve_group.go) with its two codec methods.
func (em *emitter) groupType(s *structType) {
	w := em.w
	soap := w.soap()
	codec := w.codec // called where used: the import is recorded then
	g := s.group
	what := fmt.Sprintf("the repeated xs:sequence of %s", g.parent)
	if g.choice {
		what = fmt.Sprintf("the repeated xs:choice of %s", g.parent)
	}
	if !g.ref.IsZero() {
		what = "the group " + g.ref.Local
	}
	doc := fmt.Sprintf("%s is one occurrence of %s.", s.name, what)
	if g.choice {
		doc += " Set the members of one alternative (the encoder refuses an occurrence with none or several)."
	}
	w.decl()
	w.doc(docOr(s.doc, doc))
	w.open("type ", s.name, " struct")
	for i, alt := range g.alts {
		for j, f := range alt {
			d := fmt.Sprintf("%s is element %s", f.name, f.elem.Local)
			switch {
			case g.choice && j == 0:
				d += fmt.Sprintf(", which starts alternative %d", i+1)
			case g.choice && g.required[f]:
				d += fmt.Sprintf(", required in alternative %d", i+1)
			case g.choice:
				d += fmt.Sprintf(", of alternative %d", i+1)
			}
			switch {
			case f.repeated():
				d += ", repeated"
			case !g.choice && f.min == 0:
				d += " (optional)"
			}
			if f.nillable {
				d += " (nillable)"
			}
			w.doc(docOr(f.doc, d+"."))
			w.ln(f.name, " ", em.fieldType(f))
		}
	}
	w.close("")
	recv := "v *" + s.name
	mdoc := "MarshalSOAPGroup writes the elements of v into the element being written."
	if g.choice {
		mdoc = "MarshalSOAPGroup writes the elements of v's alternative into the element being written; an occurrence with no alternative set, or several, is an encoding error."
	}
	em.method(mdoc, recv, "MarshalSOAPGroup(e *"+soap+"Encoder)")
	if g.choice {
		set := make([]string, len(g.alts))
		for i, alt := range g.alts {
			if g.startsAlone(i) {
				set[i] = "!v." + alt[0].name + ".IsAbsent()"
				continue
			}
			// An alternative whose first members may be absent is set
			// when any of its members is.
			any := make([]string, len(alt))
			for j, f := range alt {
				any[j] = "!v." + f.name + ".IsAbsent()"
				if f.repeated() {
					any[j] = "len(v." + f.name + ") > 0"
				}
			}
			set[i] = strings.Join(any, " || ")
		}
		w.ln(codec(), "CheckChoice(e, ", strconv.Quote(s.name), ", ", strings.Join(set, ", "), ")")
	}
	for _, f := range s.fields {
		em.marshalField(f, "v", s.name)
	}
	w.close("")
	em.method("UnmarshalSOAPGroup reads one occurrence into v and reports true, or reports false, reading nothing, when the next element starts none.", recv, "UnmarshalSOAPGroup(d *"+soap+"Decoder) bool")
	if !g.choice && !g.startsAlone(0) {
		w.ln("switch name, _ := d.Peek(); name {")
		w.ln("case ", em.qnames(g.first[0]), ":")
		w.ln("default:")
		w.depth++
		w.ln("return false")
		w.depth--
		w.ln("}")
		for _, f := range s.fields {
			em.unmarshalField(f, "v")
		}
		w.ln("return true")
		w.close("")
		return
	}
	if !g.choice {
		head := s.fields[0]
		w.open("if !", em.at("At", head))
		w.ln("return false")
		w.close("")
		w.ln("v.", head.name, " = ", em.readExpr(head))
		for _, f := range s.fields[1:] {
			em.unmarshalField(f, "v")
		}
		w.ln("return true")
		w.close("")
		return
	}
	for i := range g.alts {
		if !g.startsAlone(i) {
			w.ln("name, _ := d.Peek()") // once, for the alternatives told by their first members
			break
		}
	}
	w.ln("switch {")
	for i, alt := range g.alts {
		rest := alt
		if g.startsAlone(i) {
			head := alt[0]
			w.ln("case ", em.at("At", head), ":")
			w.depth++
			w.ln("v.", head.name, " = ", em.readExpr(head))
			rest = alt[1:]
		} else {
			names := make([]string, len(g.first[i]))
			for j, f := range g.first[i] {
				names[j] = "name == " + em.elemQName(f)
			}
			w.ln("case ", strings.Join(names, " || "), ":")
			w.depth++
		}
		for _, f := range rest {
			if g.required[f] {
				w.open("if ", em.at("At", f))
				w.ln("v.", f.name, " = ", em.readExpr(f))
				w.orElse("else")
				w.ln("d.Missing(", em.ns(f.elem.Space), ", ", strconv.Quote(f.elem.Local), ")")
				w.close("")
				continue
			}
			em.unmarshalField(f, "v")
		}
		w.depth--
	}
	w.ln("default:")
	w.depth++
	w.ln("return false")
	w.depth--
	w.ln("}")
	w.ln("return true")
	w.close("")
	if paths, fields, secret := secretPaths(s); secret {
		em.redactingMethods(s.name, paths, fields)
	}
}

// elemQName is the soap.QName literal of f's element.
func (em *emitter) elemQName(f *field) string {
	return em.w.soap() + "QName{Space: " + em.ns(f.elem.Space) + ", Local: " + strconv.Quote(f.elem.Local) + "}"
}

// qnames lists the soap.QName literals of fs' elements, for a case clause.
func (em *emitter) qnames(fs []*field) string {
	q := make([]string, len(fs))
	for i, f := range fs {
		q[i] = em.elemQName(f)
	}
	return strings.Join(q, ", ")
}
