package generator

import (
	"fmt"

	"github.com/soapgen/soapgen/wsdl"
)

// A repeated model group (<xs:choice maxOccurs="unbounded">, a repeated
// xs:sequence, <xs:group ref="G" maxOccurs="unbounded"/>) becomes a member
// holding a slice of one generated struct, each item one occurrence of
// the group, in wire order:
//
//	type PingResult struct {
//		Choice []PingResultChoice
//	}
//
//	type PingResultChoice struct {
//		A soap.Opt[string] // one alternative
//		B soap.Opt[int32]  // another
//	}
//
// An occurrence of a choice has one member per alternative's element, as a
// single xs:choice has (Opt members, the one set is the alternative); an
// occurrence of a sequence has the sequence's members. The shape is the
// single choice's, extended: no type per alternative (an alternative that
// is a sequence of several elements is several members of the one
// struct), nothing to compile per alternative, and a slice of values,
// built with a composite literal. The encoder checks that exactly one
// alternative of each occurrence is set (codec.CheckChoice); the decoder
// reads occurrences while the next element starts one.

// repeats records the placeholder elements standing for repeated groups
// in flattened content models, and the item types made for them.
type repeats struct {
	repeated  map[*wsdl.Element]*repeatedGroup
	namedItem map[wsdl.QName]*structType  // items of referenced groups, by group name
	anonItem  map[*wsdl.Group]*structType // items of anonymous groups
}

// repeatedGroup is a repeated model group met while flattening.
type repeatedGroup struct {
	group    *wsdl.Group
	ref      wsdl.QName // the group's name for a group reference
	min, max int
	pos      wsdl.Pos
}

// groupInfo describes the type of one occurrence of a repeated group.
type groupInfo struct {
	choice bool
	// alts are the members of each alternative of a choice, in order (a
	// sequence has one); the first member of each is the one whose
	// element starts the alternative.
	alts [][]*field
	// first are, per alternative, the members whose element may start an
	// occurrence: its leading optional or repeated members and the first
	// required one. An alternative with first[i] == alts[i][:1] (a
	// single, required first member) is told by that member alone.
	first [][]*field
	// required are the members a present alternative must have (the
	// members of a choice's alternatives are Opt, whatever the schema says
	// within the alternative).
	required map[*field]bool
	parent   string // the schema name of the type holding the group, for documentation
	ref      wsdl.QName
}

// startsAlone reports whether alternative i is told by its first member
// alone: a single, required element.
func (g *groupInfo) startsAlone(i int) bool {
	return len(g.first[i]) == 1 && !g.first[i][0].repeated()
}

// repeatedGroup returns the placeholder element of a repeated group.
func (r *resolver) repeatedGroup(g *wsdl.Group, ref wsdl.QName, min, max int, pos wsdl.Pos) *wsdl.Element {
	if r.repeated == nil {
		r.repeated = map[*wsdl.Element]*repeatedGroup{}
	}
	e := &wsdl.Element{Pos: pos, MinOccurs: 1, MaxOccurs: 1}
	r.repeated[e] = &repeatedGroup{group: g, ref: ref, min: min, max: max, pos: pos}
	return e
}

// groupField resolves the member holding the occurrences of the repeated
// group rg of the type parentKey/parentWant names (owner in errors).
func (r *resolver) groupField(rg *repeatedGroup, parentKey, parentWant string, owner wsdl.QName) (*field, error) {
	item, err := r.groupItem(rg, parentKey, parentWant, owner)
	if err != nil {
		return nil, err
	}
	name := "Sequence"
	if rg.group.Kind == wsdl.Choice {
		name = "Choice"
	}
	if !rg.ref.IsZero() {
		name = rg.ref.Local
	}
	f := &field{name: exportedName(name), typ: &typeRef{named: item}, min: rg.min, max: rg.max}
	if f.max == 1 {
		f.max = wsdl.Unbounded // a placeholder is always repeated
	}
	return f, nil
}

// isGroup reports whether f holds the occurrences of a repeated group.
func isGroup(f *field) bool {
	if f.typ == nil {
		return false
	}
	st, ok := f.typ.named.(*structType)
	return ok && st.group != nil
}

// groupItem returns the type of one occurrence of rg.
func (r *resolver) groupItem(rg *repeatedGroup, parentKey, parentWant string, owner wsdl.QName) (*structType, error) {
	g := rg.group
	if !rg.ref.IsZero() {
		if t := r.namedItem[rg.ref]; t != nil {
			return t, nil
		}
	} else if t := r.anonItem[g]; t != nil {
		return t, nil
	}
	construct := g.Kind.String()
	if g.Kind == wsdl.All {
		return nil, unsupported(rg.pos, construct, owner, "a repeated xs:all")
	}
	info := &groupInfo{choice: g.Kind == wsdl.Choice, required: map[*field]bool{}, parent: parentWant, ref: rg.ref}
	s := &structType{pos: rg.pos, group: info}
	key, want := fmt.Sprintf("2|%s|#%d:%d", parentKey, rg.pos.Line, rg.pos.Col), parentWant+"Sequence"
	if info.choice {
		want = parentWant + "Choice"
	}
	if !rg.ref.IsZero() {
		key, want = r.typeKey(rg.ref), rg.ref.Local
		if r.namedItem == nil {
			r.namedItem = map[wsdl.QName]*structType{}
		}
		r.namedItem[rg.ref] = s
		defer r.enter(r.shared)()
	} else {
		if r.anonItem == nil {
			r.anonItem = map[*wsdl.Group]*structType{}
		}
		r.anonItem[g] = s
	}
	s.origin = want
	r.register(s, key, want, func(n string) { s.name = n })
	var alts [][]wsdl.Particle
	if info.choice {
		for _, p := range g.Particles {
			if e, ok := p.(*wsdl.Element); ok {
				if subs := r.substitutable(e); subs != nil {
					// Each element that may stand for the head is an alternative.
					for _, m := range subs {
						alts = append(alts, []wsdl.Particle{&wsdl.Element{Pos: e.Pos, Ref: m.Name, MinOccurs: 1, MaxOccurs: 1}})
					}
					continue
				}
			}
			alts = append(alts, []wsdl.Particle{p})
		}
	} else {
		alts = [][]wsdl.Particle{g.Particles}
	}
	itemKey := key
	for _, alt := range alts {
		fields, err := r.groupAlternative(alt, rg, itemKey, owner, info)
		if err != nil {
			return nil, err
		}
		info.alts = append(info.alts, fields)
		s.fields = append(s.fields, fields...)
	}
	if len(info.alts) == 0 {
		return nil, unsupported(rg.pos, construct, owner, "a repeated model group without members")
	}
	// The decoder tells the alternative of an occurrence by its first
	// element: no element may start two (XSD's Unique Particle Attribution
	// forbids it; a schema that breaks it is refused, not read one way).
	starts := map[wsdl.QName]int{}
	for i, first := range info.first {
		for _, f := range first {
			if j, dup := starts[f.elem]; dup && j != i {
				return nil, unsupported(rg.pos, construct, owner, "alternatives %d and %d may both start with element %s", j+1, i+1, f.elem.Local)
			}
			starts[f.elem] = i
		}
	}
	return s, nil
}

// groupAlternative resolves the members of one alternative of a repeated
// choice (or of a repeated sequence) and the members that may start an
// occurrence of it (info.first); nested repeated groups and wildcards are
// refused.
func (r *resolver) groupAlternative(particles []wsdl.Particle, rg *repeatedGroup, key string, owner wsdl.QName, info *groupInfo) ([]*field, error) {
	construct := rg.group.Kind.String()
	seq := &wsdl.Group{Pos: rg.pos, Kind: wsdl.Sequence, MinOccurs: 1, MaxOccurs: 1, Particles: particles}
	var elems []*wsdl.Element
	var wildcard *wsdl.Any
	optional := map[*wsdl.Element]bool{}
	if err := r.flatten(seq, false, owner, &elems, optional, map[wsdl.QName]bool{}, &wildcard); err != nil {
		return nil, err
	}
	if wildcard != nil {
		return nil, unsupported(wildcard.Pos, "xs:any", owner, "a wildcard in a repeated model group is not implemented yet")
	}
	if len(elems) == 0 {
		return nil, unsupported(rg.pos, construct, owner, "a repeated model group with an empty alternative")
	}
	var fields, first []*field
	open := true // still collecting the members that may start an occurrence
	for _, e := range elems {
		if nested := r.repeated[e]; nested != nil {
			return nil, unsupported(nested.pos, nested.group.Kind.String(), owner, "a repeated model group inside a repeated model group is not implemented yet")
		}
		min, max := e.MinOccurs, e.MaxOccurs
		if optional[e] {
			min = 0
		}
		required := min > 0 && max == 1
		startsAlone := min > 0
		if info.choice && max == 1 {
			min = 0 // one member of an alternative: absent when another is chosen
		}
		f, err := r.field(e, e.Name, min, max, key)
		if err != nil {
			return nil, err
		}
		if required && info.choice {
			info.required[f] = true
		}
		fields = append(fields, f)
		if open {
			first = append(first, f)
			open = !startsAlone
		}
	}
	info.first = append(info.first, first)
	return fields, nil
}
