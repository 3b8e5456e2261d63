package generator

import (
	"fmt"
	"strconv"
)

// server emits the server side of service s: the <PortType>Server
// interface, the Unimplemented<PortType>Server type to embed, the
// New<PortType>Handler constructor, and the typed header accessors of the
// headers s is the first service to use.
func (em *emitter) server(s *service) {
	for _, h := range em.p.shared.headers {
		if em.firstUser(h) == s {
			if em.p.shared == em.p {
				em.headerAccessors(h)
			}
			em.finish(h)
		}
	}
	w := em.w
	soap := w.soap()
	pt := s.portType.Local

	// The interface.
	var hdrDoc []string
	for _, h := range usedHeaders(s) {
		if h.fromFunc != "" {
			hdrDoc = append(hdrDoc, fmt.Sprintf("A method reads the request's SOAP headers with %s.", em.sname(h.fromFunc)))
		}
		if h.setFunc != "" {
			hdrDoc = append(hdrDoc, fmt.Sprintf("It sets the response's SOAP headers with %s.", em.sname(h.setFunc)))
		}
		if h.succeeded != nil && em.finishes(h) {
			hdrDoc = append(hdrDoc, fmt.Sprintf("The %s header entry is set to true unless the method sets it; a returned *%s is sent as a normal response whose %s is false and whose %s is the error's Info.",
				h.succeeded.name, em.hname(em.p.shared.serviceError), h.succeeded.name, h.exceptionInfo.name))
		}
	}
	doc := fmt.Sprintf("%s is implemented by a server of the portType %s: %s calls its methods, one per operation, with the decoded request; ctx is the HTTP request's context. A returned error becomes a SOAP Fault (see soap.Handler): a *soap.Fault is sent as it is, other errors as an internal error. Embed %s to implement some operations only.",
		s.server, pt, s.handler, s.unimpl)
	for _, l := range hdrDoc {
		doc += " " + l
	}
	doc = docOr(s.doc, doc) // then the portType's documentation
	w.decl()
	w.doc(doc)
	if len(s.ops) == 0 {
		w.ln("type ", s.server, " interface{}")
	} else {
		w.open("type ", s.server, " interface")
		for _, o := range s.ops {
			w.doc(docOr(o.doc, fmt.Sprintf("%s serves the operation %s (SOAPAction %q).", o.name, o.wsdlName, o.action)))
			w.ln(o.name, "(ctx ", w.use("context"), "Context", em.reqParam(o, "req"), ") ", em.serverResults(o))
		}
		w.close("")
	}

	// The type answering "not implemented".
	w.decl()
	w.doc(fmt.Sprintf("%s answers every operation with a SOAP Fault saying that it is not implemented. Embed it in a %s implementation to implement some operations only, and to keep compiling when the WSDL gains operations.", s.unimpl, s.server))
	w.ln("type ", s.unimpl, " struct{}")
	w.decl()
	w.ln("var _ ", s.server, " = ", s.unimpl, "{}")
	for _, o := range s.ops {
		w.decl()
		w.comment(fmt.Sprintf("%s returns a fault saying that %s is not implemented.", o.name, o.wsdlName))
		w.open("func (", s.unimpl, ") ", o.name, "(", w.use("context"), "Context", em.reqParam(o, ""), ") ", em.serverResults(o))
		ret := soap + "NotImplemented(" + strconv.Quote(o.wsdlName) + ")"
		if !errorOnly(o) {
			ret = "nil, " + ret
		}
		w.ln("return ", ret)
		w.close("")
	}

	// The handler.
	w.decl()
	w.doc(fmt.Sprintf("%s returns an http.Handler serving the operations of the portType %s with s, in SOAP 1.1 and 1.2: see soap.Handler for what it checks, how it finds the operation and how errors become faults, and the soap.HandlerOption values that configure it. It is safe for concurrent use if s is.", s.handler, pt))
	w.open("func ", s.handler, "(s ", s.server, ", opts ...", soap, "HandlerOption) ", w.use("net/http"), "Handler")
	w.open("if s == nil")
	w.ln("panic(", strconv.Quote(s.handler+": nil "+s.server), ")")
	w.close("")
	w.ln("return ", soap, "NewServiceHandler(s, ", em.opNames[s].table, "[:], opts...)")
	w.close("")
}

// serverResults is the result list of a server method.
func (em *emitter) serverResults(o *operation) string {
	if errorOnly(o) {
		return "error"
	}
	return "(*" + em.tname(o.output.typ) + ", error)"
}

// firstUser returns the first service with an operation using h.
func (em *emitter) firstUser(h *header) *service {
	if em.firstUsers == nil {
		em.firstUsers = map[*header]*service{}
		for _, s := range em.p.services {
			for _, o := range s.ops {
				for _, x := range []*header{o.inHeader, o.outHeader} {
					if x != nil && em.firstUsers[x] == nil {
						em.firstUsers[x] = s
					}
				}
			}
		}
	}
	return em.firstUsers[h]
}

// usedHeaders lists the headers the operations of services use, in order.
func usedHeaders(services ...*service) []*header {
	var hs []*header
	seen := map[*header]bool{}
	for _, s := range services {
		for _, o := range s.ops {
			for _, h := range []*header{o.inHeader, o.outHeader} {
				if h != nil && !seen[h] {
					seen[h] = true
					hs = append(hs, h)
				}
			}
		}
	}
	return hs
}

// finishes reports whether responses with header h follow the Succeeded
// convention the handler fills in: h has the entries, and the service
// error's Info has ExceptionInfo's type.
func (em *emitter) finishes(h *header) bool {
	sh := em.p.shared
	return h.setFunc != "" && h.succeeded != nil && h.exceptionInfo != nil &&
		sh.serviceError != "" && h.exceptionInfo.typ.named == goType(sh.errorInfo)
}

// finishFunc is the unexported name of the function applying the
// Succeeded convention to header h; exported names are unique, so it is.
func finishFunc(h *header) string { return "finish" + h.name }

// headerAccessors emits the typed accessors of h for server methods.
func (em *emitter) headerAccessors(h *header) {
	w := em.w
	soap := w.soap()
	if h.fromFunc != "" {
		w.decl()
		w.doc(fmt.Sprintf("%s returns the SOAP headers of the request that a server method is serving with ctx: never nil inside a method a handler calls (empty when the request had none), nil elsewhere.", h.fromFunc))
		w.comment("")
		w.doc("The headers travel in the context because server methods take the request body only; the accessor is typed so that a method reads the entries without a type assertion on soap.IncomingHeader.")
		w.open("func ", h.fromFunc, "(ctx ", w.use("context"), "Context) *", h.name)
		w.ln("h, _ := ", soap, "IncomingHeader(ctx).(*", h.name, ")")
		w.ln("return h")
		w.close("")
	}
	if h.setFunc == "" {
		return
	}
	w.decl()
	w.doc(fmt.Sprintf("%s sets the SOAP headers of the response to the call that ctx belongs to (nil sends none). It fails outside a handler's call and for an operation that sends other headers.", h.setFunc))
	w.open("func ", h.setFunc, "(ctx ", w.use("context"), "Context, h *", h.name, ") error")
	w.ln("return ", soap, "SetResponseHeader(ctx, h)")
	w.close("")
}

// finish emits the function applying the Succeeded convention of h, in
// each package whose handlers send h.
func (em *emitter) finish(h *header) {
	if !em.finishes(h) {
		return
	}
	w := em.w
	soap := w.soap()
	succ, info := h.succeeded.name, h.exceptionInfo.name
	serviceError, hname := em.hname(em.p.shared.serviceError), em.hname(h.name)
	w.decl()
	w.doc(fmt.Sprintf("%s applies the %s convention to the response of a server method: %s is set to true unless the method set it, and a returned *%s becomes a normal response whose %s is false and whose %s is the error's Info. Other errors are returned as they are, to become faults.",
		finishFunc(h), succ, succ, serviceError, succ, info))
	w.open("func ", finishFunc(h), "(ctx ", w.use("context"), "Context, err error) error")
	w.ln("var se *", serviceError)
	w.open("if err != nil && !", w.use("errors"), "As(err, &se)")
	w.ln("return err")
	w.close("")
	w.ln("var h ", hname)
	w.open("if p, ok := ", soap, "OutgoingHeader(ctx).(*", hname, "); ok && p != nil")
	w.ln("h = *p")
	w.close("")
	w.open("if se != nil")
	w.ln("h.", succ, " = ", soap, "Some(false)")
	w.open("if se.Info != nil")
	w.ln("h.", info, " = ", soap, "Some(se.Info)")
	w.close("")
	w.orElse("else if h." + succ + ".IsAbsent()")
	w.ln("h.", succ, " = ", soap, "Some(true)")
	w.close("")
	w.ln("return ", soap, "SetResponseHeader(ctx, &h)")
	w.close("")
}
