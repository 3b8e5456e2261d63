package soap_test

import (
	"testing"
	"time"

	"github.com/soapgen/soapgen/soap"
)

// TestDateTimeKinds: a zone-less xs:dateTime is no instant until a
// location is given; one with a zone is, in any location.
func TestDateTimeKinds(t *testing.T) {
	oslo := time.FixedZone("Oslo", 3600)
	var civil, instant soap.DateTime
	if err := civil.UnmarshalText([]byte("2025-11-26T12:08:54.5")); err != nil {
		t.Fatal(err)
	}
	if err := instant.UnmarshalText([]byte("2025-11-26T12:08:54.5+01:00")); err != nil {
		t.Fatal(err)
	}
	if civil.HasZone() || !instant.HasZone() {
		t.Errorf("HasZone: %v, %v", civil.HasZone(), instant.HasZone())
	}
	if _, ok := civil.Instant(); ok {
		t.Error("a zone-less value gave an instant")
	}
	want := time.Date(2025, 11, 26, 12, 8, 54, 500_000_000, oslo)
	if got, ok := instant.Instant(); !ok || !got.Equal(want) {
		t.Errorf("Instant = %v, %v; want %v", got, ok, want)
	}
	// In Oslo, both read 12:08:54.5; in UTC, the civil value reads 12:08
	// (its wall clock), the instant 11:08.
	for _, d := range []soap.DateTime{civil, instant} {
		if got := d.In(oslo); !got.Equal(want) || got.Hour() != 12 {
			t.Errorf("%v.In(Oslo) = %v, want %v", d, got, want)
		}
	}
	if h := civil.In(time.UTC).Hour(); h != 12 {
		t.Errorf("civil in UTC: hour %d, want 12", h)
	}
	if h := instant.In(time.UTC).Hour(); h != 11 {
		t.Errorf("instant in UTC: hour %d, want 11", h)
	}
	if civil.Equal(instant) || !civil.Equal(soap.LocalDateTime(want)) || !instant.Equal(soap.NewDateTime(want.UTC())) {
		t.Error("Equal does not tell the kinds apart, or the same values apart")
	}
	for d, text := range map[soap.DateTime]string{civil: "2025-11-26T12:08:54.5", instant: "2025-11-26T12:08:54.5+01:00"} {
		if d.String() != text {
			t.Errorf("String = %q, want %q", d.String(), text)
		}
	}
}
