package soap

import (
	"context"
	"errors"
	"net/http/httptest"
	"strconv"
	"testing"
)

// oops is a declared fault's detail type, as the generator would write it.
type oops struct{ Code int32 }

func (o *oops) MarshalSOAP(e *Encoder) { e.Element("urn:t", "Code", strconv.Itoa(int(o.Code))) }
func (o *oops) UnmarshalSOAP(d *Decoder) {
	if d.At("urn:t", "Code", NSXSD, "int") {
		o.Code = readInt32(d)
	} else {
		d.Missing("urn:t", "Code")
	}
	d.End()
}

// TestDeclaredFault sends a fault with a declared detail from the handler
// and checks that the client decodes it into the detail's type, in both
// SOAP versions.
func TestDeclaredFault(t *testing.T) {
	oopsName := QName{"urn:t", "Oops"}
	info := OperationInfo{
		Operation: Operation{Name: "Notify", Action: "urn:t/Notify", Input: QName{"urn:t", "Notify"}, Namespaces: []string{"urn:t"},
			Faults: []FaultType{{Name: "oops", Element: oopsName, New: func() Body { return new(oops) }}}},
		NewRequest: func() Body { return new(note) },
	}
	h := NewHandler([]ServerOperation{{OperationInfo: info, Serve: ServeOneWay(func(ctx context.Context, n *note) error {
		return &Fault{Code: ClientFaultCode(SOAP11), Reason: "no", DetailBody: &oops{Code: 7}, DetailName: oopsName}
	})}})
	srv := httptest.NewServer(h)
	defer srv.Close()
	for _, v := range []Version{SOAP11, SOAP12} {
		t.Run(v.String(), func(t *testing.T) {
			err := NewClient(srv.URL, WithVersion(v)).Call(context.Background(), &info.Operation, &note{Text: "x"}, nil, nil)
			var f *Fault
			if !errors.As(err, &f) {
				t.Fatalf("err = %v, want a *Fault", err)
			}
			d, ok := f.DetailBody.(*oops)
			if !ok || d.Code != 7 || f.DetailName != oopsName || f.Reason != "no" {
				t.Errorf("fault = %+v, detail %#v", f, f.DetailBody)
			}
		})
	}
	// An undeclared detail stays in Detail only.
	f := &Fault{Detail: &Any{Children: []AnyElement{{Name: QName{"urn:t", "Other"}}}}}
	if err := f.decodeDetail(info.Faults); err != nil || f.DetailBody != nil {
		t.Errorf("undeclared detail decoded: %v %v", err, f.DetailBody)
	}
	// A declared detail that does not decode is an error.
	f = &Fault{Detail: &Any{Children: []AnyElement{{Name: oopsName, Any: Any{Children: []AnyElement{{Name: QName{"urn:t", "Code"}, Any: Any{Text: "x"}}}}}}}}
	if err := f.decodeDetail(info.Faults); err == nil {
		t.Error("a malformed declared detail decoded")
	}
}
