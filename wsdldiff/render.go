package wsdldiff

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// String describes the change in one line, as the text rendering does
// (without its "! " marker).
func (c Change) String() string {
	s, m := c.Subject, c.Member
	switch c.Kind {
	case OperationAdded:
		return s + " added"
	case OperationRemoved:
		return s + " removed"
	case InputChanged:
		return fmt.Sprintf("%s: input element %s -> %s", s, c.Old, c.New)
	case OutputChanged:
		return fmt.Sprintf("%s: output element %s -> %s", s, c.Old, c.New)
	case SOAPActionChanged:
		return fmt.Sprintf("%s: SOAPAction %q -> %q", s, c.Old, c.New)
	case InputHeaderAdded:
		return fmt.Sprintf("%s: input header %s added", s, m)
	case InputHeaderRemoved:
		return fmt.Sprintf("%s: input header %s removed", s, m)
	case OutputHeaderAdded:
		return fmt.Sprintf("%s: output header %s added", s, m)
	case OutputHeaderRemoved:
		return fmt.Sprintf("%s: output header %s removed", s, m)
	case TypeAdded:
		return fmt.Sprintf("%s added (%s)", s, c.New)
	case TypeRemoved:
		return fmt.Sprintf("%s removed (%s)", s, c.Old)
	case KindChanged:
		return fmt.Sprintf("%s: kind %s -> %s", s, c.Old, c.New)
	case BaseChanged:
		return fmt.Sprintf("%s: base %s -> %s", s, orNone(c.Old), orNone(c.New))
	case MixedChanged:
		if c.New == "true" {
			return s + ": content now mixed"
		}
		return s + ": content no longer mixed"
	case MemberGroupChanged:
		return fmt.Sprintf("%s: member %s group %s -> %s", s, m, orNone(c.Old), orNone(c.New))
	case MemberAdded:
		return fmt.Sprintf("%s: member %s added (%s)", s, m, c.New)
	case MemberRemoved:
		return fmt.Sprintf("%s: member %s removed (%s)", s, m, c.Old)
	case MemberRetyped:
		return fmt.Sprintf("%s: member %s type %s -> %s", s, m, c.Old, c.New)
	case MemberReordered:
		return fmt.Sprintf("%s: member %s moved from %s to %s", s, m, c.Old, c.New)
	case MemberOccursChanged:
		return fmt.Sprintf("%s: member %s occurs %s -> %s", s, m, c.Old, c.New)
	case MemberNillableChanged:
		if c.New == "true" {
			return fmt.Sprintf("%s: member %s now nillable", s, m)
		}
		return fmt.Sprintf("%s: member %s no longer nillable", s, m)
	case ValueAdded:
		return fmt.Sprintf("%s: value %s added%s", s, m, number(c.New))
	case ValueRemoved:
		return fmt.Sprintf("%s: value %s removed%s", s, m, number(c.Old))
	}
	return fmt.Sprintf("%s: %s %s %s -> %s", s, c.Kind, m, c.Old, c.New)
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func number(n string) string {
	if n == "" {
		return ""
	}
	return " (= " + n + ")"
}

// Summary returns "N changes, M breaking", or "no changes".
func (r *Report) Summary() string {
	switch len(r.Changes) {
	case 0:
		return "no changes"
	case 1:
		return fmt.Sprintf("1 change, %d breaking", r.Breaking())
	}
	return fmt.Sprintf("%d changes, %d breaking", len(r.Changes), r.Breaking())
}

// Text renders the report for people: the changes grouped under the
// headings "Operations" and "Types", one per line, breaking ones marked
// with a leading "! ", then the summary line. A report without changes is
// "no changes".
func (r *Report) Text() string {
	if len(r.Changes) == 0 {
		return "no changes\n"
	}
	var b strings.Builder
	section := ""
	for _, c := range r.Changes {
		if s := c.Kind.Section(); s != section {
			if section != "" {
				b.WriteString("\n")
			}
			section = s
			b.WriteString(strings.ToUpper(s[:1]) + s[1:] + "\n")
		}
		if c.Breaking {
			b.WriteString("! ")
		} else {
			b.WriteString("  ")
		}
		b.WriteString(c.String() + "\n")
	}
	b.WriteString("\n" + r.Summary() + "\n")
	return b.String()
}

// WriteText writes r.Text() to w.
func (r *Report) WriteText(w io.Writer) error {
	if _, err := io.WriteString(w, r.Text()); err != nil {
		return fmt.Errorf("wsdldiff: writing the report: %w", err)
	}
	return nil
}

// jsonReport is the JSON form of a Report; see MarshalJSON.
type jsonReport struct {
	OldNamespace string       `json:"oldNamespace"`
	NewNamespace string       `json:"newNamespace"`
	Changes      []jsonChange `json:"changes"`
	Total        int          `json:"total"`
	Breaking     int          `json:"breaking"`
}

type jsonChange struct {
	Section  string `json:"section"`
	Kind     Kind   `json:"kind"`
	Subject  string `json:"subject"`
	Member   string `json:"member,omitempty"`
	Old      string `json:"old,omitempty"`
	New      string `json:"new,omitempty"`
	Breaking bool   `json:"breaking"`
	Text     string `json:"text"`
}

// MarshalJSON renders the report as a JSON object with the stable fields
//
//	oldNamespace, newNamespace  the target namespaces compared
//	changes                     the changes, in report order (never null)
//	total, breaking             the number of changes and of breaking ones
//
// where each change has the fields section ("operations" or "types"), kind
// (a Kind), subject, member, old and new (left out when empty), breaking
// (a boolean) and text (Change.String).
func (r *Report) MarshalJSON() ([]byte, error) {
	j := jsonReport{OldNamespace: r.OldNamespace, NewNamespace: r.NewNamespace, Changes: []jsonChange{}, Total: len(r.Changes), Breaking: r.Breaking()}
	for _, c := range r.Changes {
		j.Changes = append(j.Changes, jsonChange{
			Section: c.Kind.Section(), Kind: c.Kind, Subject: c.Subject, Member: c.Member,
			Old: c.Old, New: c.New, Breaking: c.Breaking, Text: c.String(),
		})
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // keep "->" readable in text
	if err := enc.Encode(j); err != nil {
		return nil, fmt.Errorf("wsdldiff: %w", err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// WriteJSON writes the JSON rendering of r (see MarshalJSON), indented,
// with a final newline.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return fmt.Errorf("wsdldiff: writing the report as JSON: %w", err)
	}
	return nil
}
