package wsdldiff

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/soapgen/soapgen/wsdl"
)

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

func compareOperations(o, n *snapshot) []Change {
	var cs []Change
	for _, name := range sortedKeys(o.ops) {
		if _, ok := n.ops[name]; !ok {
			cs = append(cs, Change{Kind: OperationRemoved, Subject: name, Breaking: true})
		}
	}
	for _, name := range sortedKeys(n.ops) {
		nop := n.ops[name]
		oop, ok := o.ops[name]
		if !ok {
			cs = append(cs, Change{Kind: OperationAdded, Subject: name})
			continue
		}
		if oop.input != nop.input {
			cs = append(cs, Change{Kind: InputChanged, Subject: name, Old: oop.input, New: nop.input, Breaking: true})
		}
		if oop.output != nop.output {
			cs = append(cs, Change{Kind: OutputChanged, Subject: name, Old: oop.output, New: nop.output, Breaking: true})
		}
		if oop.actionNorm != nop.actionNorm {
			cs = append(cs, Change{Kind: SOAPActionChanged, Subject: name, Old: oop.action, New: nop.action})
		}
		cs = append(cs, setChanges(name, oop.inHeaders, nop.inHeaders, InputHeaderAdded, InputHeaderRemoved)...)
		cs = append(cs, setChanges(name, oop.outHeaders, nop.outHeaders, OutputHeaderAdded, OutputHeaderRemoved)...)
	}
	return cs
}

// setChanges reports the names added to and removed from a set; removals
// are breaking.
func setChanges(subject string, old, new []string, added, removed Kind) []Change {
	var cs []Change
	for _, h := range old {
		if !slices.Contains(new, h) {
			cs = append(cs, Change{Kind: removed, Subject: subject, Member: h, Breaking: true})
		}
	}
	for _, h := range new {
		if !slices.Contains(old, h) {
			cs = append(cs, Change{Kind: added, Subject: subject, Member: h})
		}
	}
	return cs
}

func compareTypes(o, n *snapshot) []Change {
	var cs []Change
	for _, name := range sortedKeys(o.types) {
		if _, ok := n.types[name]; !ok {
			cs = append(cs, Change{Kind: TypeRemoved, Subject: name, Old: o.types[name].kind, Breaking: true})
		}
	}
	for _, name := range sortedKeys(n.types) {
		nt := n.types[name]
		ot, ok := o.types[name]
		if !ok {
			cs = append(cs, Change{Kind: TypeAdded, Subject: name, New: nt.kind})
			continue
		}
		if ot.kind != nt.kind {
			// Members and values of different kinds of type do not compare.
			cs = append(cs, Change{Kind: KindChanged, Subject: name, Old: ot.kind, New: nt.kind, Breaking: true})
			continue
		}
		if ot.base != nt.base {
			cs = append(cs, Change{Kind: BaseChanged, Subject: name, Old: ot.base, New: nt.base, Breaking: true})
		}
		if ot.mixed != nt.mixed {
			// Losing mixed content loses the Text field and the text.
			cs = append(cs, Change{Kind: MixedChanged, Subject: name, Old: strconv.FormatBool(ot.mixed), New: strconv.FormatBool(nt.mixed), Breaking: ot.mixed})
		}
		cs = append(cs, compareMembers(name, ot.members, nt.members)...)
		cs = append(cs, compareValues(name, ot, nt)...)
	}
	return cs
}

func compareValues(subject string, o, n *typeInfo) []Change {
	var cs []Change
	// Enumerations of numbers and booleans compare in the value space
	// (both sides must be such, with the same base: a changed base is
	// reported as such).
	key := func(t *typeInfo, v string) string { return v }
	if o.canon != nil && n.canon != nil {
		key = func(t *typeInfo, v string) string { return t.canon[v] }
	}
	has := func(t *typeInfo, k string) bool {
		return slices.ContainsFunc(t.values, func(v string) bool { return key(t, v) == k })
	}
	seen := map[string]bool{}
	for _, v := range o.values {
		if k := key(o, v); !seen[k] && !has(n, k) {
			cs = append(cs, Change{Kind: ValueRemoved, Subject: subject, Member: v, Old: o.numbers[v], Breaking: true})
		}
		seen[key(o, v)] = true
	}
	clear(seen)
	for _, v := range n.values {
		if k := key(n, v); !seen[k] && !has(o, k) {
			cs = append(cs, Change{Kind: ValueAdded, Subject: subject, Member: v, New: n.numbers[v]})
		}
		seen[key(n, v)] = true
	}
	return cs
}

func compareMembers(subject string, old, new []*member) []Change {
	var cs []Change
	byName := func(ms []*member) map[string]*member {
		m := map[string]*member{}
		for _, x := range ms {
			m[x.name] = x
		}
		return m
	}
	om, nm := byName(old), byName(new)
	for _, m := range old {
		if nm[m.name] == nil {
			cs = append(cs, Change{Kind: MemberRemoved, Subject: subject, Member: m.name, Old: m.signature(), Breaking: true})
		}
	}
	for _, m := range new {
		o := om[m.name]
		if o == nil {
			cs = append(cs, Change{Kind: MemberAdded, Subject: subject, Member: m.name, New: m.signature(), Breaking: m.min > 0})
			continue
		}
		if o.typ != m.typ {
			cs = append(cs, Change{Kind: MemberRetyped, Subject: subject, Member: m.name, Old: o.typ, New: m.typ, Breaking: true})
		}
		if o.min != m.min || o.max != m.max {
			cs = append(cs, Change{Kind: MemberOccursChanged, Subject: subject, Member: m.name, Old: o.occurs(), New: m.occurs(),
				Breaking: m.min > o.min || less(m.max, o.max) || (!o.repeated() && m.repeated()) || o.shape() != m.shape()})
		}
		if o.group != m.group {
			// The member moves into or out of the struct of a repeated
			// group's occurrence.
			cs = append(cs, Change{Kind: MemberGroupChanged, Subject: subject, Member: m.name, Old: o.group, New: m.group, Breaking: true})
		}
		if o.nillable != m.nillable {
			cs = append(cs, Change{Kind: MemberNillableChanged, Subject: subject, Member: m.name,
				Old: strconv.FormatBool(o.nillable), New: strconv.FormatBool(m.nillable),
				Breaking: o.nillable || o.shape() != m.shape()})
		}
	}
	return append(cs, reordered(subject, old, new, om, nm)...)
}

// reordered reports the elements (not attributes) common to old and new
// whose relative order changed: those outside a longest common subsequence
// of the two orders.
func reordered(subject string, old, new []*member, om, nm map[string]*member) []Change {
	var a, b []string
	for _, m := range old {
		if !m.attr && nm[m.name] != nil && !nm[m.name].attr {
			a = append(a, m.name)
		}
	}
	for _, m := range new {
		if !m.attr && om[m.name] != nil && !om[m.name].attr {
			b = append(b, m.name)
		}
	}
	keep := map[string]bool{}
	for _, s := range lcs(a, b) {
		keep[s] = true
	}
	var cs []Change
	for _, name := range b {
		if !keep[name] {
			cs = append(cs, Change{Kind: MemberReordered, Subject: subject, Member: name,
				Old: after(old, name), New: after(new, name), Breaking: true})
		}
	}
	return cs
}

// after describes the position of the element name among the elements of
// ms: "first", or "after" the element before it.
func after(ms []*member, name string) string {
	prev := ""
	for _, m := range ms {
		if m.attr {
			continue
		}
		if m.name == name {
			break
		}
		prev = m.name
	}
	if prev == "" {
		return "first"
	}
	return "after " + prev
}

// lcs returns a longest common subsequence of a and b, whose elements are
// distinct.
func lcs(a, b []string) []string {
	// l[i][j] is the length of an LCS of a[i:] and b[j:].
	l := make([][]int, len(a)+1)
	for i := range l {
		l[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				l[i][j] = l[i+1][j+1] + 1
			} else {
				l[i][j] = max(l[i+1][j], l[i][j+1])
			}
		}
	}
	var s []string
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			s = append(s, a[i])
			i++
			j++
		case l[i+1][j] >= l[i][j+1]:
			i++
		default:
			j++
		}
	}
	return s
}

// less compares maxOccurs values, Unbounded being the largest.
func less(a, b int) bool {
	switch {
	case a == wsdl.Unbounded:
		return false
	case b == wsdl.Unbounded:
		return true
	}
	return a < b
}

func (m *member) repeated() bool { return m.max == wsdl.Unbounded || m.max > 1 }

// shape is the form of the Go field soapgen generates for the member:
// a slice, a soap.Opt or a plain value.
func (m *member) shape() string {
	switch {
	case m.repeated():
		return "slice"
	case m.min == 0 || m.nillable:
		return "opt"
	}
	return "value"
}

func (m *member) occurs() string {
	if m.max == wsdl.Unbounded {
		return fmt.Sprintf("%d..*", m.min)
	}
	return fmt.Sprintf("%d..%d", m.min, m.max)
}

// signature describes a member: its type, occurrences and nillability.
func (m *member) signature() string {
	s := m.typ + " " + m.occurs()
	if m.nillable {
		s += " nillable"
	}
	if m.group != "" {
		s += " in " + m.group
	}
	return s
}
