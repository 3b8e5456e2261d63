package generator

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path"
	"reflect"
	"slices"
	"strings"

	"github.com/soapgen/soapgen/wsdl"
)

// A set of WSDLs generated together (the agents of one NetServer version,
// ONVIF's device, media and PTZ services) shares its schema types: every
// schema component is one Go type, declared in one package of the set
// (see partition for which), and each WSDL's package holds its operations
// (clients, servers, tables), its operation wrappers and the types it
// alone uses, and aliases the shared types it uses.
//
// Definitions are merged by QName:
//
//   - An element that is the whole body (or fault detail) of a message of a
//     WSDL, with an anonymous complex type that derives from nothing, and
//     that no schema component refers to, is that WSDL's own: its struct
//     and the anonymous types inside it go to the WSDL's package. Two WSDLs
//     may define such an element differently (NetServer's Save in the
//     Appointment and EMail agents): the SOAPAction tells them apart on the
//     wire, and each package has its own.
//   - Every other component must be defined identically by every WSDL that
//     has it (positions and documentation aside); a difference is an error
//     naming both.
//
// Header types and the service error are declared once, in the set's
// types package: a call's headers are the same values whichever WSDL the
// operation comes from.

// SetInput is one WSDL of a set.
type SetInput struct {
	Defs *wsdl.Definitions
	// Source is the WSDL's file name for the generated files' headers.
	Source string
	// Dir is the WSDL's folder as the user names it (slash-separated),
	// used to name files in errors; "" or "." for none.
	Dir string
	// Package and ImportPath are the Go package name and import path of
	// the WSDL's package.
	Package    string
	ImportPath string
}

// SetConfig names the package of the set's schema types.
type SetConfig struct {
	Package    string
	ImportPath string
	// Doc is the types package's doc comment; empty for a default.
	Doc string
}

// SetFiles is what GenerateSet writes: the types package's files, the
// packages of the types several inputs share (below the types package's
// folder), and the files of each input's package, in input order.
type SetFiles struct {
	Types  []File
	Shared []SetPackage
	Inputs [][]File
}

// SetPackage is a package of shared types: its folder relative to the
// types package's ("internal/t0123abcd") and its files.
type SetPackage struct {
	Dir   string
	Files []File
}

// PartitionRoot is the folder, below the types package's, that holds the
// packages of shared types: soapgen owns it and removes the packages it no
// longer generates there.
const PartitionRoot = "internal"

// GenerateSet generates the WSDLs of inputs together, their shared schema
// types declared once in the package cfg names. The output depends only on
// the inputs (in order) and cfg.
func GenerateSet(inputs []SetInput, cfg SetConfig) (*SetFiles, error) {
	if len(inputs) == 0 {
		return nil, errors.New("no WSDL to generate")
	}
	if err := checkPackage(cfg.Package, cfg.ImportPath); err != nil {
		return nil, fmt.Errorf("types package: %w", err)
	}
	paths := map[string]bool{cfg.ImportPath: true}
	for _, in := range inputs {
		if err := checkPackage(in.Package, in.ImportPath); err != nil {
			return nil, fmt.Errorf("%s: %w", in.Source, err)
		}
		if paths[in.ImportPath] {
			return nil, fmt.Errorf("%s: import path %s is used twice in the set", in.Source, in.ImportPath)
		}
		paths[in.ImportPath] = true
	}
	m := &merger{inputs: inputs}
	locals := m.localElements()
	if err := m.checkConflicts(locals); err != nil {
		return nil, err
	}

	tables := newSchemaTables()
	for _, in := range inputs {
		for _, s := range in.Defs.Schemas {
			tables.add(s)
		}
	}
	shared := &pkg{name: cfg.Package, importPath: cfg.ImportPath, doc: cfg.Doc, namer: newNamer()}
	shared.shared = shared
	tns := inputs[0].Defs.TargetNamespace
	ns := map[string]bool{}
	var pkgs []*pkg
	var all []*service
	for i, in := range inputs {
		p := &pkg{name: in.Package, source: in.Source, importPath: in.ImportPath, doc: in.Defs.Doc, shared: shared, namer: newNamer()}
		var own []*wsdl.Element
		for _, e := range locals[i] {
			own = append(own, e)
		}
		slices.SortFunc(own, func(a, b *wsdl.Element) int { return compareQName(a.Name, b.Name) })
		r := newResolver(tables, in.Defs, p, shared, own)
		r.tns = tns
		r.localElems = map[*wsdl.Element]bool{}
		for _, e := range own {
			r.localElems[e] = true
		}
		if err := r.run(); err != nil {
			return nil, m.relocate(err, i)
		}
		for s := range r.ns {
			ns[s] = true
		}
		pkgs = append(pkgs, p)
		all = append(all, p.services...)
	}
	parts := partition(tables, shared, pkgs, cfg.ImportPath)
	// Names of the shared types are unique across the set's shared
	// packages, so that a service package can alias any of them.
	var entries []namedEntry
	for _, p := range append([]*pkg{shared}, parts...) {
		p.namer = shared.namer
		entries = append(entries, entriesOf(p.types, tables.entry)...)
	}
	nameEntries(shared.namer, entries)
	for _, p := range append([]*pkg{shared}, parts...) {
		nameMembers(p)
	}
	nameHeaders(shared, all)
	for _, p := range pkgs {
		reserveAliases(p)
		nameTypes(p, tables.entry)
		nameServices(p)
		nameServerParts(p, shared)
	}
	for _, p := range pkgs {
		forwardAccessors(p)
	}
	namespaces := orderNamespaces(tns, ns)
	shared.namespaces = namespaces
	for _, p := range append(parts, pkgs...) {
		p.namespaces = namespaces
	}

	types, err := emitShared(shared, tables.owner, inputs)
	if err != nil {
		return nil, err
	}
	out := &SetFiles{Types: types}
	for _, p := range parts {
		files, err := emitPart(p, tables.owner)
		if err != nil {
			return nil, err
		}
		out.Shared = append(out.Shared, SetPackage{Dir: path.Join("internal", p.name), Files: files})
	}
	for _, p := range pkgs {
		files, err := emitPackage(p, tables.owner)
		if err != nil {
			return nil, err
		}
		out.Inputs = append(out.Inputs, files)
	}
	return out, nil
}

// checkPackage checks a package name and that its import path ends in it
// (generated code refers to a package by the last element of its path).
func checkPackage(name, importPath string) error {
	if !isIdentifier(name) {
		return fmt.Errorf("invalid package name %q", name)
	}
	if importPath == "" || path.Base(importPath) != name {
		return fmt.Errorf("import path %q must end in the package name %q", importPath, name)
	}
	if reservedQualifier[name] {
		return fmt.Errorf("package name %q would clash with a name generated code uses", name)
	}
	return nil
}

// reservedQualifier lists the names generated code uses for its imports,
// parameters and locals: a package of the set may not be called so.
var reservedQualifier = map[string]bool{
	"soap": true, "codec": true, "fmt": true, "context": true, "http": true, "errors": true, "slog": true, "strings": true, "strconv": true,
	"a": true, "b": true, "c": true, "cc": true, "d": true, "e": true, "h": true, "i": true, "k": true, "ok": true, "p": true, "s": true, "se": true, "v": true, "x": true,
	"err": true, "ctx": true, "req": true, "resp": true, "opts": true, "ops": true, "ns": true, "value": true, "names": true, "seen": true, "items": true, "set": true,
}

func compareQName(a, b wsdl.QName) int {
	if a.Space != b.Space {
		if a.Space < b.Space {
			return -1
		}
		return 1
	}
	switch {
	case a.Local < b.Local:
		return -1
	case a.Local > b.Local:
		return 1
	}
	return 0
}

// merger checks a set's definitions against each other.
type merger struct {
	inputs []SetInput
}

// component is one global schema component of one input.
type component struct {
	kind  string // "xs:element", "xs:complexType", ...
	name  wsdl.QName
	input int
	pos   wsdl.Pos
	def   any
}

func (m *merger) components() []component {
	var out []component
	for i, in := range m.inputs {
		for _, s := range in.Defs.Schemas {
			for _, e := range s.Elements {
				out = append(out, component{"xs:element", e.Name, i, e.Pos, e})
			}
			for _, t := range s.ComplexTypes {
				out = append(out, component{"xs:complexType", t.Name, i, t.Pos, t})
			}
			for _, t := range s.SimpleTypes {
				out = append(out, component{"xs:simpleType", t.Name, i, t.Pos, t})
			}
			for _, a := range s.Attributes {
				out = append(out, component{"xs:attribute", a.Name, i, a.Pos, a})
			}
			for _, g := range s.Groups {
				out = append(out, component{"xs:group", g.Name, i, g.Pos, g})
			}
			for _, g := range s.AttributeGroups {
				out = append(out, component{"xs:attributeGroup", g.Name, i, g.Pos, g})
			}
		}
	}
	return out
}

// localElements finds, per input, the elements that are its own (see the
// comment at the top of this file), by QName.
func (m *merger) localElements() []map[wsdl.QName]*wsdl.Element {
	// Elements that schema components refer to, and header elements, are
	// never local: the types package would have to import a WSDL's package.
	referred := map[wsdl.QName]bool{}
	header := map[wsdl.QName]bool{}
	for _, in := range m.inputs {
		for _, s := range in.Defs.Schemas {
			for _, e := range s.Elements {
				walkElement(e, func(x *wsdl.Element) {
					if !x.Ref.IsZero() {
						referred[x.Ref] = true
					}
					if !x.SubstitutionGroup.IsZero() {
						referred[x.SubstitutionGroup] = true
						referred[x.Name] = true
					}
				})
			}
			refer := func(x *wsdl.Element) {
				if !x.Ref.IsZero() {
					referred[x.Ref] = true
				}
			}
			for _, t := range s.ComplexTypes {
				walkComplex(t, refer)
			}
			for _, g := range s.Groups {
				walkGroup(g.Group, refer)
			}
		}
		messages := messagesOf(in.Defs)
		for _, b := range in.Defs.Bindings {
			for _, bop := range b.Operations {
				for _, bio := range []*wsdl.BindingIO{bop.Input, bop.Output} {
					if bio == nil {
						continue
					}
					for _, h := range bio.Headers {
						if msg := messages[h.Message]; msg != nil {
							for _, part := range msg.Parts {
								if part.Name == h.Part && !part.Element.IsZero() {
									header[part.Element] = true
								}
							}
						}
					}
				}
			}
		}
	}
	out := make([]map[wsdl.QName]*wsdl.Element, len(m.inputs))
	for i, in := range m.inputs {
		out[i] = map[wsdl.QName]*wsdl.Element{}
		elements := map[wsdl.QName]*wsdl.Element{}
		for _, s := range in.Defs.Schemas {
			for _, e := range s.Elements {
				if elements[e.Name] == nil {
					elements[e.Name] = e
				}
			}
		}
		messages := messagesOf(in.Defs)
		for _, pt := range in.Defs.PortTypes {
			for _, op := range pt.Operations {
				refs := append([]*wsdl.IORef{op.Input, op.Output}, op.Faults...)
				for _, ref := range refs {
					if ref == nil || messages[ref.Message] == nil {
						continue
					}
					for _, part := range messages[ref.Message].Parts {
						e := elements[part.Element]
						if e == nil || referred[e.Name] || header[e.Name] || !ownable(e) {
							continue
						}
						out[i][e.Name] = e
					}
				}
			}
		}
	}
	return out
}

// messagesOf indexes the messages of defs by name.
func messagesOf(defs *wsdl.Definitions) map[wsdl.QName]*wsdl.Message {
	m := make(map[wsdl.QName]*wsdl.Message, len(defs.Messages))
	for _, msg := range defs.Messages {
		m[msg.Name] = msg
	}
	return m
}

// ownable reports whether e can be a WSDL's own element: its type is
// anonymous and neither it nor an anonymous type inside it derives from
// another type (a derived type calls its base's unexported methods, which
// live in the types package).
func ownable(e *wsdl.Element) bool {
	if e.Complex == nil {
		return false
	}
	ok := true
	var check func(ct *wsdl.ComplexType)
	check = func(ct *wsdl.ComplexType) {
		if ct.Derivation != wsdl.DerivationNone || ct.Content == wsdl.ContentSimple {
			ok = false
			return
		}
		walkComplex(ct, func(x *wsdl.Element) {
			if x.Complex != nil && x.Complex != ct {
				check(x.Complex)
			}
		})
	}
	check(e.Complex)
	return ok
}

// walkElement calls fn for e and every element inside its anonymous type.
func walkElement(e *wsdl.Element, fn func(*wsdl.Element)) {
	fn(e)
	if e.Complex != nil {
		walkComplex(e.Complex, fn)
	}
}

// walkComplex calls fn for every element of ct's content model (not
// descending into the elements' anonymous types: fn may).
func walkComplex(ct *wsdl.ComplexType, fn func(*wsdl.Element)) {
	if ct.Group != nil {
		walkGroup(ct.Group, fn)
	}
}

func walkGroup(g *wsdl.Group, fn func(*wsdl.Element)) {
	if g == nil {
		return
	}
	for _, p := range g.Particles {
		switch p := p.(type) {
		case *wsdl.Element:
			fn(p)
			if p.Complex != nil {
				walkComplex(p.Complex, fn)
			}
		case *wsdl.Group:
			walkGroup(p, fn)
		}
	}
}

// checkConflicts reports the first component that two inputs define
// differently, unless it is an element both own.
func (m *merger) checkConflicts(locals []map[wsdl.QName]*wsdl.Element) error {
	type key struct {
		kind string
		name wsdl.QName
	}
	first := map[key]component{}
	for _, c := range m.components() {
		k := key{c.kind, c.name}
		f, ok := first[k]
		if !ok {
			first[k] = c
			continue
		}
		if c.input == f.input || sameDefinition(reflect.ValueOf(f.def), reflect.ValueOf(c.def)) {
			continue
		}
		if c.kind == "xs:element" && locals[f.input][c.name] != nil && locals[c.input][c.name] != nil {
			continue // each WSDL's own wrapper
		}
		return &wsdl.Error{
			Pos:       m.pos(c.pos, c.input),
			Construct: c.kind,
			Name:      c.name,
			Err:       fmt.Errorf("%w: %s is defined differently at %s; WSDLs generated together must agree on every shared schema component", wsdl.ErrInvalid, c.name, m.pos(f.pos, f.input)),
		}
	}
	return nil
}

var (
	posType = reflect.TypeFor[wsdl.Pos]()
)

// sameDefinition compares two syntax trees, ignoring positions and
// documentation.
func sameDefinition(a, b reflect.Value) bool {
	if a.Kind() != b.Kind() || a.Type() != b.Type() {
		return false
	}
	switch a.Kind() {
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return sameDefinition(a.Elem(), b.Elem())
	case reflect.Struct:
		if a.Type() == posType {
			return true
		}
		for i := range a.NumField() {
			if a.Type().Field(i).Name == "Doc" {
				continue
			}
			if !sameDefinition(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	case reflect.Slice:
		if a.Len() != b.Len() {
			return false
		}
		for i := range a.Len() {
			if !sameDefinition(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Map:
		if a.Len() != b.Len() {
			return false
		}
		for _, k := range a.MapKeys() {
			bv := b.MapIndex(k)
			if !bv.IsValid() || !sameDefinition(a.MapIndex(k), bv) {
				return false
			}
		}
		return true
	case reflect.String:
		return a.String() == b.String()
	case reflect.Bool:
		return a.Bool() == b.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return a.Int() == b.Int()
	}
	return a.Equal(b)
}

// pos names the file of a position of input i as the user names it.
func (m *merger) pos(p wsdl.Pos, i int) wsdl.Pos {
	if d := m.inputs[i].Dir; d != "" && d != "." && p.File != "" {
		p.File = path.Join(d, p.File)
	}
	return p
}

// relocate names the file of an error found while resolving input i. A
// shared component's position may be in another input's file: the input
// whose WSDL has that name, if exactly one does.
func (m *merger) relocate(err error, i int) error {
	var we *wsdl.Error
	if !errors.As(err, &we) {
		return err
	}
	owner := i
	if m.inputs[i].Source != we.Pos.File {
		n := 0
		for j, in := range m.inputs {
			if in.Source == we.Pos.File {
				owner, n = j, n+1
			}
		}
		if n != 1 {
			owner = i
		}
	}
	we.Pos = m.pos(we.Pos, owner)
	return err
}

// partition decides which package declares each schema type of a set, by
// who uses it, so that a program pays (in build time, memory and binary
// size) only for the types of the services it uses:
//
//   - the types the SOAP headers reach (credentials, time zone, exception
//     info), the header types themselves, and the types that at least half
//     of the inputs (and more than one) reach: the set's types
//     package, which every service package imports (a type reaches only
//     types that at least the same inputs reach, so this package imports
//     no other of the set);
//   - a type that one input's operations reach alone: that input's package;
//     so is the type of an input's own element (see localElements) and the
//     types inside it, unless a header or another input reaches it (the
//     resolver makes the types of every other element in the types
//     package, but should one of them reach a type of an input's package,
//     the rules here move that type rather than let a package of the set
//     import an input's package, or an input's package another's);
//   - every other type: the package of the types reached by exactly the
//     same inputs (internal/t<hash of their names>). A type reaches only
//     types that at least the same inputs reach, so such a package imports
//     only packages of larger sets: there are no cycles.
//
// Each input's package aliases the shared types its operations reach, so
// that it is the only import a user of that service needs, and the alias
// of a type in two service packages is one type.
func partition(t *schemaTables, shared *pkg, pkgs []*pkg, importPath string) []*pkg {
	refs := func(g goType, visit func(goType)) {
		ref := func(r *typeRef) {
			if r != nil && r.named != nil {
				visit(r.named)
			}
		}
		switch g := g.(type) {
		case *structType:
			if g.base != nil {
				visit(g.base)
			}
			for _, f := range g.fields {
				ref(f.typ)
			}
			for _, a := range g.attrs {
				ref(a.typ)
			}
			if g.value != nil {
				ref(g.value.typ)
			}
		case *arrayType:
			ref(g.item.typ)
		case *dictType:
			visit(g.entry)
			ref(g.item.typ)
		case *listType:
			ref(g.item)
		case *unionType:
			for _, m := range g.members {
				ref(m)
			}
		}
	}
	walk := func(roots []goType, mark func(goType) bool) {
		stack := roots
		for len(stack) > 0 {
			g := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if !mark(g) {
				continue
			}
			refs(g, func(x goType) { stack = append(stack, x) })
		}
	}
	headerRoots := func(h *header) []goType {
		var out []goType
		if h != nil {
			for _, f := range h.fields {
				if f.typ.named != nil {
					out = append(out, f.typ.named)
				}
			}
		}
		return out
	}
	// The header closure.
	inHeaders := map[goType]bool{}
	for _, p := range pkgs {
		for _, s := range p.services {
			for _, o := range s.ops {
				walk(append(headerRoots(o.inHeader), headerRoots(o.outHeader)...), func(g goType) bool {
					if inHeaders[g] {
						return false
					}
					inHeaders[g] = true
					return true
				})
			}
		}
	}
	// Who reaches what: users[g] lists input indexes in increasing order.
	users := map[goType][]int{}
	reach := make([]map[goType]bool, len(pkgs))
	for i, p := range pkgs {
		seen := map[goType]bool{}
		var roots []goType
		for _, s := range p.services {
			for _, o := range s.ops {
				if o.input.typ != nil {
					roots = append(roots, o.input.typ)
				}
				if o.output != nil && o.output.typ != nil {
					roots = append(roots, o.output.typ)
				}
				for _, f := range o.faults {
					roots = append(roots, f.typ)
				}
				roots = append(roots, headerRoots(o.inHeader)...)
				roots = append(roots, headerRoots(o.outHeader)...)
			}
		}
		walk(roots, func(g goType) bool {
			if seen[g] {
				return false
			}
			seen[g] = true
			users[g] = append(users[g], i)
			return true
		})
		reach[i] = seen
	}
	// Every type the resolvers created, in a deterministic order.
	var all []goType
	for _, p := range append([]*pkg{shared}, pkgs...) {
		all = append(all, p.types...)
		p.types = nil
	}
	byKey := map[string]*pkg{}
	var parts []*pkg
	for _, g := range all {
		var owner *pkg
		u := users[g]
		switch {
		case t.owner[g] != shared && !inHeaders[g] && (len(u) == 0 || len(u) == 1 && pkgs[u[0]] == t.owner[g]):
			owner = t.owner[g] // an input's own wrapper
		case inHeaders[g] || len(u) == 0:
			owner = shared
		case len(u) == 1:
			owner = pkgs[u[0]]
		case 2*len(u) >= len(pkgs):
			owner = shared
		default:
			names := make([]string, len(u))
			for j, i := range u {
				names[j] = pkgs[i].importPath
			}
			key := strings.Join(names, "\n")
			owner = byKey[key]
			if owner == nil {
				sum := sha256.Sum256([]byte(key))
				name := "t" + hex.EncodeToString(sum[:4])
				owner = &pkg{name: name, importPath: path.Join(importPath, PartitionRoot, name), shared: shared}
				owner.doc = fmt.Sprintf("Package %s holds schema types that the packages %s share; they refer to them by their aliases.", name, strings.Join(baseNames(names), ", "))
				byKey[key] = owner
				parts = append(parts, owner)
			}
		}
		t.owner[g] = owner
		owner.types = append(owner.types, g)
	}
	slices.SortFunc(parts, func(a, b *pkg) int { return strings.Compare(a.name, b.name) })
	// A base type that a type of another package derives from exports the
	// codec methods derived types call.
	for _, g := range all {
		if s, ok := g.(*structType); ok && s.base != nil && t.owner[s.base] != t.owner[s] {
			s.base.crossBase = true
		}
	}
	// Each input's aliases: the shared types it reaches.
	for i, p := range pkgs {
		for g := range reach[i] {
			if t.owner[g] != p {
				p.aliases = append(p.aliases, g)
			}
		}
	}
	return parts
}

func baseNames(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = path.Base(p)
	}
	return out
}

// reserveAliases sorts p's aliases by name and keeps their names (and
// their enumeration constants') from p's own declarations.
func reserveAliases(p *pkg) {
	errs := false
	for _, h := range usedHeaders(p.services...) {
		p.headerAliases = append(p.headerAliases, h.name)
		errs = errs || h.succeeded != nil
	}
	if errs && p.shared.serviceError != "" {
		p.headerAliases = append(p.headerAliases, p.shared.serviceError)
	}
	slices.Sort(p.headerAliases)
	for _, n := range p.headerAliases {
		p.namer.used[n] = true
	}
	slices.SortFunc(p.aliases, func(a, b goType) int { return strings.Compare(a.goName(), b.goName()) })
	p.aliased = map[goType]bool{}
	for _, g := range p.aliases {
		p.aliased[g] = true
		p.namer.used[g.goName()] = true
		for _, v := range enumValues(g) {
			p.namer.used[v.name] = true
		}
	}
}

// enumValues returns the values of an enumeration or flag list.
func enumValues(g goType) []*enumValue {
	switch g := g.(type) {
	case *enumType:
		return g.values
	case *flagsType:
		return g.values
	}
	return nil
}

// forwardAccessors lists the header accessors p re-declares: those of the
// headers its operations use, unless p has a name of its own like them.
func forwardAccessors(p *pkg) {
	for _, h := range usedHeaders(p.services...) {
		names := []string{h.fromFunc, h.setFunc}
		if slices.ContainsFunc(names, func(f string) bool { return f != "" && p.namer.used[f] }) {
			continue
		}
		for _, f := range names {
			if f != "" {
				p.namer.used[f] = true
			}
		}
		p.forwards = append(p.forwards, h)
	}
}
