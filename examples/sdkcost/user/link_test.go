package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestLinksWhatItCalls builds this one-call program and checks, in its
// symbol table, that it carries the codecs of the operation it calls and
// none of the other 96 operations of the User agent: a client method
// refers to its own operation's description only, and the operation table
// that refers to every codec is the server's.
func TestLinksWhatItCalls(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program")
	}
	bin := filepath.Join(t.TempDir(), "user")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command("go", "tool", "nm", bin).CombinedOutput()
	if err != nil {
		t.Fatalf("go tool nm: %v\n%s", err, out)
	}
	syms := map[string]bool{}
	for _, line := range strings.Split(string(out), "\n") {
		if f := strings.Fields(line); len(f) >= 3 && f[1] == "T" {
			syms[strings.Join(f[2:], " ")] = true
		}
	}
	const user = "github.com/soapgen/soapgen/generated/services88/user."
	for _, s := range []string{
		"(*UserClient).SetUserPresenceStatus",
		"(*SetUserPresenceStatus).MarshalSOAP",
		"(*SetUserPresenceStatusResponse).UnmarshalSOAP",
	} {
		if !syms[user+s] {
			t.Errorf("the program lacks %s", s)
		}
	}
	for _, s := range []string{
		"(*UserClient).GetUser",
		"(*GetUserResponse).UnmarshalSOAP",
		"(*User).UnmarshalSOAP",
		"(*GetUser).MarshalSOAP",
		"NewUserHandler",
		"UserOperations",
		"serveUserGetUser",
	} {
		if syms[user+s] {
			t.Errorf("the program links %s, which it does not use", s)
		}
	}
	n := 0
	for s := range syms {
		if strings.HasPrefix(s, user) && strings.HasSuffix(s, ").UnmarshalSOAP") {
			n++
		}
	}
	// SetUserPresenceStatus, its response and UserPresenceStatus.
	if n != 3 {
		t.Errorf("the program links %d UnmarshalSOAP methods of package user, want 3", n)
	}
}
