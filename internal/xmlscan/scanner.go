// Package xmlscan is soapgen's XML tokenizer: a strict, allocation-light
// scanner over a []byte, shared by the SOAP decoder (package soap) and the
// WSDL loader (package wsdl).
//
// A [Scanner] resolves namespaces with a prefix stack, hands out names, text
// and attribute values as slices of the input when no entity or line end has
// to be rewritten (of a scratch buffer otherwise; either is valid until the
// next token), and checks well-formedness and namespace well-formedness as it
// goes:
//
//   - one root element, only comments, processing instructions and white
//     space around it; an XML declaration only at the very start (after an
//     optional UTF-8 byte order mark), version 1.0, encoding UTF-8 (see
//     [Scanner.AcceptEncoding]);
//   - no DTD (an [Error] with [DTD]: no entity is ever expanded but the five
//     predefined ones and character references);
//   - names per XML 1.0 (fifth edition), QNames per Namespaces in XML:
//     one colon at most, declared prefixes, no rebinding of xml or xmlns,
//     no undeclaring (xmlns:p="");
//   - matching end tags, unique attributes (by raw and by resolved name),
//     white space between attributes, quoted values without '<';
//   - every character a legal XML Char in valid UTF-8, also in comments,
//     processing instructions and CDATA sections; no "]]>" in text;
//   - line ends normalised to "\n"; attribute values normalised (each
//     tab, line end or newline becomes a space; character references are
//     kept as written);
//   - at most [Scanner.MaxDepth] nested elements and
//     [MaxNamespaceDeclarations] namespace declarations in scope.
//
// Comments and processing instructions are skipped; character data is
// merged across them and across CDATA sections, so that text between two
// tags is one token.
package xmlscan

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// Kind is the kind of a [Token].
type Kind uint8

// The kinds of tokens. The zero Kind is no token.
const (
	_        Kind = iota
	StartTag      // a start tag (also of an empty element)
	EndTag        // an end tag (also the end of an empty element)
	CharData      // character data up to the next tag (never empty)
)

// Token is the token a [Scanner] read last. Its slices point into the input
// or the Scanner's scratch buffer: they are valid until the next call of
// [Scanner.Next]. Names (Prefix, Local, Attr.Prefix, Attr.Local) are always
// slices of the input.
type Token struct {
	Kind   Kind
	Offset int    // byte offset of the token in the input: its '<', or the first byte of the text
	Prefix []byte // the element's prefix as written; empty when unprefixed
	Local  []byte // the element's local name
	Space  string // the element's namespace name, resolved; "" for none
	Attrs  []Attr // the attributes of a start tag, namespace declarations included, in document order
	Text   []byte // the character data of a CharData token, references resolved
}

// Attr is an attribute of a start tag.
type Attr struct {
	Prefix, Local []byte // the name as written: for xmlns:p, Prefix is "xmlns" and Local p; for xmlns, Local is "xmlns"
	Space         string // resolved namespace; "" when unprefixed (and for declarations)
	Value         []byte // normalised, references resolved
	Decl          bool   // a namespace declaration (xmlns or xmlns:p)
}

// Code classifies an [Error], for callers that word some errors their own way.
type Code uint8

// The error codes.
const (
	Malformed        Code = iota // any other well-formedness or namespace error
	DTD                          // a document type declaration (or another <!...> construct)
	TooDeep                      // an element nested deeper than MaxDepth
	Encoding                     // an XML declaration naming an encoding other than UTF-8, not accepted
	Unclosed                     // the input ends inside the content of Elem
	UndeclaredPrefix             // an element (Attr empty) or attribute name with an undeclared prefix
	DuplicateAttr                // an attribute (Attr) given twice, as written or as resolved
)

// Error is an error in the scanned document. Offset is where it was found;
// for errors in a start tag that the whole tag is read for (TooDeep,
// UndeclaredPrefix, DuplicateAttr), Tag is the offset of the tag's '<' and
// Elem the element's name as written.
type Error struct {
	Code      Code
	Offset    int    // byte offset in the input
	Line, Col int    // Offset as a 1-based line and byte column
	Msg       string // what is wrong, without the position
	Tag       int    // the offset of the start tag in error (see above); -1 for other errors
	Elem      string // the element concerned, as written: the start tag in error, or the unclosed element
	Attr      string // the attribute concerned, as written (DuplicateAttr, UndeclaredPrefix)
}

// Error formats the error with its line and column.
func (e *Error) Error() string {
	return fmt.Sprintf("xml: line %d:%d: %s", e.Line, e.Col, e.Msg)
}

// nsBinding binds a prefix ("" for the default namespace) to a namespace.
type nsBinding struct {
	prefix []byte
	uri    string
}

// frame is an open element.
type frame struct {
	name   []byte // the raw QName, for matching the end tag
	plen   int    // length of its prefix (0 when unprefixed)
	space  string
	nsMark int // len(ns) before its declarations
}

type scanState uint8

const (
	stProlog scanState = iota
	stContent
	stDone
)

// Scanner tokenizes one XML document. Set it up with [Scanner.Reset], then
// call [Scanner.Next] until [Scanner.Done] reports the end of the root
// element, or Next returns false with the error in [Scanner.Err] (a call
// after the end is an error too). A Scanner holds inline storage for
// ordinary documents (so that embedding it costs no extra allocation) and
// must not be copied after its first use.
type Scanner struct {
	// MaxDepth limits element nesting; zero or less means DefaultMaxDepth.
	MaxDepth int
	// AcceptEncoding, if not nil, is asked about an encoding other than
	// UTF-8 named by the XML declaration: when it returns true the document
	// is read as UTF-8 all the same (the caller knows the bytes agree,
	// e.g. an ASCII document declared ISO-8859-1). When it is nil or returns
	// false, the declaration is an Error with code Encoding.
	AcceptEncoding func(label string) bool

	src      []byte
	pos      int
	state    scanState
	stack    []frame
	ns       []nsBinding
	attrs    []Attr
	buf      []byte // scratch for text and values that had to be rewritten
	emptyEnd bool   // the last start tag was empty: its end is next
	emptyOff int    // the offset of that start tag
	pop      bool   // the last token ended an element: pop it first
	err      *Error
	uris     []string // namespace names seen, reused instead of allocated again

	// Inline storage, so that a Scanner is no allocation of its own for
	// ordinary documents.
	stackBuf [24]frame
	nsBuf    [16]nsBinding
	attrsBuf [8]Attr
	urisBuf  [16]string
}

const (
	nsXML   = "http://www.w3.org/XML/1998/namespace"
	nsXMLNS = "http://www.w3.org/2000/xmlns/"
	// maxURIs bounds the namespace names the Scanner remembers, and
	// maxURILen the length of one it remembers.
	maxURIs   = 64
	maxURILen = 512
	// MaxNamespaceDeclarations bounds the namespace declarations in scope
	// at once: lookups scan them, so a hostile document with thousands
	// would make scanning quadratic. Real documents have a handful.
	MaxNamespaceDeclarations = 256
	// DefaultMaxDepth is the element nesting a Scanner accepts when its
	// MaxDepth is not set.
	DefaultMaxDepth = 256
)

// Reset makes s scan src from its start, forgetting any earlier document
// but keeping its buffers, MaxDepth and AcceptEncoding. src must not change
// while s scans it. namespaces are namespace names the document is likely to
// declare: the Scanner hands out these strings (as Token.Space and
// Attr.Space) rather than allocating copies.
func (s *Scanner) Reset(src []byte, namespaces ...string) {
	s.src = src
	s.pos = 0
	s.state = stProlog
	s.stack = s.stackBuf[:0]
	s.ns = s.nsBuf[:0]
	s.attrs = s.attrsBuf[:0]
	s.buf = s.buf[:0]
	s.emptyEnd, s.pop = false, false
	s.err = nil
	if len(namespaces) > maxURIs {
		namespaces = namespaces[:maxURIs]
	}
	s.uris = append(s.urisBuf[:0], namespaces...)
}

// Rescan is Reset keeping the namespace names s has handed out so far, so
// that a Scanner reused for documents of one kind (the requests a server
// receives) allocates none of them again.
func (s *Scanner) Rescan(src []byte) {
	uris := s.uris
	s.Reset(src)
	s.uris = uris
}

// Err returns the error that stopped the Scanner (an *[Error]), or nil.
func (s *Scanner) Err() error {
	if s.err == nil {
		return nil
	}
	return s.err
}

// Done reports whether the last token was the end of the root element, and
// the rest of the input is checked: a document fully read.
func (s *Scanner) Done() bool {
	return s.state == stDone && s.err == nil
}

// Input returns the document s scans.
func (s *Scanner) Input() []byte { return s.src }

// fail records an error of code Malformed at byte offset off.
func (s *Scanner) fail(off int, format string, args ...any) bool {
	return s.failCode(Malformed, off, format, args...)
}

// failCode records an error at byte offset off.
func (s *Scanner) failCode(code Code, off int, format string, args ...any) bool {
	if s.err == nil {
		msg := format
		if len(args) > 0 {
			msg = fmt.Sprintf(format, args...)
		}
		line, col := s.LineCol(off)
		s.err = &Error{Code: code, Offset: off, Line: line, Col: col, Msg: msg, Tag: -1}
	}
	return false
}

// failTag records an error in the start tag at off, of the element named
// src[off+1:nameEnd].
func (s *Scanner) failTag(code Code, errOff, off, nameEnd int, attr, format string, args ...any) bool {
	if s.err == nil {
		s.failCode(code, errOff, format, args...)
		s.err.Tag = off
		s.err.Elem = string(s.src[off+1 : nameEnd])
		s.err.Attr = attr
	}
	return false
}

// LineCol converts a byte offset of the input to a 1-based line and byte
// column (lines end at '\n').
func (s *Scanner) LineCol(off int) (line, col int) {
	if off > len(s.src) {
		off = len(s.src)
	}
	if off < 0 {
		off = 0
	}
	before := s.src[:off]
	nl := bytes.LastIndexByte(before, '\n')
	return bytes.Count(before, nlByte) + 1, off - nl
}

var nlByte = []byte{'\n'}

// Byte classes.
var (
	// textPlain: bytes of character data that need no attention.
	textPlain [256]bool
	// attrPlain: bytes of attribute values that need no attention (the
	// quotes are checked apart).
	attrPlain [256]bool
	// nameStart, nameChar: ASCII bytes of NCNames.
	nameStart, nameChar [256]bool
	isWS                [256]bool
)

func init() {
	for c := 0x20; c < 0x80; c++ {
		textPlain[c] = true
		attrPlain[c] = true
	}
	for _, c := range "<&]" {
		textPlain[c] = false
	}
	textPlain['\t'], textPlain['\n'] = true, true
	for _, c := range "<&\"'" {
		attrPlain[c] = false
	}
	for c := 'a'; c <= 'z'; c++ {
		nameStart[c], nameChar[c] = true, true
		nameStart[c-'a'+'A'], nameChar[c-'a'+'A'] = true, true
	}
	for c := '0'; c <= '9'; c++ {
		nameChar[c] = true
	}
	nameStart['_'], nameChar['_'] = true, true
	nameChar['-'], nameChar['.'] = true, true
	for _, c := range " \t\r\n" {
		isWS[c] = true
	}
}

// isNameStartRune reports whether r (not ASCII) may start an XML name
// (XML 1.0 fifth edition, NameStartChar).
func isNameStartRune(r rune) bool {
	return r >= 0xC0 && r <= 0xD6 || r >= 0xD8 && r <= 0xF6 || r >= 0xF8 && r <= 0x2FF ||
		r >= 0x370 && r <= 0x37D || r >= 0x37F && r <= 0x1FFF || r >= 0x200C && r <= 0x200D ||
		r >= 0x2070 && r <= 0x218F || r >= 0x2C00 && r <= 0x2FEF || r >= 0x3001 && r <= 0xD7FF ||
		r >= 0xF900 && r <= 0xFDCF || r >= 0xFDF0 && r <= 0xFFFD || r >= 0x10000 && r <= 0xEFFFF
}

// isNameRune reports whether r (not ASCII) may continue an XML name.
func isNameRune(r rune) bool {
	return isNameStartRune(r) || r == 0xB7 || r >= 0x300 && r <= 0x36F || r >= 0x203F && r <= 0x2040
}

// isXMLChar reports whether r is a Char of XML 1.0.
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// IsNCName reports whether s is an NCName of Namespaces in XML 1.0 (an XML
// name without a colon; XML 1.0 fifth edition's name characters), what an
// element or attribute's local name must be.
func IsNCName(s string) bool {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if i == 0 && !nameStart[c] || !nameChar[c] {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if n == 1 || i == 0 && !isNameStartRune(r) || !isNameRune(r) {
			return false
		}
		i += n
	}
	return s != ""
}

// ncname scans an NCName at i and returns its end (i if there is none).
func (s *Scanner) ncname(i int) int {
	src := s.src
	if i >= len(src) {
		return i
	}
	if c := src[i]; c < utf8.RuneSelf {
		if !nameStart[c] {
			return i
		}
		i++
	} else {
		r, n := utf8.DecodeRune(src[i:])
		if n == 1 || !isNameStartRune(r) {
			return i
		}
		i += n
	}
	for i < len(src) {
		c := src[i]
		if c < utf8.RuneSelf {
			if !nameChar[c] {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(src[i:])
		if n == 1 || !isNameRune(r) {
			break
		}
		i += n
	}
	return i
}

// qname scans a QName at i: prefix and local part, and the end.
func (s *Scanner) qname(i int, what string) (prefix, local []byte, end int, ok bool) {
	j := s.ncname(i)
	if j == i {
		return nil, nil, i, s.badName(i, what)
	}
	if j < len(s.src) && s.src[j] == ':' {
		k := s.ncname(j + 1)
		if k == j+1 {
			return nil, nil, i, s.badName(j+1, what)
		}
		if k < len(s.src) && s.src[k] == ':' {
			return nil, nil, i, s.fail(k, "invalid %s: more than one colon", what)
		}
		return s.src[i:j], s.src[j+1 : k], k, true
	}
	return nil, s.src[i:j], j, true
}

func (s *Scanner) badName(i int, what string) bool {
	if i >= len(s.src) {
		return s.fail(i, "unexpected EOF in %s", what)
	}
	r, n := utf8.DecodeRune(s.src[i:])
	if r == utf8.RuneError && n == 1 {
		return s.fail(i, "invalid UTF-8")
	}
	return s.fail(i, "invalid %s: unexpected %q", what, r)
}

// skipWS returns the offset of the first byte at or after i that is not
// white space.
func (s *Scanner) skipWS(i int) int {
	for i < len(s.src) && isWS[s.src[i]] {
		i++
	}
	return i
}

// checkChars checks that src[i:j] holds legal XML characters in valid
// UTF-8, returning false (with the error recorded) if not.
func (s *Scanner) checkChars(i, j int) bool {
	src := s.src
	for i < j {
		c := src[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return s.fail(i, "illegal character code %U", rune(c))
			}
			i++
			continue
		}
		n, ok := s.checkRune(i)
		if !ok {
			return false
		}
		i += n
	}
	return true
}

// checkRune checks the multi-byte character at i and returns its size.
func (s *Scanner) checkRune(i int) (int, bool) {
	r, n := utf8.DecodeRune(s.src[i:])
	if n == 1 {
		return 0, s.fail(i, "invalid UTF-8")
	}
	if !isXMLChar(r) {
		return 0, s.fail(i, "illegal character code %U", r)
	}
	return n, true
}

// Next reads the next token into t: a start tag, an end tag or (non-empty)
// character data. It returns false at an error, kept in Err; calling it after
// the end of the root element is an error too (see Done).
func (s *Scanner) Next(t *Token) bool {
	if s.err != nil {
		return false
	}
	if s.pop {
		s.pop = false
		f := &s.stack[len(s.stack)-1]
		s.ns = s.ns[:f.nsMark]
		s.stack = s.stack[:len(s.stack)-1]
	}
	if s.emptyEnd {
		s.emptyEnd = false
		return s.endOf(t, s.emptyOff)
	}
	switch s.state {
	case stProlog:
		if !s.prolog() {
			return false
		}
		s.state = stContent
		return s.startTag(t)
	case stDone:
		return s.fail(s.pos, "unexpected EOF: the root element is closed")
	}
	for {
		i := s.pos
		if i >= len(s.src) {
			return s.unclosed(i)
		}
		if s.src[i] == '<' && i+1 < len(s.src) {
			switch c := s.src[i+1]; {
			case c == '/':
				return s.endTag(t)
			case c != '!' && c != '?':
				return s.startTag(t)
			}
		}
		if !s.text(t) {
			return false
		}
		if len(t.Text) > 0 {
			return true
		}
		// Only comments or processing instructions: read on.
	}
}

// unclosed records the end of the input at off inside the content of the
// innermost element.
func (s *Scanner) unclosed(off int) bool {
	name := s.stack[len(s.stack)-1].name
	if s.err == nil {
		s.failCode(Unclosed, off, "unexpected EOF in element <%s>", name)
		s.err.Elem = string(name)
	}
	return false
}

// Depth returns the number of elements open after the last token Next
// returned: for a start tag, its element counts; for an end tag, its
// element does not; for character data, the depth of the element holding
// it.
func (s *Scanner) Depth() int {
	if s.pop {
		return len(s.stack) - 1
	}
	return len(s.stack)
}

// maxDepth returns the nesting limit in force.
func (s *Scanner) maxDepth() int {
	if s.MaxDepth <= 0 {
		return DefaultMaxDepth
	}
	return s.MaxDepth
}

// endOf makes t the end token of the innermost element.
func (s *Scanner) endOf(t *Token, off int) bool {
	f := &s.stack[len(s.stack)-1]
	t.Kind = EndTag
	t.Offset = off
	t.Prefix = f.name[:f.plen]
	t.Local = f.name[f.plen:]
	if f.plen > 0 {
		t.Local = t.Local[1:]
	}
	t.Space = f.space
	t.Attrs = nil
	t.Text = nil
	s.pop = true
	if len(s.stack) == 1 {
		s.state = stDone
		return s.epilogue()
	}
	return true
}

// prolog reads up to the root element's start tag.
func (s *Scanner) prolog() bool {
	src := s.src
	i := 0
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		i = 3
	}
	if len(src) >= i+5 && string(src[i:i+5]) == "<?xml" && (len(src) == i+5 || isWS[src[i+5]] || src[i+5] == '?') {
		j, ok := s.xmlDecl(i)
		if !ok {
			return false
		}
		i = j
	}
	s.pos = i
	if !s.misc() {
		return false
	}
	i = s.pos
	if i >= len(src) {
		return s.fail(i, "no root element")
	}
	if src[i] == '<' && i+1 < len(src) && src[i+1] != '!' && src[i+1] != '?' && src[i+1] != '/' {
		return true
	}
	if src[i] == '<' && i+1 < len(src) && src[i+1] == '!' {
		// Not a comment (misc read those): a DTD or CDATA.
		if i+2 < len(src) && src[i+2] == '[' {
			return s.fail(i, "CDATA section outside the root element")
		}
		if i+2 < len(src) && src[i+2] == '-' {
			return s.fail(i, "invalid sequence <!- not part of <!--")
		}
		return s.failCode(DTD, i, "DTD not allowed")
	}
	return s.outside(i, "before")
}

// outside reports what is at i, outside the root element.
func (s *Scanner) outside(i int, where string) bool {
	src := s.src
	switch {
	case src[i] == '<' && i+1 < len(src) && src[i+1] == '/':
		return s.fail(i, "unexpected end tag %s the root element", where)
	case src[i] == '<' && where == "after" && i+1 < len(src) && src[i+1] != '!' && src[i+1] != '?':
		return s.fail(i, "a second root element")
	case src[i] == '&':
		return s.fail(i, "reference outside the root element")
	}
	if src[i] >= utf8.RuneSelf {
		if _, ok := s.checkRune(i); !ok {
			return false
		}
	}
	return s.fail(i, "text %s the root element", where)
}

// misc skips white space, comments and processing instructions outside
// the root element.
func (s *Scanner) misc() bool {
	for {
		i := s.skipWS(s.pos)
		s.pos = i
		if i+1 >= len(s.src) || s.src[i] != '<' {
			return true
		}
		switch {
		case s.src[i+1] == '?':
			if !s.pi(i) {
				return false
			}
		case i+3 < len(s.src) && string(s.src[i:i+4]) == "<!--":
			if !s.comment(i) {
				return false
			}
		default:
			return true
		}
	}
}

// epilogue checks what follows the root element: only white space,
// comments and processing instructions.
func (s *Scanner) epilogue() bool {
	save := s.pos
	if !s.misc() {
		return false
	}
	if i := s.pos; i < len(s.src) {
		if s.src[i] == '<' && i+1 < len(s.src) && s.src[i+1] == '!' {
			if i+2 < len(s.src) && s.src[i+2] == '-' {
				return s.fail(i, "invalid sequence <!- not part of <!--")
			}
			if i+2 < len(s.src) && s.src[i+2] == '[' {
				return s.fail(i, "CDATA section outside the root element")
			}
			return s.failCode(DTD, i, "DTD not allowed")
		}
		return s.outside(i, "after")
	}
	s.pos = save
	return true
}

// xmlDecl reads the XML declaration at i ("<?xml" and white space or "?"
// seen) and returns the offset after it.
func (s *Scanner) xmlDecl(i int) (int, bool) {
	src := s.src
	j := i + 5
	seen := 0 // 1: version, 2: encoding, 3: standalone
	for {
		k := s.skipWS(j)
		if k+1 < len(src) && src[k] == '?' && src[k+1] == '>' {
			if seen == 0 {
				return 0, s.fail(k, "XML declaration without version")
			}
			return k + 2, true
		}
		if k == j {
			if k >= len(src) {
				return 0, s.fail(k, "unexpected EOF in the XML declaration")
			}
			return 0, s.fail(k, "invalid XML declaration")
		}
		e := k
		for e < len(src) && src[e] >= 'a' && src[e] <= 'z' {
			e++
		}
		which := 0
		switch string(src[k:e]) {
		case "version":
			which = 1
		case "encoding":
			which = 2
		case "standalone":
			which = 3
		}
		if which <= seen || which > 1 && seen == 0 {
			return 0, s.fail(k, "invalid XML declaration")
		}
		seen = which
		e = s.skipWS(e)
		if e >= len(src) || src[e] != '=' {
			return 0, s.fail(e, "invalid XML declaration")
		}
		e = s.skipWS(e + 1)
		if e >= len(src) || src[e] != '"' && src[e] != '\'' {
			return 0, s.fail(e, "invalid XML declaration")
		}
		q := bytes.IndexByte(src[e+1:], src[e])
		if q < 0 {
			return 0, s.fail(e, "unexpected EOF in the XML declaration")
		}
		val := src[e+1 : e+1+q]
		switch which {
		case 1:
			if string(val) != "1.0" {
				return 0, s.fail(e, "unsupported XML version %q: only 1.0 is supported", val)
			}
		case 2:
			if !bytes.EqualFold(val, []byte("UTF-8")) && (s.AcceptEncoding == nil || !s.AcceptEncoding(string(val))) {
				return 0, s.failCode(Encoding, e, "unsupported encoding %q: only UTF-8 is supported", val)
			}
		case 3:
			if string(val) != "yes" && string(val) != "no" {
				return 0, s.fail(e, "invalid standalone %q", val)
			}
		}
		j = e + 2 + q
	}
}

// comment skips the comment at i ("<!--" seen).
func (s *Scanner) comment(i int) bool {
	src := s.src
	j := i + 4
	k := bytes.Index(src[j:], []byte("--"))
	if k < 0 {
		return s.fail(len(src), "unexpected EOF in a comment")
	}
	k += j
	if k+2 >= len(src) {
		return s.fail(len(src), "unexpected EOF in a comment")
	}
	if src[k+2] != '>' {
		return s.fail(k, `invalid sequence "--" in a comment`)
	}
	if !s.checkChars(i+4, k) {
		return false
	}
	s.pos = k + 3
	return true
}

// pi skips the processing instruction at i ("<?" seen).
func (s *Scanner) pi(i int) bool {
	src := s.src
	j := s.ncname(i + 2)
	if j == i+2 {
		return s.badName(j, "processing instruction target")
	}
	target := src[i+2 : j]
	if len(target) == 3 && (target[0]|0x20) == 'x' && (target[1]|0x20) == 'm' && (target[2]|0x20) == 'l' {
		return s.fail(i, "XML declaration not at the start of the document")
	}
	if j < len(src) && src[j] == ':' {
		return s.fail(j, "invalid processing instruction target: colon")
	}
	if j+1 < len(src) && src[j] == '?' && src[j+1] == '>' {
		s.pos = j + 2
		return true
	}
	if j >= len(src) {
		return s.fail(j, "unexpected EOF in a processing instruction")
	}
	if !isWS[src[j]] {
		return s.badName(j, "processing instruction target")
	}
	k := bytes.Index(src[j:], []byte("?>"))
	if k < 0 {
		return s.fail(len(src), "unexpected EOF in a processing instruction")
	}
	k += j
	if !s.checkChars(j, k) {
		return false
	}
	s.pos = k + 2
	return true
}

// text reads character data from s.pos up to the next start or end tag,
// skipping comments and processing instructions and taking in CDATA
// sections. t.Text is a slice of the input when nothing had to be
// rewritten.
func (s *Scanner) text(t *Token) bool {
	src := s.src
	start := s.pos
	i := start
	copied := false // t.Text is in s.buf
	out := s.buf[:0]
	run := i // start of the input not yet copied
	for i < len(src) {
		c := src[i]
		if textPlain[c] {
			i++
			continue
		}
		switch {
		case c == '<':
			if i+1 >= len(src) {
				return s.unclosed(len(src))
			}
			switch src[i+1] {
			case '!':
				if i+3 < len(src) && src[i+2] == '-' && src[i+3] == '-' {
					out, copied = append(out, src[run:i]...), true
					if !s.comment(i) {
						return false
					}
					i, run = s.pos, s.pos
					continue
				}
				if i+8 < len(src) && string(src[i+2:i+9]) == "[CDATA[" {
					out, copied = append(out, src[run:i]...), true
					var ok bool
					if out, i, ok = s.cdata(i, out); !ok {
						return false
					}
					run = i
					continue
				}
				if i+2 < len(src) && src[i+2] == '-' {
					return s.fail(i, "invalid sequence <!- not part of <!--")
				}
				if i+2 < len(src) && src[i+2] == '[' {
					return s.fail(i, "invalid <![ sequence")
				}
				return s.failCode(DTD, i, "DTD not allowed")
			case '?':
				out, copied = append(out, src[run:i]...), true
				if !s.pi(i) {
					return false
				}
				i, run = s.pos, s.pos
				continue
			}
			goto done
		case c == '&':
			out, copied = append(out, src[run:i]...), true
			var ok bool
			if out, i, ok = s.ref(i, out); !ok {
				return false
			}
			run = i
		case c == '\r':
			out, copied = append(out, src[run:i]...), true
			out = append(out, '\n')
			i++
			if i < len(src) && src[i] == '\n' {
				i++
			}
			run = i
		case c == ']':
			if i+2 < len(src) && src[i+1] == ']' && src[i+2] == '>' {
				return s.fail(i, `unescaped "]]>" not in a CDATA section`)
			}
			i++
		case c >= utf8.RuneSelf:
			n, ok := s.checkRune(i)
			if !ok {
				return false
			}
			i += n
		default:
			return s.fail(i, "illegal character code %U", rune(c))
		}
	}
done:
	t.Kind = CharData
	t.Offset = start
	t.Prefix, t.Local, t.Space = nil, nil, ""
	t.Attrs = nil
	if copied {
		out = append(out, src[run:i]...)
		s.buf = out
		t.Text = out
	} else {
		t.Text = src[start:i]
	}
	s.pos = i
	return true
}

// cdata appends the content of the CDATA section at i to out.
func (s *Scanner) cdata(i int, out []byte) ([]byte, int, bool) {
	src := s.src
	j := i + 9
	k := bytes.Index(src[j:], []byte("]]>"))
	if k < 0 {
		return out, 0, s.fail(len(src), "unexpected EOF in a CDATA section")
	}
	k += j
	if !s.checkChars(j, k) {
		return out, 0, false
	}
	for {
		r := bytes.IndexByte(src[j:k], '\r')
		if r < 0 {
			break
		}
		out = append(out, src[j:j+r]...)
		out = append(out, '\n')
		j += r + 1
		if j < k && src[j] == '\n' {
			j++
		}
	}
	return append(out, src[j:k]...), k + 3, true
}

// ref appends the character of the reference at i ('&' seen) to out.
func (s *Scanner) ref(i int, out []byte) ([]byte, int, bool) {
	src := s.src
	j := i + 1
	if j < len(src) && src[j] == '#' {
		j++
		base := uint32(10)
		if j < len(src) && src[j] == 'x' {
			base = 16
			j++
		}
		digits := j
		var n uint32
		for ; j < len(src); j++ {
			c := src[j]
			var v uint32
			switch {
			case c >= '0' && c <= '9':
				v = uint32(c - '0')
			case base == 16 && c >= 'a' && c <= 'f':
				v = uint32(c-'a') + 10
			case base == 16 && c >= 'A' && c <= 'F':
				v = uint32(c-'A') + 10
			default:
				v = 99
			}
			if v == 99 {
				break
			}
			if n <= utf8.MaxRune {
				n = n*base + v
			}
		}
		if j == digits || j >= len(src) || src[j] != ';' {
			return out, 0, s.fail(i, "invalid character reference %s", excerptRef(src[i:]))
		}
		if n > utf8.MaxRune || !isXMLChar(rune(n)) {
			return out, 0, s.fail(i, "character reference %s is not a legal XML character", src[i:j+1])
		}
		return utf8.AppendRune(out, rune(n)), j + 1, true
	}
	k := s.ncname(j)
	if k == j || k >= len(src) || src[k] != ';' {
		return out, 0, s.fail(i, "invalid entity reference %s", excerptRef(src[i:]))
	}
	var c byte
	switch string(src[j:k]) {
	case "lt":
		c = '<'
	case "gt":
		c = '>'
	case "amp":
		c = '&'
	case "apos":
		c = '\''
	case "quot":
		c = '"'
	default:
		return out, 0, s.fail(i, "undefined entity %s", src[i:k+1])
	}
	return append(out, c), k + 1, true
}

func excerptRef(b []byte) string {
	if len(b) > 12 {
		b = b[:12]
	}
	if i := bytes.IndexAny(b, " \t\r\n<"); i > 0 {
		b = b[:i]
	}
	return fmt.Sprintf("%q", b)
}

// Lookup resolves a prefix ("" for the default namespace) in the scope of
// the element of the last start or end tag read, its own declarations
// included. It does not allocate.
func (s *Scanner) Lookup(prefix []byte) (string, bool) {
	for i := len(s.ns) - 1; i >= 0; i-- {
		if string(s.ns[i].prefix) == string(prefix) {
			return s.ns[i].uri, true
		}
	}
	switch {
	case len(prefix) == 0:
		return "", true
	case string(prefix) == "xml":
		return nsXML, true
	}
	return "", false
}

// uri returns b as a string, reusing one seen before.
func (s *Scanner) uri(b []byte) string {
	for _, u := range s.uris {
		if u == string(b) {
			return u
		}
	}
	u := string(b)
	if len(s.uris) < maxURIs && len(u) <= maxURILen {
		s.uris = append(s.uris, u)
	}
	return u
}

// startTag reads the start tag at s.pos.
func (s *Scanner) startTag(t *Token) bool {
	src := s.src
	off := s.pos
	prefix, local, i, ok := s.qname(off+1, "element name")
	if !ok {
		return false
	}
	nameEnd := i
	nsMark := len(s.ns)
	attrs := s.attrs[:0]
	s.buf = s.buf[:0]
	empty := false
	for {
		j := s.skipWS(i)
		if j >= len(src) {
			return s.fail(j, "unexpected EOF in a start tag")
		}
		c := src[j]
		if c == '>' {
			i = j + 1
			break
		}
		if c == '/' {
			if j+1 < len(src) && src[j+1] == '>' {
				i, empty = j+2, true
				break
			}
			return s.fail(j, "expected /> in element")
		}
		if j == i {
			if i > nameEnd {
				return s.fail(j, "missing white space between attributes")
			}
			if c == '"' || c == '\'' || c == '=' {
				return s.fail(j, "invalid character %q in a start tag", c)
			}
			return s.badName(j, "element name")
		}
		ap, al, k, ok := s.qname(j, "attribute name")
		if !ok {
			return false
		}
		k = s.skipWS(k)
		if k >= len(src) || src[k] != '=' {
			if k >= len(src) {
				return s.fail(k, "unexpected EOF in a start tag")
			}
			return s.fail(k, "attribute %s without a value", src[j:k])
		}
		k = s.skipWS(k + 1)
		if k >= len(src) || src[k] != '"' && src[k] != '\'' {
			if k >= len(src) {
				return s.fail(k, "unexpected EOF in a start tag")
			}
			return s.fail(k, "unquoted attribute value")
		}
		v, end, ok := s.attrValue(k)
		if !ok {
			return false
		}
		a := Attr{Prefix: ap, Local: al, Value: v}
		if len(s.ns) >= MaxNamespaceDeclarations && (len(ap) == 0 && string(al) == "xmlns" || string(ap) == "xmlns") {
			return s.fail(j, "more than %d namespace declarations in scope", MaxNamespaceDeclarations)
		}
		switch {
		case len(ap) == 0 && string(al) == "xmlns":
			a.Decl = true
			if string(v) == nsXML || string(v) == nsXMLNS {
				return s.fail(j, "the default namespace cannot be %s", v)
			}
			s.ns = append(s.ns, nsBinding{uri: s.uri(v)})
		case string(ap) == "xmlns":
			a.Decl = true
			switch {
			case len(v) == 0:
				return s.fail(j, "namespace prefix %s bound to the empty name", al)
			case string(al) == "xmlns":
				return s.fail(j, "the prefix xmlns cannot be declared")
			case string(al) == "xml" && string(v) != nsXML || string(al) != "xml" && string(v) == nsXML:
				return s.fail(j, "only the prefix xml binds %s", nsXML)
			case string(v) == nsXMLNS:
				return s.fail(j, "no prefix binds %s", nsXMLNS)
			}
			s.ns = append(s.ns, nsBinding{prefix: al, uri: s.uri(v)})
		}
		attrs = append(attrs, a)
		i = end
	}
	if max := s.maxDepth(); len(s.stack) >= max {
		return s.failTag(TooDeep, off, off, nameEnd, "", "elements nested deeper than %d", max)
	}
	if string(prefix) == "xmlns" {
		return s.fail(off+1, "element name with the prefix xmlns")
	}
	space, ok := s.Lookup(prefix)
	if !ok {
		return s.failTag(UndeclaredPrefix, off+1, off, nameEnd, "", "undeclared namespace prefix %s", prefix)
	}
	for n := range attrs {
		a := &attrs[n]
		if !a.Decl && len(a.Prefix) > 0 {
			if a.Space, ok = s.Lookup(a.Prefix); !ok {
				return s.failTag(UndeclaredPrefix, off, off, nameEnd, string(a.Prefix)+":"+string(a.Local),
					"undeclared namespace prefix %s on attribute %s:%s", a.Prefix, a.Prefix, a.Local)
			}
		}
	}
	if len(attrs) > 1 && !s.uniqueAttrs(off, nameEnd, attrs) {
		return false
	}
	s.attrs = attrs
	s.stack = append(s.stack, frame{name: src[off+1 : nameEnd], plen: len(prefix), space: space, nsMark: nsMark})
	t.Kind = StartTag
	t.Offset = off
	t.Prefix, t.Local, t.Space = prefix, local, space
	t.Attrs = attrs
	t.Text = nil
	s.pos = i
	s.emptyEnd, s.emptyOff = empty, off
	return true
}

// uniqueAttrs checks that no two attributes have the same name, as
// written or as resolved.
func (s *Scanner) uniqueAttrs(off, nameEnd int, attrs []Attr) bool {
	same := func(a, b *Attr) bool {
		if string(a.Local) != string(b.Local) {
			return false
		}
		if a.Decl || b.Decl {
			return a.Decl == b.Decl && string(a.Prefix) == string(b.Prefix)
		}
		return a.Space == b.Space
	}
	if len(attrs) <= 32 {
		for i := 1; i < len(attrs); i++ {
			for j := 0; j < i; j++ {
				if same(&attrs[i], &attrs[j]) {
					return s.dupAttr(off, nameEnd, &attrs[i])
				}
			}
		}
		return true
	}
	seen := make(map[string]bool, len(attrs))
	for i := range attrs {
		a := &attrs[i]
		key := a.Space + "\x00" + string(a.Local)
		if a.Decl {
			key = "\x00" + string(a.Prefix) + "\x00" + string(a.Local)
		}
		if seen[key] {
			return s.dupAttr(off, nameEnd, a)
		}
		seen[key] = true
	}
	return true
}

func (s *Scanner) dupAttr(off, nameEnd int, a *Attr) bool {
	name := string(a.Local)
	if len(a.Prefix) > 0 {
		name = string(a.Prefix) + ":" + name
	}
	return s.failTag(DuplicateAttr, off, off, nameEnd, name, "duplicate attribute %s", name)
}

// attrValue reads the quoted value at i and returns it normalised.
func (s *Scanner) attrValue(i int) ([]byte, int, bool) {
	src := s.src
	q := src[i]
	start := i + 1
	j := start
	for j < len(src) && attrPlain[src[j]] {
		j++
	}
	if j < len(src) && src[j] == q {
		return src[start:j], j + 1, true
	}
	// Slow path: rewrite into s.buf (earlier values of this tag stay valid
	// even if append moves the buffer).
	out := s.buf
	mark := len(out)
	out = append(out, src[start:j]...)
	for {
		if j >= len(src) {
			return nil, 0, s.fail(j, "unexpected EOF in an attribute value")
		}
		c := src[j]
		switch {
		case c == q:
			s.buf = out
			return out[mark:], j + 1, true
		case attrPlain[c]:
			out = append(out, c)
			j++
		case c == '"' || c == '\'':
			out = append(out, c)
			j++
		case c == '<':
			return nil, 0, s.fail(j, "unescaped < in an attribute value")
		case c == '&':
			var ok bool
			if out, j, ok = s.ref(j, out); !ok {
				return nil, 0, false
			}
		case c == '\t' || c == '\n':
			out = append(out, ' ')
			j++
		case c == '\r':
			out = append(out, ' ')
			j++
			if j < len(src) && src[j] == '\n' {
				j++
			}
		case c >= utf8.RuneSelf:
			n, ok := s.checkRune(j)
			if !ok {
				return nil, 0, false
			}
			out = append(out, src[j:j+n]...)
			j += n
		default:
			return nil, 0, s.fail(j, "illegal character code %U", rune(c))
		}
	}
}

// endTag reads the end tag at s.pos.
func (s *Scanner) endTag(t *Token) bool {
	src := s.src
	off := s.pos
	_, _, i, ok := s.qname(off+2, "element name")
	if !ok {
		return false
	}
	f := &s.stack[len(s.stack)-1]
	if !bytes.Equal(src[off+2:i], f.name) {
		return s.fail(off, "element <%s> closed by </%s>", f.name, src[off+2:i])
	}
	i = s.skipWS(i)
	if i >= len(src) {
		return s.fail(i, "unexpected EOF in an end tag")
	}
	if src[i] != '>' {
		return s.fail(i, "invalid characters between </%s and >", f.name)
	}
	s.pos = i + 1
	return s.endOf(t, off)
}
