package user_test

import (
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
