package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestVerify runs soapgen verify on the User WSDL against documented
// envelopes and doctored copies: it compiles the generated code in a
// temporary module, so it takes some seconds.
func TestVerify(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles generated code")
	}
	const user = "../../generated/services88/user"
	dir := t.TempDir()
	copyFile := func(name, to string, edit func(string) string) {
		b, err := os.ReadFile(filepath.Join(user, "testdata/examples", name))
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		if edit != nil {
			if s2 := edit(s); s2 != s {
				s = s2
			} else {
				t.Fatalf("doctoring %s changed nothing", name)
			}
		}
		if err := os.WriteFile(filepath.Join(to, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	good := filepath.Join(dir, "good")
	bad := filepath.Join(dir, "bad")
	os.Mkdir(good, 0o755)
	os.Mkdir(bad, 0o755)
	for _, n := range []string{"SetUserPresenceStatus.request.xml", "SetUserPresenceStatus.response.xml", "GetUser.response.xml"} {
		copyFile(n, good, nil)
	}
	copyFile("SetUserPresenceStatus.request.xml", bad, func(s string) string {
		return strings.Replace(s, "<User:AssociateId", "<User:Unknown>1</User:Unknown><User:AssociateId", 1)
	})
	copyFile("GetUser.response.xml", bad, func(s string) string {
		return strings.Replace(s, `<User:AssociateId xsi:type="xsd:int">0<`, `<User:AssociateId xsi:type="xsd:int">zero<`, 1)
	})
	wsdl := filepath.Join(user, "User.wsdl")

	var stdout, stderr bytes.Buffer
	if code := run([]string{"verify", "-wsdl", wsdl, good}, &stdout, &stderr); code != 0 {
		t.Fatalf("verify on documented envelopes: exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	if got := stdout.String(); got != "3 passed, 0 failed\n" {
		t.Errorf("verify on documented envelopes printed %q", got)
	}

	stdout.Reset()
	stderr.Reset()
	if code := run([]string{"verify", "-wsdl", wsdl, good, bad}, &stdout, &stderr); code != 1 {
		t.Fatalf("verify on doctored envelopes: exit %d, want 1\n%s%s", code, stdout.String(), stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != 3 || lines[2] != "3 passed, 2 failed" {
		t.Fatalf("output:\n%s", stdout.String())
	}
	for i, want := range []string{"GetUser.response.xml: decoding: soap: decode: line 13:5: invalid xs:int", "SetUserPresenceStatus.request.xml: decoding: soap: decode: line"} {
		if !strings.Contains(lines[i], want) {
			t.Errorf("line %d = %q, want it to contain %q", i+1, lines[i], want)
		}
	}
	if !strings.Contains(lines[0], `invalid xs:int "zero"`) || !strings.Contains(lines[1], "unexpected element {http://www.superoffice.net/ws/crm/NetServer/Services88}Unknown") {
		t.Errorf("failure lines do not say what differs:\n%s", stdout.String())
	}
}
