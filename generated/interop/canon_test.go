package interop

import (
	"encoding"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// The suite compares values in a canonical JSON form that every peer
// program writes too (see testdata): an element is an object keyed by the
// members' XML names, an absent member is left out, an xsi:nil member is
// null, a list is an array (a nil item is null), a dictionary is its list
// of Key/Value pairs, a dateTime is its lexical form, an enumeration or a
// flag set is its text ("Select Delete"), base64Binary is standard
// base64. Scalars are compared by their text, so 42 and "42" are equal:
// a peer's choice of JSON type is not a difference on the wire.

// canon returns the canonical form of v, a generated value.
func canon(v any) any {
	return canonValue(reflect.ValueOf(v))
}

var textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()

func canonValue(v reflect.Value) any {
	if !v.IsValid() {
		return nil
	}
	if v.Type().Implements(textMarshaler) && v.Kind() != reflect.Pointer {
		b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil {
			return "<MarshalText: " + err.Error() + ">"
		}
		return string(b)
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return canonValue(v.Elem())
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return base64.StdEncoding.EncodeToString(v.Bytes())
		}
		out := []any{}
		for i := range v.Len() {
			out = append(out, canonValue(v.Index(i)))
		}
		return out
	case reflect.Struct:
		out := map[string]any{}
		canonFields(v, out)
		return out
	case reflect.String:
		return v.String()
	case reflect.Bool:
		return v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return v.Uint()
	case reflect.Float32, reflect.Float64:
		return v.Float()
	}
	return fmt.Sprintf("<unsupported %s>", v.Type())
}

// canonFields adds the members of struct v to out; an embedded struct (a
// base type such as Carrier) contributes its members.
func canonFields(v reflect.Value, out map[string]any) {
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		fv := v.Field(i)
		if f.Anonymous && fv.Kind() == reflect.Struct {
			canonFields(fv, out)
			continue
		}
		if m := fv.MethodByName("IsAbsent"); m.IsValid() { // soap.Opt
			switch {
			case m.Call(nil)[0].Bool():
			case fv.MethodByName("IsNil").Call(nil)[0].Bool():
				out[f.Name] = nil
			default:
				out[f.Name] = canonValue(fv.MethodByName("Value").Call(nil)[0])
			}
			continue
		}
		out[f.Name] = canonValue(fv)
	}
}

// parseJSON decodes a canonical value written by a peer or by the tests.
func parseJSON(s string) (any, error) {
	var v any
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

// mustJSON is parseJSON for the tests' own literals.
func mustJSON(s string) any {
	v, err := parseJSON(s)
	if err != nil {
		panic(fmt.Sprintf("%v in %s", err, s))
	}
	return v
}

// normalize turns v (from canon or parseJSON) into plain JSON values.
func normalize(v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprintf("<%v>", err)
	}
	n, err := parseJSON(string(b))
	if err != nil {
		return fmt.Sprintf("<%v>", err)
	}
	return n
}

// absent stands for a member that is not there, in a diff.
const absent = "<absent>"

// anyValue in an expected value matches whatever the peer gives, if it
// gives something (a fault's reason text, which each stack words itself).
const anyValue = "<any>"

// diff is one member whose value differs: got is the received value in
// its JSON form, or absent.
type diff struct {
	path, want, got string
}

func (d diff) String() string { return fmt.Sprintf("%s: want %s, got %s", d.path, d.want, d.got) }

// compare lists the members where got differs from want, member by member.
func compare(want, got any) []diff {
	var out []diff
	compareAt("", normalize(want), normalize(got), &out)
	return out
}

func show(v any) string {
	if s, ok := v.(string); ok && s == absent {
		return absent
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func compareAt(path string, want, got any, out *[]diff) {
	if w, ok := want.(string); ok && w == anyValue {
		if g, ok := got.(string); ok && g == absent {
			*out = append(*out, diff{path, show(want), absent})
		}
		return
	}
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			*out = append(*out, diff{path, show(want), show(got)})
			return
		}
		keys := map[string]bool{}
		for k := range w {
			keys[k] = true
		}
		for k := range g {
			keys[k] = true
		}
		sorted := make([]string, 0, len(keys))
		for k := range keys {
			sorted = append(sorted, k)
		}
		sort.Strings(sorted)
		for _, k := range sorted {
			wv, wok := w[k]
			gv, gok := g[k]
			if !wok {
				wv = absent
			}
			if !gok {
				gv = absent
			}
			compareAt(join(path, k), wv, gv, out)
		}
	case []any:
		g, ok := got.([]any)
		if !ok {
			*out = append(*out, diff{path, show(want), show(got)})
			return
		}
		if len(w) != len(g) {
			*out = append(*out, diff{path + ".length", fmt.Sprint(len(w)), fmt.Sprint(len(g))})
			return
		}
		for i := range w {
			compareAt(fmt.Sprintf("%s[%d]", path, i), w[i], g[i], out)
		}
	default:
		if scalarText(want) != scalarText(got) || isContainer(got) {
			*out = append(*out, diff{path, show(want), show(got)})
		}
	}
}

func isContainer(v any) bool {
	switch v.(type) {
	case map[string]any, []any:
		return true
	}
	return false
}

// scalarText is the text a scalar is compared by; null and absent differ
// from every text.
func scalarText(v any) string {
	switch v := v.(type) {
	case nil:
		return "\x00null"
	case string:
		if v == absent {
			return "\x00absent"
		}
		return v
	case json.Number:
		return v.String()
	case bool:
		return fmt.Sprint(v)
	}
	return fmt.Sprintf("\x00%v", v)
}
