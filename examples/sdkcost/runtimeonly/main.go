// Command runtimeonly is the baseline of the build-cost probes
// (internal/peercmp): examples/sdkcost/user's program with the generated
// package replaced by two hand-written empty messages, so that the
// difference between the two is what the generated package adds.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/soapgen/soapgen/soap"
)

// message is an empty request or response body.
type message struct{}

func (*message) MarshalSOAP(*soap.Encoder)     {}
func (*message) UnmarshalSOAP(d *soap.Decoder) { d.Skip() }

var op = soap.Operation{
	Name:   "SetUserPresenceStatus",
	Action: "http://www.superoffice.net/ws/crm/NetServer/Services88/User/SetUserPresenceStatus",
	Input:  soap.QName{Space: "http://www.superoffice.net/ws/crm/NetServer/Services88", Local: "SetUserPresenceStatus"},
	Output: soap.QName{Space: "http://www.superoffice.net/ws/crm/NetServer/Services88", Local: "SetUserPresenceStatusResponse"},
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: runtimeonly BASEURL")
		os.Exit(2)
	}
	c := soap.NewClient(os.Args[1] + "/User.svc")
	var req, resp message
	if err := c.Call(context.Background(), &op, &req, nil, &resp); err != nil {
		fmt.Fprintln(os.Stderr, "runtimeonly:", err)
		os.Exit(1)
	}
	fmt.Println(true)
}
