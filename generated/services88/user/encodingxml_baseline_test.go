package user_test

// The baseline of the benchmarks in bench_test.go: the same envelopes with
// encoding/xml and the struct-tag types of package encxml
// (generated/internal/encxml), as gowsdl generates them, covering every
// element the documented GetUser response holds.

import (
	"testing"

	"github.com/soapgen/soapgen/generated/internal/encxml"
)

// baselineGetUserResponse is getUserResponse for encoding/xml: the
// documented response decoded by it, with the same changes.
func baselineGetUserResponse(tb testing.TB) *encxml.GetUserResponseEnvelope {
	tb.Helper()
	env, err := encxml.DocumentedGetUserResponse(benchFile(tb))
	if err != nil {
		tb.Fatal(err)
	}
	return env
}

// baselinePresenceRequest is presenceRequest's envelope for encoding/xml.
func baselinePresenceRequest() *encxml.SetUserPresenceStatusEnvelope {
	return encxml.DocumentedPresenceRequest()
}
