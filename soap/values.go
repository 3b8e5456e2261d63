package soap

import (
	"fmt"
)

// QName is a namespace-qualified XML name.
type QName struct{ Space, Local string }

// String formats q as {space}local.
func (q QName) String() string {
	if q.Space == "" {
		return q.Local
	}
	return "{" + q.Space + "}" + q.Local
}

// Marshaler is implemented by generated complex types: MarshalSOAP writes
// the attributes and content of the element the Encoder has just started.
type Marshaler interface {
	MarshalSOAP(e *Encoder)
}

// Unmarshaler is implemented by generated complex types: UnmarshalSOAP
// reads the content of the element the Decoder has just accepted, up to
// and including its end tag.
type Unmarshaler interface {
	UnmarshalSOAP(d *Decoder)
}

// NilError is the error of encoding a nil where the schema forbids it:
// a nil pointer for a required member (or an item) that is not nillable,
// or Nil for an optional member that is not nillable. A peer would refuse
// the xsi:nil it would become.
type NilError struct {
	Member   string // the Go type and field, e.g. "SetUserPresenceStatus.AssociateId"
	Element  QName  // the element that would carry xsi:nil
	Required bool   // a nil pointer of a required member or an item, not an optional member set to Nil
}

// Error names the member and the element.
func (e *NilError) Error() string {
	if e.Required {
		return fmt.Sprintf("soap: %s is nil, but element %s is not nillable", e.Member, e.Element)
	}
	return fmt.Sprintf("soap: %s is soap.Nil, but element %s is not nillable (leave it absent)", e.Member, e.Element)
}

// Missing records that the required element {ns}local is missing.
func (d *Decoder) Missing(ns, local string) {
	if d.err != nil {
		return
	}
	if name, ok := d.Peek(); ok {
		d.Fail("required element %s missing (found %s)", QName{ns, local}, name)
		return
	}
	d.Fail("required element %s missing", QName{ns, local})
}
