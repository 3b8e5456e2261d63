package generator

import "strings"

// bodyType is the Go type (without the pointer) of the body of m: the
// generated type, or soap.Empty for a message without parts.
func (em *emitter) bodyType(m *message) string {
	if m.typ == nil {
		return em.w.soap() + "Empty"
	}
	return em.tname(m.typ)
}

// errorOnly reports whether o's client and server methods return only an
// error: a one-way operation, or one whose output message has no parts.
func errorOnly(o *operation) bool { return o.output == nil || o.output.typ == nil }

// reqParam is the request parameter of o's client and server methods,
// after ctx: ", req *T" (", *T" unnamed), nothing when the input message
// has no parts.
func (em *emitter) reqParam(o *operation, name string) string {
	if o.input.typ == nil {
		return ""
	}
	if name != "" {
		name += " "
	}
	return ", " + name + "*" + em.tname(o.input.typ)
}

// reqArg is the request a client method sends: req, or an empty body.
func (em *emitter) reqArg(o *operation) string {
	if o.input.typ == nil {
		return "new(" + em.w.soap() + "Empty)"
	}
	return "req"
}

// emptyOutputCall writes the client method of an operation whose output
// message has no parts: it returns only an error; the response's headers
// are read, for soap.ResponseHeader, as for any other operation.
func (em *emitter) emptyOutputCall(s *service, o *operation, params, opRef string) {
	w := em.w
	w.comment("The response has an empty body: success is a response that is not a fault.",
		"Response headers are available through soap.ResponseHeader.")
	w.open("func (c *", s.name, ") ", o.name, params, " error")
	hdr := "nil"
	if o.outHeader != nil {
		w.ln("var h ", em.hname(o.outHeader.name))
		hdr = "&h"
	}
	w.ln("return c.c.Call(ctx, ", opRef, ", ", em.reqArg(o), ", ", hdr, ", new(", w.soap(), "Empty), opts...)")
	w.close("")
}

// notificationsDoc documents, on a service's client type, the portType's
// notification and solicit-response operations, which have no methods.
func (em *emitter) notificationsDoc(s *service) {
	if len(s.notifications) > 0 {
		em.w.comment("")
		em.w.doc("The portType's notification operations (an output without input: " + strings.Join(s.notifications, ", ") + ") have no methods: the service would send them unasked, which SOAP over HTTP does not carry.")
	}
	if len(s.solicits) > 0 {
		em.w.comment("")
		em.w.doc("The portType's solicit-response operations (an output, then an input: " + strings.Join(s.solicits, ", ") + ") have no methods: the service would send the request and the client answer it, which SOAP over HTTP does not carry.")
	}
}
