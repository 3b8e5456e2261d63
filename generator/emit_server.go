package generator

import (
	"fmt"

	"github.com/dave/jennifer/jen"
)

// server emits the server side of service s: the <PortType>Server
// interface, the Unimplemented<PortType>Server type to embed, the
// New<PortType>Handler constructor, and the typed header accessors of the
// headers s is the first service to use.
func (em *emitter) server(f *jen.File, s *service) {
	for _, h := range em.p.headers {
		if em.firstUser(h) == s {
			em.headerAccessors(f, h)
		}
	}
	pt := s.portType.Local

	// The interface.
	var hdrDoc []string
	for _, h := range em.serviceHeaders(s) {
		if h.fromFunc != "" {
			hdrDoc = append(hdrDoc, fmt.Sprintf("A method reads the request's SOAP headers with %s.", h.fromFunc))
		}
		if h.setFunc != "" {
			hdrDoc = append(hdrDoc, fmt.Sprintf("It sets the response's SOAP headers with %s.", h.setFunc))
		}
		if h.succeeded != nil && em.finishes(h) {
			hdrDoc = append(hdrDoc, fmt.Sprintf("The %s header entry is set to true unless the method sets it; a returned *%s is sent as a normal response whose %s is false and whose %s is the error's Info.",
				h.succeeded.name, em.p.serviceError, h.succeeded.name, h.exceptionInfo.name))
		}
	}
	doc := fmt.Sprintf("%s is implemented by a server of the portType %s: %s calls its methods, one per operation, with the decoded request; ctx is the HTTP request's context. A returned error becomes a SOAP Fault (see soap.Handler): a *soap.Fault is sent as it is, other errors as an internal error. Embed %s to implement some operations only.",
		s.server, pt, s.handler, s.unimpl)
	for _, l := range hdrDoc {
		doc += " " + l
	}
	comment(f.Group, doc)
	f.Type().Id(s.server).InterfaceFunc(func(g *jen.Group) {
		for _, o := range s.ops {
			comment(g, docOr(o.doc, fmt.Sprintf("%s serves the operation %s (SOAPAction %q).", o.name, o.wsdlName, o.action)))
			g.Id(o.name).Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("req").Op("*").Id(o.input.typ.name)).Add(serverResults(o))
		}
	})

	// The type answering "not implemented".
	comment(f.Group, fmt.Sprintf("%s answers every operation with a SOAP Fault saying that it is not implemented. Embed it in a %s implementation to implement some operations only, and to keep compiling when the WSDL gains operations.", s.unimpl, s.server))
	f.Type().Id(s.unimpl).Struct()
	f.Var().Id("_").Id(s.server).Op("=").Id(s.unimpl).Values()
	for _, o := range s.ops {
		f.Comment(fmt.Sprintf("%s returns a fault saying that %s is not implemented.", o.name, o.wsdlName))
		ret := []jen.Code{jen.Qual(soapPkg, "NotImplemented").Call(jen.Lit(o.wsdlName))}
		if o.output != nil {
			ret = append([]jen.Code{jen.Nil()}, ret...)
		}
		f.Func().Params(jen.Id(s.unimpl)).Id(o.name).Params(jen.Qual("context", "Context"), jen.Op("*").Id(o.input.typ.name)).Add(serverResults(o)).Block(jen.Return(ret...))
	}

	// The handler.
	comment(f.Group, fmt.Sprintf("%s returns an http.Handler serving the operations of the portType %s with s, in SOAP 1.1 and 1.2: see soap.Handler for what it checks, how it finds the operation and how errors become faults, and the soap.HandlerOption values that configure it. It is safe for concurrent use if s is.", s.handler, pt))
	f.Func().Id(s.handler).Params(jen.Id("s").Id(s.server), jen.Id("opts").Op("...").Qual(soapPkg, "HandlerOption")).Qual("net/http", "Handler").Block(
		jen.If(jen.Id("s").Op("==").Nil()).Block(jen.Panic(jen.Lit(s.handler+": nil "+s.server))),
		jen.Id("ops").Op(":=").Id(s.opsFunc).Call(),
		jen.Return(jen.Qual(soapPkg, "NewHandler").Call(
			jen.Index().Qual(soapPkg, "ServerOperation").ValuesFunc(func(g *jen.Group) {
				for i, o := range s.ops {
					serve := "ServeFunc"
					if o.output == nil {
						serve = "ServeOneWay"
					}
					d := jen.Dict{
						jen.Id("OperationInfo"): jen.Id("ops").Index(jen.Lit(i)),
						jen.Id("Serve"):         jen.Qual(soapPkg, serve).Call(jen.Id("s").Dot(o.name)),
					}
					if h := o.outHeader; h != nil && em.finishes(h) {
						d[jen.Id("Finish")] = jen.Id(finishFunc(h))
					}
					g.Values(d)
				}
			}),
			jen.Id("opts").Op("..."),
		)),
	)
}

// serverResults is the result list of a server method.
func serverResults(o *operation) *jen.Statement {
	if o.output == nil {
		return jen.Error()
	}
	return jen.Params(jen.Op("*").Id(o.output.typ.name), jen.Error())
}

// firstUser returns the first service with an operation using h.
func (em *emitter) firstUser(h *header) *service {
	for _, s := range em.p.services {
		for _, o := range s.ops {
			if o.inHeader == h || o.outHeader == h {
				return s
			}
		}
	}
	return nil
}

// serviceHeaders lists the headers the operations of s use, in order.
func (em *emitter) serviceHeaders(s *service) []*header {
	var hs []*header
	seen := map[*header]bool{}
	for _, o := range s.ops {
		for _, h := range []*header{o.inHeader, o.outHeader} {
			if h != nil && !seen[h] {
				seen[h] = true
				hs = append(hs, h)
			}
		}
	}
	return hs
}

// finishes reports whether responses with header h follow the Succeeded
// convention the handler fills in: h has the entries, and the service
// error's Info has ExceptionInfo's type.
func (em *emitter) finishes(h *header) bool {
	return h.setFunc != "" && h.succeeded != nil && h.exceptionInfo != nil &&
		em.p.serviceError != "" && h.exceptionInfo.typ.named == goType(em.p.errorInfo)
}

// finishFunc is the unexported name of the function applying the
// Succeeded convention to header h; exported names are unique, so it is.
func finishFunc(h *header) string { return "finish" + h.name }

// headerAccessors emits the typed accessors of h for server methods.
func (em *emitter) headerAccessors(f *jen.File, h *header) {
	if h.fromFunc != "" {
		comment(f.Group, fmt.Sprintf("%s returns the SOAP headers of the request that a server method is serving with ctx: never nil inside a method a handler calls (empty when the request had none), nil elsewhere.", h.fromFunc))
		f.Comment("")
		comment(f.Group, "The headers travel in the context because server methods take the request body only; the accessor is typed so that a method reads the entries without a type assertion on soap.IncomingHeader.")
		f.Func().Id(h.fromFunc).Params(jen.Id("ctx").Qual("context", "Context")).Op("*").Id(h.name).Block(
			jen.List(jen.Id("h"), jen.Id("_")).Op(":=").Qual(soapPkg, "IncomingHeader").Call(jen.Id("ctx")).Assert(jen.Op("*").Id(h.name)),
			jen.Return(jen.Id("h")),
		)
	}
	if h.setFunc == "" {
		return
	}
	comment(f.Group, fmt.Sprintf("%s sets the SOAP headers of the response to the call that ctx belongs to (nil sends none). It fails outside a handler's call and for an operation that sends other headers.", h.setFunc))
	f.Func().Id(h.setFunc).Params(jen.Id("ctx").Qual("context", "Context"), jen.Id("h").Op("*").Id(h.name)).Error().Block(
		jen.Return(jen.Qual(soapPkg, "SetResponseHeader").Call(jen.Id("ctx"), jen.Id("h"))),
	)
	if !em.finishes(h) {
		return
	}
	succ, info := h.succeeded.name, h.exceptionInfo.name
	comment(f.Group, fmt.Sprintf("%s applies the %s convention to the response of a server method: %s is set to true unless the method set it, and a returned *%s becomes a normal response whose %s is false and whose %s is the error's Info. Other errors are returned as they are, to become faults.",
		finishFunc(h), succ, succ, em.p.serviceError, succ, info))
	f.Func().Id(finishFunc(h)).Params(jen.Id("ctx").Qual("context", "Context"), jen.Err().Error()).Error().Block(
		jen.Var().Id("se").Op("*").Id(em.p.serviceError),
		jen.If(jen.Err().Op("!=").Nil().Op("&&").Op("!").Qual("errors", "As").Call(jen.Err(), jen.Op("&").Id("se"))).Block(jen.Return(jen.Err())),
		jen.Var().Id("h").Id(h.name),
		jen.If(jen.List(jen.Id("p"), jen.Id("ok")).Op(":=").Qual(soapPkg, "OutgoingHeader").Call(jen.Id("ctx")).Assert(jen.Op("*").Id(h.name)), jen.Id("ok").Op("&&").Id("p").Op("!=").Nil()).Block(
			jen.Id("h").Op("=").Op("*").Id("p"),
		),
		jen.If(jen.Id("se").Op("!=").Nil()).Block(
			jen.Id("h").Dot(succ).Op("=").Qual(soapPkg, "Some").Call(jen.False()),
			jen.If(jen.Id("se").Dot("Info").Op("!=").Nil()).Block(
				jen.Id("h").Dot(info).Op("=").Qual(soapPkg, "Some").Call(jen.Id("se").Dot("Info")),
			),
		).Else().If(jen.Id("h").Dot(succ).Dot("IsAbsent").Call()).Block(
			jen.Id("h").Dot(succ).Op("=").Qual(soapPkg, "Some").Call(jen.True()),
		),
		jen.Return(jen.Qual(soapPkg, "SetResponseHeader").Call(jen.Id("ctx"), jen.Op("&").Id("h"))),
	)
}
