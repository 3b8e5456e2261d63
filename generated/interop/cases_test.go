package interop

import (
	"encoding/base64"
	"time"

	"github.com/soapgen/soapgen/generated/services88"
	"github.com/soapgen/soapgen/generated/services88/person"
	"github.com/soapgen/soapgen/generated/services88/user"
	"github.com/soapgen/soapgen/soap"
)

// The cases every peer runs, in this order. Each peer program builds the
// same requests and answers in its own language (testdata); the values
// are chosen to reach the corners where stacks differ.
var caseNames = []string{"user", "serviceerror", "fault", "mustunderstand", "actor", "image-set", "image-get"}

// Associate and person ids that tell the servers which case a request
// belongs to.
const (
	userID           = 42  // SaveUser: echoed
	serviceErrorID   = 404 // SetUserPresenceStatus: Succeeded false with ExceptionInfo
	faultID          = 13  // SetUserPresenceStatus: a Client/Sender fault with detail
	mustUnderstandID = 2   // GetUserPresenceStatus with a mandatory unknown header
	actorID          = 3   // GetUserPresenceStatus with a mandatory header for another node
	personID         = 5   // SetPersonImage and GetPersonImage
)

// The unknown header entry of the mustunderstand and actor cases, and the
// node the actor case addresses it to.
const (
	unknownNS    = "urn:soapgen:interop"
	unknownLocal = "Unknown"
	otherNode    = "urn:soapgen:interop:elsewhere"
)

// The fault of the fault case.
const (
	faultReason = "associate 13 may not change status"
	faultText   = "no change"
)

// Image bytes: every byte value up in the request, down in the response.
func imageUp() []byte {
	b := make([]byte, 256)
	for i := range b {
		b[i] = byte(i)
	}
	return b
}

func imageDown() []byte {
	b := make([]byte, 256)
	for i := range b {
		b[i] = byte(255 - i)
	}
	return b
}

// requestHeader is sent with every request.
func requestHeader() *services88.RequestHeader {
	return &services88.RequestHeader{
		ApplicationToken: soap.Some("app-token"),
		Credentials:      soap.Some(&services88.SoCredentials{Ticket: soap.Some("7T:ticket==")}),
		TimeZone:         soap.Some(&services88.SoTimeZone{SoTimeZoneId: soap.Some[int32](7), SoTimeZoneLocationCode: soap.Some("NOOSL")}),
	}
}

const requestHeaderJSON = `{"ApplicationToken":"app-token","Credentials":{"Ticket":"7T:ticket=="},"TimeZone":{"SoTimeZoneId":7,"SoTimeZoneLocationCode":"NOOSL"}}`

// fixtureUser is the User of the user case: nested structs (Role,
// UserGroup, the Carrier base with its TableRight), an array with a nil
// item, a dictionary with an empty and a null value, flag masks, a zoned
// dateTime with 7 fraction digits and one without a zone, nil and zero
// members, and text with spaces at both ends, CR, tab and markup.
func fixtureUser() *user.User {
	return &user.User{
		Carrier:     user.Carrier{TableRight: soap.Some(&user.TableRight{Mask: soap.Some(user.ETableRightSelect | user.ETableRightDelete), Reason: soap.Nil[string]()})},
		AssociateId: soap.Some[int32](userID),
		Name:        soap.Some("  Ada  Lovelace "),
		Rank:        soap.Some[int16](3),
		Tooltip:     soap.Some("line1\r\nline2\ttab <&>"),
		Role:        soap.Some(&user.Role{Id: soap.Some[int32](7), Value: soap.Some("Admin"), Tooltip: soap.Nil[string]()}),
		UserGroup:   soap.Some(&user.UserGroup{Value: soap.Some("Sales"), Id: soap.Some[int32](1), Rank: soap.Some[int16](2), Deleted: soap.Some(false)}),
		OtherGroups: soap.Some(user.ArrayOfUserGroup{
			{Value: soap.Some("Support"), Id: soap.Some[int32](2)},
			nil,
			{Carrier: user.Carrier{TableRight: soap.Some(&user.TableRight{Mask: soap.Some(user.ETableRightSelect)})}, Value: soap.Some("Ops"), Id: soap.Some[int32](3)},
		}),
		Deleted:          soap.Some(false),
		Lastlogin:        soap.Some(soap.NewDateTime(time.Date(2025, 11, 26, 12, 8, 54, 123456700, time.FixedZone("", 3600)))),
		Lastlogout:       soap.Some(soap.LocalDateTime(time.Date(2025, 11, 26, 18, 30, 5, 500000000, time.UTC))),
		EjUserId:         soap.Some[int32](0),
		RequestSignature: soap.Nil[string](),
		Type:             soap.Some(user.UserTypeInternalAssociate),
		UserName:         soap.Some("ada"),
		ExtraFields: soap.Some(user.StringDictionary{
			{Key: soap.Some("a"), Value: soap.Some("1")},
			{Key: soap.Some("empty"), Value: soap.Some("")},
			{Key: soap.Some("none"), Value: soap.Nil[string]()},
		}),
	}
}

const userJSON = `{
	"TableRight": {"Mask": "Select Delete", "Reason": null},
	"AssociateId": 42,
	"Name": "  Ada  Lovelace ",
	"Rank": 3,
	"Tooltip": "line1\r\nline2\ttab <&>",
	"Role": {"Id": 7, "Value": "Admin", "Tooltip": null},
	"UserGroup": {"Value": "Sales", "Id": 1, "Rank": 2, "Deleted": false},
	"OtherGroups": [{"Value": "Support", "Id": 2}, null, {"TableRight": {"Mask": "Select"}, "Value": "Ops", "Id": 3}],
	"Deleted": false,
	"Lastlogin": "2025-11-26T12:08:54.1234567+01:00",
	"Lastlogout": "2025-11-26T18:30:05.5",
	"EjUserId": 0,
	"RequestSignature": null,
	"Type": "InternalAssociate",
	"UserName": "ada",
	"ExtraFields": [{"Key": "a", "Value": "1"}, {"Key": "empty", "Value": ""}, {"Key": "none", "Value": null}]
}`

// echoExtraInfo is the ExtraInfo response header of the user case.
func echoExtraInfo() services88.SoExtraInfo {
	return services88.SoExtraInfo{{Key: soap.Some("echo"), Value: soap.Some("yes")}, {Key: soap.Some("none"), Value: soap.Nil[string]()}}
}

// serviceErrorInfo is the ExceptionInfo of the serviceerror case.
func serviceErrorInfo() *services88.SoExceptionInfo {
	return &services88.SoExceptionInfo{
		Message:       soap.Some("No such associate"),
		ExceptionType: soap.Some("SoException"),
		Parameters:    soap.Some(services88.SoExceptionInfoParameters{{Key: soap.Some("id"), Value: soap.Some("404")}}),
	}
}

// problemDetail is the fault detail of the fault case.
func problemDetail() *soap.Any {
	return &soap.Any{Children: []soap.AnyElement{{
		Name: soap.QName{Space: unknownNS, Local: "Problem"},
		Any: soap.Any{Children: []soap.AnyElement{
			{Name: soap.QName{Space: unknownNS, Local: "Id"}, Any: soap.Any{Text: "13"}},
			{Name: soap.QName{Space: unknownNS, Local: "Text"}, Any: soap.Any{Text: faultText}},
		}},
	}}}
}

// expected is what the server must have received (request: header and
// body) and what the client must have received (response: header and
// body, or fault) in one case.
type expected struct {
	request  any // nil: not compared (the server must not run the method)
	response any
}

func expect(c string, v soap.Version) expected {
	b64 := base64.StdEncoding.EncodeToString
	req := func(body string) any {
		return mustJSON(`{"header":` + requestHeaderJSON + `,"body":` + body + `}`)
	}
	ok := func(body string) any {
		return mustJSON(`{"header":{"Succeeded":true},"body":` + body + `}`)
	}
	sender, senderStatus := "Client", "500"
	if v == soap.SOAP12 {
		sender, senderStatus = "Sender", "400"
	}
	switch c {
	case "user":
		return expected{
			req(`{"User":` + userJSON + `}`),
			mustJSON(`{"header":{"Succeeded":true,"ExtraInfo":[{"Key":"echo","Value":"yes"},{"Key":"none","Value":null}],"TimeZone":{"SoTimeZoneId":7,"SoTimeZoneLocationCode":"NOOSL"}},"body":{"Response":` + userJSON + `}}`),
		}
	case "serviceerror":
		return expected{
			req(`{"AssociateId":404,"UserPresenceStatus":{"Status":"StatusNotAvailable","Message":"away"}}`),
			mustJSON(`{"header":{"Succeeded":false,"ExceptionInfo":{"Message":"No such associate","ExceptionType":"SoException","Parameters":[{"Key":"id","Value":"404"}]}},"body":{}}`),
		}
	case "fault":
		return expected{
			req(`{"AssociateId":13,"UserPresenceStatus":{"Status":"StatusNormal","Message":"x"}}`),
			mustJSON(`{"fault":{"code":"` + sender + `","reason":"` + faultReason + `","detail":{"Problem":{"Id":"13","Text":"` + faultText + `"}},"http":` + senderStatus + `}}`),
		}
	case "mustunderstand":
		return expected{nil, mustJSON(`{"fault":{"code":"MustUnderstand","reason":"` + anyValue + `","http":500}}`)}
	case "actor":
		return expected{req(`{"AssociateId":3}`), ok(`{"Response":{"Status":"StatusNormal","Message":"ok"}}`)}
	case "image-set":
		return expected{req(`{"PersonId":5,"Image":"` + b64(imageUp()) + `"}`), ok(`{}`)}
	case "image-get":
		return expected{req(`{"PersonId":5}`), ok(`{"Response":"` + b64(imageDown()) + `"}`)}
	}
	panic("unknown case " + c)
}

// caseOf tells which case a request a server received belongs to, from
// its operation and canonical body.
func caseOf(op string, body any) string {
	m, _ := normalize(body).(map[string]any)
	id := func(k string) string { return scalarText(m[k]) }
	switch op {
	case "SaveUser":
		return "user"
	case "SetUserPresenceStatus":
		switch id("AssociateId") {
		case "404":
			return "serviceerror"
		case "13":
			return "fault"
		}
	case "GetUserPresenceStatus":
		switch id("AssociateId") {
		case "2":
			return "mustunderstand"
		case "3":
			return "actor"
		}
	case "SetPersonImage":
		return "image-set"
	case "GetPersonImage":
		return "image-get"
	}
	return "unknown:" + op
}

// The requests of the cases, as the Go client sends them.
func setUserPresenceStatus(id int32, status user.EjUserStatus, msg string) *user.SetUserPresenceStatus {
	return &user.SetUserPresenceStatus{AssociateId: soap.Some(id), UserPresenceStatus: soap.Some(&user.UserPresenceStatus{Status: soap.Some(status), Message: soap.Some(msg)})}
}

var _ = person.NewPersonClient
