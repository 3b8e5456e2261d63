package wsdldiff

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/soapgen/soapgen/wsdl"
)

var update = flag.Bool("update", false, "rewrite the golden reports in testdata/golden")

var versions = []string{"84", "85", "86", "87", "88"}

func loadVersion(t *testing.T, v string) *wsdl.Definitions {
	t.Helper()
	d, err := wsdl.Load(os.DirFS(filepath.Join("testdata", "Services"+v)), "User.wsdl", nil)
	if err != nil {
		t.Fatalf("Services%s: %v", v, err)
	}
	return d
}

func jsonOf(t *testing.T, r *Report) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := r.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestGolden compares the reports of the real bumps of the User agent with
// testdata/golden; -update rewrites them.
func TestGolden(t *testing.T) {
	for i := 0; i+1 < len(versions); i++ {
		old, new := versions[i], versions[i+1]
		t.Run(old+"-"+new, func(t *testing.T) {
			r := Compare(loadVersion(t, old), loadVersion(t, new))
			for ext, got := range map[string][]byte{".txt": []byte(r.Text()), ".json": jsonOf(t, r)} {
				path := filepath.Join("testdata", "golden", old+"-"+new+ext)
				if *update {
					if err := os.WriteFile(path, got, 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test -update to create it)", err)
				}
				if d := cmp.Diff(string(want), string(got)); d != "" {
					t.Errorf("%s differs (-golden +got); run go test -update if the change is intended:\n%s", path, d)
				}
			}
		})
	}
}

// TestServices88Bump checks facts of the 87→88 bump verified by hand on the
// WSDLs, independently of the golden files.
func TestServices88Bump(t *testing.T) {
	r := Compare(loadVersion(t, "87"), loadVersion(t, "88"))
	if r.OldNamespace != "http://www.superoffice.net/ws/crm/NetServer/Services87" || r.NewNamespace != "http://www.superoffice.net/ws/crm/NetServer/Services88" {
		t.Errorf("namespaces %q → %q", r.OldNamespace, r.NewNamespace)
	}
	count := map[Kind]int{}
	var ops []string
	typeKinds := map[string]int{}
	for _, c := range r.Changes {
		count[c.Kind]++
		switch c.Kind {
		case OperationAdded:
			ops = append(ops, c.Subject)
		case TypeAdded:
			typeKinds[c.New]++
		}
	}
	// 14 operations added, none removed or changed; every one brings its
	// request and response wrapper: 28 elements, plus 5 complex types and
	// 2 enums (ChangePasswordType, EjUserStatus).
	wantOps := []string{
		"CheckAccessGatewayRegistration", "DecryptAndSaveExternalTokens", "ExchangeCodeAndSaveTokens",
		"GetAccessGatewayInfo", "GetAllDataRights", "GetExternalTokens", "GetOrRegisterAccessGatewayInfo",
		"GetSupportedChangePasswordTypes", "GetUserPresenceStatus", "RegisterWithAccessGateway",
		"SaveExternalTokens", "SendChangePasswordEMail", "SetUserPresenceStatus", "ValidateUser",
	}
	if d := cmp.Diff(wantOps, ops); d != "" {
		t.Errorf("added operations (-want +got):\n%s", d)
	}
	if d := cmp.Diff(map[string]int{kindElement: 28, kindComplex: 5, kindEnum: 2}, typeKinds); d != "" {
		t.Errorf("kinds of added types (-want +got):\n%s", d)
	}
	// The changed types: new optional members at the end, new flag and enum values.
	var changed []Change
	for _, c := range r.Changes {
		if c.Kind != OperationAdded && c.Kind != TypeAdded {
			changed = append(changed, c)
		}
	}
	want := []Change{
		{Kind: MemberAdded, Subject: "Associate", Member: "CustomFields", New: "tns:StringDictionary 0..1 nillable"},
		{Kind: MemberAdded, Subject: "Associate", Member: "ExtraFields", New: "tns:StringDictionary 0..1 nillable"},
		{Kind: MemberAdded, Subject: "ModuleLicenseLink", Member: "ExtraFlags", New: "xs:int 0..1"},
		{Kind: MemberAdded, Subject: "Person", Member: "PersonNumber", New: "xs:string 0..1 nillable"},
		{Kind: ValueAdded, Subject: "EFieldRight", Member: "Nullable", New: "32"},
		{Kind: ValueAdded, Subject: "ETableRight", Member: "F", New: "16"},
		{Kind: ValueAdded, Subject: "ETableRight", Member: "R", New: "1"},
		{Kind: ValueAdded, Subject: "ETableRight", Member: "Uninitialized"},
		{Kind: ValueAdded, Subject: "ETableRight", Member: "Unused1"},
		{Kind: ValueAdded, Subject: "RoleRelationToOwner", Member: "CustomObjects", New: "10"},
	}
	if d := cmp.Diff(want, changed); d != "" {
		t.Errorf("changes to existing types (-want +got):\n%s", d)
	}
	if len(r.Changes) != 59 || r.Breaking() != 0 {
		t.Errorf("%d changes, %d breaking; want 59, 0", len(r.Changes), r.Breaking())
	}
	if s := r.Summary(); s != "59 changes, 0 breaking" {
		t.Errorf("summary %q", s)
	}
}

// TestServices87Bump: the one breaking change of the four bumps.
func TestServices87Bump(t *testing.T) {
	r := Compare(loadVersion(t, "86"), loadVersion(t, "87"))
	var breaking []Change
	for _, c := range r.Changes {
		if c.Breaking {
			breaking = append(breaking, c)
		}
	}
	want := []Change{{Kind: MemberRetyped, Subject: "UserGroup", Member: "Deleted", Old: "xs:short", New: "xs:boolean", Breaking: true}}
	if d := cmp.Diff(want, breaking); d != "" {
		t.Errorf("breaking changes (-want +got):\n%s", d)
	}
	if !strings.Contains(r.Text(), "\n! UserGroup: member Deleted type xs:short -> xs:boolean\n") {
		t.Errorf("text lacks the marked UserGroup line:\n%s", r.Text())
	}
}

func TestIdentical(t *testing.T) {
	for _, v := range versions {
		d := loadVersion(t, v)
		r := Compare(d, d)
		if len(r.Changes) != 0 || r.Text() != "no changes\n" {
			t.Errorf("Services%s against itself: %s", v, r.Text())
		}
		var j struct {
			Changes  []Change `json:"changes"`
			Total    int      `json:"total"`
			Breaking int      `json:"breaking"`
		}
		b := jsonOf(t, r)
		if err := json.Unmarshal(b, &j); err != nil || j.Changes == nil || j.Total != 0 {
			t.Errorf("JSON of no changes: %s (%v)", b, err)
		}
	}
}

// TestDeterministic: reports of the same inputs are byte for byte equal.
func TestDeterministic(t *testing.T) {
	a, b := loadVersion(t, "84"), loadVersion(t, "88")
	first := jsonOf(t, Compare(a, b))
	for range 5 {
		if again := jsonOf(t, Compare(a, b)); !bytes.Equal(first, again) {
			t.Fatal("two reports of the same inputs differ")
		}
	}
}

func TestJSONFields(t *testing.T) {
	r := Compare(loadVersion(t, "86"), loadVersion(t, "87"))
	b := jsonOf(t, r)
	var j struct {
		OldNamespace string           `json:"oldNamespace"`
		NewNamespace string           `json:"newNamespace"`
		Changes      []map[string]any `json:"changes"`
		Total        int              `json:"total"`
		Breaking     int              `json:"breaking"`
	}
	if err := json.Unmarshal(b, &j); err != nil {
		t.Fatal(err)
	}
	if j.OldNamespace != r.OldNamespace || j.NewNamespace != r.NewNamespace || j.Total != len(r.Changes) || j.Breaking != 1 || len(j.Changes) != j.Total {
		t.Errorf("JSON head: %+v", j)
	}
	for i, c := range j.Changes {
		if c["section"] != r.Changes[i].Kind.Section() || c["kind"] != string(r.Changes[i].Kind) || c["text"] != r.Changes[i].String() || c["breaking"] != r.Changes[i].Breaking {
			t.Errorf("change %d: %v", i, c)
		}
	}
	if !bytes.Contains(b, []byte(`"text": "UserGroup: member Deleted type xs:short -> xs:boolean"`)) {
		t.Errorf("JSON escapes or lacks the UserGroup text")
	}
}

func TestSortOrder(t *testing.T) {
	r := Compare(loadVersion(t, "84"), loadVersion(t, "88"))
	sorted := slices.IsSortedFunc(r.Changes, func(a, b Change) int {
		if a.Kind.rank() != b.Kind.rank() {
			return a.Kind.rank() - b.Kind.rank()
		}
		return strings.Compare(a.Subject+"\x00"+a.Member, b.Subject+"\x00"+b.Member)
	})
	if !sorted {
		t.Error("changes are not sorted by kind, subject, member")
	}
	text := r.Text()
	if o, ty := strings.Index(text, "Operations\n"), strings.Index(text, "\nTypes\n"); o != 0 || ty < 0 {
		t.Errorf("sections: Operations at %d, Types at %d", o, ty)
	}
}
