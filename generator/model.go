package generator

import "github.com/soapgen/soapgen/wsdl"

// The model sits between the WSDL syntax and the emitted Go: every schema
// construct that becomes Go has exactly one node here, with its Go name
// assigned once by the namer.

// goType is a Go type the generator emits.
type goType interface {
	goName() string
	qname() wsdl.QName // the schema type's name, zero when anonymous
}

// structType is a complex type with a sequence of elements.
type structType struct {
	name   string
	xsd    wsdl.QName
	doc    string
	base   *structType
	fields []*field
	pos    wsdl.Pos
	origin string   // for an anonymous type: the element that declares it
	all    bool     // the members form an xs:all group: decoded in any order
	attrs  []*field // attributes (elem holds the attribute's name)
	value  *field   // the text, for a type with simple content
	// wildcard is a trailing xs:any: the elements it admits, kept as written.
	wildcard *wildcardField
	// anyAttr names the field holding the attributes xs:anyAttribute
	// admits; "" when the type has no xs:anyAttribute.
	anyAttr string
	// crossBase: a type in another package of a set derives from this
	// one, so the codec methods derived types call are exported.
	crossBase bool
	// isBase: a complex type derives from this one, so its members are
	// read by a method of their own that derived types call.
	isBase bool
	// group is set for the type of one occurrence of a repeated model
	// group (see resolve_group.go); fields are then its members.
	group *groupInfo
	// mixed names the field holding the text of mixed content (see
	// soap.StartMixed); "" when the content is not mixed.
	mixed string
}

// plumbing are the exported names of a cross-package base type's codec
// methods that derived types call.
var plumbing = map[string]string{
	"marshalAttrs":    "MarshalSOAPAttrs",
	"marshalChildren": "MarshalSOAPChildren",
	"unmarshalAttrs":  "UnmarshalSOAPOwnAttrs",
	"unmarshalFields": "UnmarshalSOAPFields",
}

// plumb returns the name of the codec method m of s.
func (s *structType) plumb(m string) string {
	if s.crossBase {
		return plumbing[m]
	}
	return m
}

// plumbDoc is the doc comment of the codec method m of s.
func (s *structType) plumbDoc(m, what string) string {
	if s.crossBase {
		return plumbing[m] + " " + what + " It is for the generated codecs of derived types in other packages."
	}
	return m + " " + what
}

// valueField returns the field holding the text of simple content: s's
// own, or its base's (promoted through the embedded base struct) for an
// extension of a complex type with simple content; nil without text.
func (s *structType) valueField() *field {
	f, _ := s.valuePath()
	return f
}

// valuePath returns the field holding s's simple content and its selector
// from a value of s: through the embedded bases by their names (Base.Value),
// since a promoted Value can be shadowed (a base type named Value, say).
func (s *structType) valuePath() (*field, string) {
	sel := ""
	for t := s; t != nil; t = t.base {
		if t.value != nil {
			return t.value, sel + t.value.name
		}
		if t.base != nil {
			sel += t.base.name + "."
		}
	}
	return nil, ""
}

// wildcardField is an xs:any at the end of a sequence.
type wildcardField struct {
	name      string // Go field name
	namespace string // the namespace constraint, as written
	tns       string // the target namespace ##targetNamespace and ##other refer to
}

// hasAttrs reports whether s or a base type declares attributes.
func (s *structType) hasAttrs() bool {
	for t := s; t != nil; t = t.base {
		if len(t.attrs) > 0 || t.anyAttr != "" {
			return true
		}
	}
	return false
}

// anyAttrPath returns the selector path (from the value) of the field
// holding the attributes of an xs:anyAttribute of s or a base type; nil if
// none.
func (s *structType) anyAttrPath() []string {
	var path []string
	for t := s; t != nil; t = t.base {
		if t.anyAttr != "" {
			return append(path, t.anyAttr)
		}
		if t.base != nil {
			path = append(path, t.base.name)
		}
	}
	return nil
}

// field is an element member of a struct, header or array.
type field struct {
	name     string // Go field name
	plain    string // the Go name before uniqueFields made it unique
	elem     wsdl.QName
	typ      *typeRef
	min, max int // max is wsdl.Unbounded for unbounded
	nillable bool
	doc      string
}

func (f *field) repeated() bool { return f.max == wsdl.Unbounded || f.max > 1 }

// optional reports whether the field is an Opt: it may be absent or nil.
func (f *field) optional() bool { return !f.repeated() && (f.min == 0 || f.nillable) }

// enumType is a restriction with enumerations: of a string-like type, or
// (base set) of a number or boolean, whose values are Go constants of
// base's Go type.
type enumType struct {
	name   string
	xsd    wsdl.QName
	doc    string
	values []*enumValue
	base   *builtin // nil for string enumerations
}

type enumValue struct {
	name     string
	value    string
	number   int64
	explicit bool
	doc      string
	literal  string // the value as a Go constant, for an enumType with a base
}

// flagsType is an xs:list of an enumeration: a set of flags.
type flagsType struct {
	name   string
	xsd    wsdl.QName
	doc    string
	values []*enumValue // number is the bit value
	bits   int          // 32 or 64
}

// listType is an xs:list of a builtin: a slice sent as space-separated text.
type listType struct {
	name string
	xsd  wsdl.QName
	doc  string
	item *typeRef
}

// unionType is an xs:union: the lexical value, checked against the members.
type unionType struct {
	name    string
	xsd     wsdl.QName
	doc     string
	members []*typeRef
}

// arrayType is a complex type whose only member is one repeated element.
type arrayType struct {
	name string
	xsd  wsdl.QName
	doc  string
	item *field
}

// dictType is a DataContract dictionary (IsDictionary): a repeated entry
// of Key and Value.
type dictType struct {
	name  string
	xsd   wsdl.QName
	doc   string
	item  *field      // the repeated entry element
	entry *structType // its anonymous Key/Value type
}

func (t *structType) goName() string { return t.name }
func (t *enumType) goName() string   { return t.name }
func (t *flagsType) goName() string  { return t.name }
func (t *arrayType) goName() string  { return t.name }
func (t *listType) goName() string   { return t.name }
func (t *unionType) goName() string  { return t.name }
func (t *dictType) goName() string   { return t.name }

func (t *structType) qname() wsdl.QName { return t.xsd }
func (t *enumType) qname() wsdl.QName   { return t.xsd }
func (t *flagsType) qname() wsdl.QName  { return t.xsd }
func (t *arrayType) qname() wsdl.QName  { return t.xsd }
func (t *listType) qname() wsdl.QName   { return t.xsd }
func (t *unionType) qname() wsdl.QName  { return t.xsd }
func (t *dictType) qname() wsdl.QName   { return t.xsd }

// typeRef is the type of a field: a builtin or a generated type, with the
// schema type name that xsi:type must match.
type typeRef struct {
	builtin *builtin
	named   goType
	xsd     wsdl.QName // declared type for the xsi:type check; zero for anonymous types
}

// header is a set of SOAP header entries shared by operations.
type header struct {
	name   string
	fields []*field
	// The NetServer convention, recognised by structure: a boolean entry
	// Succeeded and an entry ExceptionInfo of a struct type.
	succeeded, exceptionInfo *field
	// Go names of the server-side accessors: fromFunc reads a request
	// header from a handler's context, setFunc sets a response header.
	fromFunc, setFunc string
}

// service is one portType with the SOAP binding used to call it.
type service struct {
	name      string // the client type's Go name
	newClient string // the Go name of the client's constructor
	server    string // the server interface's Go name
	handler   string // the Go name of the function returning its http.Handler
	unimpl    string // the Go name of the server type answering "not implemented"
	opsFunc   string // the Go name of the function describing the operations
	portType  wsdl.QName
	binding   wsdl.QName
	version   wsdl.SOAPVersion
	doc       string
	endpoint  string // the endpoint path below a base URL, from the WSDL's soap:address
	ops       []*operation
	// notifications are the portType's notification operations (an
	// output without input), which get no method: the service would send
	// them unasked, which SOAP over HTTP cannot carry.
	notifications []string
	// solicits are its solicit-response operations (an output, then an
	// input), which get no method either: the service would start them.
	solicits []string
}

type operation struct {
	name      string // Go method name
	wsdlName  string
	doc       string
	action    string
	input     *message
	output    *message // nil for one-way operations
	inHeader  *header
	outHeader *header
	faults    []*faultRef // declared faults, in WSDL order
}

// faultRef is a declared fault: its detail element and type.
type faultRef struct {
	name string
	elem wsdl.QName
	typ  goType // a *structType, or see message
}

// message is the body of a document/literal message: one element. Its
// type is a *structType, a named *arrayType or *dictType (the body is
// then a pointer to it), or an *anyBodyType; see resolver.bodyStruct. A
// message without parts has neither element nor type: its Body is empty.
type message struct {
	elem wsdl.QName
	typ  goType
}

// anyBodyType is the type of a body element of type xs:anyType (or
// declared without a type): an alias of soap.Any, whose pointer is a
// soap.Body.
type anyBodyType struct {
	name string
	elem wsdl.QName
	doc  string
}

func (t *anyBodyType) goName() string    { return t.name }
func (t *anyBodyType) qname() wsdl.QName { return wsdl.QName{} }

// pkg is everything one generated package holds.
type pkg struct {
	name string
	// aliases are the types of other packages of a set that this one's
	// operations reach, re-declared here as aliases, sorted by name.
	aliases []goType
	aliased map[goType]bool // the types of aliases
	// forwards are the header accessors of the set's types package that
	// this one re-declares (RequestHeaderFrom…).
	forwards []*header
	// headerAliases are the names of the header types and the service
	// error of the set's types package that this one aliases.
	headerAliases []string
	importPath    string // set for the packages of a set, which import each other
	shared        *pkg   // the package of the schema types: p itself for one WSDL
	namer         *namer
	source        string
	doc           string
	namespaces    []string // target namespace first, the rest sorted
	types         []goType // sorted by Go name
	headers       []*header
	services      []*service
	allOps        string // the Go name of the function listing every operation
	serviceError  string // Go name of the error type for the NetServer convention, if used
	errorInfo     *structType
}
