package soap

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"time"
)

// DateTime is an xs:dateTime, which XSD keeps in two kinds: an instant,
// written with a zone (Z or ±hh:mm), and a civil date and time written
// without one, which names no instant until a location is given (a
// NetServer installation writes its own local time so). The fields are
// not exposed so that the second kind cannot be taken for an instant in
// UTC: Instant gives the instant of the first kind only, In gives either
// kind in a location. The zero DateTime is the zone-less
// 0001-01-01T00:00:00.
type DateTime struct {
	t     time.Time // with a zone: the instant, in its offset; without: the wall clock, in UTC
	zoned bool
}

// NewDateTime returns the instant t, written with t's offset as its zone.
func NewDateTime(t time.Time) DateTime { return DateTime{t: t, zoned: true} }

// LocalDateTime returns the civil date and time of t's wall clock, written
// without a zone.
func LocalDateTime(t time.Time) DateTime {
	y, mo, dd := t.Date()
	h, mi, s := t.Clock()
	return DateTime{t: time.Date(y, mo, dd, h, mi, s, t.Nanosecond(), time.UTC)}
}

// HasZone reports whether d is an instant (written with a zone).
func (d DateTime) HasZone() bool { return d.zoned }

// Instant returns the instant d names, in the offset it was written with,
// and true; for a d without a zone, the zero time and false (use In).
func (d DateTime) Instant() (time.Time, bool) {
	if !d.zoned {
		return time.Time{}, false
	}
	return d.t, true
}

// In returns d in loc: an instant converted to loc, or a date and time
// without a zone taken as loc's wall clock (in the NetServer convention,
// the installation's time zone).
func (d DateTime) In(loc *time.Location) time.Time {
	if d.zoned {
		return d.t.In(loc)
	}
	y, mo, dd := d.t.Date()
	h, mi, s := d.t.Clock()
	return time.Date(y, mo, dd, h, mi, s, d.t.Nanosecond(), loc)
}

// Equal reports whether d and o are of the same kind and name the same
// instant, or the same date and time.
func (d DateTime) Equal(o DateTime) bool { return d.zoned == o.zoned && d.t.Equal(o.t) }

// MarshalText formats d in the lexical form of xs:dateTime.
func (d DateTime) MarshalText() ([]byte, error) { return d.AppendText(nil) }

// AppendText appends the lexical form of d (see MarshalText) to b.
func (d DateTime) AppendText(b []byte) ([]byte, error) {
	if !d.zoned {
		return d.t.AppendFormat(b, "2006-01-02T15:04:05.999999999"), nil
	}
	return d.t.AppendFormat(b, time.RFC3339Nano), nil
}

// UnmarshalText parses the lexical form of xs:dateTime.
func (d *DateTime) UnmarshalText(b []byte) error { return d.parse(string(b)) }

// ParseDateTime parses the lexical form of xs:dateTime, with or without a
// zone.
func ParseDateTime(s string) (DateTime, error) {
	var d DateTime
	err := d.parse(s)
	return d, err
}

func (d *DateTime) parse(s string) error {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		*d = DateTime{t: t, zoned: true}
		return nil
	}
	t, err := time.ParseInLocation("2006-01-02T15:04:05.999999999", s, time.UTC)
	if err != nil {
		return fmt.Errorf("invalid xs:dateTime %q", s)
	}
	*d = DateTime{t: t}
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

// ParseDuration parses an xs:duration, as UnmarshalText does.
func ParseDuration(s string) (Duration, error) {
	var d Duration
	err := d.parse(s)
	return d, err
}

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
