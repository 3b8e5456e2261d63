package generator

import "github.com/soapgen/soapgen/wsdl"

// soapBinding returns the SOAP binding the service of pt uses: the first
// SOAP 1.1 binding of pt, else its first SOAP 1.2 binding; nil if none.
func (r *resolver) soapBinding(pt *wsdl.PortType) *wsdl.Binding {
	var b *wsdl.Binding
	for _, cand := range r.defs.Bindings {
		if cand.Type != pt.Name || cand.Version == wsdl.SOAPNone {
			continue
		}
		if b == nil || (b.Version != wsdl.SOAP11 && cand.Version == wsdl.SOAP11) {
			b = cand
		}
	}
	return b
}

// refuseEncoded returns the error for the first use="encoded" (a
// soap:body or soap:fault) of the bindings the services use, in binding
// order, before any type is resolved: SOAP encoding is not implemented,
// and its types (soapenc:Array) would otherwise be what an error names.
func (r *resolver) refuseEncoded() error {
	for _, pt := range r.defs.PortTypes {
		b := r.soapBinding(pt)
		if b == nil {
			continue
		}
		for _, bop := range b.Operations {
			opName := wsdl.QName{Space: b.Name.Space, Local: bop.Name}
			for _, bio := range []*wsdl.BindingIO{bop.Input, bop.Output} {
				if bio != nil && bio.Body != nil && bio.Body.Use == "encoded" {
					return unsupported(bio.Body.Pos, "soap:body", opName, "use=\"encoded\" (SOAP encoding)")
				}
			}
			for _, bf := range bop.Faults {
				if bf.Use == "encoded" {
					return unsupported(bf.Pos, "soap:fault", opName, "use=\"encoded\" (SOAP encoding)")
				}
			}
		}
	}
	return nil
}
