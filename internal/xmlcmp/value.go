package xmlcmp

import (
	"encoding/base64"
	"math"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// collapse applies XSD whiteSpace="collapse": tabs, CRs and LFs become
// spaces, runs of spaces become one, leading and trailing spaces go.
func collapse(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r'
	}), " ")
}

// intBounds gives the value range of the bounded XSD integer types; nil
// means unbounded on that side.
var intBounds = map[string][2]*big.Int{
	"integer":            {nil, nil},
	"long":               {big.NewInt(math.MinInt64), big.NewInt(math.MaxInt64)},
	"int":                {big.NewInt(math.MinInt32), big.NewInt(math.MaxInt32)},
	"short":              {big.NewInt(math.MinInt16), big.NewInt(math.MaxInt16)},
	"byte":               {big.NewInt(math.MinInt8), big.NewInt(math.MaxInt8)},
	"nonNegativeInteger": {big.NewInt(0), nil},
	"positiveInteger":    {big.NewInt(1), nil},
	"nonPositiveInteger": {nil, big.NewInt(0)},
	"negativeInteger":    {nil, big.NewInt(-1)},
	"unsignedLong":       {big.NewInt(0), new(big.Int).SetUint64(math.MaxUint64)},
	"unsignedInt":        {big.NewInt(0), big.NewInt(math.MaxUint32)},
	"unsignedShort":      {big.NewInt(0), big.NewInt(math.MaxUint16)},
	"unsignedByte":       {big.NewInt(0), big.NewInt(math.MaxUint8)},
}

var (
	reInteger  = regexp.MustCompile(`^[+-]?[0-9]+$`)
	reDecimal  = regexp.MustCompile(`^([+-]?)([0-9]*)(?:\.([0-9]*))?$`)
	reFloat    = regexp.MustCompile(`^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$`)
	reDateTime = regexp.MustCompile(`^(-?)([0-9]{4,9})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]+))?(Z|[+-][0-9]{2}:[0-9]{2})?$`)
)

// isValueType reports whether the XSD builtin type local is compared in its
// value space.
func isValueType(local string) bool {
	if _, ok := intBounds[local]; ok {
		return true
	}
	switch local {
	case "decimal", "float", "double", "boolean", "dateTime", "base64Binary", "QName":
		return true
	}
	return false
}

// valueEqual compares two leaf texts typed as the XSD builtin typ. It
// returns exact text equality when typ is not compared in its value space or
// either text is not a valid literal of typ. wn and gn supply the namespace
// scopes for QName values.
func valueEqual(typ, a, b string, wn, gn *Node) bool {
	if typ == "QName" {
		// The same text may name different QNames in different scopes.
		qa, err1 := wn.ResolveQName(a)
		qb, err2 := gn.ResolveQName(b)
		if err1 != nil || err2 != nil {
			return a == b
		}
		return qa == qb
	}
	if a == b {
		return true
	}
	if !isValueType(typ) {
		return false
	}
	va, ok1 := parseValue(typ, a)
	vb, ok2 := parseValue(typ, b)
	if !ok1 || !ok2 {
		return false
	}
	return va == vb
}

// parseValue maps a literal of typ to a comparable canonical form; ok is
// false when s is not a valid literal of typ.
func parseValue(typ, s string) (v any, ok bool) {
	if bounds, isInt := intBounds[typ]; isInt {
		s = collapse(s)
		if !reInteger.MatchString(s) {
			return nil, false
		}
		var i big.Int
		if _, ok := i.SetString(strings.TrimPrefix(s, "+"), 10); !ok {
			return nil, false
		}
		if (bounds[0] != nil && i.Cmp(bounds[0]) < 0) || (bounds[1] != nil && i.Cmp(bounds[1]) > 0) {
			return nil, false
		}
		return i.String(), true
	}
	switch typ {
	case "decimal":
		return canonicalDecimal(collapse(s))
	case "float":
		return parseFloat(collapse(s), 32)
	case "double":
		return parseFloat(collapse(s), 64)
	case "boolean":
		switch collapse(s) {
		case "true", "1":
			return true, true
		case "false", "0":
			return false, true
		}
		return nil, false
	case "dateTime":
		return parseDateTime(collapse(s))
	case "base64Binary":
		b, err := base64.StdEncoding.Strict().DecodeString(strings.Map(func(r rune) rune {
			if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
				return -1
			}
			return r
		}, s))
		if err != nil {
			return nil, false
		}
		return string(b), true
	}
	return nil, false
}

// canonicalDecimal returns the canonical form of an xsd:decimal literal.
func canonicalDecimal(s string) (any, bool) {
	m := reDecimal.FindStringSubmatch(s)
	if m == nil || (m[2] == "" && m[3] == "") {
		return nil, false
	}
	intPart := strings.TrimLeft(m[2], "0")
	frac := strings.TrimRight(m[3], "0")
	if intPart == "" {
		intPart = "0"
	}
	sign := m[1]
	if sign == "+" || (intPart == "0" && frac == "") {
		sign = ""
	}
	if frac != "" {
		return sign + intPart + "." + frac, true
	}
	return sign + intPart, true
}

// floatValue is a comparable float value; NaN is represented by the flag so
// that NaN equals NaN (identity in the XSD value space).
type floatValue struct {
	f   float64
	nan bool
}

func parseFloat(s string, bits int) (any, bool) {
	switch s {
	case "INF", "+INF":
		return floatValue{f: math.Inf(1)}, true
	case "-INF":
		return floatValue{f: math.Inf(-1)}, true
	case "NaN":
		return floatValue{nan: true}, true
	}
	if !reFloat.MatchString(s) {
		return nil, false
	}
	f, err := strconv.ParseFloat(s, bits)
	if err != nil {
		return nil, false
	}
	if f == 0 {
		f = 0 // -0 equals 0
	}
	return floatValue{f: f}, true
}

// dateTimeValue is a comparable xsd:dateTime value.
type dateTimeValue struct {
	zoned bool
	sec   int64  // seconds since the epoch (UTC if zoned, local otherwise)
	frac  string // fractional second digits without trailing zeros
}

func parseDateTime(s string) (any, bool) {
	m := reDateTime.FindStringSubmatch(s)
	if m == nil {
		return nil, false
	}
	if len(m[2]) > 4 && m[2][0] == '0' {
		return nil, false
	}
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	year, month, day := atoi(m[2]), atoi(m[3]), atoi(m[4])
	hour, minute, sec := atoi(m[5]), atoi(m[6]), atoi(m[7])
	if m[1] == "-" {
		year = -year
	}
	frac := strings.TrimRight(m[8], "0")
	if month < 1 || month > 12 || day < 1 ||
		day > time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day() ||
		minute > 59 || sec > 59 || hour > 24 || (hour == 24 && (minute != 0 || sec != 0 || frac != "")) {
		return nil, false
	}
	t := time.Date(year, time.Month(month), day, hour, minute, sec, 0, time.UTC)
	v := dateTimeValue{frac: frac}
	if z := m[9]; z != "" {
		v.zoned = true
		if z != "Z" {
			zh, zm := atoi(z[1:3]), atoi(z[4:6])
			if zh > 14 || zm > 59 || (zh == 14 && zm != 0) {
				return nil, false
			}
			off := time.Duration(zh)*time.Hour + time.Duration(zm)*time.Minute
			if z[0] == '-' {
				off = -off
			}
			t = t.Add(-off)
		}
	}
	v.sec = t.Unix()
	return v, true
}
