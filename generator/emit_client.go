package generator

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/soapgen/soapgen/wsdl"
)

func (em *emitter) header(f *jen.File, h *header) {
	f.Comment(fmt.Sprintf("%s holds the SOAP header entries of a message; entries left absent are not sent.", h.name))
	f.Type().Id(h.name).StructFunc(func(g *jen.Group) {
		for _, fl := range h.fields {
			comment(g, docOr(fl.doc, fmt.Sprintf("%s is the header entry %s.", fl.name, fl.elem.Local)))
			g.Id(fl.name).Qual(soapPkg, "Opt").Types(goTypeOf(fl.typ))
		}
	})
	f.Comment("MarshalSOAPHeader implements soap.HeaderMarshaler.")
	f.Func().Params(jen.Id("h").Op("*").Id(h.name)).Id("MarshalSOAPHeader").Params(jen.Id("e").Op("*").Qual(soapPkg, "Encoder")).BlockFunc(func(g *jen.Group) {
		for _, fl := range h.fields {
			opt := *fl
			opt.min, opt.max, opt.nillable = 0, 1, true
			em.marshalField(g, &opt, jen.Id("h"))
		}
	})
	f.Comment("UnmarshalSOAPHeader implements soap.HeaderUnmarshaler.")
	f.Func().Params(jen.Id("h").Op("*").Id(h.name)).Id("UnmarshalSOAPHeader").Params(jen.Id("d").Op("*").Qual(soapPkg, "Decoder")).Bool().Block(
		jen.Switch().BlockFunc(func(g *jen.Group) {
			for _, fl := range h.fields {
				opt := *fl
				opt.min, opt.max = 0, 1
				g.Case(em.at("AtHeader", fl)).Block(jen.Id("h").Dot(fl.name).Op("=").Add(readExpr(&opt)))
			}
			g.Default().Block(jen.Return(jen.False()))
		}),
		jen.Return(jen.True()),
	)
	for _, fl := range h.fields {
		if isSecret(fl) {
			var paths [][]string
			for _, g := range h.fields {
				paths = append(paths, []string{g.name})
			}
			redactingMethods(f, h.name, paths, h.fields)
			break
		}
	}
	if h.succeeded != nil {
		f.Comment(fmt.Sprintf("Err returns a *%s when the %s entry reports failure, else nil.", em.p.serviceError, h.succeeded.name))
		f.Func().Params(jen.Id("h").Op("*").Id(h.name)).Id("Err").Params().Error().Block(
			jen.If(jen.List(jen.Id("ok"), jen.Id("set")).Op(":=").Id("h").Dot(h.succeeded.name).Dot("Get").Call(), jen.Id("set").Op("&&").Op("!").Id("ok")).Block(
				jen.Return(jen.Op("&").Id(em.p.serviceError).Values(jen.Dict{jen.Id("Info"): jen.Id("h").Dot(h.exceptionInfo.name).Dot("Value").Call()})),
			),
			jen.Return(jen.Nil()),
		)
	}
}

// serviceError emits the error type of the NetServer convention.
func (em *emitter) serviceError(f *jen.File) {
	p := em.p
	info := p.errorInfo
	f.Comment(fmt.Sprintf("%s is returned by a call whose response reports failure through its", p.serviceError))
	f.Comment("Succeeded header; Info is the response's ExceptionInfo header (nil if absent).")
	f.Type().Id(p.serviceError).Struct(jen.Id("Info").Op("*").Id(info.name))
	stringField := func(local string) *field {
		for s := info; s != nil; s = s.base {
			for _, fl := range s.fields {
				if fl.elem.Local == local && fl.optional() && fl.typ.builtin != nil && fl.typ.builtin.goName == "string" {
					return fl
				}
			}
		}
		return nil
	}
	msg, typ := stringField("Message"), stringField("ExceptionType")
	f.Comment("Error describes the failure.")
	f.Func().Params(jen.Id("e").Op("*").Id(p.serviceError)).Id("Error").Params().String().BlockFunc(func(g *jen.Group) {
		g.If(jen.Id("e").Dot("Info").Op("==").Nil()).Block(jen.Return(jen.Lit("service reported failure")))
		g.Id("s").Op(":=").Lit("service reported failure")
		if typ != nil {
			g.If(jen.List(jen.Id("t"), jen.Id("ok")).Op(":=").Id("e").Dot("Info").Dot(typ.name).Dot("Get").Call(), jen.Id("ok").Op("&&").Id("t").Op("!=").Lit("")).Block(
				jen.Id("s").Op("+=").Lit(": ").Op("+").Id("t"))
		}
		if msg != nil {
			g.If(jen.List(jen.Id("m"), jen.Id("ok")).Op(":=").Id("e").Dot("Info").Dot(msg.name).Dot("Get").Call(), jen.Id("ok").Op("&&").Id("m").Op("!=").Lit("")).Block(
				jen.Id("s").Op("+=").Lit(": ").Op("+").Id("m"))
		}
		g.Return(jen.Id("s"))
	})
}

func qnameLit(em *emitter, space, local string) jen.Code {
	return jen.Qual(soapPkg, "QName").Values(jen.Dict{jen.Id("Space"): em.ns(space), jen.Id("Local"): jen.Lit(local)})
}

func (em *emitter) service(f *jen.File, s *service) {
	opsName := s.opsFunc
	f.Comment(fmt.Sprintf("%s calls the operations of the portType %s through the SOAP binding %s.", s.name, s.portType.Local, s.binding.Local))
	f.Comment("It is safe for concurrent use.")
	f.Type().Id(s.name).Struct(
		jen.Id("c").Op("*").Qual(soapPkg, "Client"),
		jen.Id("ops").Index().Qual(soapPkg, "OperationInfo"),
	)
	f.Comment(fmt.Sprintf("New%s returns a client sending its requests through c.", s.name))
	f.Func().Id("New" + s.name).Params(jen.Id("c").Op("*").Qual(soapPkg, "Client")).Op("*").Id(s.name).Block(
		jen.Return(jen.Op("&").Id(s.name).Values(jen.Dict{jen.Id("c"): jen.Id("c"), jen.Id("ops"): jen.Id(opsName).Call()})),
	)
	for i, o := range s.ops {
		comment(f.Group, docOr(o.doc, fmt.Sprintf("%s calls the operation %s (SOAPAction %q).", o.name, o.wsdlName, o.action)))
		params := []jen.Code{
			jen.Id("ctx").Qual("context", "Context"),
			jen.Id("req").Op("*").Id(o.input.typ.name),
			jen.Id("opts").Op("...").Qual(soapPkg, "CallOption"),
		}
		opRef := jen.Op("&").Id("c").Dot("ops").Index(jen.Lit(i)).Dot("Operation")
		if o.output == nil {
			f.Comment("It is a one-way operation: success is the server's acknowledgement.")
			f.Func().Params(jen.Id("c").Op("*").Id(s.name)).Id(o.name).Params(params...).Error().Block(
				jen.Return(jen.Id("c").Dot("c").Dot("Call").Call(jen.Id("ctx"), opRef, jen.Id("req"), jen.Nil(), jen.Nil(), jen.Id("opts").Op("..."))),
			)
			continue
		}
		f.Comment("Response headers are available through soap.ResponseHeader.")
		hdr := jen.Nil()
		body := []jen.Code{jen.Id("resp").Op(":=").New(jen.Id(o.output.typ.name))}
		if o.outHeader != nil {
			body = append(body, jen.Var().Id("h").Id(o.outHeader.name))
			hdr = jen.Op("&").Id("h")
		}
		body = append(body,
			jen.If(jen.Err().Op(":=").Id("c").Dot("c").Dot("Call").Call(
				jen.Id("ctx"), opRef, jen.Id("req"), hdr, jen.Id("resp"), jen.Id("opts").Op("..."),
			), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
			jen.Return(jen.Id("resp"), jen.Nil()),
		)
		f.Func().Params(jen.Id("c").Op("*").Id(s.name)).Id(o.name).Params(params...).Params(jen.Op("*").Id(o.output.typ.name), jen.Error()).Block(body...)
	}

	f.Comment(fmt.Sprintf("%s describes the operations of %s in binding order, with constructors", opsName, s.portType.Local))
	f.Comment("of their messages, for servers and tools that handle operations by name.")
	f.Func().Id(opsName).Params().Index().Qual(soapPkg, "OperationInfo").Block(
		jen.Id("ns").Op(":=").Index().String().ValuesFunc(func(g *jen.Group) {
			for _, n := range em.p.namespaces {
				g.Add(em.ns(n))
			}
		}),
		jen.Return(jen.Index().Qual(soapPkg, "OperationInfo").ValuesFunc(func(g *jen.Group) {
			for _, o := range s.ops {
				od := jen.Dict{
					jen.Id("Name"):       jen.Lit(o.wsdlName),
					jen.Id("Action"):     jen.Lit(o.action),
					jen.Id("Input"):      qnameLit(em, o.input.elem.Space, o.input.elem.Local),
					jen.Id("Namespaces"): jen.Id("ns"),
				}
				if o.output != nil {
					od[jen.Id("Output")] = qnameLit(em, o.output.elem.Space, o.output.elem.Local)
				}
				if len(o.faults) > 0 {
					od[jen.Id("Faults")] = jen.Index().Qual(soapPkg, "FaultType").ValuesFunc(func(g *jen.Group) {
						for _, fr := range o.faults {
							g.Values(jen.Dict{
								jen.Id("Name"):    jen.Lit(fr.name),
								jen.Id("Element"): qnameLit(em, fr.elem.Space, fr.elem.Local),
								jen.Id("New"):     jen.Qual(soapPkg, "NewBody").Types(jen.Id(fr.typ.name)),
							})
						}
					})
				}
				if s.version == wsdl.SOAP12 {
					od[jen.Id("Version")] = jen.Qual(soapPkg, "SOAP12")
				}
				d := jen.Dict{
					jen.Id("Operation"):  jen.Qual(soapPkg, "Operation").Values(od),
					jen.Id("NewRequest"): jen.Qual(soapPkg, "NewBody").Types(jen.Id(o.input.typ.name)),
				}
				if o.output != nil {
					d[jen.Id("NewResponse")] = jen.Qual(soapPkg, "NewBody").Types(jen.Id(o.output.typ.name))
				}
				if o.inHeader != nil {
					d[jen.Id("NewRequestHeader")] = jen.Qual(soapPkg, "NewHeader").Types(jen.Id(o.inHeader.name))
				}
				if o.outHeader != nil {
					d[jen.Id("NewResponseHeader")] = jen.Qual(soapPkg, "NewHeader").Types(jen.Id(o.outHeader.name))
				}
				g.Values(d)
			}
		})),
	)
}

// allOperations emits the function listing the operations of every portType.
func (em *emitter) allOperations(f *jen.File) {
	f.Comment(em.p.allOps + " describes every operation of every portType in the WSDL.")
	f.Func().Id(em.p.allOps).Params().Index().Qual(soapPkg, "OperationInfo").BlockFunc(func(g *jen.Group) {
		if len(em.p.services) == 1 {
			g.Return(jen.Id(em.p.services[0].opsFunc).Call())
			return
		}
		g.Var().Id("ops").Index().Qual(soapPkg, "OperationInfo")
		for _, s := range em.p.services {
			g.Id("ops").Op("=").Append(jen.Id("ops"), jen.Id(s.opsFunc).Call().Op("..."))
		}
		g.Return(jen.Id("ops"))
	})
}
