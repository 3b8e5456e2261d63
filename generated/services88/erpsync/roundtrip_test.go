package erpsync

import (
	"testing"

	"github.com/soapgen/soapgen/soap/soaptest"
)

// TestDocumentedEnvelopes round-trips the documented envelopes of the Sale
// agent through the generated types (soaptest.RoundTrip).
func TestDocumentedEnvelopes(t *testing.T) {
	soaptest.TestDir(t, Operations(), "testdata/examples", 98)
}
