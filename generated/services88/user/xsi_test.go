package user_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/soapgen/soapgen/generated/services88/user"
	"github.com/soapgen/soapgen/soap"
)

// manyNils is a GetUserFromEjUserId response of n users, each with five
// members sent as xsi:nil, and one nil item: 5n+1 xsi:nil attributes.
func manyNils(n int) *user.GetUserFromEjUserIdResponse {
	users := make(user.ArrayOfUser, 0, n+1)
	for i := range n {
		users = append(users, &user.User{
			AssociateId: soap.Some(int32(i)),
			Name:        soap.Some(fmt.Sprintf("user %d", i)),
			Tooltip:     soap.Nil[string](),
			Role:        soap.Nil[*user.Role](),
			UserGroup:   soap.Nil[*user.UserGroup](),
			Person:      soap.Nil[*user.Person](),
			NickName:    soap.Nil[string](),
			Deleted:     soap.Some(false),
		})
	}
	users = append(users, nil)
	return &user.GetUserFromEjUserIdResponse{Response: soap.Some(users)}
}

// TestResponseDeclaresXSIOnce encodes a response with 2,000 users and
// 10,001 xsi:nil attributes as the handler does: the xsi namespace is
// declared once (it was declared on each of the 10,001 elements, under a
// prefix of its own), and the envelope decodes back strictly to what
// re-encodes byte for byte.
func TestResponseDeclaresXSIOnce(t *testing.T) {
	op := benchOp(t, "GetUserFromEjUserId")
	for _, v := range []soap.Version{soap.SOAP11, soap.SOAP12} {
		env := soap.Envelope{Version: v, Namespaces: op.Namespaces, BodyName: op.Output, Body: manyNils(2000)}
		e := soap.NewEncoder(nil)
		env.Encode(e)
		if err := e.Err(); err != nil {
			t.Fatal(err)
		}
		got := e.Bytes()
		if n := bytes.Count(got, []byte(`xsi:nil="true"`)); n != 10001 {
			t.Errorf("%v: %d xsi:nil attributes, want 10001", v, n)
		}
		if n := bytes.Count(got, []byte(soap.NSXSI)); n != 1 {
			t.Errorf("%v: the xsi namespace is declared %d times, want once", v, n)
		}
		t.Logf("%v: %d bytes", v, len(got))
		back := new(user.GetUserFromEjUserIdResponse)
		denv := soap.Envelope{BodyName: op.Output, Body: back}
		if err := denv.Decode(soap.NewBytesDecoder(got)); err != nil {
			t.Fatal(err)
		}
		denv.Namespaces = op.Namespaces
		e2 := soap.NewEncoder(nil)
		denv.Encode(e2)
		if !bytes.Equal(e2.Bytes(), got) {
			t.Errorf("%v: the decoded response encodes differently", v)
		}
	}
}
