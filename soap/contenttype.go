package soap

import (
	"mime"
	"strings"
)

// contentType is what a Handler reads of a request's Content-Type.
type contentType struct {
	mediaType  string // lower case
	charset    string // the charset parameter, if hasCharset
	action     string // the action parameter (SOAP 1.2), or ""
	hasCharset bool
}

// parseContentType is mime.ParseMediaType, keeping the parameters a
// Handler reads. The Content-Types SOAP clients send (a lower-case media
// type, then charset and action parameters written plainly) are read
// without allocating; anything else goes to mime.ParseMediaType.
func parseContentType(s string) (contentType, error) {
	if ct, ok := parseContentTypeFast(s); ok {
		return ct, nil
	}
	mt, params, err := mime.ParseMediaType(s)
	if err != nil {
		return contentType{}, err
	}
	cs, ok := params["charset"]
	return contentType{mediaType: mt, charset: cs, action: params["action"], hasCharset: ok}, nil
}

// parseContentTypeFast reads s when it is `type/subtype` in lower case,
// then parameters `; name=value` named charset or action (each at most
// once), whose value is a token or a quoted string of printable ASCII
// without backslashes, with spaces or tabs only before a semicolon. ok is
// false for anything else, which mime.ParseMediaType reads (or refuses).
func parseContentTypeFast(s string) (ct contentType, ok bool) {
	mt, rest, _ := strings.Cut(s, ";")
	slash := strings.IndexByte(mt, '/')
	if slash <= 0 || slash == len(mt)-1 {
		return ct, false
	}
	for i := 0; i < len(mt); i++ {
		if c := mt[i]; i != slash && (!isTokenByte(c) || 'A' <= c && c <= 'Z') {
			return ct, false
		}
	}
	ct.mediaType = mt
	hasAction := false
	for semicolon := len(mt) < len(s); semicolon; {
		rest = strings.TrimLeft(rest, " \t")
		eq := strings.IndexByte(rest, '=')
		if eq < 0 {
			return ct, false
		}
		name := rest[:eq]
		rest = rest[eq+1:]
		var value string
		if strings.HasPrefix(rest, `"`) {
			end := strings.IndexByte(rest[1:], '"')
			if end < 0 {
				return ct, false
			}
			value = rest[1 : 1+end]
			for i := 0; i < len(value); i++ {
				if c := value[i]; c < 0x20 || c > 0x7e || c == '\\' {
					return ct, false
				}
			}
			rest = rest[2+end:]
		} else {
			n := 0
			for n < len(rest) && isTokenByte(rest[n]) {
				n++
			}
			if n == 0 {
				return ct, false
			}
			value, rest = rest[:n], rest[n:]
		}
		rest = strings.TrimLeft(rest, " \t")
		if rest != "" && rest[0] != ';' {
			return ct, false
		}
		semicolon = rest != ""
		if semicolon {
			rest = rest[1:]
			if strings.TrimLeft(rest, " \t") == "" {
				return ct, false // a trailing semicolon: mime decides
			}
		}
		switch {
		case name == "charset" && !ct.hasCharset:
			ct.charset, ct.hasCharset = value, true
		case name == "action" && !hasAction:
			ct.action, hasAction = value, true
		default:
			return ct, false // another parameter, a repeated one, or not a plain name
		}
	}
	return ct, true
}

// isTokenByte reports whether c may appear in an RFC 2045 token.
func isTokenByte(c byte) bool { return tokenBytes[c] }

var tokenBytes = func() (t [256]bool) {
	for c := 0x21; c < 0x7f; c++ {
		t[c] = !strings.ContainsRune(`()<>@,;:\"/[]?=`, rune(c))
	}
	return t
}()
