// Package wsdl is soapgen's syntax layer: WSDL 1.1 and XML Schema as written.
//
// Every reference is a QName resolved from its prefix at parse time and every
// node carries the position it was read from. Nothing here knows about Go:
// naming, type mapping and validation of meaning happen in the generator.
//
// WSDL and XSD live in one package (rather than wsdl and wsdl/xsd) because
// they share QName, Pos and Error and a WSDL embeds its schemas: a split
// would need a third package for those three types and buy nothing.
package wsdl

import (
	"errors"
	"fmt"
)

// Namespaces the loader understands.
const (
	NSWSDL              = "http://schemas.xmlsoap.org/wsdl/"
	NSSOAP11            = "http://schemas.xmlsoap.org/wsdl/soap/"
	NSSOAP12            = "http://schemas.xmlsoap.org/wsdl/soap12/"
	NSXSD               = "http://www.w3.org/2001/XMLSchema"
	NSWSAW              = "http://www.w3.org/2006/05/addressing/wsdl"
	NSWSAM              = "http://www.w3.org/2007/05/addressing/metadata"
	NSMSSerial          = "http://schemas.microsoft.com/2003/10/Serialization/"
	NSMSArrays          = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
	NSXMLSchemaInstance = "http://www.w3.org/2001/XMLSchema-instance"
	// NSSOAPEncoding is the namespace of SOAP 1.1 encoding (soapenc:Array,
	// soapenc:arrayType), which rpc/encoded WSDLs refer to without
	// importing its schema.
	NSSOAPEncoding = "http://schemas.xmlsoap.org/soap/encoding/"
)

// QName is a namespace-qualified name; it keys everything in the syntax layer.
type QName struct{ Space, Local string }

// IsZero reports whether q is the empty name.
func (q QName) IsZero() bool { return q.Space == "" && q.Local == "" }

// String formats q as {space}local.
func (q QName) String() string {
	if q.Space == "" {
		return q.Local
	}
	return "{" + q.Space + "}" + q.Local
}

// Pos is a position in an input file. Line and Col are 1-based; zero means unknown.
type Pos struct {
	File      string
	Line, Col int
}

// String formats p as file:line:col, leaving out what is unknown.
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Sentinel errors wrapped by *Error, for errors.Is.
var (
	// ErrSyntax: the input is not well-formed XML (or not UTF-8).
	ErrSyntax = errors.New("malformed XML")
	// ErrInvalid: well-formed XML that is not a valid WSDL/XSD construct.
	ErrInvalid = errors.New("invalid")
	// ErrUndefined: a reference to a name that no loaded document defines.
	ErrUndefined = errors.New("undefined")
	// ErrUnsupported: a valid construct soapgen does not implement.
	ErrUnsupported = errors.New("unsupported")
	// ErrForbidden: a construct refused for safety (DTDs, entities, remote documents).
	ErrForbidden = errors.New("forbidden")
)

// Error carries a position and the construct at fault.
type Error struct {
	Pos       Pos
	Construct string // the construct at fault, e.g. "xs:element" or "wsdl:portType"
	Name      QName  // the name involved, if any
	Err       error  // one of the sentinels above, possibly wrapped with detail
}

// Error formats the error as file:line:col: construct "name": message.
func (e *Error) Error() string {
	s := e.Pos.String() + ": "
	if e.Construct != "" {
		s += e.Construct
		if !e.Name.IsZero() {
			s += " " + fmt.Sprintf("%q", e.Name.Local)
		}
		s += ": "
	}
	return s + e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Definitions is one WSDL document with everything it imports merged in.
type Definitions struct {
	Pos             Pos
	Name            string
	TargetNamespace string
	Doc             string
	Schemas         []*Schema
	Messages        []*Message
	PortTypes       []*PortType
	Bindings        []*Binding
	Services        []*Service
}

// Message is a wsdl:message.
type Message struct {
	Pos   Pos
	Name  QName
	Parts []*Part
}

// Part is a wsdl:part: either Element or Type is set.
type Part struct {
	Pos     Pos
	Name    string
	Element QName
	Type    QName
}

// PortType is a wsdl:portType.
type PortType struct {
	Pos        Pos
	Name       QName
	Doc        string
	Operations []*Operation
}

// Operation is an operation of a portType.
type Operation struct {
	Pos    Pos
	Name   string
	Doc    string
	Input  *IORef // nil for notification operations
	Output *IORef // nil for one-way operations
	Faults []*IORef
	// SolicitResponse is set when the output comes before the input: a
	// WSDL 1.1 solicit-response operation, which the service starts.
	SolicitResponse bool
}

// IORef is an operation's input, output or fault.
type IORef struct {
	Pos     Pos
	Name    string
	Message QName
	Action  string // wsaw:Action or wsam:Action, if given
}

// SOAPVersion tells a binding's SOAP version.
type SOAPVersion int

// SOAP versions.
const (
	SOAPNone SOAPVersion = iota // not a SOAP binding
	SOAP11
	SOAP12
)

// Binding is a wsdl:binding with its SOAP extension elements.
type Binding struct {
	Pos        Pos
	Name       QName
	Type       QName // the portType
	Version    SOAPVersion
	Transport  string
	Style      string // "document" or "rpc"; default document
	Operations []*BindingOperation
}

// BindingOperation is a wsdl:operation inside a binding.
type BindingOperation struct {
	Pos        Pos
	Name       string
	SOAPAction string
	Style      string // overrides Binding.Style when set
	Input      *BindingIO
	Output     *BindingIO
	Faults     []*BindingFault
}

// BindingIO is the input or output of a binding operation.
type BindingIO struct {
	Pos     Pos
	Name    string
	Body    *SOAPBody // nil if no soap:body
	Headers []*SOAPHeader
}

// SOAPBody is soap:body.
type SOAPBody struct {
	Pos       Pos
	Use       string   // "literal" or "encoded"
	Parts     []string // nil means all parts
	Namespace string
}

// SOAPHeader is soap:header.
type SOAPHeader struct {
	Pos     Pos
	Message QName
	Part    string
	Use     string
}

// BindingFault is a wsdl:fault inside a binding operation.
type BindingFault struct {
	Pos  Pos
	Name string
	Use  string
}

// Service is a wsdl:service.
type Service struct {
	Pos   Pos
	Name  QName
	Doc   string
	Ports []*Port
}

// Port is a wsdl:port with its soap:address.
type Port struct {
	Pos     Pos
	Name    string
	Binding QName
	Address string
}
