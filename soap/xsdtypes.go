package soap

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"time"
)

// DateTime is an xs:dateTime. XSD keeps a value with a zone (Z or ±hh:mm)
// apart from one without: HasZone records which one it is, and a value
// without a zone keeps its wall-clock fields in Time (whose location is UTC).
type DateTime struct {
	Time    time.Time
	HasZone bool
}

// NewDateTime returns a DateTime with a zone.
func NewDateTime(t time.Time) DateTime { return DateTime{Time: t, HasZone: true} }

// LocalDateTime returns a DateTime without a zone, from t's wall clock.
func LocalDateTime(t time.Time) DateTime {
	y, mo, dd := t.Date()
	h, mi, s := t.Clock()
	return DateTime{Time: time.Date(y, mo, dd, h, mi, s, t.Nanosecond(), time.UTC)}
}

// MarshalText formats d in the lexical form of xs:dateTime.
func (d DateTime) MarshalText() ([]byte, error) { return d.AppendText(nil) }

// AppendText appends the lexical form of d (see MarshalText) to b.
func (d DateTime) AppendText(b []byte) ([]byte, error) {
	if !d.HasZone {
		return d.Time.AppendFormat(b, "2006-01-02T15:04:05.999999999"), nil
	}
	return d.Time.AppendFormat(b, time.RFC3339Nano), nil
}

// UnmarshalText parses the lexical form of xs:dateTime.
func (d *DateTime) UnmarshalText(b []byte) error { return d.parse(string(b)) }

func (d *DateTime) parse(s string) error {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		*d = DateTime{Time: t, HasZone: true}
		return nil
	}
	t, err := time.ParseInLocation("2006-01-02T15:04:05.999999999", s, time.UTC)
	if err != nil {
		return fmt.Errorf("invalid xs:dateTime %q", s)
	}
	*d = DateTime{Time: t}
	return nil
}

// String formats d like MarshalText.
func (d DateTime) String() string { b, _ := d.MarshalText(); return string(b) }

// Duration is an xs:duration limited to days, hours, minutes and seconds
// (what .NET's TimeSpan, behind every WCF duration, can hold).
type Duration time.Duration

// MarshalText formats d as PnDTnHnMnS.
func (d Duration) MarshalText() ([]byte, error) { return d.AppendText(nil) }

// AppendText appends d as PnDTnHnMnS (see MarshalText) to b.
func (d Duration) AppendText(b []byte) ([]byte, error) {
	v := time.Duration(d)
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	b = append(b, 'P')
	days := v / (24 * time.Hour)
	v -= days * 24 * time.Hour
	if days > 0 {
		b = strconv.AppendInt(b, int64(days), 10)
		b = append(b, 'D')
	}
	if v > 0 || days == 0 {
		b = append(b, 'T')
		h := v / time.Hour
		v -= h * time.Hour
		m := v / time.Minute
		v -= m * time.Minute
		if h > 0 {
			b = strconv.AppendInt(b, int64(h), 10)
			b = append(b, 'H')
		}
		if m > 0 {
			b = strconv.AppendInt(b, int64(m), 10)
			b = append(b, 'M')
		}
		if v > 0 || (h == 0 && m == 0) {
			b = strconv.AppendFloat(b, v.Seconds(), 'f', -1, 64)
			b = append(b, 'S')
		}
	}
	return b, nil
}

// UnmarshalText parses an xs:duration; years and months are refused, having
// no fixed length.
func (d *Duration) UnmarshalText(b []byte) error { return d.parse(string(b)) }

func (d *Duration) parse(s string) error {
	s = strings.TrimSpace(s)
	bad := func() error { return fmt.Errorf("invalid xs:duration %q", s) }
	rest := s
	neg := strings.HasPrefix(rest, "-")
	rest = strings.TrimPrefix(rest, "-")
	if !strings.HasPrefix(rest, "P") || len(rest) < 2 {
		return bad()
	}
	rest = rest[1:]
	var total time.Duration
	inTime := false
	seen := false
	for rest != "" {
		if rest[0] == 'T' {
			if inTime || len(rest) == 1 {
				return bad()
			}
			inTime = true
			rest = rest[1:]
			continue
		}
		i := 0
		for i < len(rest) && (rest[i] >= '0' && rest[i] <= '9' || rest[i] == '.') {
			i++
		}
		if i == 0 || i == len(rest) {
			return bad()
		}
		num, unit := rest[:i], rest[i]
		rest = rest[i+1:]
		seen = true
		var scale time.Duration
		switch {
		case unit == 'Y' && !inTime, unit == 'M' && !inTime:
			return fmt.Errorf("xs:duration %q: years and months are not supported", s)
		case unit == 'D' && !inTime:
			scale = 24 * time.Hour
		case unit == 'H' && inTime:
			scale = time.Hour
		case unit == 'M' && inTime:
			scale = time.Minute
		case unit == 'S' && inTime:
			f, err := strconv.ParseFloat(num, 64)
			if err != nil {
				return bad()
			}
			total += time.Duration(f * float64(time.Second))
			continue
		default:
			return bad()
		}
		n, err := strconv.ParseInt(num, 10, 64)
		if err != nil {
			return bad()
		}
		total += time.Duration(n) * scale
	}
	if !seen {
		return bad()
	}
	if neg {
		total = -total
	}
	*d = Duration(total)
	return nil
}

// String formats d like MarshalText.
func (d Duration) String() string { b, _ := d.MarshalText(); return string(b) }

// Decimal is an xs:decimal, kept exactly as its canonical digits.
type Decimal struct{ r *big.Rat }

// ParseDecimal parses the lexical form of xs:decimal.
func ParseDecimal(s string) (Decimal, error) {
	var d Decimal
	err := d.UnmarshalText([]byte(s))
	return d, err
}

// MarshalText formats d without an exponent.
func (d Decimal) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText parses the lexical form of xs:decimal (no exponent).
func (d *Decimal) UnmarshalText(b []byte) error {
	s := strings.TrimSpace(string(b))
	body := strings.TrimLeft(s, "+-")
	if body == "" || len(s)-len(body) > 1 || strings.Count(body, ".") > 1 || strings.Trim(body, "0123456789.") != "" || body == "." {
		return fmt.Errorf("invalid xs:decimal %q", s)
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return fmt.Errorf("invalid xs:decimal %q", s)
	}
	d.r = r
	return nil
}

// Rat returns d as a big.Rat (zero for the zero Decimal).
func (d Decimal) Rat() *big.Rat {
	if d.r == nil {
		return new(big.Rat)
	}
	return new(big.Rat).Set(d.r)
}

// Float64 returns the nearest float64.
func (d Decimal) Float64() float64 { f, _ := d.Rat().Float64(); return f }

// String formats d in canonical form: no exponent, no trailing zeros.
func (d Decimal) String() string {
	r := d.Rat()
	if r.IsInt() {
		return r.Num().String()
	}
	// A decimal's denominator divides a power of ten: find the digits needed.
	for prec := 1; prec <= 1000; prec++ {
		s := r.FloatString(prec)
		if back, _ := new(big.Rat).SetString(s); back != nil && back.Cmp(r) == 0 {
			return s
		}
	}
	return r.FloatString(1000)
}
