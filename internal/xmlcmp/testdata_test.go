package xmlcmp

import (
	"encoding/xml"
	"strings"
	"testing"
)

const services88 = "http://www.superoffice.net/ws/crm/NetServer/Services88"

// replaceOnce replaces the first occurrence of old after the first
// occurrence of after, failing the test if either is absent.
func replaceOnce(t *testing.T, doc, after, old, new string) string {
	t.Helper()
	a := strings.Index(doc, after)
	if a < 0 {
		t.Fatalf("%q not found", after)
	}
	i := strings.Index(doc[a:], old)
	if i < 0 {
		t.Fatalf("%q not found after %q", old, after)
	}
	i += a
	return doc[:i] + new + doc[i+len(old):]
}

func expectLine(t *testing.T, d []string, line string) {
	t.Helper()
	for _, l := range d {
		if l == line {
			return
		}
	}
	t.Fatalf("no line %q in:\n%s", line, strings.Join(d, "\n"))
}

func TestDocumentedRequestParses(t *testing.T) {
	n := mustParse(t, string(readTestdata(t, "SetUserPresenceStatus.request.xml")))
	if n.Name != (xml.Name{Space: SOAP12Namespace, Local: "Envelope"}) {
		t.Fatalf("root %v", n.Name)
	}
	var names []string
	for _, c := range n.Children {
		names = append(names, c.Name.Local)
	}
	if strings.Join(names, ",") != "ApplicationToken,Credentials,Body" {
		t.Fatalf("envelope children %v", names)
	}
	op := n.Children[2].Children[0]
	if op.Name != (xml.Name{Space: services88, Local: "SetUserPresenceStatus"}) || op.Line != 15 || op.Col != 4 {
		t.Fatalf("operation %v at %d:%d", op.Name, op.Line, op.Col)
	}
	if got := xsiTypeOf(op.Children[1]); !got.ok || got.name != (xml.Name{Space: services88, Local: "UserPresenceStatus"}) {
		t.Fatalf("xsi:type %v", got)
	}
}

// The documented request against what our encoder writes for it.
func TestDocumentedRequestVsEncoded(t *testing.T) {
	documented := string(readTestdata(t, "SetUserPresenceStatus.request.xml"))
	encoded := string(readTestdata(t, "SetUserPresenceStatus.request.reencoded.xml"))
	quirks := Options{DocQuirks: true}

	if d := mustCompare(t, documented, encoded, quirks); len(d) != 0 {
		t.Fatalf("with DocQuirks: differences:\n%s", strings.Join(d, "\n"))
	}
	d := mustCompare(t, documented, encoded, Options{})
	expectLine(t, d, "/Envelope/ApplicationToken: element name differs: want {"+services88+"}ApplicationToken, got {"+SOAP12Namespace+"}Header (want 10:3)")

	// Normalising first, as `soapgen verify` does before decoding, gives a
	// document equal to the encoded one without options.
	norm := Marshal(Normalize(mustParse(t, documented), quirks))
	if d := mustCompare(t, string(norm), encoded, Options{}); len(d) != 0 {
		t.Fatalf("normalised: differences:\n%s\n%s", strings.Join(d, "\n"), norm)
	}

	doctored := strings.Replace(encoded, "<AssociateId>0</AssociateId>", "<AssociateId>5</AssociateId>", 1)
	d = mustCompare(t, documented, doctored, quirks)
	if len(d) != 1 {
		t.Fatalf("want one difference, got:\n%s", strings.Join(d, "\n"))
	}
	expectLine(t, d, `/Envelope/Body/SetUserPresenceStatus/AssociateId: text differs as xsd:int: want "0", got "5" (want 16:5)`)

	doctored = strings.Replace(encoded, "<Message></Message>", "", 1)
	d = mustCompare(t, documented, doctored, quirks)
	expectLine(t, d, `/Envelope/Body/SetUserPresenceStatus/UserPresenceStatus/Message: missing element {`+services88+`}Message (want 19:6)`)

	doctored = strings.Replace(encoded, "<Ticket>7T:1234abcxyzExample==</Ticket>", "<Ticket>7T:1234abcxyzExample=</Ticket>", 1)
	d = mustCompare(t, documented, doctored, quirks)
	expectLine(t, d, `/Envelope/Header/Credentials/Ticket: text differs: want "7T:1234abcxyzExample==", got "7T:1234abcxyzExample=" (want 12:5)`)

	soap11 := strings.Replace(encoded, SOAP12Namespace, SOAP11Namespace, 1)
	d = mustCompare(t, documented, soap11, quirks)
	expectLine(t, d, "/Envelope: element name differs: want {"+SOAP12Namespace+"}Envelope, got {"+SOAP11Namespace+"}Envelope (want 2:1)")
}

// The documented response against a re-prefixed, re-indented equivalent
// with values rewritten inside their value space.
func TestDocumentedResponseVsReprefixed(t *testing.T) {
	documented := string(readTestdata(t, "GetUser.response.xml"))
	reprefixed := string(readTestdata(t, "GetUser.response.reprefixed.xml"))
	for _, o := range []Options{{}, {DocQuirks: true}} {
		if d := mustCompare(t, documented, reprefixed, o); len(d) != 0 {
			t.Fatalf("differences (%+v):\n%s", o, strings.Join(d, "\n"))
		}
		if d := mustCompare(t, reprefixed, documented, o); len(d) != 0 {
			t.Fatalf("reverse differences (%+v):\n%s", o, strings.Join(d, "\n"))
		}
	}

	const resp = "/Envelope/Body/GetUserResponse/Response"
	for _, c := range []struct {
		name, after, old, new, line string
	}{
		{"person rank", "<Person ", `<Rank i:type="xs:short">0</Rank>`, `<Rank i:type="xs:short">7</Rank>`,
			resp + `/Person/Rank: text differs as xsd:short: want "0", got "7" (want 97:6)`},
		{"type of the response", "<u:Response", `i:type="u:User"`, `i:type="u:Person"`,
			resp + `: xsi:type differs: want {` + services88 + `}User ("User:User"), got {` + services88 + `}Person ("u:Person") (want 12:4)`},
		{"login time", "<u:Lastlogin", `+01:00`, `+02:00`,
			resp + `/Lastlogin: text differs as xsd:dateTime: want "2025-11-26T12:08:54Z", got "2025-11-26T13:08:54+02:00" (want 124:5)`},
		{"missing element", "<u:NickName", `<u:NickName i:type="xs:string"></u:NickName>`, ``,
			resp + `/NickName: missing element {` + services88 + `}NickName (want 192:5)`},
		{"nil element with content", "<u:MDOListItem", `<u:ChildItems i:nil="true"></u:ChildItems>`, `<u:ChildItems i:nil="true"><u:MDOListItem/></u:ChildItems>`,
			resp + `/TicketCategories/MDOListItem/ChildItems/MDOListItem/ChildItems/MDOListItem/ChildItems: got has xsi:nil true but the element has content`},
	} {
		t.Run(c.name, func(t *testing.T) {
			doctored := replaceOnce(t, reprefixed, c.after, c.old, c.new)
			d := mustCompare(t, documented, doctored, Options{})
			for _, l := range d {
				if strings.HasPrefix(l, c.line) {
					return
				}
			}
			t.Fatalf("no line starting %q in:\n%s", c.line, strings.Join(d, "\n"))
		})
	}

	// Two siblings swapped.
	a := `<u:IsPersonRetired i:type="xs:boolean">false</u:IsPersonRetired>`
	b := `<u:IsOnTravel i:type="xs:boolean">false</u:IsOnTravel>`
	swapped := strings.Replace(strings.Replace(strings.Replace(reprefixed, a, "\x00", 1), b, a, 1), "\x00", b, 1)
	d := mustCompare(t, documented, swapped, Options{})
	if !anyContains(d, resp+"/IsPersonRetired: ", "element order differs") {
		t.Fatalf("swap not reported:\n%s", strings.Join(d, "\n"))
	}
}
