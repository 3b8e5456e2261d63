package soap

import (
	"context"
	"errors"
	"net/http/httptest"
	"testing"
)

// note is a one-way request body holding one string.
type note struct{ Text string }

func (n *note) MarshalSOAP(e *Encoder) { e.Element("urn:t", "Text", n.Text) }
func (n *note) UnmarshalSOAP(d *Decoder) {
	if d.At("urn:t", "Text", NSXSD, "string") {
		n.Text = d.Text()
	}
	d.End()
}

// TestOneWay sends a one-way operation through the client to the handler:
// the server sees the request, the client gets the 202 as success, and a
// fault still comes back as an error.
func TestOneWay(t *testing.T) {
	got := make(chan string, 1)
	info := OperationInfo{
		Operation:  Operation{Name: "Notify", Action: "urn:t/Notify", Input: QName{"urn:t", "Notify"}, Namespaces: []string{"urn:t"}},
		NewRequest: func() Body { return new(note) },
	}
	h := NewHandler([]ServerOperation{{OperationInfo: info, Serve: ServeOneWay(func(ctx context.Context, n *note) error {
		if n.Text == "fail" {
			return &Fault{Code: ClientFaultCode(SOAP11), Reason: "refused"}
		}
		got <- n.Text
		return nil
	})}})
	srv := httptest.NewServer(h)
	defer srv.Close()
	c := NewClient(srv.URL)
	if err := c.Call(context.Background(), &info.Operation, &note{Text: "hello"}, nil, nil); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "hello" {
		t.Errorf("server got %q", s)
	}
	err := c.Call(context.Background(), &info.Operation, &note{Text: "fail"}, nil, nil)
	var f *Fault
	if !errors.As(err, &f) || f.Reason != "refused" {
		t.Errorf("err = %v, want the fault", err)
	}
}
