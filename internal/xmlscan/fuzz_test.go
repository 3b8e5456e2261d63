package xmlscan

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/soapgen/soapgen/internal/xmlscan/xmlscantest"
)

// FuzzScanner compares the Scanner with encoding/xml (Strict, no
// DTD) on the same input: where the oracle accepts, the token streams
// (resolved names, attributes, character data) must be equal; where it
// rejects, the scanner must reject too.
//
// The oracle is encoding/xml plus the well-formedness and namespace rules
// it does not check itself, checked here on its tokens and their source
// bytes. These are the intended differences (soapgen is stricter):
//
//   - document: exactly one root element, nothing but white space,
//     comments and processing instructions around it (encoding/xml is a
//     tokenizer and accepts text, CDATA, references, several roots);
//   - the XML declaration only at the very start and by the XML grammar
//     (version required, then encoding, then standalone); no other
//     processing instruction named xml in any case; a target followed by
//     white space or "?>"; no colon in targets (Namespaces in XML);
//   - DTDs: encoding/xml returns a Directive, soapgen refuses (code DTD);
//   - Namespaces in XML: QNames with one colon and NCName parts, declared
//     prefixes, no xmlns:p="", no rebinding of xml or xmlns, no element
//     prefix xmlns (encoding/xml leaves undeclared prefixes unresolved);
//   - attributes: unique by written and by resolved name, separated by
//     white space (encoding/xml checks neither);
//   - characters: comments and processing instructions must hold legal XML
//     characters in valid UTF-8 too (encoding/xml checks only text and
//     values); a character reference to a surrogate is an error
//     (encoding/xml decodes it as U+FFFD);
//   - attribute values are normalised (tab, newline, carriage return
//     become spaces; encoding/xml keeps them): values are compared with
//     those mapped to spaces on both sides (TestTokens checks the
//     exact values); so are namespace names, which are the normalised
//     values of their declarations (encoding/xml uses them raw);
//   - an unprefixed element named xmlns is in the default namespace
//     (encoding/xml leaves it in none);
//   - a UTF-8 byte order mark is skipped (encoding/xml reads it as text);
//   - names follow XML 1.0 fifth edition, encoding/xml an older table of
//     name characters: inputs where encoding/xml rejects a name that holds
//     non-ASCII characters are not compared.
func FuzzScanner(f *testing.F) {
	xmlscantest.AddSeeds(f, "testdata")
	f.Fuzz(func(t *testing.T, data []byte) {
		got, gotErr := scanAll(data)
		want, wantErr, skip := oracle(data)
		if skip {
			return
		}
		switch {
		case wantErr == nil && gotErr != nil:
			t.Fatalf("encoding/xml accepts, soapgen rejects: %v\ninput %q", gotErr, data)
		case wantErr != nil && gotErr == nil:
			t.Fatalf("encoding/xml rejects (%v), soapgen accepts\ninput %q\ntokens %q", wantErr, data, got)
		case wantErr == nil:
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Fatalf("token streams differ\ninput %q\nsoapgen:\n%s\nencoding/xml:\n%s", data, strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		}
	})
}

type oracleBinding struct {
	prefix, uri string
	depth       int
}

var (
	xmlDeclRE = regexp.MustCompile(`^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*("1\.0"|'1\.0')` +
		`([ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*("[Uu][Tt][Ff]-8"|'[Uu][Tt][Ff]-8'))?` +
		`([ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*("(yes|no)"|'(yes|no)'))?[ \t\r\n]*\?>$`)
	charRefRE = regexp.MustCompile(`&#(x[0-9a-fA-F]+|[0-9]+);`)
)

// oracle tokenizes data with encoding/xml and applies the rules listed at
// FuzzScanner. skip reports an input not to compare.
func oracle(data []byte) (toks []string, err error, skip bool) {
	if bytes.HasPrefix(data, []byte("\ufeff")) {
		data = data[3:]
	}
	x := xml.NewDecoder(bytes.NewReader(data))
	x.Strict = true
	raw := xml.NewDecoder(bytes.NewReader(data))
	raw.Strict = true
	fail := func(format string, args ...any) ([]string, error, bool) {
		return nil, fmt.Errorf(format, args...), false
	}
	var (
		depth             int
		rootSeen          bool
		scope             []oracleBinding
		text              strings.Builder
		haveText, nonASCI = false, bytes.ContainsFunc(data, func(r rune) bool { return r >= utf8.RuneSelf })
	)
	lookup := func(prefix string) (string, bool) {
		for i := len(scope) - 1; i >= 0; i-- {
			if scope[i].prefix == prefix {
				return scope[i].uri, true
			}
		}
		switch prefix {
		case "":
			return "", true
		case "xml":
			return nsXML, true
		}
		return "", false
	}
	flush := func() {
		if haveText && text.Len() > 0 {
			toks = append(toks, "T "+strconv.Quote(text.String()))
		}
		text.Reset()
		haveText = false
	}
	for {
		start := x.InputOffset()
		tok, err := x.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if nonASCI && errors.As(err, &se) && (strings.Contains(se.Msg, "name") || strings.Contains(se.Msg, "entity")) {
				return nil, nil, true // name characters: fifth edition or not
			}
			return nil, err, false
		}
		rtok, rerr := raw.RawToken()
		if rerr != nil {
			return nil, nil, true // cannot happen: Token read the same bytes
		}
		span := data[start:x.InputOffset()]
		if bytes.Contains(span, []byte("&#")) {
			for _, m := range charRefRE.FindAllSubmatch(span, -1) {
				var n uint64
				var perr error
				if m[1][0] == 'x' {
					n, perr = strconv.ParseUint(string(m[1][1:]), 16, 32)
				} else {
					n, perr = strconv.ParseUint(string(m[1]), 10, 32)
				}
				if perr == nil && n >= 0xD800 && n <= 0xDFFF {
					return fail("reference to a surrogate")
				}
			}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			rt := rtok.(xml.StartElement)
			if depth == 0 {
				if rootSeen {
					return fail("a second root element")
				}
				rootSeen = true
			}
			depth++
			if !ncnameStart(rt.Name.Local) {
				return fail("local part not an NCName")
			}
			for _, a := range rt.Attr {
				if !ncnameStart(a.Name.Local) {
					return fail("attribute local part not an NCName")
				}
				switch {
				case a.Name.Space == "xmlns":
					switch {
					case a.Value == "":
						return fail("xmlns:p empty")
					case a.Name.Local == "xmlns":
						return fail("xmlns:xmlns")
					case a.Name.Local == "xml" && a.Value != nsXML, a.Name.Local != "xml" && a.Value == nsXML:
						return fail("xml namespace binding")
					case a.Value == nsXMLNS:
						return fail("xmlns namespace bound")
					}
					scope = append(scope, oracleBinding{a.Name.Local, a.Value, depth})
				case a.Name.Space == "" && a.Name.Local == "xmlns":
					if a.Value == nsXML || a.Value == nsXMLNS {
						return fail("default namespace reserved")
					}
					scope = append(scope, oracleBinding{"", a.Value, depth})
				}
			}
			if rt.Name.Space == "xmlns" {
				return fail("element prefix xmlns")
			}
			if _, ok := lookup(rt.Name.Space); !ok {
				return fail("undeclared prefix")
			}
			for i, a := range rt.Attr {
				if a.Name.Space != "" && a.Name.Space != "xmlns" {
					if _, ok := lookup(a.Name.Space); !ok {
						return fail("undeclared attribute prefix")
					}
				}
				for _, b := range rt.Attr[:i] {
					if a.Name == b.Name {
						return fail("duplicate attribute")
					}
				}
				for _, b := range t.Attr[:i] {
					if a.Name.Space != "xmlns" && t.Attr[i].Name == b.Name {
						return fail("duplicate resolved attribute")
					}
				}
			}
			if !attrsSeparated(span) {
				return fail("attributes not separated by white space")
			}
			flush()
			space := t.Name.Space
			if rt.Name.Space == "" && rt.Name.Local == "xmlns" {
				space, _ = lookup("")
			}
			var b strings.Builder
			fmt.Fprintf(&b, "S {%s}%s", normAttr(space), t.Name.Local)
			for _, a := range t.Attr {
				fmt.Fprintf(&b, " {%s}%s=%s", normAttr(a.Name.Space), a.Name.Local, strconv.Quote(normAttr(a.Value)))
			}
			toks = append(toks, b.String())
		case xml.EndElement:
			flush()
			space := t.Name.Space
			if t.Name.Space == "" && t.Name.Local == "xmlns" {
				space, _ = lookup("")
			}
			toks = append(toks, fmt.Sprintf("E {%s}%s", normAttr(space), t.Name.Local))
			for len(scope) > 0 && scope[len(scope)-1].depth == depth {
				scope = scope[:len(scope)-1]
			}
			depth--
		case xml.CharData:
			if depth == 0 {
				if len(bytes.Trim(span, " \t\r\n")) > 0 {
					return fail("text outside the root element")
				}
				continue
			}
			text.Write(t)
			haveText = true
		case xml.Comment:
			if !legalChars(t) {
				return fail("illegal character in a comment")
			}
		case xml.ProcInst:
			if strings.EqualFold(t.Target, "xml") {
				if start != 0 || !xmlDeclRE.Match(span) {
					return fail("XML declaration")
				}
				continue
			}
			if strings.Contains(t.Target, ":") {
				return fail("colon in a PI target")
			}
			if rest := span[2+len(t.Target):]; string(rest) != "?>" && rest[0] != ' ' && rest[0] != '\t' && rest[0] != '\r' && rest[0] != '\n' {
				return fail("PI target not followed by white space or ?>")
			}
			if !legalChars(t.Inst) {
				return fail("illegal character in a PI")
			}
		case xml.Directive:
			return fail("DTD")
		}
	}
	if !rootSeen {
		return fail("no root element")
	}
	return toks, nil, false
}

// ncnameStart reports whether a local part (encoding/xml checked it is a
// name) is an NCName: no colon, not starting with a digit, '-' or '.'.
func ncnameStart(s string) bool {
	if s == "" || strings.Contains(s, ":") {
		return false
	}
	c := s[0]
	if c >= '0' && c <= '9' || c == '-' || c == '.' {
		return false
	}
	if c >= utf8.RuneSelf {
		r, _ := utf8.DecodeRuneInString(s)
		return isNameStartRune(r)
	}
	return true
}

// attrsSeparated reports whether in a start tag (that encoding/xml read)
// every attribute value is followed by white space, '>' or '/'.
func attrsSeparated(tag []byte) bool {
	var q byte
	for i, c := range tag {
		switch {
		case q == 0 && (c == '"' || c == '\''):
			q = c
		case q != 0 && c == q:
			q = 0
			if i+1 < len(tag) {
				switch tag[i+1] {
				case ' ', '\t', '\r', '\n', '>', '/':
				default:
					return false
				}
			}
		}
	}
	return true
}

func legalChars(b []byte) bool {
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 || !isXMLChar(r) {
			return false
		}
		b = b[n:]
	}
	return true
}

// TestOracleAgreesOnEnvelopes runs the fuzz oracle on the seed envelopes:
// the documented envelopes are accepted by both sides with the same tokens.
func TestOracleAgreesOnEnvelopes(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.xml")
	if len(files) < 3 {
		t.Fatalf("found %d seed envelopes", len(files))
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		got, err := scanAll(data)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		want, werr, skip := oracle(data)
		if werr != nil || skip {
			t.Fatalf("%s: oracle %v %v", file, werr, skip)
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: token streams differ", file)
		}
	}
}
