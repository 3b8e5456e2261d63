package user

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/soapgen/soapgen/generated/services88"
	"github.com/soapgen/soapgen/soap"
)

// TestSecretsRedacted checks that passwords, tickets and tokens never show
// in %v, %+v, %#v or log/slog output of request values and headers.
func TestSecretsRedacted(t *testing.T) {
	const pw, newPW, ticket, token = "hunter2-old", "hunter2-new", "7T:secret-ticket==", "app-token-123"
	req := &ChangePassword{AssociateId: soap.Some[int32](4242), OldPassword: soap.Some(pw), NewPassword: soap.Some(newPW)}
	hdr := &services88.RequestHeader{ApplicationToken: soap.Some(token), Credentials: soap.Some(&services88.SoCredentials{Ticket: soap.Some(ticket)})}
	var logged bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&logged, nil))
	log.Info("call", "req", req, "hdr", hdr, "creds", hdr.Credentials.Value())
	out := fmt.Sprintf("%v %+v %#v %s %v %v", req, req, req, req, hdr, hdr.Credentials) + logged.String()
	for _, secret := range []string{pw, newPW, ticket, token} {
		if strings.Contains(out, secret) {
			t.Errorf("secret %q leaked in:\n%s", secret, out)
		}
	}
	if !strings.Contains(out, "4242") || !strings.Contains(out, "OldPassword:<redacted>") {
		t.Errorf("formatting lost the non-secret members or the redaction marker:\n%s", out)
	}
	if s := (&ChangePassword{AssociateId: soap.Some[int32](1)}).String(); !strings.Contains(s, "OldPassword:<absent>") {
		t.Errorf("an absent secret should show as absent: %s", s)
	}
	var nilReq *ChangePassword
	if s := fmt.Sprint(nilReq); s != "<nil>" {
		t.Errorf("nil formats as %q", s)
	}
}
