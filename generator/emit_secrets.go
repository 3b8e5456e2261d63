package generator

import (
	"strconv"
	"strings"
)

// isSecret reports whether a member holds a secret: a single string whose
// name ends in password, passwd, secret, token, ticket or apikey, or
// contains password or secret, ignoring case (TicketId, an int, is a
// customer-service ticket's number, not a secret).
func isSecret(f *field) bool {
	if isGroup(f) {
		// The occurrences of a repeated group are redacted whole when
		// one of its members is a secret.
		_, _, secret := secretPaths(f.typ.named.(*structType))
		return secret
	}
	if f.repeated() || f.typ.builtin == nil || f.typ.builtin.goName != "string" {
		return false
	}
	name := strings.ToLower(f.name)
	if strings.Contains(name, "password") || strings.Contains(name, "secret") {
		return true
	}
	for _, suffix := range []string{"passwd", "token", "ticket", "apikey"} {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return false
}

// secretPaths lists every member of s, base types first, as the selector
// path from the value (e.g. "Carrier", "TableRight"), and reports whether
// any of them is a secret.
func secretPaths(s *structType) (paths [][]string, fields []*field, secret bool) {
	if s.base != nil {
		bp, bf, bs := secretPaths(s.base)
		for _, p := range bp {
			paths = append(paths, append([]string{s.base.name}, p...))
		}
		fields, secret = append(fields, bf...), bs
	}
	for _, f := range s.fields {
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
//		return soap.FormatFields("ChangePassword", v.logFields()...)
//	}
func (em *emitter) redactingMethods(typeName string, paths [][]string, fields []*field) {
	w := em.w
	soap := w.soap()
	slog := w.use("log/slog")
	recv := "v *" + typeName
	em.method("String formats v with its secrets (passwords, tickets, tokens) redacted.", recv, "String() string")
	w.open("if v == nil")
	w.ln(`return "<nil>"`)
	w.close("")
	w.ln("return ", soap, "FormatFields(", strconv.Quote(typeName), ", v.logFields()...)")
	w.close("")
	em.method("GoString is String, so that %#v redacts too.", recv, "GoString() string")
	w.ln("return v.String()")
	w.close("")
	em.method("LogValue implements slog.LogValuer with the secrets redacted.", recv, "LogValue() "+slog+"Value")
	w.open("if v == nil")
	w.ln("return ", slog, `StringValue("<nil>")`)
	w.close("")
	w.ln("return ", soap, "LogFields(v.logFields()...)")
	w.close("")
	em.method("logFields lists the members of v for String and LogValue.", recv, "logFields() []"+soap+"Field")
	w.literalList("return []"+soap+"Field", len(paths), func(i int) []kv {
		p := paths[i]
		d := []kv{{key: "Name", val: strconv.Quote(p[len(p)-1])}, {key: "Value", val: "v." + strings.Join(p, ".")}}
		if isSecret(fields[i]) {
			d = append(d, kv{key: "Secret", val: "true"})
		}
		return d
	}, "")
	w.close("")
}
