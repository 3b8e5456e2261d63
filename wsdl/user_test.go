package wsdl

import (
	"os"
	"testing"
)

const nsUser = "http://www.superoffice.net/ws/crm/NetServer/Services88"

func loadUser(t *testing.T) *Definitions {
	t.Helper()
	d, err := Load(os.DirFS("testdata"), "User.wsdl", nil)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return d
}

func findComplex(d *Definitions, q QName) *ComplexType {
	for _, s := range d.Schemas {
		for _, t := range s.ComplexTypes {
			if t.Name == q {
				return t
			}
		}
	}
	return nil
}

func findSimple(d *Definitions, q QName) *SimpleType {
	for _, s := range d.Schemas {
		for _, t := range s.SimpleTypes {
			if t.Name == q {
				return t
			}
		}
	}
	return nil
}

func TestUserWSDL(t *testing.T) {
	d := loadUser(t)
	if d.Name != "WcfUserService" || d.TargetNamespace != nsUser {
		t.Errorf("definitions = %q %q", d.Name, d.TargetNamespace)
	}
	if got := d.Pos.String(); got != "User.wsdl:1:39" {
		t.Errorf("definitions at %s, want User.wsdl:1:39", got)
	}

	// Schemas: the service's, the MS Serialization one, the Arrays one.
	var tnss []string
	for _, s := range d.Schemas {
		tnss = append(tnss, s.TargetNamespace)
	}
	if len(tnss) != 3 || tnss[0] != nsUser || tnss[1] != NSMSSerial || tnss[2] != NSMSArrays {
		t.Fatalf("schema namespaces = %q", tnss)
	}
	if !d.Schemas[0].ElementFormQualified || len(d.Schemas[0].Imports) != 2 || d.Schemas[0].Imports[1].Namespace != NSMSArrays {
		t.Errorf("service schema: qualified=%v imports=%v", d.Schemas[0].ElementFormQualified, d.Schemas[0].Imports)
	}

	// PortType User: 97 operations (the corpus README counts the 96
	// documented ones; ExchangeCodeAndSaveTokens is undocumented).
	if len(d.PortTypes) != 1 || d.PortTypes[0].Name != (QName{nsUser, "User"}) {
		t.Fatalf("portTypes = %v", d.PortTypes)
	}
	pt := d.PortTypes[0]
	if len(pt.Operations) != 97 {
		t.Errorf("User has %d operations, want 97", len(pt.Operations))
	}
	if op := pt.Operations[0]; op.Name != "IsNickNameUnique" ||
		op.Input.Message != (QName{nsUser, "IsNickNameUniqueRequest"}) ||
		op.Input.Action != "http://www.superoffice.net/ws/crm/NetServer/Services88/User/IsNickNameUnique" ||
		op.Output.Name != "IsNickNameUniqueResponse" {
		t.Errorf("first operation = %+v in=%+v out=%+v", op, op.Input, op.Output)
	}
	// A position in the one-line file: the portType's operation SetUserPresenceStatus.
	for _, op := range pt.Operations {
		if op.Name == "SetUserPresenceStatus" {
			if got := op.Pos.String(); got != "User.wsdl:1:164296" {
				t.Errorf("operation SetUserPresenceStatus at %s, want User.wsdl:1:164296", got)
			}
		}
	}

	// Binding.
	if len(d.Bindings) != 1 {
		t.Fatalf("%d bindings", len(d.Bindings))
	}
	b := d.Bindings[0]
	if b.Name != (QName{nsUser, "BasicHttpBinding_User"}) || b.Type != (QName{nsUser, "User"}) ||
		b.Version != SOAP11 || b.Style != "document" || b.Transport != "http://schemas.xmlsoap.org/soap/http" {
		t.Errorf("binding = %+v", b)
	}
	if len(b.Operations) != 97 {
		t.Errorf("binding has %d operations", len(b.Operations))
	}
	var sups *BindingOperation
	for _, op := range b.Operations {
		if op.Name == "SetUserPresenceStatus" {
			sups = op
		}
	}
	if sups == nil {
		t.Fatal("no binding operation SetUserPresenceStatus")
	}
	if sups.SOAPAction != "http://www.superoffice.net/ws/crm/NetServer/Services88/User/SetUserPresenceStatus" || sups.Style != "document" {
		t.Errorf("SetUserPresenceStatus soap:operation = %q %q", sups.SOAPAction, sups.Style)
	}
	headerParts := func(io *BindingIO) []string {
		var ps []string
		for _, h := range io.Headers {
			if h.Message.Space != nsUser || h.Use != "literal" {
				t.Errorf("header %+v", h)
			}
			ps = append(ps, h.Part)
		}
		return ps
	}
	if got := headerParts(sups.Input); !equal(got, []string{"ApplicationToken", "Credentials", "TimeZone"}) {
		t.Errorf("input headers = %q", got)
	}
	if got := headerParts(sups.Output); !equal(got, []string{"ExceptionInfo", "ExtraInfo", "Succeeded", "TimeZone"}) {
		t.Errorf("output headers = %q", got)
	}
	if sups.Input.Headers[0].Message.Local != "SetUserPresenceStatusRequest_Headers" {
		t.Errorf("input header message = %v", sups.Input.Headers[0].Message)
	}
	if body := sups.Input.Body; body == nil || body.Use != "literal" || body.Parts != nil {
		t.Errorf("input body = %+v", body)
	}

	// Service.
	if len(d.Services) != 1 || len(d.Services[0].Ports) != 1 {
		t.Fatalf("services = %v", d.Services)
	}
	if p := d.Services[0].Ports[0]; p.Binding != b.Name || p.Address != "https://sod.superoffice.com/Cust12345/Remote/Services88/User.svc" {
		t.Errorf("port = %+v", p)
	}

	// Schema facts.
	user := findComplex(d, QName{nsUser, "User"})
	if user == nil {
		t.Fatal("no complex type User")
	}
	if user.Content != ContentComplex || user.Derivation != Extension || user.Base != (QName{nsUser, "Carrier"}) || user.Group == nil || user.Group.Kind != Sequence {
		t.Errorf("User: content=%v derivation=%v base=%v group=%v", user.Content, user.Derivation, user.Base, user.Group)
	}
	if got := user.Pos.String(); got != "User.wsdl:1:4830" {
		t.Errorf("User at %s, want User.wsdl:1:4830", got)
	}
	if e, ok := user.Group.Particles[0].(*Element); !ok || e.Name != (QName{nsUser, "AssociateId"}) || e.Type != (QName{NSXSD, "int"}) || e.MinOccurs != 0 || e.MaxOccurs != 1 {
		t.Errorf("User's first particle = %+v", user.Group.Particles[0])
	}

	tr := findSimple(d, QName{nsUser, "ETableRight"})
	if tr == nil || tr.Kind != SimpleList || tr.Item == nil || !tr.ItemType.IsZero() {
		t.Fatalf("ETableRight = %+v", tr)
	}
	if tr.Item.Base != (QName{NSXSD, "string"}) {
		t.Errorf("ETableRight item base = %v", tr.Item.Base)
	}
	nums := map[string]int64{}
	for _, e := range tr.Item.Enumerations {
		if e.Number != nil {
			nums[e.Value] = *e.Number
		}
	}
	if len(tr.Item.Enumerations) != 10 || nums["R"] != 1 || nums["F"] != 16 || len(nums) != 2 {
		t.Errorf("ETableRight enumerations: %d, numbers %v", len(tr.Item.Enumerations), nums)
	}

	st := findSimple(d, QName{nsUser, "EjUserStatus"})
	if st == nil {
		t.Fatal("no EjUserStatus")
	}
	var found bool
	for _, e := range st.Enumerations {
		if e.Value == "StatusSystem" {
			found = true
			if e.Number == nil || *e.Number != 127 {
				t.Errorf("StatusSystem number = %v", e.Number)
			}
			if got := e.Pos.String(); got != "User.wsdl:1:24003" {
				t.Errorf("StatusSystem at %s, want User.wsdl:1:24003", got)
			}
		} else if e.Number != nil {
			t.Errorf("%s has number %d", e.Value, *e.Number)
		}
	}
	if !found {
		t.Error("no StatusSystem")
	}

	if x := findComplex(d, QName{nsUser, "SoExtraInfo"}); x == nil || !x.IsDictionary {
		t.Errorf("SoExtraInfo = %+v", x)
	}
	if x := findComplex(d, QName{nsUser, "SoCredentials"}); x == nil || x.IsDictionary {
		t.Errorf("SoCredentials = %+v", x)
	}

	aoi := findComplex(d, QName{NSMSArrays, "ArrayOfint"})
	if aoi == nil || aoi.Group == nil || len(aoi.Group.Particles) != 1 {
		t.Fatalf("ArrayOfint = %+v", aoi)
	}
	if e := aoi.Group.Particles[0].(*Element); e.Name != (QName{NSMSArrays, "int"}) || e.MaxOccurs != Unbounded || e.MinOccurs != 0 {
		t.Errorf("ArrayOfint element = %+v", e)
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestUserWSDLParse checks that Parse gives the same result as Load.
func TestUserWSDLParse(t *testing.T) {
	data, err := os.ReadFile("testdata/User.wsdl")
	if err != nil {
		t.Fatal(err)
	}
	d, err := Parse("User.wsdl", data, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.PortTypes[0].Operations) != 97 || len(d.Schemas) != 3 {
		t.Errorf("Parse: %d operations, %d schemas", len(d.PortTypes[0].Operations), len(d.Schemas))
	}
}
