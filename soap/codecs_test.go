package soap

import "strconv"

// readInt32 reads an xs:int, for the tests of this package, which cannot
// import package codec (it imports this one).
func readInt32(d *Decoder) int32 {
	s := d.Text()
	v, err := strconv.ParseInt(s, 10, 32)
	if err != nil && d.Err() == nil {
		d.Fail("invalid xs:int %q", s)
	}
	return int32(v)
}
