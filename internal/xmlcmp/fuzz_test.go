package xmlcmp

import (
	"strings"
	"testing"
)

// FuzzParseMarshal checks that Parse and Compare never panic and that
// Marshal(Parse(x)) parses and compares equal to x. `go test` runs the seeds;
// `go test -fuzz FuzzParseMarshal` explores further.
func FuzzParseMarshal(f *testing.F) {
	for _, d := range roundTripDocs {
		f.Add([]byte(d), []byte(`<r/>`))
	}
	for _, name := range []string{"SetUserPresenceStatus.request.xml", "SetUserPresenceStatus.request.reencoded.xml"} {
		f.Add(readTestdata(f, name), []byte(`<r/>`))
	}
	f.Add([]byte(typed("xsd:dateTime", "2025-11-26T24:00:00Z")), []byte(untyped("2025-11-27T00:00:00+14:00")))
	f.Add([]byte(typed("xsd:base64Binary", "QQ==")), []byte(untyped("QR==")))
	f.Add([]byte(`<!DOCTYPE r><r/>`), []byte(`<p:r/>`))
	f.Fuzz(func(t *testing.T, a, b []byte) {
		_, _ = Compare(a, b, Options{DocQuirks: true})
		n, err := Parse(a)
		if err != nil {
			return
		}
		out := Marshal(n)
		back, err := Parse(out)
		if err != nil {
			t.Fatalf("Parse(Marshal(Parse(%q))) = %v\n%s", a, err, out)
		}
		if d := CompareNodes(n, back, Options{}); len(d) != 0 {
			t.Fatalf("round trip of %q differs:\n%s\n%s", a, out, strings.Join(d, "\n"))
		}
		if d := CompareNodes(n, n, Options{DocQuirks: true}); len(d) != 0 {
			if !strings.Contains(strings.Join(d, "\n"), "xsi:nil true") {
				t.Fatalf("document differs from itself:\n%s", strings.Join(d, "\n"))
			}
		}
	})
}

func BenchmarkCompareGetUser(b *testing.B) {
	want := readTestdata(b, "GetUser.response.xml")
	got := readTestdata(b, "GetUser.response.reprefixed.xml")
	b.SetBytes(int64(len(want) + len(got)))
	for b.Loop() {
		if d, err := Compare(want, got, Options{DocQuirks: true}); err != nil || len(d) != 0 {
			b.Fatal(err, d)
		}
	}
}
