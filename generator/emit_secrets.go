package generator

import (
	"strings"

	"github.com/dave/jennifer/jen"
)

// isSecret reports whether a member holds a secret: a single string whose
// name ends in password, passwd, secret, token, ticket or apikey, or
// contains password or secret, ignoring case (TicketId, an int, is a
// customer-service ticket's number, not a secret).
func isSecret(f *field) bool {
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
func redactingMethods(f *jen.File, typeName string, paths [][]string, fields []*field) {
	recv := jen.Id("v").Op("*").Id(typeName)
	f.Comment("String formats v with its secrets (passwords, tickets, tokens) redacted.")
	f.Func().Params(recv.Clone()).Id("String").Params().String().Block(
		jen.If(jen.Id("v").Op("==").Nil()).Block(jen.Return(jen.Lit("<nil>"))),
		jen.Return(jen.Qual(soapPkg, "FormatFields").Call(jen.Lit(typeName), jen.Id("v").Dot("logFields").Call().Op("..."))),
	)
	f.Comment("GoString is String, so that %#v redacts too.")
	f.Func().Params(recv.Clone()).Id("GoString").Params().String().Block(jen.Return(jen.Id("v").Dot("String").Call()))
	f.Comment("LogValue implements slog.LogValuer with the secrets redacted.")
	f.Func().Params(recv.Clone()).Id("LogValue").Params().Qual("log/slog", "Value").Block(
		jen.If(jen.Id("v").Op("==").Nil()).Block(jen.Return(jen.Qual("log/slog", "StringValue").Call(jen.Lit("<nil>")))),
		jen.Return(jen.Qual(soapPkg, "LogFields").Call(jen.Id("v").Dot("logFields").Call().Op("..."))),
	)
	f.Comment("logFields lists the members of v for String and LogValue.")
	f.Func().Params(recv.Clone()).Id("logFields").Params().Index().Qual(soapPkg, "Field").Block(
		jen.Return(jen.Index().Qual(soapPkg, "Field").ValuesFunc(func(g *jen.Group) {
			for i, p := range paths {
				sel := jen.Id("v")
				for _, s := range p {
					sel = sel.Dot(s)
				}
				d := jen.Dict{jen.Id("Name"): jen.Lit(p[len(p)-1]), jen.Id("Value"): sel}
				if isSecret(fields[i]) {
					d[jen.Id("Secret")] = jen.True()
				}
				g.Values(d)
			}
		})),
	)
}
