package generator

import (
	"fmt"
	"strings"
)

// fuzzNames are the names FuzzGenerate gives to what a WSDL names: Go
// keywords and predeclared identifiers, the names of generated methods,
// helpers, parameters and locals, the methods go vet checks, secret and
// NetServer header names, case variants, punctuation and non-ASCII
// letters (with and without case), and a few that are not NCNames at all.
var fuzzNames = strings.Fields(`
	break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var
	any bool byte comparable complex64 complex128 error float32 float64 int int8 int16 int32 int64 rune string uint uint8 uint16 uint32 uint64 uintptr true false iota nil
	append cap clear close complex copy delete imag len make max min new panic print println real recover
	MarshalSOAP UnmarshalSOAP UnmarshalSOAPAttrs MarshalSOAPChildren MarshalSOAPAttrs UnmarshalSOAPOwnAttrs UnmarshalSOAPFields marshalAttrs marshalChildren unmarshalAttrs unmarshalFields
	MarshalSOAPHeader UnmarshalSOAPHeader String GoString LogValue logFields Err Error IsValid MarshalText UnmarshalText Number Has Get Set check Value Any AnyAttrs Info Key
	Operations RequestHeader ResponseHeader RequestHeaderFrom SetRequestHeader SetResponseHeader ServiceError SupportPackageIsVersion1 finishResponseHeader
	PClient PServer POperations NewPClient NewPHandler UnimplementedPServer Client Server Handler
	MarshalJSON UnmarshalJSON MarshalXML UnmarshalXML GobEncode GobDecode ReadByte ReadRune UnreadByte UnreadRune WriteByte Format Scan Seek ReadFrom WriteTo Is As Unwrap
	c ops ns ns0 ns1 v e d h x i k ok err ctx req resp opts names seen items value s se p a b cc soap fmt context http errors slog
	Password password apiKey ApiKey secret ticket Ticket token ApplicationToken Credentials Succeeded ExceptionInfo Message ExceptionType TimeZone
	ping Ping PING pING _ping ping_ Ping2 ping2 PingResponse pingResponse Ping_Response
	a-b a.b a_b A_B a·b x1 X1 _ __ _1
	é É ß Émile émile Ωmega ωmega 名字 ǆ ǅ Ǆ ﬁ İ ı ǈ
	1x a:b a%b
`)

// fuzzValues are enumeration values: empty and white space, case and
// punctuation variants, digits, non-ASCII, Go words, and values that
// differ only where a Go name cannot show it.
var fuzzValues = []string{"", " ", "a", "A", "a b", "a-b", "a_b", "a.b", "red", "Red", "RED", "re-d", "1", "-1", "0", "é", "É", "名", "true", "nil", "type", "String", "IsValid", "x%y", "<&>", "tab\there"}

// fuzzBuiltins are the XSD types FuzzGenerate uses: the text types first
// (those attributes and lists may have), then the others, then a few the
// generator does not map.
var fuzzBuiltins = []string{"string", "int", "boolean", "long", "double", "decimal", "dateTime", "duration", "anyURI", "unsignedByte", "float", "token",
	"base64Binary", "hexBinary", "QName", "anyType",
	"NOTATION", "anySimpleType", "ENTITY"}

const (
	fuzzTextBuiltins = 12 // fuzzBuiltins[:fuzzTextBuiltins] are text
	fuzzMapped       = 16 // fuzzBuiltins[:fuzzMapped] have a Go type
)

// fuzzBuilder writes a WSDL from the bytes of a fuzz input, each byte (0
// once they run out) choosing what comes next: so the fuzzer's mutations
// change names, types and shapes rather than break the XML.
type fuzzBuilder struct {
	data []byte
	b    strings.Builder
	// The names of the named complex and simple types, chosen first so
	// that members can refer to any of them (recursion included).
	complexNames, simpleNames, elementNames []string
	depth                                   int
	// cur is the index of the named type being written, -1 for none:
	// bases and item types are mostly chosen among the types before it,
	// so that most derivations are not cyclic.
	cur int
}

func (f *fuzzBuilder) next() int {
	if len(f.data) == 0 {
		return 0
	}
	c := f.data[0]
	f.data = f.data[1:]
	return int(c)
}

// n chooses a number below k.
func (f *fuzzBuilder) n(k int) int { return f.next() % k }

func (f *fuzzBuilder) name() string { return fuzzNames[(f.next()<<8|f.next())%len(fuzzNames)] }

func (f *fuzzBuilder) w(format string, args ...any) { fmt.Fprintf(&f.b, format, args...) }

// attr escapes s for an attribute value.
func attr(s string) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", `"`, "&quot;", "\t", "&#9;", "\n", "&#10;")
	return r.Replace(s)
}

// builtin chooses an XSD builtin: mostly a text type for simple, a mapped
// one otherwise.
func (f *fuzzBuilder) builtin(simple bool) string {
	k := fuzzMapped
	if simple {
		k = fuzzTextBuiltins
	}
	if f.n(16) == 15 {
		k = len(fuzzBuiltins)
	}
	return "xs:" + fuzzBuiltins[f.n(k)]
}

// earlier chooses one of names, mostly one before the type being written
// (index f.cur, when names holds it).
func (f *fuzzBuilder) earlier(names []string, holdsCur bool) (string, bool) {
	k := len(names)
	if holdsCur && f.cur >= 0 && f.n(8) != 7 {
		k = f.cur
	}
	if k == 0 {
		return "", false
	}
	return "tns:" + attr(names[f.n(k)]), true
}

// typeRef chooses the type of a member (a simple one for attributes and
// simple types: simpleOwner when a simple type is being written).
func (f *fuzzBuilder) typeRef(simple bool, simpleOwner ...bool) string {
	switch k := f.n(8); {
	case k < 3:
	case k < 5 || simple:
		if t, ok := f.earlier(f.simpleNames, len(simpleOwner) > 0); ok {
			return t
		}
	default:
		if t, ok := f.earlier(f.complexNames, false); ok {
			return t
		}
	}
	return f.builtin(simple)
}

// occurs chooses minOccurs, maxOccurs and nillable.
func (f *fuzzBuilder) occurs() string {
	s := [...]string{"", ` minOccurs="0"`, ` maxOccurs="unbounded"`, ` minOccurs="0" maxOccurs="unbounded"`, ` maxOccurs="3"`, ` minOccurs="2" maxOccurs="2"`}[f.n(6)]
	if f.n(3) == 2 {
		s += ` nillable="true"`
	}
	return s
}

// members writes the particles of a model group.
func (f *fuzzBuilder) members() {
	for range f.n(5) {
		switch k := f.n(16); {
		case k == 15 && f.depth < 3:
			kind := [...]string{"sequence", "choice", "sequence"}[f.n(3)]
			occ := [...]string{"", ` minOccurs="0"`, "", ` minOccurs="0"`, "", "", ` maxOccurs="unbounded"`}[f.n(7)]
			f.w("<xs:%s%s>", kind, occ)
			f.depth++
			f.members()
			f.depth--
			f.w("</xs:%s>", kind)
		case k == 14 && len(f.elementNames) > 0:
			f.w(`<xs:element ref="tns:%s"%s/>`, attr(f.elementNames[f.n(len(f.elementNames))]), f.occurs())
		case k == 13 && f.depth < 3:
			f.w(`<xs:element name="%s"%s>`, attr(f.name()), f.occurs())
			f.depth++
			f.complexBody()
			f.depth--
			f.w("</xs:element>")
		case k == 12:
			f.w(`<xs:element name="%s"%s><xs:simpleType>`, attr(f.name()), f.occurs())
			f.enumeration()
			f.w("</xs:simpleType></xs:element>")
		default:
			f.w(`<xs:element name="%s" type="%s"%s/>`, attr(f.name()), f.typeRef(false), f.occurs())
		}
	}
}

// attributes writes the attributes of a complex type.
func (f *fuzzBuilder) attributes() {
	for range f.n(4) {
		use := [...]string{"", ` use="required"`, ` use="optional"`, ` use="prohibited"`}[f.n(4)]
		if f.n(5) == 4 {
			f.w(`<xs:attribute name="%s"%s><xs:simpleType>`, attr(f.name()), use)
			f.enumeration()
			f.w("</xs:simpleType></xs:attribute>")
			continue
		}
		f.w(`<xs:attribute name="%s" type="%s"%s/>`, attr(f.name()), f.typeRef(true), use)
	}
	if f.n(10) == 9 {
		f.w(`<xs:anyAttribute namespace="##other" processContents="lax"/>`)
	}
}

// complexBody writes a complex type (anonymous, or named name).
func (f *fuzzBuilder) complexBody(name ...string) {
	attrs := ""
	if len(name) > 0 {
		attrs = fmt.Sprintf(` name="%s"`, attr(name[0]))
	}
	if f.n(150) == 149 {
		attrs += ` mixed="true"`
	}
	f.w("<xs:complexType%s>", attrs)
	switch k := f.n(10); {
	case k == 9 && len(f.complexNames) > 0:
		base, _ := f.earlier(f.complexNames, true)
		if base == "" {
			base = "tns:" + attr(f.complexNames[f.n(len(f.complexNames))])
		}
		f.w(`<xs:complexContent><xs:extension base="%s"><xs:sequence>`, base)
		f.members()
		f.w("</xs:sequence>")
		f.attributes()
		f.w("</xs:extension></xs:complexContent>")
	case k == 8:
		f.w(`<xs:simpleContent><xs:extension base="%s">`, f.typeRef(true))
		f.attributes()
		f.w("</xs:extension></xs:simpleContent>")
	case k == 7:
		f.w("<xs:all>")
		for range f.n(4) {
			f.w(`<xs:element name="%s" type="%s"%s/>`, attr(f.name()), f.typeRef(false), [...]string{"", ` minOccurs="0"`}[f.n(2)])
		}
		f.w("</xs:all>")
		f.attributes()
	default:
		f.w("<xs:sequence>")
		f.members()
		if f.n(8) == 7 {
			f.w(`<xs:any namespace="%s" minOccurs="0" maxOccurs="unbounded"/>`, [...]string{"##any", "##other", "##targetNamespace", "urn:x"}[f.n(4)])
		}
		f.w("</xs:sequence>")
		f.attributes()
	}
	f.w("</xs:complexType>")
}

// enumeration writes a restriction of xs:string with enumerations.
func (f *fuzzBuilder) enumeration() {
	f.w(`<xs:restriction base="xs:string">`)
	for range 1 + f.n(5) {
		f.w(`<xs:enumeration value="%s"/>`, attr(fuzzValues[f.n(len(fuzzValues))]))
	}
	f.w("</xs:restriction>")
}

// simpleType writes a named simple type: an enumeration, a flag list, a
// list or a union.
func (f *fuzzBuilder) simpleType(name string) {
	f.w(`<xs:simpleType name="%s">`, attr(name))
	switch f.n(5) {
	case 0, 1:
		f.enumeration()
	case 2:
		f.w("<xs:list><xs:simpleType>")
		f.enumeration()
		f.w("</xs:simpleType></xs:list>")
	case 3:
		f.w(`<xs:list itemType="%s"/>`, f.typeRef(true, true))
	case 4:
		f.w(`<xs:union memberTypes="%s %s"/>`, f.typeRef(true, true), f.typeRef(true, true))
	}
	f.w("</xs:simpleType>")
}

// fuzzWSDL builds the WSDL that data describes.
func fuzzWSDL(data []byte) []byte {
	f := &fuzzBuilder{data: data, cur: -1}
	for range f.n(4) {
		f.complexNames = append(f.complexNames, f.name())
	}
	for range f.n(3) {
		f.simpleNames = append(f.simpleNames, f.name())
	}
	soap12 := f.n(4) == 1
	f.w(`<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:t" targetNamespace="urn:t">`)
	f.w("\n<types>\n<xs:schema targetNamespace=\"urn:t\" elementFormDefault=\"qualified\">\n")
	for i, n := range f.simpleNames {
		f.cur = i
		f.simpleType(n)
		f.w("\n")
	}
	for i, n := range f.complexNames {
		f.cur = i
		f.complexBody(n)
		f.w("\n")
	}
	f.cur = -1
	// Operations, their wrapper elements and headers.
	type op struct {
		name, in, out string // out is "" for a one-way operation
		headers       []string
		fault         string
		rpc           bool
	}
	var ops []op
	declared := map[string]bool{}
	element := func(name string, body func()) {
		if declared[name] {
			return
		}
		declared[name] = true
		f.elementNames = append(f.elementNames, name)
		f.w(`<xs:element name="%s"`, attr(name))
		body()
		f.w("\n")
	}
	opNames := map[string]bool{}
	for i := range 1 + f.n(4) {
		o := op{name: f.name()}
		if opNames[o.name] && f.n(4) != 0 {
			o.name += "X" // mostly distinct: a binding operation is found by name
		}
		opNames[o.name] = true
		if i > 0 && f.n(3) == 2 { // a case variant of the previous operation's name
			prev := ops[i-1].name
			o.name = strings.ToLower(prev)
			if o.name == prev {
				o.name = strings.ToUpper(prev[:1]) + prev[1:]
			}
		}
		o.rpc = f.n(6) == 5
		wrapper := func(name string) string {
			if f.n(3) == 2 {
				name = f.name()
			}
			element(name, func() {
				if f.n(5) == 4 && len(f.complexNames) > 0 {
					f.w(` type="tns:%s"/>`, attr(f.complexNames[f.n(len(f.complexNames))]))
					return
				}
				f.w(">")
				f.complexBody()
				f.w("</xs:element>")
			})
			return name
		}
		o.in = wrapper(o.name)
		if f.n(5) != 4 {
			o.out = wrapper(o.name + "Response")
		}
		for range f.n(4) {
			h := f.name()
			if f.n(3) == 0 {
				h = [...]string{"Succeeded", "ExceptionInfo", "ApplicationToken"}[f.n(3)]
			}
			o.headers = append(o.headers, h)
			element(h, func() {
				switch h {
				case "Succeeded":
					f.w(` type="xs:boolean"/>`)
				case "ExceptionInfo":
					f.w(`><xs:complexType><xs:sequence><xs:element name="Message" type="xs:string" minOccurs="0"/><xs:element name="ExceptionType" type="xs:string" minOccurs="0"/></xs:sequence></xs:complexType></xs:element>`)
				default:
					f.w(` type="%s"/>`, f.typeRef(false))
				}
			})
		}
		if f.n(6) == 5 {
			o.fault = wrapper(o.name + "Fault")
		}
		ops = append(ops, o)
	}
	f.w("</xs:schema>\n</types>\n")
	for i, o := range ops {
		part := func(elem string) string {
			if o.rpc {
				return fmt.Sprintf(`<part name="%s" element="tns:%s"/>`, attr(f.name()), attr(elem))
			}
			return fmt.Sprintf(`<part name="parameters" element="tns:%s"/>`, attr(elem))
		}
		f.w(`<message name="In%d">%s</message>`, i, part(o.in))
		if o.out != "" {
			f.w(`<message name="Out%d">%s</message>`, i, part(o.out))
		}
		if o.fault != "" {
			f.w(`<message name="F%d"><part name="detail" element="tns:%s"/></message>`, i, attr(o.fault))
		}
		if len(o.headers) > 0 {
			f.w(`<message name="H%d">`, i)
			for _, h := range o.headers {
				f.w(`<part name="%s" element="tns:%s"/>`, attr(h), attr(h))
			}
			f.w("</message>")
		}
		f.w("\n")
	}
	// One or two portTypes, each with its binding.
	ports := [][]int{nil}
	if len(ops) > 1 && f.n(4) == 3 {
		ports = append(ports, nil)
	}
	for i := range ops {
		ports[i%len(ports)] = append(ports[i%len(ports)], i)
	}
	ptNames := []string{"P", "Q"}
	if f.n(4) == 3 {
		ptNames[0] = f.name()
	}
	for p, idx := range ports {
		f.w(`<portType name="%s">`, attr(ptNames[p]))
		for _, i := range idx {
			o := ops[i]
			f.w(`<operation name="%s"><input message="tns:In%d"/>`, attr(o.name), i)
			if o.out != "" {
				f.w(`<output message="tns:Out%d"/>`, i)
			}
			if o.fault != "" {
				f.w(`<fault name="f" message="tns:F%d"/>`, i)
			}
			f.w("</operation>")
		}
		f.w("</portType>\n")
	}
	for p, idx := range ports {
		ns := "soap"
		if soap12 && p == 0 {
			ns = "soap12"
		}
		style := "document"
		f.w(`<binding name="B%d" type="tns:%s"><%s:binding transport="http://schemas.xmlsoap.org/soap/http"/>`, p, attr(ptNames[p]), ns)
		for _, i := range idx {
			o := ops[i]
			if o.rpc {
				style = "rpc"
			} else {
				style = "document"
			}
			body := fmt.Sprintf(`<%s:body use="literal"/>`, ns)
			if o.rpc {
				body = fmt.Sprintf(`<%s:body use="literal" namespace="urn:t"/>`, ns)
			}
			f.w(`<operation name="%s"><%s:operation soapAction="urn:t/%s" style="%s"/><input>`, attr(o.name), ns, attr(o.name), style)
			for _, h := range o.headers {
				f.w(`<%s:header message="tns:H%d" part="%s" use="literal"/>`, ns, i, attr(h))
			}
			f.w("%s</input>", body)
			if o.out != "" {
				f.w("<output>%s</output>", body)
			}
			if o.fault != "" {
				f.w(`<fault name="f"><%s:fault name="f" use="literal"/></fault>`, ns)
			}
			f.w("</operation>")
		}
		f.w("</binding>\n")
	}
	f.w(`<service name="S">`)
	for p := range ports {
		f.w(`<port name="Port%d" binding="tns:B%d"><soap:address location="http://localhost/P%d.svc"/></port>`, p, p, p)
	}
	f.w("</service>\n</definitions>\n")
	return []byte(f.b.String())
}
