package soap_test

import (
	"slices"
	"testing"

	"github.com/soapgen/soapgen/soap"
)

type arrayOfstring []*string

func TestPtrsDeref(t *testing.T) {
	var a arrayOfstring = soap.Ptrs("a", "b")
	if len(a) != 2 || *a[0] != "a" || *a[1] != "b" || a[0] == a[1] {
		t.Fatalf("Ptrs = %v", a)
	}
	if vs, ok := soap.Deref(a, "-"); !ok || !slices.Equal(vs, []string{"a", "b"}) {
		t.Errorf("Deref = %v, %v", vs, ok)
	}
	a = append(a, nil)
	if vs, ok := soap.Deref(a, "-"); ok || !slices.Equal(vs, []string{"a", "b", "-"}) {
		t.Errorf("Deref with a nil item = %v, %v; want the nil reported", vs, ok)
	}
	o := soap.Some[arrayOfstring](soap.Ptrs("x"))
	if v, ok := o.Get(); !ok || *v[0] != "x" {
		t.Errorf("Some of Ptrs = %v", o)
	}
}
