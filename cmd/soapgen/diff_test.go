package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// userWSDL is the User agent's WSDL of a Services version, from the test
// data of package wsdldiff.
func userWSDL(v string) string {
	return filepath.Join("..", "..", "wsdldiff", "testdata", "Services"+v, "User.wsdl")
}

func TestDiff(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string // in stdout
	}{
		{"87-88", []string{userWSDL("87"), userWSDL("88")}, 0, "\n59 changes, 0 breaking\n"},
		{"87-88 -breaking", []string{"-breaking", userWSDL("87"), userWSDL("88")}, 0, "\n59 changes, 0 breaking\n"},
		{"86-87", []string{userWSDL("86"), userWSDL("87")}, 0, "\n! UserGroup: member Deleted type xs:short -> xs:boolean\n"},
		{"86-87 -breaking", []string{"-breaking", userWSDL("86"), userWSDL("87")}, 1, "\n21 changes, 1 breaking\n"},
		{"identical", []string{userWSDL("88"), userWSDL("88")}, 0, "no changes\n"},
		{"identical -breaking", []string{"-breaking", userWSDL("88"), userWSDL("88")}, 0, "no changes\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(append([]string{"diff"}, tc.args...), &stdout, &stderr)
			if code != tc.code || stderr.Len() != 0 {
				t.Errorf("exit %d, want %d; stderr %q", code, tc.code, stderr.String())
			}
			if !strings.Contains(stdout.String(), tc.want) {
				t.Errorf("stdout lacks %q:\n%s", tc.want, stdout.String())
			}
		})
	}
}

func TestDiffJSON(t *testing.T) {
	for _, args := range [][]string{
		{"-json", userWSDL("87"), userWSDL("88")},
		{"-json", "-breaking", userWSDL("86"), userWSDL("87")},
		{"-json", userWSDL("84"), userWSDL("84")},
	} {
		var stdout, stderr bytes.Buffer
		code := run(append([]string{"diff"}, args...), &stdout, &stderr)
		if !json.Valid(stdout.Bytes()) {
			t.Fatalf("%v: invalid JSON:\n%s", args, stdout.String())
		}
		var r struct {
			Changes []struct {
				Kind     string `json:"kind"`
				Subject  string `json:"subject"`
				Breaking bool   `json:"breaking"`
			} `json:"changes"`
			Total    int `json:"total"`
			Breaking int `json:"breaking"`
		}
		if err := json.Unmarshal(stdout.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		if len(r.Changes) != r.Total || (r.Breaking > 0) != (code == 1) {
			t.Errorf("%v: exit %d, %d changes listed, total %d, breaking %d", args, code, len(r.Changes), r.Total, r.Breaking)
		}
	}
}

func TestDiffBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.wsdl")
	if err := os.WriteFile(bad, []byte("<?xml version=\"1.0\"?>\n<definitions xmlns=\"http://schemas.xmlsoap.org/wsdl/\">\n  <types>\n</definitions>\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	pos := regexp.MustCompile("^" + regexp.QuoteMeta(bad) + `:\d+:\d+: `)
	for _, args := range [][]string{
		{bad, userWSDL("88")},
		{userWSDL("88"), bad},
		{"-json", "-breaking", bad, bad},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(append([]string{"diff"}, args...), &stdout, &stderr); code != 1 {
			t.Errorf("%v: exit %d, want 1", args, code)
		}
		if !pos.MatchString(stderr.String()) {
			t.Errorf("%v: message %q lacks %s:line:col:", args, stderr.String(), bad)
		}
		if stdout.Len() != 0 {
			t.Errorf("%v: a report was printed: %q", args, stdout.String())
		}
	}
	// A missing file is named too.
	var stdout, stderr bytes.Buffer
	missing := filepath.Join(dir, "missing.wsdl")
	if code := run([]string{"diff", missing, userWSDL("88")}, &stdout, &stderr); code != 1 || !strings.HasPrefix(stderr.String(), missing) {
		t.Errorf("missing file: exit %d, %q", code, stderr.String())
	}
}

func TestDiffUsage(t *testing.T) {
	for _, args := range [][]string{
		{"diff"},
		{"diff", userWSDL("88")},
		{"diff", "-nope", userWSDL("87"), userWSDL("88")},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "usage: soapgen diff") {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr.String())
		}
	}
}
