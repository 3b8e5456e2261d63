package wsdl

// Schema is one xs:schema, embedded in wsdl:types or loaded through
// xs:import / xs:include of a local file.
type Schema struct {
	Pos                    Pos
	TargetNamespace        string
	ElementFormQualified   bool // elementFormDefault="qualified"
	AttributeFormQualified bool // attributeFormDefault="qualified"
	Elements               []*Element
	ComplexTypes           []*ComplexType
	SimpleTypes            []*SimpleType
	Attributes             []*Attribute
	Groups                 []*GroupDef          // named xs:group
	AttributeGroups        []*AttributeGroupDef // named xs:attributeGroup
	Imports                []*Import            // xs:import and xs:include, as written
}

// Import is an xs:import or xs:include.
type Import struct {
	Pos            Pos
	Include        bool
	Namespace      string
	SchemaLocation string
}

// Unbounded is MaxOccurs for maxOccurs="unbounded".
const Unbounded = -1

// Element is an xs:element: global (Name in the schema's target namespace)
// or local (Name qualified per form/elementFormDefault), or a Ref.
type Element struct {
	Pos               Pos
	Name              QName
	Ref               QName        // set for <xs:element ref="..."/>; Name is then zero
	Type              QName        // named type; zero when anonymous or untyped
	Complex           *ComplexType // anonymous complex type
	Simple            *SimpleType  // anonymous simple type
	MinOccurs         int          // default 1
	MaxOccurs         int          // default 1; Unbounded for "unbounded"
	Nillable          bool
	Abstract          bool
	SubstitutionGroup QName
	Default, Fixed    *string
	Doc               string
}

func (*Element) particle() {}

// Particle is an item of a model group: *Element, *Group, *GroupRef or *Any.
type Particle interface{ particle() }

// GroupKind tells xs:sequence, xs:choice and xs:all apart.
type GroupKind int

// Model group kinds.
const (
	Sequence GroupKind = iota
	Choice
	All
)

// String returns the XSD element name of the group kind.
func (k GroupKind) String() string {
	switch k {
	case Choice:
		return "xs:choice"
	case All:
		return "xs:all"
	}
	return "xs:sequence"
}

// Group is an xs:sequence, xs:choice or xs:all.
type Group struct {
	Pos       Pos
	Kind      GroupKind
	MinOccurs int
	MaxOccurs int
	Particles []Particle
}

func (*Group) particle() {}

// GroupRef is <xs:group ref="..."/> used as a particle.
type GroupRef struct {
	Pos       Pos
	Ref       QName
	MinOccurs int
	MaxOccurs int
}

func (*GroupRef) particle() {}

// Any is xs:any.
type Any struct {
	Pos             Pos
	Namespace       string
	ProcessContents string
	MinOccurs       int
	MaxOccurs       int
}

func (*Any) particle() {}

// GroupDef is a named, global xs:group.
type GroupDef struct {
	Pos   Pos
	Name  QName
	Group *Group
}

// ContentKind tells how a complex type's content is given.
type ContentKind int

// Content kinds of a complex type.
const (
	ContentPlain   ContentKind = iota // a model group (or nothing) directly inside xs:complexType
	ContentComplex                    // xs:complexContent
	ContentSimple                     // xs:simpleContent
)

// Derivation tells extension from restriction.
type Derivation int

// Derivations.
const (
	DerivationNone Derivation = iota
	Extension
	Restriction
)

// ComplexType is an xs:complexType; Name is zero when anonymous.
type ComplexType struct {
	Pos             Pos
	Name            QName
	Doc             string
	Abstract        bool
	Mixed           bool
	Content         ContentKind
	Derivation      Derivation // with ContentComplex or ContentSimple
	Base            QName      // the base type of the derivation
	Group           *Group     // the model group (of the extension, when derived); nil if none
	GroupRef        *GroupRef  // <xs:group ref> directly as the content model
	Attributes      []*Attribute
	AttributeGroups []QName // xs:attributeGroup ref="..."
	AnyAttribute    bool
	IsDictionary    bool // MS DataContract annotation <IsDictionary>true</IsDictionary>
}

// Attribute is an xs:attribute (global, local or ref).
type Attribute struct {
	Pos     Pos
	Name    QName
	Ref     QName
	Type    QName
	Simple  *SimpleType
	Use     string // "optional" (default), "required", "prohibited"
	Default *string
	Fixed   *string
}

// AttributeGroupDef is a named xs:attributeGroup.
type AttributeGroupDef struct {
	Pos             Pos
	Name            QName
	Attributes      []*Attribute
	AttributeGroups []QName
	AnyAttribute    bool
}

// SimpleKind tells restriction, list and union apart.
type SimpleKind int

// Simple type kinds.
const (
	SimpleRestriction SimpleKind = iota
	SimpleList
	SimpleUnion
)

// SimpleType is an xs:simpleType; Name is zero when anonymous.
type SimpleType struct {
	Pos  Pos
	Name QName
	Doc  string
	Kind SimpleKind

	// Restriction.
	Base         QName
	BaseSimple   *SimpleType // anonymous base (rare)
	Enumerations []*Enumeration
	Patterns     []string
	Facets       map[string]string // other facets by local name (minInclusive, maxLength, ...); read only

	// List.
	ItemType QName
	Item     *SimpleType // anonymous item type

	// Union.
	MemberTypes []QName
	Members     []*SimpleType // anonymous members
}

// Enumeration is an xs:enumeration facet.
type Enumeration struct {
	Pos   Pos
	Value string
	Doc   string
	// Number is the MS DataContract <EnumerationValue> annotation, if present.
	Number *int64
}
