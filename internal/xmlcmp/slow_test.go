package xmlcmp

import (
	"strings"
	"testing"
	"time"
)

func TestSlowInputs(t *testing.T) {
	for name, doc := range map[string]string{
		"comments": "<r>" + strings.Repeat("x<!---->", 200000) + "</r>",
		"siblings": "<r>" + strings.Repeat("<a/>", 2000) + "</r>",
		"siblingsb": "<r>" + strings.Repeat("<b/>", 2000) + "</r>",
		"wide": "<r>" + strings.Repeat("<a/><b/>", 100000) + "</r>",
	} {
		s := time.Now()
		n := mustParse(t, doc)
		CompareNodes(n, n, Options{})
		t.Log(name, time.Since(s))
	}
	s := time.Now()
	d, _ := Compare([]byte("<r>"+strings.Repeat("<a/>", 2000)+"</r>"), []byte("<r>"+strings.Repeat("<b/>", 2000)+"</r>"), Options{})
	t.Log("lcs", time.Since(s), len(d))
	s = time.Now()
	d, _ = Compare([]byte("<r>"+strings.Repeat("<a/><b/>", 100000)+"</r>"), []byte("<r>"+strings.Repeat("<b/><a/>", 100000)+"</r>"), Options{})
	t.Log("big", time.Since(s), len(d))
}
