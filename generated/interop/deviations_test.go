package interop

import (
	"slices"

	"github.com/soapgen/soapgen/soap"
)

// A deviation is a known difference between what was sent and what a
// receiver got, with its reason: a limitation of the peer, or (issue > 0)
// a soapgen defect listed in issue 13 under that item number. The suite
// fails on a difference that is not listed, and on a listed one that no
// longer happens, so the table stays true.
type deviation struct {
	peer, dir string        // peer "": any peer (a defect of the Go side)
	except    string        // with peer "": a peer it does not apply to
	version   *soap.Version // nil: both versions
	cases     []string      // the cases it happens in
	side      string        // "request" (what the server got) or "response" (what the client got)
	path      string        // member, in the canonical form; "*": every member of the side
	got       string        // the value received instead, as JSON, or absent (not for "*")
	issue     int           // > 0: soapgen defect, issue 13 item
	reason    string
}

var (
	v11 = ptr(soap.SOAP11)
	v12 = ptr(soap.SOAP12)
)

func ptr[T any](v T) *T { return &v }

// deviations lists every known difference.
var deviations = peerDeviations

// zeepNone is the reason for zeep's members that come back left out.
const zeepNone = "zeep gives None for an absent and for an xsi:nil element alike, so a nil member cannot be told from an absent one"

// Reasons of node-soap's deviations.
const (
	nodeNil   = "node-soap leaves an xsi:nil element out of the object it parses: nil reads as absent"
	nodeDate  = "node-soap parses xs:dateTime into a JavaScript Date: milliseconds only, the zone lost (an unzoned value is taken as local time, UTC here)"
	nodeTrim  = "node-soap trims leading and trailing whitespace from text"
	nodeDrops = "node-soap's server parser drops a nil item of an array"
)

// nodeReceived are node-soap's deviations in what it parses out of the
// user case's User, below prefix.
func nodeReceived(dir, side, prefix string, server bool) []deviation {
	d := []deviation{
		{peer: "node-soap", dir: dir, cases: []string{"user"}, side: side, path: prefix + ".ExtraFields[2].Value", got: absent, reason: nodeNil},
		{peer: "node-soap", dir: dir, cases: []string{"user"}, side: side, path: prefix + ".RequestSignature", got: absent, reason: nodeNil},
		{peer: "node-soap", dir: dir, cases: []string{"user"}, side: side, path: prefix + ".Role.Tooltip", got: absent, reason: nodeNil},
		{peer: "node-soap", dir: dir, cases: []string{"user"}, side: side, path: prefix + ".TableRight.Reason", got: absent, reason: nodeNil},
		{peer: "node-soap", dir: dir, cases: []string{"user"}, side: side, path: prefix + ".Lastlogin", got: `"2025-11-26T11:08:54.123Z"`, reason: nodeDate},
		{peer: "node-soap", dir: dir, cases: []string{"user"}, side: side, path: prefix + ".Lastlogout", got: `"2025-11-26T18:30:05.500Z"`, reason: nodeDate},
		{peer: "node-soap", dir: dir, cases: []string{"user"}, side: side, path: prefix + ".Name", got: `"Ada  Lovelace"`, reason: nodeTrim},
	}
	if server {
		d = append(d, deviation{peer: "node-soap", dir: dir, cases: []string{"user"}, side: side, path: prefix + ".OtherGroups.length", got: "2", reason: nodeDrops})
	}
	return d
}

// peerDeviations are the peers' own limitations.
var peerDeviations = slices.Concat(zeepDeviations, jaxwsDeviations, wcfDeviations,
	nodeReceived(fromPeer, "response", "body.Response", false),
	nodeReceived(toPeer, "request", "body.User", true),
	[]deviation{
		{peer: "node-soap", dir: fromPeer, cases: []string{"user"}, side: "response", path: "header.ExtraInfo[1].Value", got: absent, reason: nodeNil},
		{peer: "node-soap", dir: fromPeer, cases: []string{"user"}, side: "request", path: "body.User.OtherGroups[1]", got: `{}`,
			reason: "node-soap's client sends a null item of an array as an empty element, not xsi:nil"},
		{peer: "node-soap", dir: toPeer, cases: []string{"user"}, side: "response", path: "*",
			reason: "node-soap's server writes xsi:nil in a response header entry without declaring the xsi prefix: the response is not namespace-well-formed and the Go client refuses it"},
		{peer: "node-soap", dir: toPeer, cases: []string{"mustunderstand"}, side: "response", path: "*",
			reason: "node-soap's server does not check mustUnderstand: an unknown mandatory header is ignored and the method runs"},
	})

// Reasons of Mono's deviations.
const (
	wcfDate = "DataContractSerializer's DateTime holds no offset: a zoned value becomes local time (UTC here), the instant and the 7 fraction digits kept"
	wcfNil  = "DataContractSerializer reads an absent and a nil member alike (null); the contract writes a null Reason as xsi:nil (EmitDefaultValue), so an absent Reason comes back nil"
	wcfCR   = "Mono's text encoder writes CR as it is, which every XML parser reads as LF (and Mono reads the escaped &#xD; as LF too)"
)

// wcfUser are Mono's deviations in the user case's User, below prefix.
func wcfUser(dir, side, prefix, zone string, cr bool) []deviation {
	d := []deviation{
		{peer: "wcf", dir: dir, cases: []string{"user"}, side: side, path: prefix + ".Lastlogin", got: `"2025-11-26T11:08:54.1234567` + zone + `"`, reason: wcfDate},
		{peer: "wcf", dir: dir, cases: []string{"user"}, side: side, path: prefix + ".OtherGroups[2].TableRight.Reason", got: "null", reason: wcfNil},
	}
	if cr {
		d = append(d, deviation{peer: "wcf", dir: dir, cases: []string{"user"}, side: side, path: prefix + ".Tooltip", got: show("line1\nline2\ttab <&>"), reason: wcfCR})
	}
	return d
}

// wcfDeviations are those of Mono's WCF.
var wcfDeviations = slices.Concat(
	wcfUser(toPeer, "request", "body.User", "+00:00", false),
	wcfUser(toPeer, "response", "body.Response", "Z", true),
	wcfUser(fromPeer, "request", "body.User", "Z", true),
	wcfUser(fromPeer, "response", "body.Response", "Z", true),
	[]deviation{
		{peer: "wcf", dir: toPeer, version: v11, cases: []string{"fault"}, side: "response", path: "fault.code", got: `"Sender"`,
			reason: "Mono writes FaultCode.CreateSenderFaultCode as the faultcode Sender in a SOAP 1.1 fault too, where SOAP 1.1 says Client (the Go client reports the code as sent)"},
		{peer: "wcf", dir: toPeer, version: v12, cases: []string{"fault"}, side: "response", path: "fault.http", got: "500", reason: http500},
		{peer: "wcf", dir: toPeer, cases: []string{"mustunderstand"}, side: "response", path: "*",
			reason: "Mono's WCF server does not check mustUnderstand: an unknown mandatory header is ignored and the method runs"},
		{peer: "wcf", dir: fromPeer, cases: []string{"serviceerror"}, side: "response", path: "body.Response", got: "null",
			reason: "a message contract's body member reads absent as null"},
		{peer: "wcf", dir: fromPeer, version: v12, cases: []string{"fault"}, side: "response", path: "*",
			reason: "Mono's client reads a SOAP 1.2 fault only with HTTP 500: with the 400 that SOAP 1.2 gives a Sender fault it throws WebException and the fault is lost"},
	})

// jaxwsDeviations are those of the JAX-WS RI.
var jaxwsDeviations = []deviation{
	{peer: "jaxws", dir: toPeer, cases: []string{"user", "actor", "image-set", "image-get"}, side: "response", path: "header.ExceptionInfo", got: "null", reason: jaxwsNilHeader},
	{peer: "jaxws", dir: toPeer, cases: []string{"serviceerror", "actor", "image-set", "image-get"}, side: "response", path: "header.ExtraInfo", got: "null", reason: jaxwsNilHeader},
	{peer: "jaxws", dir: toPeer, cases: []string{"serviceerror", "actor", "image-set", "image-get"}, side: "response", path: "header.TimeZone", got: "null", reason: jaxwsNilHeader},
	{peer: "jaxws", dir: toPeer, version: v12, cases: []string{"fault"}, side: "response", path: "fault.http", got: "500", reason: http500},
	{peer: "jaxws", dir: fromPeer, cases: []string{"serviceerror", "actor", "image-set", "image-get"}, side: "response", path: "header.TimeZone", got: `{"SoTimeZoneId":7,"SoTimeZoneLocationCode":"NOOSL"}`,
		reason: "wsimport maps the TimeZone header, in the request and the response, to one Holder: when the response has none, the holder keeps the value sent"},
}

const (
	jaxwsNilHeader = "a JAX-WS server writes every header part of the output message (an out Holder left null as xsi:nil): it cannot leave one out"
	http500        = "the peer answers a Sender fault with HTTP 500, where SOAP 1.2 Part 2 (table 20) gives 400"
)

var zeepDeviations = []deviation{
	// zeep (client only).
	{peer: "zeep", dir: fromPeer, cases: []string{"user"}, side: "request", path: "body.User.OtherGroups[1]", got: `{"TableRight":null}`,
		reason: "zeep cannot send a nil item in an array of a complex type: xsd.Nil renders the item with its first member nil (None leaves the item out)"},
	{peer: "zeep", dir: fromPeer, cases: []string{"user"}, side: "response", path: "body.Response.OtherGroups[1]", got: `{"TableRight":{}}`,
		reason: "zeep reads a nil item of an array of a complex type as an object with empty members, not None"},
	{peer: "zeep", dir: fromPeer, cases: []string{"user"}, side: "response", path: "body.Response.Lastlogin", got: `"2025-11-26T12:08:54.123457+01:00"`,
		reason: "zeep parses xs:dateTime into Python's datetime, which holds microseconds: 7 fraction digits are rounded to 6"},
	{peer: "zeep", dir: fromPeer, cases: []string{"user"}, side: "response", path: "body.Response.ExtraFields[1].Value", got: absent,
		reason: "zeep reads an empty xs:string element as None, not \"\""},
	{peer: "zeep", dir: fromPeer, cases: []string{"user"}, side: "response", path: "body.Response.ExtraFields[2].Value", got: absent, reason: zeepNone},
	{peer: "zeep", dir: fromPeer, cases: []string{"user"}, side: "response", path: "body.Response.RequestSignature", got: absent, reason: zeepNone},
	{peer: "zeep", dir: fromPeer, cases: []string{"user"}, side: "response", path: "body.Response.Role.Tooltip", got: absent, reason: zeepNone},
	{peer: "zeep", dir: fromPeer, cases: []string{"user"}, side: "response", path: "body.Response.TableRight.Reason", got: absent, reason: zeepNone},
	{peer: "zeep", dir: fromPeer, cases: []string{"user"}, side: "response", path: "header.ExtraInfo[1].Value", got: absent, reason: zeepNone},
}

// deviationsFor returns the deviations listed for one case.
func deviationsFor(peerName, dir string, v soap.Version, c string) []deviation {
	var out []deviation
	for _, d := range deviations {
		if (d.peer != "" && d.peer != peerName) || (d.peer == "" && d.except == peerName) || d.dir != dir || (d.version != nil && *d.version != v) {
			continue
		}
		for _, x := range d.cases {
			if x == c {
				out = append(out, d)
				break
			}
		}
	}
	return out
}
