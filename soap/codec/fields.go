package codec

import (
	"fmt"
	"log/slog"
	"strings"

	"github.com/soapgen/soapgen/soap"
)

// Field is one member of a generated value, for FormatFields and LogFields.
// Secret members (passwords, tickets, tokens, as the generator recognises
// them by name) are never formatted: only whether they are set shows.
type Field struct {
	Name   string
	Value  any
	Secret bool
}

func fieldText(f Field) string {
	if f.Secret {
		if s, ok := f.Value.(interface{ IsAbsent() bool }); ok && s.IsAbsent() {
			return "<absent>"
		}
		return soap.Redacted
	}
	return fmt.Sprint(f.Value)
}

// FormatFields formats a generated value as Type{Name:value …} with its
// secrets redacted. Generated String and GoString methods call it.
func FormatFields(typeName string, fields ...Field) string {
	var b strings.Builder
	b.WriteString(typeName)
	b.WriteByte('{')
	for i, f := range fields {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(f.Name)
		b.WriteByte(':')
		b.WriteString(fieldText(f))
	}
	b.WriteByte('}')
	return b.String()
}

// LogFields is FormatFields for log/slog: a group of the members, secrets
// redacted. Generated LogValue methods call it.
func LogFields(fields ...Field) slog.Value {
	attrs := make([]slog.Attr, len(fields))
	for i, f := range fields {
		attrs[i] = slog.String(f.Name, fieldText(f))
	}
	return slog.GroupValue(attrs...)
}
