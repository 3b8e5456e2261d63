// Package wsdldiff compares two versions of a WSDL and reports what changed
// for the Go code soapgen generates from them.
//
// It is meant for version bumps of a service whose target namespace moves
// with every release (SuperOffice's …/Services87 becoming …/Services88):
// operations and types are matched by local name, and a reference into the
// definitions' own target namespace is compared by local name only. A
// reference that moves between other namespaces (xs:int becoming tns:Foo)
// is a change.
//
// Compared are the operations of every portType (with the SOAPAction and
// soap:header entries of their first SOAP binding) and the types of every
// schema: named complex and simple types and global elements with an
// anonymous type (the request and response wrappers of document/literal
// operations). Types declared anonymously inside a member are compared as
// types named Owner.Member.
//
// # Breaking changes
//
// A change is breaking when Go code written against the old WSDL may no
// longer compile, or may send what the new WSDL no longer accepts, once the
// package is regenerated from the new one:
//
//   - a removed operation, type, member, header or enumeration value;
//   - a changed input or output element of an operation;
//   - a changed type kind (enum to flags, complex to simple, ...) or base;
//   - a retyped member (its type reference changed);
//   - reordered members (DataContract serialization is order-sensitive);
//   - an added member that is required (minOccurs ≥ 1 or use="required");
//   - occurrences that narrow (minOccurs raised, maxOccurs lowered), turn a
//     single member repeated, or change the Go field soapgen generates
//     (T, soap.Opt[T] or a slice);
//   - a nillable member becoming non-nillable;
//   - a member moving into or out of a repeated model group (xs:choice,
//     xs:sequence or xs:all with maxOccurs > 1), whose occurrences soapgen
//     makes a slice of structs;
//   - a type losing mixed content (its Text field).
//
// Repeated model groups are members too ("(choice)", whose occurrences
// change like an element's), and enumerations of numbers and booleans
// compare by value, not spelling ("01" and "1" are one value, as they
// are one Go constant).
//
// Additions (of operations, types, optional members, enumeration values,
// headers) and a SOAPAction change, which the regenerated client absorbs,
// are not breaking.
package wsdldiff

import (
	"cmp"
	"slices"

	"github.com/soapgen/soapgen/wsdl"
)

// Kind names one kind of change. Its string is the "kind" of the JSON
// rendering.
type Kind string

// Kinds of change, in the order a report lists them within a section.
const (
	// Operations.
	OperationAdded      Kind = "operation-added"
	OperationRemoved    Kind = "operation-removed"
	InputChanged        Kind = "input-changed"  // the input message's element (Old, New)
	OutputChanged       Kind = "output-changed" // the output message's element (Old, New)
	SOAPActionChanged   Kind = "soap-action-changed"
	InputHeaderAdded    Kind = "input-header-added" // Member is the header's element
	InputHeaderRemoved  Kind = "input-header-removed"
	OutputHeaderAdded   Kind = "output-header-added"
	OutputHeaderRemoved Kind = "output-header-removed"

	// Types.
	TypeAdded             Kind = "type-added"    // New is the type's kind
	TypeRemoved           Kind = "type-removed"  // Old is the type's kind
	KindChanged           Kind = "kind-changed"  // e.g. Old "enum", New "flags"
	BaseChanged           Kind = "base-changed"  // derivation base, list item type or union members
	MixedChanged          Kind = "mixed-changed" // Old and New: "true" or "false" (mixed="true")
	MemberAdded           Kind = "member-added"  // New is the member's signature
	MemberRemoved         Kind = "member-removed"
	MemberRetyped         Kind = "member-retyped"          // Old and New are type references
	MemberReordered       Kind = "member-reordered"        // Old and New: "first" or "after X"
	MemberOccursChanged   Kind = "member-occurs-changed"   // Old and New: "min..max", "*" for unbounded
	MemberNillableChanged Kind = "member-nillable-changed" // Old and New: "true" or "false"
	MemberGroupChanged    Kind = "member-group-changed"    // Old and New: the repeated model group the member is in, "" for none
	ValueAdded            Kind = "value-added"             // Member is the value; New its explicit number, if any
	ValueRemoved          Kind = "value-removed"
)

// rank is the position of k in the listing order of the kinds.
func (k Kind) rank() int {
	switch k {
	case OperationAdded:
		return 0
	case OperationRemoved:
		return 1
	case InputChanged:
		return 2
	case OutputChanged:
		return 3
	case SOAPActionChanged:
		return 4
	case InputHeaderAdded:
		return 5
	case InputHeaderRemoved:
		return 6
	case OutputHeaderAdded:
		return 7
	case OutputHeaderRemoved:
		return 8
	case TypeAdded:
		return 100
	case TypeRemoved:
		return 101
	case KindChanged:
		return 102
	case BaseChanged:
		return 103
	case MixedChanged:
		return 104
	case MemberAdded:
		return 105
	case MemberRemoved:
		return 106
	case MemberRetyped:
		return 107
	case MemberReordered:
		return 108
	case MemberOccursChanged:
		return 109
	case MemberNillableChanged:
		return 110
	case MemberGroupChanged:
		return 111
	case ValueAdded:
		return 112
	case ValueRemoved:
		return 113
	}
	return 200
}

// Sections of a report.
const (
	SectionOperations = "operations"
	SectionTypes      = "types"
)

// Section returns the section the kind is listed in: SectionOperations or
// SectionTypes.
func (k Kind) Section() string {
	if k.rank() < TypeAdded.rank() {
		return SectionOperations
	}
	return SectionTypes
}

// Change is one difference between the old and the new WSDL.
type Change struct {
	Kind Kind
	// Subject is the operation or type: its local name when in the target
	// namespace, else prefixed ("arr:ArrayOfint"); Owner.Member for an
	// anonymous type declared by a member.
	Subject string
	// Member is the member ("@name" for an attribute), header or
	// enumeration value concerned, if any.
	Member string
	// Old and New describe the thing before and after, as documented for
	// each kind; type references are rendered with the prefixes "tns:"
	// (the definitions' target namespace), "xs:", "ser:"
	// (Microsoft's Serialization namespace), "arr:" (its Arrays namespace)
	// or as {namespace}local.
	Old, New string
	// Breaking tells whether Go code written against the old WSDL may
	// break; see the package documentation.
	Breaking bool
}

// Report is the result of Compare.
type Report struct {
	// OldNamespace and NewNamespace are the target namespaces compared.
	OldNamespace, NewNamespace string
	// Changes are sorted by section (operations first), kind (in the
	// order of the Kind constants), subject and member.
	Changes []Change
}

// Breaking returns the number of breaking changes.
func (r *Report) Breaking() int {
	n := 0
	for _, c := range r.Changes {
		if c.Breaking {
			n++
		}
	}
	return n
}

// Compare reports the differences of new from old; both must be non-nil,
// as returned by wsdl.Load or wsdl.Parse.
func Compare(old, new *wsdl.Definitions) *Report {
	o, n := newSnapshot(old), newSnapshot(new)
	r := &Report{OldNamespace: old.TargetNamespace, NewNamespace: new.TargetNamespace, Changes: []Change{}}
	r.Changes = append(r.Changes, compareOperations(o, n)...)
	r.Changes = append(r.Changes, compareTypes(o, n)...)
	slices.SortStableFunc(r.Changes, func(a, b Change) int {
		return cmp.Or(
			cmp.Compare(a.Kind.rank(), b.Kind.rank()),
			cmp.Compare(a.Subject, b.Subject),
			cmp.Compare(a.Member, b.Member),
		)
	})
	return r
}
