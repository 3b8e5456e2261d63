package soap

// Empty is the body of a document-style message without parts: a SOAP
// Body with no element in it. An operation whose input or output message
// is empty has a zero Input or Output QName, and its OperationInfo makes
// *Empty values.
type Empty struct{}

// MarshalSOAP writes nothing.
func (*Empty) MarshalSOAP(*Encoder) {}

// UnmarshalSOAP reads nothing: an Envelope with a zero BodyName accepts
// only an empty Body.
func (*Empty) UnmarshalSOAP(*Decoder) {}
