package soap

import (
	"mime"
	"testing"
)

// checkContentType fails t if parseContentType reads s otherwise than
// mime.ParseMediaType does.
func checkContentType(t *testing.T, s string) (fast bool) {
	t.Helper()
	_, fast = parseContentTypeFast(s)
	got, err := parseContentType(s)
	mt, params, merr := mime.ParseMediaType(s)
	if (err != nil) != (merr != nil) {
		t.Fatalf("%q: error %v, mime.ParseMediaType's %v", s, err, merr)
	}
	if merr != nil {
		return fast
	}
	cs, ok := params["charset"]
	want := contentType{mediaType: mt, charset: cs, action: params["action"], hasCharset: ok}
	if got != want {
		t.Fatalf("%q: %+v (fast path %v), mime.ParseMediaType reads %+v", s, got, fast, want)
	}
	return fast
}

func TestParseContentType(t *testing.T) {
	for _, c := range []struct {
		s    string
		fast bool
	}{
		{"text/xml", true},
		{"text/xml; charset=utf-8", true},
		{"text/xml;charset=UTF-8", true},
		{`text/xml; charset="utf-8"`, true},
		{`application/soap+xml; charset=utf-8; action="http://example.com/a/B"`, true},
		{`application/soap+xml;action="urn:x";charset=utf-8`, true},
		{`application/soap+xml; action=""`, true},
		{`application/soap+xml; action="a" ; charset=utf-8 `, true},
		{"TEXT/XML; charset=utf-8", false},
		{" text/xml", false},
		{"text/xml;", false},
		{"text/xml; charset=utf-8;", false},
		{"text/xml; charset = utf-8", false},
		{"text/xml; charset=utf-8; charset=latin1", false},
		{"text/xml; boundary=x", false},
		{`application/soap+xml; action="a\"b"`, false},
		{`application/soap+xml; action="a`, false},
		{"application/soap+xml; action*=utf-8''a", false},
		{"text/", false},
		{"/xml", false},
		{"text", false},
		{"", false},
		{"text/xml; charset", false},
		{"text/xml; charset=", false},
		{"text/x\x00ml", false},
	} {
		if fast := checkContentType(t, c.s); fast != c.fast {
			t.Errorf("%q: fast path %v, want %v", c.s, fast, c.fast)
		}
	}
}

func TestParseContentTypeAllocs(t *testing.T) {
	const ct = `application/soap+xml; charset=utf-8; action="http://www.superoffice.net/ws/crm/NetServer/Services88/User/GetUser"`
	if n := testing.AllocsPerRun(100, func() { _, _ = parseContentType(ct) }); n != 0 {
		t.Errorf("parseContentType allocates %v times, want 0", n)
	}
}

func FuzzParseContentType(f *testing.F) {
	for _, s := range []string{"text/xml; charset=utf-8", `application/soap+xml; charset=utf-8; action="urn:a"`, "text/xml;charset=\"utf-8\" ; action=b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkContentType(t, s) })
}
