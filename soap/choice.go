package soap

import "fmt"

// CheckChoice fails e with a *ChoiceError unless exactly one of set is
// true: set tells, for each alternative of one occurrence of a repeated
// xs:choice (the generated group type member), whether it is set.
func CheckChoice(e *Encoder, member string, set ...bool) {
	n := 0
	for _, s := range set {
		if s {
			n++
		}
	}
	if n != 1 {
		e.Fail(&ChoiceError{Member: member, Set: n})
	}
}

// ChoiceError is the encoding error for an occurrence of a repeated
// xs:choice that has no alternative, or several, set.
type ChoiceError struct {
	Member string // the Go type of the occurrence
	Set    int    // how many alternatives are set
}

// Error describes the occurrence.
func (e *ChoiceError) Error() string {
	return fmt.Sprintf("soap: %s has %d alternatives of its xs:choice set, want exactly one", e.Member, e.Set)
}
