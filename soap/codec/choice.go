package codec

import "github.com/soapgen/soapgen/soap"

// CheckChoice fails e with a *ChoiceError unless exactly one of set is
// true: set tells, for each alternative of one occurrence of a repeated
// xs:choice (the generated group type member), whether it is set.
func CheckChoice(e *soap.Encoder, member string, set ...bool) {
	n := 0
	for _, s := range set {
		if s {
			n++
		}
	}
	if n != 1 {
		e.Fail(&soap.ChoiceError{Member: member, Set: n})
	}
}
