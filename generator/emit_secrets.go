package generator

import (
	"cmp"
	"strconv"
	"strings"

	"github.com/soapgen/soapgen/internal/secret"
)

// isSecret reports whether a member (element or attribute) holds a
// secret: a single string whose name says so (internal/secret: ends in
// password, passwd, secret, token, ticket or apikey, or contains password
// or secret, ignoring case; the runtime's envelope trace redacts by the
// same rule). TicketId, an int, is a customer-service ticket's number, not
// a secret. The name is the member's before a numeric suffix made it
// unique (Ticket2 is a ticket too).
func isSecret(f *field) bool {
	if isGroup(f) {
		// The occurrences of a repeated group are redacted whole when
		// one of its members is a secret.
		_, _, has := secretPaths(f.typ.named.(*structType))
		return has
	}
	if f.repeated() || f.typ == nil || f.typ.builtin == nil || f.typ.builtin.goName != "string" {
		return false
	}
	return secret.Name(cmp.Or(f.plain, f.name))
}

// secretPaths lists the members of s, base types first, in the order they
// are declared (text, attributes, elements; not the wildcards' contents),
// as the selector path from the value (e.g. "Carrier", "TableRight"), and
// reports whether any of them is a secret.
func secretPaths(s *structType) (paths [][]string, fields []*field, secret bool) {
	if s.base != nil {
		bp, bf, bs := secretPaths(s.base)
		for _, p := range bp {
			paths = append(paths, append([]string{s.base.name}, p...))
		}
		fields, secret = append(fields, bf...), bs
	}
	var own []*field
	if s.value != nil {
		own = append(own, s.value)
	}
	own = append(append(own, s.attrs...), s.fields...)
	for _, f := range own {
		paths = append(paths, []string{f.name})
		fields = append(fields, f)
		secret = secret || isSecret(f)
	}
	return paths, fields, secret
}

// redactingMethods emits String, GoString and LogValue for a type with
// secret members, so that %v, %#v and log/slog never show them:
//
//	func (v *ChangePassword) String() string {
//		if v == nil { return "<nil>" }
//		return codec.FormatFields("ChangePassword", v.logFields()...)
//	}
func (em *emitter) redactingMethods(typeName string, paths [][]string, fields []*field) {
	w := em.w
	codec := w.codec // called where used: the import is recorded then
	slog := w.use("log/slog")
	recv := "v *" + typeName
	em.method("String formats v with its secrets (passwords, tickets, tokens) redacted.", recv, "String() string")
	w.open("if v == nil")
	w.ln(`return "<nil>"`)
	w.close("")
	w.ln("return ", codec(), "FormatFields(", strconv.Quote(typeName), ", v.logFields()...)")
	w.close("")
	em.method("GoString is String, so that %#v redacts too.", recv, "GoString() string")
	w.ln("return v.String()")
	w.close("")
	em.method("LogValue implements slog.LogValuer with the secrets redacted.", recv, "LogValue() "+slog+"Value")
	w.open("if v == nil")
	w.ln("return ", slog, `StringValue("<nil>")`)
	w.close("")
	w.ln("return ", codec(), "LogFields(v.logFields()...)")
	w.close("")
	em.method("logFields lists the members of v for String and LogValue.", recv, "logFields() []"+codec()+"Field")
	w.literalList("return []"+codec()+"Field", len(paths), func(i int) []kv {
		p := paths[i]
		d := []kv{{key: "Name", val: strconv.Quote(p[len(p)-1])}, {key: "Value", val: "v." + strings.Join(p, ".")}}
		if isSecret(fields[i]) {
			d = append(d, kv{key: "Secret", val: "true"})
		}
		return d
	}, "")
	w.close("")
}
