package user_test

import (
	"fmt"
	"testing"

	"github.com/soapgen/soapgen/generated/services88"
	"github.com/soapgen/soapgen/generated/services88/user"
	"github.com/soapgen/soapgen/soap"
)

// TestGettersNilSafe: getter chains return the values set and never panic
// on what is absent, nil, or a nil pointer, through base types too.
func TestGettersNilSafe(t *testing.T) {
	var none *user.User
	if none.GetPerson().GetFirstname() != "" || none.GetAssociateId() != 0 || none.GetTableRight().GetMask() != 0 {
		t.Error("a nil User's getters return values")
	}
	u := &user.User{
		Person:      soap.Some(&user.Person{Firstname: soap.Some("Ada")}),
		AssociateId: soap.Some[int32](7),
		Carrier:     services88.Carrier{TableRight: soap.Some(&services88.TableRight{Mask: soap.Some(services88.ETableRightSelect)})},
	}
	if got := u.GetPerson().GetFirstname(); got != "Ada" {
		t.Errorf("GetPerson().GetFirstname() = %q", got)
	}
	if u.GetAssociateId() != 7 || u.GetTableRight().GetMask() != services88.ETableRightSelect {
		t.Errorf("getters: %d, %v", u.GetAssociateId(), u.GetTableRight().GetMask())
	}
	u.Person = soap.Nil[*user.Person]()
	if u.GetPerson() != nil || u.GetPerson().GetLastname() != "" {
		t.Error("a nil Person reads as a value")
	}
	var g *user.UserGroup // derives from Carrier: its getter is its own, not the promoted one
	if g.GetTableRight().GetMask() != 0 {
		t.Error("a nil UserGroup's inherited getter returns a value")
	}
	var h *services88.RequestHeader
	if h.GetCredentials().GetTicket() != "" {
		t.Error("a nil header's getters return values")
	}
}

// TestEnumValuesAndFlagString: an enumeration lists its values; a flag set
// prints as it is sent.
func TestEnumValuesAndFlagString(t *testing.T) {
	all := user.EjUserStatus("").AllValues()
	if len(all) != 7 || all[0] != user.EjUserStatusStatusNone || all[1] != user.EjUserStatusStatusNormal {
		t.Errorf("AllValues = %v", all)
	}
	for _, v := range all {
		if !v.IsValid() {
			t.Errorf("%q is listed but not valid", v)
		}
	}
	m := services88.ETableRightSelect | services88.ETableRightUpdate
	if s := fmt.Sprint(m); s != "Select Update" {
		t.Errorf("%%v of Select|Update = %q", s)
	}
	if s := fmt.Sprint(soap.Some(m)); s != "Select Update" {
		t.Errorf("%%v of soap.Some(Select|Update) = %q", s)
	}
	if s := (m | 1<<30).String(); s != "Select Update 0x40000000" {
		t.Errorf("with an unnamed bit: %q", s)
	}
	if n := len(m.AllValues()); n != 10 {
		t.Errorf("ETableRight has %d flags, want 10", n)
	}
}
