package wsdl

import (
	"fmt"
	"path"
	"strings"
)

// catalogFile returns the file the catalog maps the absolute location loc
// to: an exact key, else the longest key ending in "/" that loc starts
// with, the rest of loc joined to its value.
func (o *Options) catalogFile(loc string) (string, bool) {
	if o == nil || len(o.Catalog) == 0 {
		return "", false
	}
	if p, ok := o.Catalog[loc]; ok {
		return path.Clean(p), true
	}
	best := ""
	for k := range o.Catalog {
		if strings.HasSuffix(k, "/") && strings.HasPrefix(loc, k) && len(k) > len(best) {
			best = k
		}
	}
	if best == "" {
		return "", false
	}
	return path.Join(o.Catalog[best], loc[len(best):]), true
}

// ParseCatalog reads a catalog for Options.Catalog from data, the file
// name (used in errors, as name:line:col). The format is one mapping per
// line, a location and a path separated by white space:
//
//	# W3C and OASIS schemas, kept in the repository
//	http://www.w3.org/2005/05/xmlmime          w3c/xmlmime.xsd
//	http://docs.oasis-open.org/wsn/            oasis/wsn/
//
// Blank lines and lines starting with # are ignored. A location ending in
// "/" maps every location that starts with it, its path then being a
// folder. Paths are returned as written, with forward slashes; a caller
// resolves them (the soapgen CLI: relative to the catalog file's folder).
// A location given twice is an error.
func ParseCatalog(name string, data []byte) (map[string]string, error) {
	out := map[string]string{}
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSuffix(line, "\r")
		trimmed := strings.TrimLeft(line, " \t")
		col := len(line) - len(trimmed) + 1
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		pos := Pos{File: name, Line: i + 1, Col: col}
		f := strings.Fields(trimmed)
		if len(f) != 2 {
			return nil, &Error{Pos: pos, Construct: "catalog", Err: fmt.Errorf("%w: want a location and a path, got %d fields", ErrInvalid, len(f))}
		}
		loc, p := f[0], strings.ReplaceAll(f[1], "\\", "/")
		if !schemeRE.MatchString(loc) {
			return nil, &Error{Pos: pos, Construct: "catalog", Err: fmt.Errorf("%w: location %q is not an absolute URI", ErrInvalid, loc)}
		}
		if _, dup := out[loc]; dup {
			return nil, &Error{Pos: pos, Construct: "catalog", Err: fmt.Errorf("%w: location %q is mapped twice", ErrInvalid, loc)}
		}
		out[loc] = p
	}
	return out, nil
}
