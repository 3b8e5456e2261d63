package wsdl

import (
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"strings"
	"time"

	"github.com/soapgen/soapgen/internal/xmlscan"
)

// Options controls Load, Parse and LoadSchema. A nil *Options means the
// zero value.
type Options struct {
	// AllowRemote permits http(s) schemaLocation/location imports; off by default:
	// a remote reference is then an *Error wrapping ErrForbidden naming the location.
	AllowRemote bool
	// HTTPClient is used only when AllowRemote; nil means a client with a 30s timeout.
	HTTPClient *http.Client
	// MaxFileSize bounds every file read; 0 means 64 MiB. Larger files are
	// an *Error wrapping ErrForbidden.
	MaxFileSize int64
	// Catalog maps absolute locations (http(s) URLs and other URIs, as
	// written or as resolved against a remote document) to files of the
	// fs.FS, so that a build needs no network: a mapped location is read
	// from the file whatever AllowRemote says, and its relative imports
	// are files too. A key ending in "/" maps every location that starts
	// with it, the rest of the location appended to its value (a folder);
	// the longest matching key wins. See ParseCatalog for a file format.
	Catalog map[string]string
}

// defaultMaxFileSize is MaxFileSize when the option is zero.
const defaultMaxFileSize = 64 << 20

func (o *Options) maxFileSize() int64 {
	if o == nil || o.MaxFileSize <= 0 {
		return defaultMaxFileSize
	}
	return o.MaxFileSize
}

func (o *Options) allowRemote() bool { return o != nil && o.AllowRemote }

func (o *Options) client() *http.Client {
	if o != nil && o.HTTPClient != nil {
		return o.HTTPClient
	}
	return &http.Client{Timeout: 30 * time.Second}
}

// Load reads the WSDL file name from fsys, follows local wsdl:import,
// xs:import and xs:include (schemaLocation/location relative to the
// importing file, resolved inside fsys with path.Join; paths escaping fsys
// are an error), and returns the merged Definitions.
//
// Each file is read once, so import cycles are harmless. The contents of
// imported documents are merged at the point of import: every slice of the
// result is in document order, imported documents depth-first.
//
// Every error is an *Error whose Pos names the file (name, or the imported
// file's path within fsys) and line:col; columns count bytes from the start
// of the line, 1-based. After everything is loaded, references are checked
// (messages, portTypes, bindings, schema types, elements, attributes,
// groups) and the first problem in document order is returned, files taken
// in the order they were loaded.
func Load(fsys fs.FS, name string, opts *Options) (*Definitions, error) {
	if fsys == nil {
		return nil, &Error{Pos: Pos{File: name}, Err: fmt.Errorf("%w: nil fs.FS", ErrInvalid)}
	}
	l := newLoader(fsys, opts)
	data, err := l.readLocal(name)
	if err != nil {
		return nil, &Error{Pos: Pos{File: name}, Err: err}
	}
	return l.definitions(newFile(name, data))
}

// Parse is Load for a single in-memory document; name is used in positions.
// Remote imports are followed when opts allow them; a local
// schemaLocation or location cannot be followed and is an *Error wrapping
// ErrUnsupported (use Load with an fs.FS for those).
func Parse(name string, data []byte, opts *Options) (*Definitions, error) {
	l := newLoader(nil, opts)
	if max := l.opts.maxFileSize(); int64(len(data)) > max {
		return nil, &Error{Pos: Pos{File: name}, Err: fmt.Errorf("%w: file larger than %d bytes", ErrForbidden, max)}
	}
	return l.definitions(newFile(name, data))
}

// LoadSchema reads the standalone XML Schema document name from fsys and
// follows its xs:import and xs:include like Load. It returns the schema of
// name (with its includes merged in) first, followed by the schemas it
// imports, after checking their references.
func LoadSchema(fsys fs.FS, name string, opts *Options) ([]*Schema, error) {
	if fsys == nil {
		return nil, &Error{Pos: Pos{File: name}, Err: fmt.Errorf("%w: nil fs.FS", ErrInvalid)}
	}
	l := newLoader(fsys, opts)
	data, err := l.readLocal(name)
	if err != nil {
		return nil, &Error{Pos: Pos{File: name}, Err: err}
	}
	f := newFile(name, data)
	l.register(f)
	root, err := parseXML(f)
	if err != nil {
		return nil, err
	}
	if !root.is(NSXSD, "schema") {
		return nil, &Error{Pos: f.pos(root.off), Err: fmt.Errorf("%w: not an XML Schema document: root element is %s", ErrInvalid, QName(root.name))}
	}
	c := &doc{l: l, f: f}
	if err := c.newSchema(root); err != nil {
		return nil, err
	}
	if err := l.check(false); err != nil {
		return nil, err
	}
	return l.defs.Schemas, nil
}

// loader holds the state of one Load, Parse or LoadSchema call.
type loader struct {
	fsys  fs.FS // nil for Parse
	opts  *Options
	defs  *Definitions
	seen  map[string]bool // files loaded (fs paths or URLs)
	order map[string]int  // file name → load sequence, for ordering errors
	refs  []ref           // references to check once everything is loaded
}

func newLoader(fsys fs.FS, opts *Options) *loader {
	return &loader{
		fsys:  fsys,
		opts:  opts,
		defs:  &Definitions{},
		seen:  map[string]bool{},
		order: map[string]int{},
	}
}

// register records that f is being loaded.
func (l *loader) register(f *file) {
	l.seen[f.name] = true
	if _, ok := l.order[f.name]; !ok {
		l.order[f.name] = len(l.order)
	}
}

// definitions parses the root WSDL document f and checks the result.
func (l *loader) definitions(f *file) (*Definitions, error) {
	l.register(f)
	root, err := parseXML(f)
	if err != nil {
		return nil, err
	}
	if !root.is(NSWSDL, "definitions") {
		return nil, &Error{Pos: f.pos(root.off), Err: fmt.Errorf("%w: not a WSDL 1.1 document: root element is %s", ErrInvalid, QName(root.name))}
	}
	c := &doc{l: l, f: f}
	if err := c.definitions(root, true); err != nil {
		return nil, err
	}
	if err := l.check(true); err != nil {
		return nil, err
	}
	return l.defs, nil
}

// schemeRE matches a URI scheme (RFC 3986) at the start of a location.
var schemeRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:`)

// resolve turns a location written in c's file into the name of the file to
// load. A "" result (with a nil error) means the location is empty.
func (c *doc) resolve(n *node, name QName, attr, loc string) (target string, remote bool, err error) {
	l := c.l
	loc = strings.TrimSpace(loc)
	if loc == "" {
		return "", false, nil
	}
	if c.f.remote {
		base, err1 := url.Parse(c.f.name)
		rel, err2 := url.Parse(loc)
		if err1 != nil || err2 != nil {
			return "", false, c.err(n, name, ErrInvalid, ": malformed %s %q", attr, loc)
		}
		u := base.ResolveReference(rel)
		u.Fragment = ""
		return c.checkRemote(n, name, attr, u.String())
	}
	if schemeRE.MatchString(loc) {
		return c.checkRemote(n, name, attr, loc)
	}
	if l.fsys == nil {
		return "", false, c.err(n, name, ErrUnsupported, ": cannot follow local %s %q of an in-memory document (use Load)", attr, loc)
	}
	p := loc
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	if u, err := url.PathUnescape(p); err == nil {
		p = u
	}
	if strings.HasPrefix(p, "/") || strings.Contains(p, "\\") {
		return "", false, c.err(n, name, ErrForbidden, ": %s %q is not a relative path inside the file system", attr, loc)
	}
	target = path.Join(path.Dir(c.f.name), p)
	if !fs.ValidPath(target) {
		return "", false, c.err(n, name, ErrForbidden, ": %s %q escapes the file system root", attr, loc)
	}
	return target, false, nil
}

func (c *doc) checkRemote(n *node, name QName, attr, loc string) (string, bool, error) {
	if target, ok := c.l.opts.catalogFile(loc); ok {
		switch {
		case c.l.fsys == nil:
			return "", false, c.err(n, name, ErrUnsupported, ": %s %q: the catalog maps it to file %q, which an in-memory document cannot read (use Load)", attr, loc, target)
		case !fs.ValidPath(target):
			return "", false, c.err(n, name, ErrForbidden, ": %s %q: the catalog maps it to %q, which is not a path inside the file system", attr, loc, target)
		}
		return target, false, nil
	}
	if !c.l.opts.allowRemote() {
		return "", false, c.err(n, name, ErrForbidden, ": remote %s %q (Options.AllowRemote is off)", attr, loc)
	}
	u, err := url.Parse(loc)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", false, c.err(n, name, ErrForbidden, ": %s %q: only http and https URLs may be fetched", attr, loc)
	}
	return u.String(), true, nil
}

// readLocal reads name from the loader's fsys, bounded by MaxFileSize. The
// error wraps a sentinel and the cause.
func (l *loader) readLocal(name string) ([]byte, error) {
	f, err := l.fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("%w: cannot read %q: %w", ErrInvalid, name, err)
	}
	defer f.Close()
	return l.readAll(name, f)
}

func (l *loader) readAll(name string, r io.Reader) ([]byte, error) {
	max := l.opts.maxFileSize()
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("%w: cannot read %q: %w", ErrInvalid, name, err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: %q is larger than %d bytes", ErrForbidden, name, max)
	}
	return data, nil
}

// readRemote fetches an http(s) URL.
func (l *loader) readRemote(u string) ([]byte, error) {
	resp, err := l.opts.client().Get(u)
	if err != nil {
		return nil, fmt.Errorf("%w: cannot fetch %q: %w", ErrInvalid, u, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%w: cannot fetch %q: %s", ErrInvalid, u, resp.Status)
	}
	return l.readAll(u, resp.Body)
}

// open reads the document that n (in c's file) refers to with its attribute
// attr. It returns nil when the location is empty or the file was already
// loaded.
func (c *doc) open(n *node, name QName, attr, loc string) (*doc, *node, error) {
	target, remote, err := c.resolve(n, name, attr, loc)
	if err != nil || target == "" || c.l.seen[target] {
		return nil, nil, err
	}
	var data []byte
	if remote {
		data, err = c.l.readRemote(target)
	} else {
		data, err = c.l.readLocal(target)
	}
	if err != nil {
		return nil, nil, &Error{Pos: c.pos(n), Construct: construct(n), Name: name, Err: err}
	}
	f := newFile(target, data)
	f.remote = remote
	c.l.register(f)
	root, err := parseXML(f)
	if err != nil {
		return nil, nil, err
	}
	return &doc{l: c.l, f: f}, root, nil
}

// doc is a document being parsed.
type doc struct {
	l *loader
	f *file
}

func (c *doc) pos(n *node) Pos { return c.f.pos(n.off) }

// err builds an *Error at n. format continues the sentinel's text: it
// starts with ": " or " ".
func (c *doc) err(n *node, name QName, sentinel error, format string, args ...any) *Error {
	return &Error{
		Pos:       c.pos(n),
		Construct: construct(n),
		Name:      name,
		Err:       fmt.Errorf("%w"+format, append([]any{sentinel}, args...)...),
	}
}

// parseQName resolves the QName value v of attribute attr of n through the
// namespace declarations in scope at n.
func (c *doc) parseQName(n *node, name QName, attr, v string) (QName, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return QName{}, c.err(n, name, ErrInvalid, ": empty QName in %s=\"\"", attr)
	}
	prefix, local, found := strings.Cut(v, ":")
	if !found {
		prefix, local = "", v
	}
	if !xmlscan.IsNCName(local) || found && !xmlscan.IsNCName(prefix) {
		return QName{}, c.err(n, name, ErrInvalid, ": malformed QName %s=%q", attr, v)
	}
	uri, ok := n.lookup(prefix)
	if !ok {
		return QName{}, c.err(n, name, ErrInvalid, ": undeclared namespace prefix %q in %s=%q", prefix, attr, v)
	}
	return QName{Space: uri, Local: local}, nil
}

// qname returns the QName-valued attribute attr of n, zero if absent.
func (c *doc) qname(n *node, name QName, attr string) (QName, error) {
	v, ok := n.attr(attr)
	if !ok {
		return QName{}, nil
	}
	return c.parseQName(n, name, attr, v)
}

// boolAttr returns the xs:boolean attribute attr of n, false if absent.
func (c *doc) boolAttr(n *node, name QName, attr string) (bool, error) {
	v, ok := n.attr(attr)
	if !ok {
		return false, nil
	}
	switch strings.TrimSpace(v) {
	case "true", "1":
		return true, nil
	case "false", "0":
		return false, nil
	}
	return false, c.err(n, name, ErrInvalid, ": %s=%q is not a boolean", attr, v)
}

// ncName returns the required name attribute of n, which must be an
// NCName (an XML name without a colon): the names of elements,
// attributes, types, messages, parts and operations end up on the wire
// as element names (rpc parts and wrappers too), where anything else
// would make the generated code write XML that is not well-formed.
func (c *doc) ncName(n *node) (string, error) {
	v, ok := n.attr("name")
	if !ok {
		return "", c.err(n, QName{}, ErrInvalid, ": missing name attribute")
	}
	v = strings.TrimSpace(v)
	if !xmlscan.IsNCName(v) {
		return "", c.err(n, QName{}, ErrInvalid, ": name %q is not an XML name (NCName)", v)
	}
	return v, nil
}

// docText returns the trimmed text of n's documentation children with
// local name "documentation" in namespace space, joined by blank lines.
func docText(n *node, space string) string {
	var parts []string
	for _, k := range n.elems() {
		if k.is(space, "documentation") {
			if s := strings.TrimSpace(k.deepText()); s != "" {
				parts = append(parts, s)
			}
		}
	}
	return strings.Join(parts, "\n\n")
}
