package soap

import "fmt"

// Opt is an optional, nillable value of an element: absent (the zero Opt),
// nil (sent as xsi:nil="true"; for an element the schema does not declare
// nillable, an encoding error, see WriteOptItem) or a value, which is sent
// even when it is Go's zero value. An Opt is not comparable with == (as
// protobuf-go's messages are not): no equality function is compiled for
// each Opt type and each struct holding one.
type Opt[T any] struct {
	_     [0]func()
	v     T
	state optState
}

type optState uint8

const (
	optAbsent optState = iota
	optNil
	optValue
)

// Some returns an Opt holding v.
func Some[T any](v T) Opt[T] { return Opt[T]{v: v, state: optValue} }

// Nil returns an Opt that is sent as xsi:nil="true".
func Nil[T any]() Opt[T] { return Opt[T]{state: optNil} }

// Get returns the value and whether there is one (false when absent or nil).
func (o Opt[T]) Get() (T, bool) { return o.v, o.state == optValue }

// Value returns the value, or T's zero value when absent or nil.
func (o Opt[T]) Value() T { return o.v }

// Or returns the value, or def when absent or nil.
func (o Opt[T]) Or(def T) T {
	if o.state == optValue {
		return o.v
	}
	return def
}

// IsSet reports whether there is a value.
func (o Opt[T]) IsSet() bool { return o.state == optValue }

// IsNil reports whether o is nil (xsi:nil).
func (o Opt[T]) IsNil() bool { return o.state == optNil }

// IsAbsent reports whether o is absent: the element is not sent.
func (o Opt[T]) IsAbsent() bool { return o.state == optAbsent }

// String formats o for debugging: <absent>, <nil> or the value.
func (o Opt[T]) String() string {
	switch o.state {
	case optAbsent:
		return "<absent>"
	case optNil:
		return "<nil>"
	}
	return fmt.Sprint(o.v)
}

// Ptrs returns pointers to copies of vs, none nil: the items of an array
// whose items are nillable ([]*T, as services88.ArrayOfstring), built from
// values, e.g. soap.Some[services88.ArrayOfstring](soap.Ptrs("a", "b")).
func Ptrs[T any](vs ...T) []*T {
	ps := make([]*T, len(vs))
	for i := range vs {
		ps[i] = &vs[i]
	}
	return ps
}

// Deref returns the values the items of ps point to, nilAs for the nil
// ones, and whether there were none: the nil items of a nillable array
// are not lost silently.
func Deref[T any](ps []*T, nilAs T) (vs []T, noNil bool) {
	vs = make([]T, len(ps))
	noNil = true
	for i, p := range ps {
		if p == nil {
			vs[i], noNil = nilAs, false
			continue
		}
		vs[i] = *p
	}
	return vs, noNil
}
