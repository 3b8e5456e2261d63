package codec

import "github.com/soapgen/soapgen/soap"

// AnyContent is the content function of xs:anyType: v's xsi:type,
// attributes, text and children, as written.
func AnyContent(e *soap.Encoder, v soap.Any) { v.MarshalSOAP(e) }

// ReadAny reads the accepted element's content as a soap.Any.
func ReadAny(d *soap.Decoder) soap.Any {
	var v soap.Any
	v.UnmarshalSOAP(d)
	return v
}

// AnyElementContent writes a wildcard element (see Decoder.AtWildcard).
func AnyElementContent(e *soap.Encoder, v soap.AnyElement) {
	e.Start(v.Name.Space, v.Name.Local)
	v.Any.MarshalSOAP(e)
	e.End()
}

// ReadAnyElement reads the element Decoder.AtWildcard accepted, as written.
func ReadAnyElement(d *soap.Decoder) soap.AnyElement {
	var v soap.AnyElement
	v.UnmarshalSOAP(d)
	return v
}
