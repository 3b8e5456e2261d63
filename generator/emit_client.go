package generator

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/soapgen/soapgen/wsdl"
)

func (em *emitter) header(h *header) {
	w := em.w
	soap := w.soap()
	w.decl()
	w.comment(fmt.Sprintf("%s holds the SOAP header entries of a message; entries left absent are not sent.", h.name))
	if len(h.fields) == 0 {
		w.ln("type ", h.name, " struct{}")
	} else {
		w.open("type ", h.name, " struct")
		for _, fl := range h.fields {
			w.doc(docOr(fl.doc, fmt.Sprintf("%s is the header entry %s.", fl.name, fl.elem.Local)))
			w.ln(fl.name, " ", soap, "Opt[", em.goTypeOf(fl.typ), "]")
		}
		w.close("")
	}
	em.body("MarshalSOAPHeader implements soap.HeaderMarshaler.", "h *"+h.name, "MarshalSOAPHeader(e *"+soap+"Encoder)", func() {
		for _, fl := range h.fields {
			opt := *fl
			opt.min, opt.max = 0, 1
			em.marshalField(&opt, "h", h.name)
		}
	})
	em.method("UnmarshalSOAPHeader implements soap.HeaderUnmarshaler.", "h *"+h.name, "UnmarshalSOAPHeader(d *"+soap+"Decoder) bool")
	w.ln("switch {")
	for _, fl := range h.fields {
		opt := *fl
		opt.min, opt.max = 0, 1
		w.ln("case ", em.at("AtHeader", fl), ":")
		w.depth++
		w.ln("h.", fl.name, " = ", em.readExpr(&opt))
		w.depth--
	}
	w.ln("default:")
	w.depth++
	w.ln("return false")
	w.depth--
	w.ln("}")
	w.ln("return true")
	w.close("")
	if h.secret() {
		var paths [][]string
		for _, g := range h.fields {
			paths = append(paths, []string{g.name})
		}
		em.redactingMethods(h.name, paths, h.fields)
	}
	em.getters(h.name, true)
	if h.succeeded != nil {
		em.method(fmt.Sprintf("Err returns a *%s when the %s entry reports failure, else nil.", em.p.serviceError, h.succeeded.name), "h *"+h.name, "Err() error")
		w.open("if ok, set := h.", h.succeeded.name, ".Get(); set && !ok")
		w.ln("return &", em.p.serviceError, "{Info: h.", h.exceptionInfo.name, ".Value()}")
		w.close("")
		w.ln("return nil")
		w.close("")
	}
}

// serviceError emits the error type of the NetServer convention.
func (em *emitter) serviceError() {
	w := em.w
	p := em.p
	info := p.errorInfo
	w.decl()
	w.comment(fmt.Sprintf("%s is returned by a call whose response reports failure through its", p.serviceError),
		"Succeeded header; Info is the response's ExceptionInfo header (nil if absent).")
	w.open("type ", p.serviceError, " struct")
	w.ln("Info *", info.name)
	w.close("")
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
	em.method("Error describes the failure.", "e *"+p.serviceError, "Error() string")
	w.open("if e.Info == nil")
	w.ln(`return "service reported failure"`)
	w.close("")
	w.ln(`s := "service reported failure"`)
	for _, x := range []struct {
		f    *field
		name string
	}{{typ, "t"}, {msg, "m"}} {
		if x.f == nil {
			continue
		}
		w.open("if ", x.name, ", ok := e.Info.", x.f.name, `.Get(); ok && `, x.name, ` != ""`)
		w.ln(`s += ": " + `, x.name)
		w.close("")
	}
	w.ln("return s")
	w.close("")
}

// qname writes the keyed literal of a soap.QName as the element key of
// the literal being written.
func (em *emitter) qname(key, space, local string) kv {
	return kv{key: key, val: em.w.soap() + "QName{", nested: func() {
		em.w.keyed([]kv{{key: "Local", val: strconv.Quote(local)}, {key: "Space", val: em.ns(space)}})
	}}
}

// opNames are the unexported package-level names of a service's operation
// descriptions: one variable per operation (and one for its faults), so
// that a program that calls some operations links the codecs of those
// only, and one table for the server, so that New<PortType>Handler and
// <PortType>Operations are no larger for more operations.
type opNames struct {
	table string                // the []soap.ServiceOperation table of the server
	op    map[*operation]string // the soap.Operation variable
	fault map[*operation]string // the []soap.FaultType variable
	serve map[*operation]string // the function serving it with a server
}

// nameOperationTables names the operation descriptions of em.p's services.
func (em *emitter) nameOperationTables() {
	names := newNamer() // unexported names: unique keeps their case
	em.nsVar = names.unique("namespaces", nil)
	em.opNames = map[*service]*opNames{}
	for _, s := range em.p.services {
		base := strings.TrimSuffix(s.opsFunc, "Operations")
		on := &opNames{
			table: names.unique("ops"+base, nil),
			op:    map[*operation]string{},
			fault: map[*operation]string{},
			serve: map[*operation]string{},
		}
		for _, o := range s.ops {
			on.op[o] = names.unique("op"+base+o.name, nil)
			if len(o.faults) > 0 {
				on.fault[o] = names.unique("faults"+base+o.name, nil)
			}
			on.serve[o] = names.unique("serve"+base+o.name, nil)
		}
		em.opNames[s] = on
	}
}

func (em *emitter) service(s *service) {
	w := em.w
	soap := w.soap()
	names := em.opNames[s]
	w.decl()
	w.comment(fmt.Sprintf("%s calls the operations of the portType %s through the SOAP binding %s.", s.name, s.portType.Local, s.binding.Local),
		"It is safe for concurrent use.")
	em.notificationsDoc(s)
	if s.doc != "" {
		w.doc(docOr(s.doc, "")) // the portType's documentation
	}
	w.open("type ", s.name, " struct")
	w.ln("c *", soap, "Client")
	w.close("")
	w.decl()
	if s.endpoint != "" {
		w.doc(fmt.Sprintf("%s returns a client calling the endpoint %q of cc: a *soap.Session gives the client for it below the session's base URL, a *soap.Client calls its own URL.", s.newClient, s.endpoint))
	} else {
		w.doc(fmt.Sprintf("%s returns a client calling cc's endpoint: a *soap.Session's base URL, or a *soap.Client's own URL.", s.newClient))
	}
	w.open("func ", s.newClient, "(cc ", soap, "ClientConn) *", s.name)
	w.ln("return &", s.name, "{c: cc.Endpoint(", strconv.Quote(s.endpoint), ")}")
	w.close("")
	for _, o := range s.ops {
		w.decl()
		w.doc(docOr(o.doc, fmt.Sprintf("%s calls the operation %s (SOAPAction %q).", o.name, o.wsdlName, o.action)))
		params := "(ctx " + w.use("context") + "Context" + em.reqParam(o, "req") + ", opts ..." + soap + "CallOption)"
		opRef := "&" + names.op[o]
		if o.output == nil {
			w.comment("It is a one-way operation: success is the server's acknowledgement.")
			w.open("func (c *", s.name, ") ", o.name, params, " error")
			w.ln("return c.c.Call(ctx, ", opRef, ", ", em.reqArg(o), ", nil, nil, opts...)")
			w.close("")
			continue
		}
		if errorOnly(o) {
			em.emptyOutputCall(s, o, params, opRef)
			continue
		}
		w.comment("Response headers are available through soap.ResponseHeader.")
		w.open("func (c *", s.name, ") ", o.name, params, " (*", em.tname(o.output.typ), ", error)")
		w.ln("resp := new(", em.tname(o.output.typ), ")")
		hdr := "nil"
		if o.outHeader != nil {
			w.ln("var h ", em.hname(o.outHeader.name))
			hdr = "&h"
		}
		w.open("if err := c.c.Call(ctx, ", opRef, ", ", em.reqArg(o), ", ", hdr, ", resp, opts...); err != nil")
		w.ln("return nil, err")
		w.close("")
		w.ln("return resp, nil")
		w.close("")
	}

	// One variable per operation, statically initialised: a client method
	// refers to its own only.
	for _, o := range s.ops {
		if len(o.faults) > 0 {
			w.decl()
			w.comment(fmt.Sprintf("%s are the faults the operation %s declares.", names.fault[o], o.wsdlName))
			w.literalList("var "+names.fault[o]+" = []"+soap+"FaultType", len(o.faults), func(j int) []kv {
				fr := o.faults[j]
				return []kv{
					{key: "Name", val: strconv.Quote(fr.name)},
					em.qname("Element", fr.elem.Space, fr.elem.Local),
					{key: "New", val: soap + "NewBody[*" + em.tname(fr.typ) + "]"},
				}
			}, "")
		}
		od := []kv{
			{key: "Name", val: strconv.Quote(o.wsdlName)},
			{key: "Action", val: strconv.Quote(o.action)},
			{key: "Namespaces", val: em.nsVar},
		}
		if !o.input.elem.IsZero() {
			od = append(od, em.qname("Input", o.input.elem.Space, o.input.elem.Local))
		}
		if o.output != nil && !o.output.elem.IsZero() {
			od = append(od, em.qname("Output", o.output.elem.Space, o.output.elem.Local))
		}
		if len(o.faults) > 0 {
			od = append(od, kv{key: "Faults", val: names.fault[o]})
		}
		if s.version == wsdl.SOAP12 {
			od = append(od, kv{key: "Version", val: soap + "SOAP12"})
		}
		w.decl()
		w.comment(fmt.Sprintf("%s describes the operation %s.", names.op[o], o.wsdlName))
		w.ln("var ", names.op[o], " = ", soap, "Operation{")
		w.depth++
		w.keyed(od)
		w.depth--
		w.ln("}")
	}

	w.decl()
	w.comment(fmt.Sprintf("%s describes the operations of %s in binding order, with constructors", s.opsFunc, s.portType.Local),
		"of their messages, for servers and tools that handle operations by name.")
	w.open("func ", s.opsFunc, "() []", soap, "OperationInfo")
	w.ln("return ", soap, "OperationInfos(", names.table, "[:])")
	w.close("")
}

// operationTable emits the table of s's operations that its handler
// serves: their descriptions, message constructors and serving functions,
// all static data.
func (em *emitter) operationTable(s *service) {
	w := em.w
	soap := w.soap()
	names := em.opNames[s]
	for _, o := range s.ops {
		ctx := w.use("context") + "Context"
		w.decl()
		w.comment(fmt.Sprintf("%s serves the operation %s with s.", names.serve[o], o.wsdlName))
		w.open("func ", names.serve[o], "(ctx ", ctx, ", s ", s.server, ", req ", soap, "Body) (", soap, "Body, error)")
		call := "s." + o.name + "(ctx, req.(*" + em.bodyType(o.input) + "))"
		if o.input.typ == nil {
			call = "s." + o.name + "(ctx)"
		}
		if errorOnly(o) {
			w.ln("return nil, ", call)
		} else {
			w.ln("resp, err := ", call)
			w.open("if err != nil || resp == nil")
			w.ln("return nil, err")
			w.close("")
			w.ln("return resp, nil")
		}
		w.close("")
	}
	w.decl()
	w.comment(fmt.Sprintf("%s lists the operations of %s in binding order.", names.table, s.portType.Local))
	w.literalList("var "+names.table+" = [...]"+soap+"ServiceOperation["+s.server+"]", len(s.ops), func(i int) []kv {
		o := s.ops[i]
		info := []kv{
			{key: "Operation", val: names.op[o]},
			{key: "NewRequest", val: soap + "NewBody[*" + em.bodyType(o.input) + "]"},
		}
		if o.output != nil {
			info = append(info, kv{key: "NewResponse", val: soap + "NewBody[*" + em.bodyType(o.output) + "]"})
		}
		if o.inHeader != nil {
			info = append(info, kv{key: "NewRequestHeader", val: soap + "NewHeader[*" + em.hname(o.inHeader.name) + "]"})
		}
		if o.outHeader != nil {
			info = append(info, kv{key: "NewResponseHeader", val: soap + "NewHeader[*" + em.hname(o.outHeader.name) + "]"})
		}
		d := []kv{
			{key: "OperationInfo", val: soap + "OperationInfo{", nested: func() { w.keyed(info) }},
			{key: "Serve", val: names.serve[o]},
		}
		if h := o.outHeader; h != nil && em.finishes(h) {
			d = append(d, kv{key: "Finish", val: finishFunc(h)})
		}
		return d
	}, "")
}

// namespaces emits the variable listing the package's namespaces, which
// every request declares on its Envelope.
func (em *emitter) namespaces() {
	w := em.w
	ns := ""
	for i, n := range em.p.namespaces {
		if i > 0 {
			ns += ", "
		}
		ns += em.ns(n)
	}
	w.decl()
	w.comment(em.nsVar + " are the namespaces declared on the Envelope of every request and response.")
	w.ln("var ", em.nsVar, " = []string{", ns, "}")
}

// allOperations emits the function listing the operations of every portType.
func (em *emitter) allOperations() {
	w := em.w
	soap := w.soap()
	w.decl()
	w.comment(em.p.allOps + " describes every operation of every portType in the WSDL.")
	w.open("func ", em.p.allOps, "() []", soap, "OperationInfo")
	if len(em.p.services) == 1 {
		w.ln("return ", em.p.services[0].opsFunc, "()")
	} else {
		w.ln("var ops []", soap, "OperationInfo")
		for _, s := range em.p.services {
			w.ln("ops = append(ops, ", s.opsFunc, "()...)")
		}
		w.ln("return ops")
	}
	w.close("")
}
