package xmlcmp

import (
	"fmt"
	"testing"
)

func TestDocQuirksLayoutText(t *testing.T) {
	const env = `<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:u="urn:u"><e:Body>%s</e:Body></e:Envelope>`
	for _, tc := range []struct {
		name, want, got string
		equal           bool
	}{
		{"indented empty element", "<u:R>\n   </u:R>", "<u:R/>", true},
		{"typed string keeps whitespace", `<u:R xsi:type="xsd:string">` + "\n  " + `</u:R>`, `<u:R xsi:type="xsd:string"/>`, false},
		{"no line break is text", "<u:R>  </u:R>", "<u:R/>", false},
		{"text is kept", "<u:R>\n x </u:R>", "<u:R/>", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			diffs, err := Compare([]byte(fmt.Sprintf(env, tc.want)), []byte(fmt.Sprintf(env, tc.got)), Options{DocQuirks: true})
			if err != nil {
				t.Fatal(err)
			}
			if (len(diffs) == 0) != tc.equal {
				t.Errorf("equal = %v, want %v: %v", len(diffs) == 0, tc.equal, diffs)
			}
			diffs, _ = Compare([]byte(fmt.Sprintf(env, tc.want)), []byte(fmt.Sprintf(env, tc.got)), Options{})
			if tc.equal && len(diffs) == 0 {
				t.Errorf("equal without DocQuirks")
			}
		})
	}
}
