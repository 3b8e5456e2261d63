package interop

import (
	"slices"
	"strings"
	"testing"

	"github.com/soapgen/soapgen/generated/services88/user"
	"github.com/soapgen/soapgen/soap"
)

// TestCompare makes sure the comparison fails where a receiver got
// something else: a dropped member (as DataContractSerializer drops a
// misordered one), nil for absent, another text, a missing list item.
func TestCompare(t *testing.T) {
	want := mustJSON(`{"a":1,"b":null,"c":[1,null],"d":{"e":"x"}}`)
	for _, tc := range []struct {
		got  string
		diff []string
	}{
		{`{"a":"1","b":null,"c":[1,null],"d":{"e":"x"}}`, nil}, // scalars by text
		{`{"b":null,"c":[1,null],"d":{"e":"x"}}`, []string{"a: want 1, got <absent>"}},
		{`{"a":1,"c":[1,null],"d":{"e":"x"}}`, []string{"b: want null, got <absent>"}},
		{`{"a":1,"b":"","c":[1,null],"d":{"e":"x"}}`, []string{`b: want null, got ""`}},
		{`{"a":1,"b":null,"c":[1],"d":{"e":"x"}}`, []string{"c.length: want 2, got 1"}},
		{`{"a":1,"b":null,"c":[1,{}],"d":{"e":"x"}}`, []string{"c[1]: want null, got {}"}},
		{`{"a":1,"b":null,"c":[1,null],"d":{"e":"x "}}`, []string{`d.e: want "x", got "x "`}},
		{`{"a":1,"b":null,"c":[1,null],"d":{"e":"x"},"f":0}`, []string{"f: want <absent>, got 0"}},
	} {
		var got []string
		for _, d := range compare(want, mustJSON(tc.got)) {
			got = append(got, d.String())
		}
		if !slices.Equal(got, tc.diff) {
			t.Errorf("compare(%s) = %q, want %q", tc.got, got, tc.diff)
		}
	}
	if d := compare(mustJSON(`{"r":"`+anyValue+`"}`), mustJSON(`{}`)); len(d) != 1 {
		t.Errorf("anyValue matched an absent member: %v", d)
	}
}

// TestCanonOfFixture checks the Go side of the canonical form against the
// expected JSON the peers are held to.
func TestCanonOfFixture(t *testing.T) {
	if d := compare(mustJSON(userJSON), canon(fixtureUser())); len(d) > 0 {
		t.Errorf("canon(fixtureUser()) differs from userJSON: %v", d)
	}
	// A nil and an absent member, a nil item.
	got := canon(&user.UserGroup{Tooltip: soap.Nil[string]()})
	if d := compare(mustJSON(`{"Tooltip":null}`), got); len(d) > 0 {
		t.Errorf("canon(UserGroup) = %v: %v", got, d)
	}
}

// TestDeviationTable checks the table's entries name a known peer,
// direction and case, and give a reason.
func TestDeviationTable(t *testing.T) {
	names := []string{"", "go"}
	for _, p := range peers() {
		names = append(names, p.name)
	}
	for _, d := range deviations {
		if !slices.Contains(names, d.peer) || (d.except != "" && !slices.Contains(names, d.except)) {
			t.Errorf("unknown peer in %+v", d)
		}
		if d.dir != toPeer && d.dir != fromPeer && d.dir != goToGo {
			t.Errorf("unknown direction in %+v", d)
		}
		for _, c := range d.cases {
			if !slices.Contains(caseNames, c) {
				t.Errorf("unknown case %q in %+v", c, d)
			}
		}
		if len(d.cases) == 0 || strings.TrimSpace(d.reason) == "" || (d.side != "request" && d.side != "response") || (d.path == "*") != (d.got == "") {
			t.Errorf("incomplete entry %+v", d)
		}
	}
}

// TestAssessFlagsStaleEntries makes sure a listed deviation that no longer
// happens fails the case, so that the table stays true.
func TestAssessFlagsStaleEntries(t *testing.T) {
	listed := deviationsFor("zeep", fromPeer, soap.SOAP11, "user")
	if len(listed) == 0 {
		t.Fatal("no zeep deviations listed for the user case")
	}
	var diffs []sidedDiff
	for _, d := range listed[1:] {
		diffs = append(diffs, sidedDiff{d.side, diff{d.path, "", d.got}})
	}
	rec := &recordingT{}
	if outcome := assessWith(rec, "zeep", fromPeer, soap.SOAP11, "user", diffs); outcome != "fail" || len(rec.errors) != 1 || !strings.Contains(rec.errors[0], "no longer happens") {
		t.Errorf("outcome %q, errors %q; want one 'no longer happens'", outcome, rec.errors)
	}
	all := append(diffs, sidedDiff{listed[0].side, diff{listed[0].path, "", listed[0].got}})
	rec = &recordingT{}
	if outcome := assessWith(rec, "zeep", fromPeer, soap.SOAP11, "user", all); outcome != "deviation" || len(rec.errors) != 0 {
		t.Errorf("outcome %q, errors %q; want deviation", outcome, rec.errors)
	}
	rec = &recordingT{}
	extra := append(all, sidedDiff{"response", diff{"body.Response.Name", `"x"`, `"y"`}})
	if outcome := assessWith(rec, "zeep", fromPeer, soap.SOAP11, "user", extra); outcome != "fail" || len(rec.errors) != 1 {
		t.Errorf("outcome %q, errors %q; want one unlisted difference", outcome, rec.errors)
	}
}
