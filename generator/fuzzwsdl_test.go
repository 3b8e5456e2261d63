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

// fuzzDocs are documentation texts, which end up in Go comments: comment
// markers, line breaks, a byte order mark (which Go allows only at the
// start of a file), line and paragraph separators, back quotes.
var fuzzDocs = []string{"a */ b /* c", "line1\nline2\n\n  // indented", "\ufeffBOM", "`raw` \\ %v %s", "Deprecated: use X.", "\u2028sep\u2029", "\x7f del", "tab\tx", "<b>bold</b> &amp; more", "Ωmega 名字", " "}

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

// fuzzBuilder writes WSDLs from the bytes of a fuzz input, each byte (0
// once they run out, which chooses the plainest option) choosing what
// comes next: so the fuzzer's mutations change names, types and shapes
// rather than break the XML.
type fuzzBuilder struct {
	data []byte
	b    strings.Builder
	// The named complex and simple types and the global elements, as
	// QNames written with a prefix (tns: or u:); the types are chosen
	// first so that members can refer to any of them (recursion too).
	complexNames, simpleNames, elementNames []string
	groups, attrGroups                      []string
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

// rare is true once in k choices (never when the bytes have run out).
func (f *fuzzBuilder) rare(k int) bool { return f.n(k) == k-1 }

func (f *fuzzBuilder) name() string { return fuzzNames[(f.next()<<8|f.next())%len(fuzzNames)] }

func (f *fuzzBuilder) w(format string, args ...any) { fmt.Fprintf(&f.b, format, args...) }

// attr escapes s for an attribute value.
func attr(s string) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", `"`, "&quot;", "\t", "&#9;", "\n", "&#10;")
	return r.Replace(s)
}

// text escapes s for element content.
func text(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// doc sometimes writes an xs:annotation with a documentation text.
func (f *fuzzBuilder) doc() {
	if f.rare(6) {
		f.w("<xs:annotation><xs:documentation>%s</xs:documentation></xs:annotation>", text(fuzzDocs[f.n(len(fuzzDocs))]))
	}
}

// wsdlDoc sometimes returns a wsdl:documentation element.
func (f *fuzzBuilder) wsdlDoc() string {
	if f.rare(6) {
		return "<documentation>" + text(fuzzDocs[f.n(len(fuzzDocs))]) + "</documentation>"
	}
	return ""
}

// local is the local name of a prefixed QName.
func local(q string) string { return q[strings.IndexByte(q, ':')+1:] }

// qname chooses a namespace for a new global name: mostly the target
// namespace, sometimes the second schema's.
func (f *fuzzBuilder) qname() string {
	if f.rare(5) {
		return "u:" + f.name()
	}
	return "tns:" + f.name()
}

// builtin chooses an XSD builtin: mostly a text type for simple, a mapped
// one otherwise.
func (f *fuzzBuilder) builtin(simple bool) string {
	k := fuzzMapped
	if simple {
		k = fuzzTextBuiltins
	}
	if f.rare(16) {
		k = len(fuzzBuiltins)
	}
	return "xs:" + fuzzBuiltins[f.n(k)]
}

// earlier chooses one of names, mostly one before the type being written
// (index f.cur, when names holds it).
func (f *fuzzBuilder) earlier(names []string, holdsCur bool) (string, bool) {
	k := len(names)
	if holdsCur && f.cur >= 0 && !f.rare(8) {
		k = f.cur
	}
	if k == 0 {
		return "", false
	}
	return attr(names[f.n(k)]), true
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
	if f.rare(3) {
		s += ` nillable="true"`
	}
	return s
}

// form chooses how a local element or attribute is qualified.
func (f *fuzzBuilder) form() string {
	if f.rare(10) {
		return [...]string{` form="qualified"`, ` form="unqualified"`}[f.n(2)]
	}
	return ""
}

// members writes the particles of a model group.
func (f *fuzzBuilder) members() {
	for range f.n(5) {
		switch k := f.n(20); {
		case k == 19 && f.depth < 3:
			kind := [...]string{"sequence", "choice", "sequence"}[f.n(3)]
			occ := [...]string{"", ` minOccurs="0"`, "", ` minOccurs="0"`, "", "", ` maxOccurs="unbounded"`}[f.n(7)]
			f.w("<xs:%s%s>", kind, occ)
			f.depth++
			f.members()
			f.depth--
			f.w("</xs:%s>", kind)
		case k == 18 && len(f.elementNames) > 0:
			f.w(`<xs:element ref="%s"%s/>`, attr(f.elementNames[f.n(len(f.elementNames))]), f.occurs())
		case k == 17 && f.depth < 3:
			f.w(`<xs:element name="%s"%s%s>`, attr(f.name()), f.occurs(), f.form())
			f.depth++
			f.complexBody("")
			f.depth--
			f.w("</xs:element>")
		case k == 16:
			f.w(`<xs:element name="%s"%s><xs:simpleType>`, attr(f.name()), f.occurs())
			f.enumeration()
			f.w("</xs:simpleType></xs:element>")
		case k == 15 && len(f.groups) > 0:
			f.w(`<xs:group ref="%s"%s/>`, attr(f.groups[f.n(len(f.groups))]), [...]string{"", ` minOccurs="0"`, ` maxOccurs="2"`}[f.n(3)])
		default:
			f.w(`<xs:element name="%s" type="%s"%s%s>`, attr(f.name()), f.typeRef(false), f.occurs(), f.form())
			f.doc()
			f.w("</xs:element>")
		}
	}
}

// attributes writes the attributes of a complex type.
func (f *fuzzBuilder) attributes() {
	for range f.n(4) {
		use := [...]string{"", ` use="required"`, ` use="optional"`, ` use="prohibited"`}[f.n(4)]
		if f.rare(5) {
			f.w(`<xs:attribute name="%s"%s%s><xs:simpleType>`, attr(f.name()), use, f.form())
			f.enumeration()
			f.w("</xs:simpleType></xs:attribute>")
			continue
		}
		f.w(`<xs:attribute name="%s" type="%s"%s%s/>`, attr(f.name()), f.typeRef(true), use, f.form())
	}
	if f.rare(8) {
		f.w(`<xs:attribute ref="%s"/>`, [...]string{"xml:lang", "tns:g", "u:g"}[f.n(3)])
	}
	if len(f.attrGroups) > 0 && f.rare(6) {
		f.w(`<xs:attributeGroup ref="%s"/>`, attr(f.attrGroups[f.n(len(f.attrGroups))]))
	}
	if f.rare(10) {
		f.w(`<xs:anyAttribute namespace="##other" processContents="lax"/>`)
	}
}

// complexBody writes a complex type, named name ("" for an anonymous one).
func (f *fuzzBuilder) complexBody(name string) {
	attrs := ""
	if name != "" {
		attrs = fmt.Sprintf(` name="%s"`, attr(name))
	}
	if f.rare(150) {
		attrs += ` mixed="true"`
	}
	f.w("<xs:complexType%s>", attrs)
	if f.rare(6) {
		f.w("<xs:annotation><xs:documentation>%s</xs:documentation></xs:annotation>", text(fuzzDocs[f.n(len(fuzzDocs))]))
		attrs = "" // no dictionary annotation after this one
	}
	switch k := f.n(12); {
	case k == 11 && len(f.complexNames) > 0:
		base, _ := f.earlier(f.complexNames, name != "")
		if base == "" {
			base = attr(f.complexNames[f.n(len(f.complexNames))])
		}
		f.w(`<xs:complexContent><xs:extension base="%s"><xs:sequence>`, base)
		f.members()
		f.w("</xs:sequence>")
		f.attributes()
		f.w("</xs:extension></xs:complexContent>")
	case k == 10:
		f.w(`<xs:simpleContent><xs:extension base="%s">`, f.typeRef(true))
		f.attributes()
		f.w("</xs:extension></xs:simpleContent>")
	case k == 9:
		f.w("<xs:all>")
		for range f.n(4) {
			f.w(`<xs:element name="%s" type="%s"%s/>`, attr(f.name()), f.typeRef(false), [...]string{"", ` minOccurs="0"`}[f.n(2)])
		}
		f.w("</xs:all>")
		f.attributes()
	case k == 8 && name != "" && attrs != "":
		// A DataContract dictionary.
		f.w(`<xs:annotation><xs:appinfo><IsDictionary xmlns="http://schemas.microsoft.com/2003/10/Serialization/">true</IsDictionary></xs:appinfo></xs:annotation>`)
		f.w(`<xs:sequence><xs:element name="%s" minOccurs="0" maxOccurs="unbounded"><xs:complexType><xs:sequence>`, attr(f.name()))
		f.w(`<xs:element name="Key" type="%s"%s/><xs:element name="Value" type="%s"%s/>`, f.typeRef(false), f.occurs(), f.typeRef(false), f.occurs())
		f.w("</xs:sequence></xs:complexType></xs:element></xs:sequence>")
	case k == 7 && len(f.groups) > 0:
		f.w(`<xs:group ref="%s"/>`, attr(f.groups[f.n(len(f.groups))]))
		f.attributes()
	default:
		f.w("<xs:sequence>")
		f.members()
		if f.rare(8) {
			f.w(`<xs:any namespace="%s" minOccurs="0" maxOccurs="unbounded"/>`, [...]string{"##any", "##other", "##targetNamespace", "urn:x"}[f.n(4)])
		}
		f.w("</xs:sequence>")
		f.attributes()
	}
	f.w("</xs:complexType>")
}

// enumeration writes a restriction of xs:string with enumerations, some
// with a DataContract EnumerationValue.
func (f *fuzzBuilder) enumeration() {
	f.w(`<xs:restriction base="xs:string">`)
	for range 1 + f.n(5) {
		v := attr(fuzzValues[f.n(len(fuzzValues))])
		if f.rare(6) {
			f.w(`<xs:enumeration value="%s"><xs:annotation><xs:appinfo><EnumerationValue xmlns="http://schemas.microsoft.com/2003/10/Serialization/">%s</EnumerationValue></xs:appinfo></xs:annotation></xs:enumeration>`,
				v, [...]string{"0", "1", "-1", "16", "4294967296", "-9223372036854775808", "9223372036854775807"}[f.n(7)])
			continue
		}
		f.w(`<xs:enumeration value="%s">`, v)
		f.doc()
		f.w("</xs:enumeration>")
	}
	f.w("</xs:restriction>")
}

// simpleType writes a named simple type: an enumeration, a flag list, a
// list, a union or a restriction.
func (f *fuzzBuilder) simpleType(name string) {
	f.w(`<xs:simpleType name="%s">`, attr(name))
	switch f.n(6) {
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
	case 5:
		f.w(`<xs:restriction base="%s"><xs:maxLength value="3"/></xs:restriction>`, f.typeRef(true, true))
	}
	f.w("</xs:simpleType>")
}

// fuzzOp is an operation of a fuzzed WSDL.
type fuzzOp struct {
	name, in, out string // out is "" for a one-way operation; in, out, fault are prefixed QNames
	headers       []string
	fault         string
	rpc           bool
	doc           string   // a wsdl:documentation element, or ""
	typed         []string // for rpc: the types of further parts, by type
	// Chosen last, so that the corpus's earlier inputs keep their meaning:
	docTyped string // for document style: the input's part has this type, not an element
	solicit  bool   // the output comes before the input (solicit-response)
}

// fuzzSpec is what a recipe describes: the schemas, the operations, and
// how they are split into portTypes or the WSDLs of a set.
type fuzzSpec struct {
	types   string // the wsdl:types element
	ops     []fuzzOp
	soap12  bool
	ptNames []string
	split   bool    // two portTypes
	inputs  [][]int // for a set: the operations of each WSDL (nil: one WSDL)
	// partNames names the parts of rpc operations' messages.
	partNames []string
	ptDoc     string // the portTypes' wsdl:documentation, or ""
}

const fuzzDefs = `<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:t" xmlns:u="urn:u" targetNamespace="urn:t">`

// fuzzRecipe builds the spec that data describes.
func fuzzRecipe(data []byte) *fuzzSpec {
	f := &fuzzBuilder{data: data, cur: -1}
	set := f.rare(4) // a set of 2 to 5 WSDLs, each with some of the operations
	for range f.n(4) {
		f.complexNames = append(f.complexNames, f.qname())
	}
	for range f.n(3) {
		f.simpleNames = append(f.simpleNames, f.qname())
	}
	if f.rare(4) {
		f.groups = append(f.groups, f.qname())
	}
	if f.rare(4) {
		f.attrGroups = append(f.attrGroups, f.qname())
	}
	spec := &fuzzSpec{soap12: f.rare(4), ptNames: []string{"P", "Q"}}
	// Global elements by schema, and the operations.
	elems := map[string]*strings.Builder{"tns": {}, "u": {}}
	declared := map[string]bool{}
	element := func(q string, body func()) {
		if declared[q] {
			return
		}
		declared[q] = true
		f.elementNames = append(f.elementNames, q)
		saved := f.b.Len()
		f.w(`<xs:element name="%s"`, attr(local(q)))
		body()
		f.w("\n")
		prefix := q[:strings.IndexByte(q, ':')]
		elems[prefix].WriteString(f.b.String()[saved:])
		rest := f.b.String()[:saved]
		f.b.Reset()
		f.b.WriteString(rest)
	}
	if f.rare(5) { // a substitution group: an abstract head and members
		head := f.qname()
		element(head, func() { f.w(` type="%s" abstract="%t"/>`, f.typeRef(false), f.rare(2)) })
		for range 1 + f.n(3) {
			element(f.qname(), func() { f.w(` type="%s" substitutionGroup="%s"/>`, f.typeRef(false), attr(head)) })
		}
	}
	opNames := map[string]bool{}
	for i := range 1 + f.n(4) {
		o := fuzzOp{name: f.name()}
		if opNames[o.name] && !f.rare(4) {
			o.name += "X" // mostly distinct: a binding operation is found by name
		}
		opNames[o.name] = true
		if i > 0 && f.rare(3) { // a case variant of the previous operation's name
			prev := spec.ops[i-1].name
			o.name = strings.ToLower(prev)
			if o.name == prev {
				o.name = strings.ToUpper(prev[:1]) + prev[1:]
			}
		}
		o.rpc = f.rare(6)
		o.doc = f.wsdlDoc()
		if o.rpc {
			for range f.n(3) {
				o.typed = append(o.typed, f.typeRef(false))
			}
		}
		wrapper := func(name string) string {
			q := "tns:" + name
			if f.rare(3) {
				q = f.qname()
			}
			element(q, func() {
				if f.rare(5) && len(f.complexNames) > 0 {
					f.w(` type="%s"/>`, attr(f.complexNames[f.n(len(f.complexNames))]))
					return
				}
				f.w(">")
				f.complexBody("")
				f.w("</xs:element>")
			})
			return q
		}
		o.in = wrapper(o.name)
		if !f.rare(5) {
			o.out = wrapper(o.name + "Response")
		}
		for range f.n(4) {
			h := f.qname()
			if f.n(3) == 0 {
				h = "tns:" + [...]string{"Succeeded", "ExceptionInfo", "ApplicationToken"}[f.n(3)]
			}
			o.headers = append(o.headers, h)
			element(h, func() {
				switch h {
				case "tns:Succeeded":
					f.w(` type="xs:boolean"/>`)
				case "tns:ExceptionInfo":
					f.w(`><xs:complexType><xs:sequence><xs:element name="Message" type="xs:string" minOccurs="0"/><xs:element name="ExceptionType" type="xs:string" minOccurs="0"/></xs:sequence></xs:complexType></xs:element>`)
				default:
					f.w(` type="%s"%s/>`, f.typeRef(false), [...]string{"", ` nillable="true"`}[f.n(2)])
				}
			})
		}
		if f.rare(6) {
			o.fault = wrapper(o.name + "Fault")
		}
		spec.ops = append(spec.ops, o)
	}
	for range 2 * len(spec.ops) {
		spec.partNames = append(spec.partNames, f.name())
	}
	spec.split = len(spec.ops) > 1 && f.rare(4)
	spec.ptDoc = f.wsdlDoc()
	if f.rare(4) {
		spec.ptNames[0] = f.name()
	}
	if set {
		for range 2 + f.n(4) {
			var ops []int
			for i := range spec.ops {
				if f.n(3) != 2 {
					ops = append(ops, i)
				}
			}
			if len(ops) == 0 {
				ops = []int{0}
			}
			spec.inputs = append(spec.inputs, ops)
		}
	}
	// The schemas: urn:t, and urn:u if anything is defined there.
	schema := func(prefix, ns string) {
		f.w(`<xs:schema targetNamespace="%s" elementFormDefault="%s">`, ns, [...]string{"qualified", "qualified", "unqualified"}[f.n(3)])
		f.w(`<xs:import namespace="%s"/>`, map[string]string{"tns": "urn:u", "u": "urn:t"}[prefix])
		f.w("\n")
		f.w(`<xs:attribute name="g" type="%s"/>`, f.builtin(true))
		mine := func(q string) bool { return strings.HasPrefix(q, prefix+":") }
		for _, g := range f.groups {
			if mine(g) {
				f.w(`<xs:group name="%s"><xs:sequence>`, attr(local(g)))
				f.members()
				f.w("</xs:sequence></xs:group>\n")
			}
		}
		for _, g := range f.attrGroups {
			if mine(g) {
				f.w(`<xs:attributeGroup name="%s">`, attr(local(g)))
				f.attributes()
				f.w("</xs:attributeGroup>\n")
			}
		}
		for i, n := range f.simpleNames {
			if mine(n) {
				f.cur = i
				f.simpleType(local(n))
				f.w("\n")
			}
		}
		for i, n := range f.complexNames {
			if mine(n) {
				f.cur = i
				f.complexBody(local(n))
				f.w("\n")
			}
		}
		f.cur = -1
		f.w("%s</xs:schema>\n", elems[prefix].String())
	}
	f.w("<types>\n")
	schema("tns", "urn:t")
	schema("u", "urn:u")
	f.w("</types>\n")
	spec.types = f.b.String()
	// Choices added later come after all others (and are false when the
	// bytes have run out), so that earlier corpus inputs still build the
	// WSDLs they did.
	for i := range spec.ops {
		o := &spec.ops[i]
		if !o.rpc && f.rare(6) {
			f.cur = -1
			o.docTyped = f.typeRef(false)
		}
		o.solicit = o.out != "" && f.rare(8)
	}
	return spec
}

// wsdl writes the WSDL of the operations ops of s.
func (s *fuzzSpec) wsdl(ops []int) []byte {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("%s\n%s", fuzzDefs, s.types)
	for _, i := range ops {
		o := s.ops[i]
		part := func(elem string, k int) string {
			if o.rpc {
				return fmt.Sprintf(`<part name="%s" element="%s"/>`, attr(s.partNames[2*i+k]), attr(elem))
			}
			return fmt.Sprintf(`<part name="parameters" element="%s"/>`, attr(elem))
		}
		typed := ""
		for k, t := range o.typed {
			typed += fmt.Sprintf(`<part name="%s%d" type="%s"/>`, attr(s.partNames[2*i]), k, t)
		}
		in := part(o.in, 0)
		if o.docTyped != "" {
			in = fmt.Sprintf(`<part name="%s" type="%s"/>`, attr(s.partNames[2*i]), o.docTyped)
		}
		w(`<message name="In%d">%s%s</message>`, i, in, typed)
		if o.out != "" {
			w(`<message name="Out%d">%s</message>`, i, part(o.out, 1))
		}
		if o.fault != "" {
			w(`<message name="F%d"><part name="detail" element="%s"/></message>`, i, attr(o.fault))
		}
		if len(o.headers) > 0 {
			w(`<message name="H%d">`, i)
			for _, h := range o.headers {
				w(`<part name="%s" element="%s"/>`, attr(local(h)), attr(h))
			}
			w("</message>")
		}
		w("\n")
	}
	// One or two portTypes, each with its binding.
	ports := [][]int{nil}
	if s.split && len(ops) > 1 {
		ports = append(ports, nil)
	}
	for k, i := range ops {
		ports[k%len(ports)] = append(ports[k%len(ports)], i)
	}
	for p, idx := range ports {
		w(`<portType name="%s">%s`, attr(s.ptNames[p]), s.ptDoc)
		for _, i := range idx {
			o := s.ops[i]
			w(`<operation name="%s">%s`, attr(o.name), o.doc)
			if o.solicit {
				w(`<output message="tns:Out%d"/>`, i)
			}
			w(`<input message="tns:In%d"/>`, i)
			if o.out != "" && !o.solicit {
				w(`<output message="tns:Out%d"/>`, i)
			}
			if o.fault != "" {
				w(`<fault name="f" message="tns:F%d"/>`, i)
			}
			w("</operation>")
		}
		w("</portType>\n")
	}
	for p, idx := range ports {
		ns := "soap"
		if s.soap12 && p == 0 {
			ns = "soap12"
		}
		w(`<binding name="B%d" type="tns:%s"><%s:binding transport="http://schemas.xmlsoap.org/soap/http"/>`, p, attr(s.ptNames[p]), ns)
		for _, i := range idx {
			o := s.ops[i]
			style, body := "document", fmt.Sprintf(`<%s:body use="literal"/>`, ns)
			if o.rpc {
				style, body = "rpc", fmt.Sprintf(`<%s:body use="literal" namespace="urn:t"/>`, ns)
			}
			w(`<operation name="%s"><%s:operation soapAction="urn:t/%s" style="%s"/><input>`, attr(o.name), ns, attr(o.name), style)
			for _, h := range o.headers {
				w(`<%s:header message="tns:H%d" part="%s" use="literal"/>`, ns, i, attr(local(h)))
			}
			w("%s</input>", body)
			if o.out != "" {
				w("<output>%s</output>", body)
			}
			if o.fault != "" {
				w(`<fault name="f"><%s:fault name="f" use="literal"/></fault>`, ns)
			}
			w("</operation>")
		}
		w("</binding>\n")
	}
	w(`<service name="S">`)
	for p := range ports {
		w(`<port name="Port%d" binding="tns:B%d"><soap:address location="http://localhost/P%d.svc"/></port>`, p, p, p)
	}
	w("</service>\n</definitions>\n")
	return []byte(b.String())
}

// fuzzWSDL builds the WSDL data describes, with all its operations.
func fuzzWSDL(data []byte) []byte {
	s := fuzzRecipe(data)
	all := make([]int, len(s.ops))
	for i := range all {
		all[i] = i
	}
	return s.wsdl(all)
}
