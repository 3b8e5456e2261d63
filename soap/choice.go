package soap

import "fmt"

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
