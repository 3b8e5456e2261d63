package netserver_test

import (
	"bytes"
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/soapgen/soapgen/generated/login/partnersystemuser"
	"github.com/soapgen/soapgen/generated/services88/netserver"
	"github.com/soapgen/soapgen/soap"
)

const (
	appToken  = "app-secret-4f1c9e2b7a"
	tenant    = "Cust12345"
	sysToken  = "SuperOffice DevNet Go & <Test>-8k8Q7DmBgo" // XML-special characters on purpose
	serial    = "1801550193"
	claimBase = "http://schemes.superoffice.net/identity/"
)

// testKeys are generated once per test binary: the partner application's
// key (signs the system user token), SuperOffice's key (signs the JWT, with
// a self-signed certificate) and an unrelated key.
type testKeys struct {
	partner, superOffice, other *rsa.PrivateKey
	cert                        *x509.Certificate
}

var keys = sync.OnceValue(func() testKeys {
	gen := func() *rsa.PrivateKey {
		k, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			panic(err)
		}
		return k
	}
	k := testKeys{partner: gen(), superOffice: gen(), other: gen()}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "SuperOfficeFederatedLogin (test)"},
		NotBefore:    time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
		NotAfter:     time.Date(2040, 1, 1, 0, 0, 0, 0, time.UTC),
		KeyUsage:     x509.KeyUsageDigitalSignature,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &k.superOffice.PublicKey, k.superOffice)
	if err != nil {
		panic(err)
	}
	if k.cert, err = x509.ParseCertificate(der); err != nil {
		panic(err)
	}
	return k
})

// clock is the fake time both sides use.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

func (c *clock) Set(t time.Time) { c.mu.Lock(); defer c.mu.Unlock(); c.t = t }

// fakeLogin is the partner system user service: it checks the request as
// SuperOffice documents it and answers with a JWT signed by SuperOffice's
// test key, or with what respond says.
type fakeLogin struct {
	partnersystemuser.UnimplementedIPartnerSystemUserServiceServer
	clock *clock

	mu      sync.Mutex
	calls   int
	signed  []string              // the SignedSystemTokens received
	hold    map[int]chan struct{} // call n waits for its channel to close
	entered chan int              // receives n when call n starts, if set
	// respond answers call n (from 1); nil: a valid JWT with ticket(n).
	respond func(n int, now time.Time) *partnersystemuser.AuthenticationResponse
	fault   error // returned by every call, if set
}

// The test sets the fake's behaviour while the handler's goroutines read
// it: under the lock.

func (f *fakeLogin) setRespond(r func(n int, now time.Time) *partnersystemuser.AuthenticationResponse) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.respond = r
}

func (f *fakeLogin) setFault(err error) { f.mu.Lock(); defer f.mu.Unlock(); f.fault = err }

// holdCall makes call n wait for release, and reports every call's start
// on the returned channel.
func (f *fakeLogin) holdCall(n int, release chan struct{}) <-chan int {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.hold[n] = release
	if f.entered == nil {
		f.entered = make(chan int, 64)
	}
	return f.entered
}

func (f *fakeLogin) Signed() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.signed...)
}

func ticket(n int) string { return fmt.Sprintf("7T:dGlja2V0LW51bWJlci0%d==", n) }

func (f *fakeLogin) Calls() int { f.mu.Lock(); defer f.mu.Unlock(); return f.calls }

func (f *fakeLogin) Authenticate(ctx context.Context, req *partnersystemuser.AuthenticationRequest) (*partnersystemuser.AuthenticationResponse, error) {
	f.mu.Lock()
	f.calls++
	n := f.calls
	hold := f.hold[n]
	entered := f.entered
	respond := f.respond
	fault := f.fault
	if s, ok := req.SignedSystemToken.Get(); ok {
		f.signed = append(f.signed, s)
	}
	f.mu.Unlock()
	if entered != nil {
		entered <- n
	}
	if hold != nil {
		select {
		case <-hold:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	if fault != nil {
		return nil, fault
	}
	refuse := func(msg string) (*partnersystemuser.AuthenticationResponse, error) {
		return &partnersystemuser.AuthenticationResponse{IsSuccessful: soap.Some(false), ErrorMessage: soap.Some("fake: " + msg)}, nil
	}
	h := partnersystemuser.RequestHeaderFrom(ctx)
	if got, _ := h.ApplicationToken.Get(); got != appToken {
		return refuse("wrong ApplicationToken header")
	}
	if got, _ := h.ContextIdentifier.Get(); got != tenant {
		return refuse("wrong ContextIdentifier header")
	}
	if got, _ := req.ReturnTokenType.Get(); got != partnersystemuser.TokenTypeJwt {
		return refuse("ReturnTokenType is not Jwt")
	}
	now := f.clock.Now()
	if msg := verifySignedToken(req.SignedSystemToken.Value(), &keys().partner.PublicKey, now); msg != "" {
		return refuse(msg)
	}
	if respond != nil {
		return respond(n, now), nil
	}
	return okResponse(makeJWT(keys().superOffice, "RS256", nil, validClaims(now, ticket(n)))), nil
}

// verifySignedToken checks a SignedSystemToken as the service would:
// "<system user token>.<YYYYMMDDHHMM UTC>.<base64 PKCS #1 v1.5 SHA-256
// signature of the first two parts>", timestamp within 5 minutes.
func verifySignedToken(s string, pub *rsa.PublicKey, now time.Time) string {
	i := strings.LastIndexByte(s, '.')
	if i < 0 {
		return "no signature"
	}
	data, sig64 := s[:i], s[i+1:]
	j := strings.LastIndexByte(data, '.')
	if j < 0 {
		return "no timestamp"
	}
	tok, ts := data[:j], data[j+1:]
	if tok != sysToken {
		return "wrong system user token"
	}
	if !regexp.MustCompile(`^[0-9]{12}$`).MatchString(ts) {
		return "timestamp is not YYYYMMDDHHMM"
	}
	at, err := time.ParseInLocation("200601021504", ts, time.UTC)
	if err != nil {
		return "bad timestamp"
	}
	if d := now.Sub(at); d < -5*time.Minute || d > 5*time.Minute {
		return "stale timestamp"
	}
	sig, err := base64.StdEncoding.DecodeString(sig64)
	if err != nil {
		return "signature is not base64"
	}
	h := sha256.Sum256([]byte(data))
	if rsa.VerifyPKCS1v15(pub, crypto.SHA256, h[:], sig) != nil {
		return "signature does not verify"
	}
	return ""
}

func okResponse(jwt string) *partnersystemuser.AuthenticationResponse {
	return &partnersystemuser.AuthenticationResponse{IsSuccessful: soap.Some(true), Token: soap.Some(jwt), ErrorMessage: soap.Nil[string]()}
}

func validClaims(now time.Time, tkt string) map[string]any {
	return map[string]any{
		"sub":                        "system-user",
		claimBase + "ticket":         tkt,
		claimBase + "ctx":            tenant,
		claimBase + "serial":         serial,
		claimBase + "netserver_url":  "https://sod.superoffice.com/Cust12345/Remote/Services88/",
		claimBase + "webapi_url":     "https://sod.superoffice.com/Cust12345/api/",
		claimBase + "is_system_user": "True",
		"iss":                        "SuperOffice AS",
		"aud":                        "spn:" + serial,
		"iat":                        fmt.Sprint(now.Unix()), // a string, as SuperOffice's example has it
		"nbf":                        now.Add(-time.Minute).Unix(),
		"exp":                        now.Add(5 * time.Minute).Unix(),
	}
}

// makeJWT signs claims as a compact JWS with alg: RS256 with key, HS256 with
// the DER of key's public key as the HMAC secret (the key-confusion attack),
// anything else unsigned.
func makeJWT(key *rsa.PrivateKey, alg string, extraHeader map[string]any, claims map[string]any) string {
	h := map[string]any{"alg": alg, "typ": "JWT", "kid": "test"}
	for k, v := range extraHeader {
		h[k] = v
	}
	hb, _ := json.Marshal(h)
	pb, _ := json.Marshal(claims)
	signing := base64.RawURLEncoding.EncodeToString(hb) + "." + base64.RawURLEncoding.EncodeToString(pb)
	var sig []byte
	switch alg {
	case "RS256":
		d := sha256.Sum256([]byte(signing))
		var err error
		if sig, err = rsa.SignPKCS1v15(nil, key, crypto.SHA256, d[:]); err != nil {
			panic(err)
		}
	case "HS256":
		der, _ := x509.MarshalPKIXPublicKey(&key.PublicKey)
		m := hmac.New(sha256.New, der)
		m.Write([]byte(signing))
		sig = m.Sum(nil)
	}
	return signing + "." + base64.RawURLEncoding.EncodeToString(sig)
}

type setup struct {
	su    *netserver.SystemUser
	fake  *fakeLogin
	clock *clock
	cfg   netserver.SystemUserConfig
}

func newSetup(t *testing.T, edit func(*netserver.SystemUserConfig)) *setup {
	t.Helper()
	clk := &clock{t: time.Date(2026, 7, 24, 23, 30, 15, 0, time.FixedZone("CEST", 2*3600))}
	fake := &fakeLogin{clock: clk, hold: map[int]chan struct{}{}}
	srv := httptest.NewServer(partnersystemuser.NewIPartnerSystemUserServiceHandler(fake))
	t.Cleanup(srv.Close)
	client := soap.NewClient(srv.URL)
	t.Cleanup(client.CloseIdleConnections)
	cfg := netserver.SystemUserConfig{
		ApplicationToken:  appToken,
		ContextIdentifier: tenant,
		SystemUserToken:   sysToken,
		PrivateKey:        keys().partner,
		Certificate:       keys().cert,
		Login:             client,
		Now:               clk.Now,
	}
	if edit != nil {
		edit(&cfg)
	}
	su, err := netserver.NewSystemUser(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return &setup{su: su, fake: fake, clock: clk, cfg: cfg}
}

func TestSystemUserTicket(t *testing.T) {
	s := newSetup(t, nil)
	ctx := context.Background()
	if _, ok := s.su.Claims(); ok {
		t.Fatal("Claims before the first login")
	}
	got, err := s.su.Ticket(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if got != ticket(1) {
		t.Fatalf("ticket %q, want %q", got, ticket(1))
	}
	// The signed token carries the UTC minute of the clock (23:30 CEST).
	if sig := s.fake.Signed()[0]; !strings.HasPrefix(sig, sysToken+".202607242130.") {
		t.Errorf("signed token does not start with the token and the UTC timestamp 202607242130")
	}
	c, ok := s.su.Claims()
	if !ok {
		t.Fatal("no claims after a login")
	}
	now := s.clock.Now()
	want := netserver.Claims{
		Ticket:            ticket(1),
		ContextIdentifier: tenant,
		NetServerURL:      "https://sod.superoffice.com/Cust12345/Remote/Services88/",
		WebAPIURL:         "https://sod.superoffice.com/Cust12345/api/",
		Serial:            serial,
		Issuer:            "SuperOffice AS",
		Audience:          []string{"spn:" + serial},
		Expires:           time.Unix(now.Add(5*time.Minute).Unix(), 0).UTC(),
		NotBefore:         time.Unix(now.Add(-time.Minute).Unix(), 0).UTC(),
		IssuedAt:          time.Unix(now.Unix(), 0).UTC(),
	}
	if c.Ticket != want.Ticket || c.ContextIdentifier != want.ContextIdentifier || c.NetServerURL != want.NetServerURL ||
		c.WebAPIURL != want.WebAPIURL || c.Serial != want.Serial || c.Issuer != want.Issuer ||
		strings.Join(c.Audience, ",") != strings.Join(want.Audience, ",") ||
		!c.Expires.Equal(want.Expires) || !c.NotBefore.Equal(want.NotBefore) || !c.IssuedAt.Equal(want.IssuedAt) {
		t.Errorf("claims\n got %+v (ticket ok: %v)\nwant %+v", c, c.Ticket == want.Ticket, want)
	}
	// Cached: no second call.
	for range 3 {
		if got, err := s.su.Ticket(ctx, ""); err != nil || got != ticket(1) {
			t.Fatalf("second Ticket: %q, %v", got, err)
		}
	}
	if n := s.fake.Calls(); n != 1 {
		t.Errorf("%d Authenticate calls, want 1", n)
	}
}

func TestSystemUserPublicKeyAndDefaultClock(t *testing.T) {
	// PublicKey instead of Certificate, and the real clock: the fake issues
	// tokens for its own (fake) time, so give it the real one.
	s := newSetup(t, func(c *netserver.SystemUserConfig) {
		c.Certificate, c.PublicKey, c.Now = nil, &keys().superOffice.PublicKey, nil
	})
	s.clock.Set(time.Now())
	if got, err := s.su.Ticket(context.Background(), ""); err != nil || got != ticket(1) {
		t.Fatalf("Ticket: %q, %v", got, err)
	}
}

func TestSystemUserRenewal(t *testing.T) {
	s := newSetup(t, nil)
	ctx := context.Background()
	t1, err := s.su.Ticket(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	t2, err := s.su.Ticket(ctx, t1) // t1 expired: renew
	if err != nil {
		t.Fatal(err)
	}
	if t2 != ticket(2) || s.fake.Calls() != 2 {
		t.Fatalf("renewal gave %q after %d calls, want %q after 2", t2, s.fake.Calls(), ticket(2))
	}
	if c, _ := s.su.Claims(); c.Ticket != t2 {
		t.Errorf("Claims hold the old ticket")
	}
	// A stale ticket that is not the kept one: someone renewed already.
	for _, stale := range []string{t1, "7T:c29tZSBvdGhlciB0aWNrZXQ="} {
		got, err := s.su.Ticket(ctx, stale)
		if err != nil || got != t2 {
			t.Fatalf("Ticket(stale %q) = %q, %v; want %q", stale, got, err, t2)
		}
	}
	if n := s.fake.Calls(); n != 2 {
		t.Errorf("%d Authenticate calls, want 2", n)
	}
}

func TestSystemUserConcurrentRenewal(t *testing.T) {
	s := newSetup(t, nil)
	ctx := context.Background()
	t1, err := s.su.Ticket(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	release := make(chan struct{})
	entered := s.fake.holdCall(2, release)

	const n = 32
	var wg sync.WaitGroup
	results := make([]string, n)
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() { results[i], errs[i] = s.su.Ticket(ctx, t1) })
	}
	if got := <-entered; got != 2 {
		t.Fatalf("call %d started, want 2", got)
	}
	time.Sleep(50 * time.Millisecond) // let the others queue behind the login
	close(release)
	wg.Wait()
	for i := range n {
		if errs[i] != nil || results[i] != ticket(2) {
			t.Errorf("caller %d: %q, %v; want %q", i, results[i], errs[i], ticket(2))
		}
	}
	if c := s.fake.Calls(); c != 2 {
		t.Errorf("%d Authenticate calls, want 2 (one login, one renewal)", c)
	}
}

func TestSystemUserConcurrentFirstLogin(t *testing.T) {
	s := newSetup(t, nil)
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			if got, err := s.su.Ticket(context.Background(), ""); err != nil || got != ticket(1) {
				t.Errorf("Ticket: %q, %v", got, err)
			}
		})
	}
	wg.Wait()
	if c := s.fake.Calls(); c != 1 {
		t.Errorf("%d Authenticate calls, want 1", c)
	}
}

func TestSystemUserWaiterContext(t *testing.T) {
	s := newSetup(t, nil)
	release := make(chan struct{})
	entered := s.fake.holdCall(1, release)
	leader := make(chan error, 1)
	go func() { _, err := s.su.Ticket(context.Background(), ""); leader <- err }()
	<-entered
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, err := s.su.Ticket(ctx, ""); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("waiter with an ended context: %v, want DeadlineExceeded", err)
	}
	close(release)
	if err := <-leader; err != nil {
		t.Fatal(err)
	}
}

func TestSystemUserLeaderCanceled(t *testing.T) {
	s := newSetup(t, nil)
	entered := s.fake.holdCall(1, make(chan struct{})) // never released: call 1 ends with its request
	ctx, cancel := context.WithCancel(context.Background())
	leader := make(chan error, 1)
	go func() { _, err := s.su.Ticket(ctx, ""); leader <- err }()
	<-entered
	waiter := make(chan string, 1)
	go func() {
		got, err := s.su.Ticket(context.Background(), "")
		if err != nil {
			t.Errorf("waiter: %v", err)
		}
		waiter <- got
	}()
	time.Sleep(20 * time.Millisecond) // the waiter waits for the leader's login
	cancel()
	if err := <-leader; !errors.Is(err, context.Canceled) {
		t.Errorf("leader: %v, want Canceled", err)
	}
	if got := <-waiter; got != ticket(2) {
		t.Errorf("waiter got %q, want %q from its own login", got, ticket(2))
	}
}

func TestSystemUserLoginRefused(t *testing.T) {
	s := newSetup(t, nil)
	ctx := context.Background()
	t1, err := s.su.Ticket(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	s.fake.setRespond(func(int, time.Time) *partnersystemuser.AuthenticationResponse {
		// A service that quotes what it got must not leak it through us.
		return &partnersystemuser.AuthenticationResponse{
			IsSuccessful: soap.Some(false),
			Token:        soap.Nil[string](),
			ErrorMessage: soap.Some("Invalid system user token '" + sysToken + "' for application token " + appToken + " and ticket " + t1),
		}
	})
	_, err = s.su.Ticket(ctx, t1)
	var le *netserver.LoginError
	if !errors.As(err, &le) {
		t.Fatalf("error %v (%T), want a *LoginError", err, err)
	}
	if le.ContextIdentifier != tenant || !strings.Contains(err.Error(), "Invalid system user token") {
		t.Errorf("error %q lacks the tenant or the ErrorMessage", err)
	}
	assertNoSecrets(t, "LoginError", err.Error(), t1)
	if !strings.Contains(err.Error(), soap.Redacted) {
		t.Errorf("error %q: the quoted secrets are not marked redacted", err)
	}
	// The old ticket stays; asking again with it stale tries again.
	if c, ok := s.su.Claims(); !ok || c.Ticket != t1 {
		t.Errorf("a failed renewal dropped the kept claims")
	}
	s.fake.setRespond(nil)
	if got, err := s.su.Ticket(ctx, t1); err != nil || got != ticket(3) {
		t.Errorf("retry: %q, %v; want %q", got, err, ticket(3))
	}

	// IsSuccessful absent is a refusal too.
	s2 := newSetup(t, nil)
	s2.fake.setRespond(func(int, time.Time) *partnersystemuser.AuthenticationResponse {
		return &partnersystemuser.AuthenticationResponse{}
	})
	if _, err := s2.su.Ticket(ctx, ""); !errors.As(err, &le) || !strings.Contains(err.Error(), "no error message") {
		t.Errorf("absent IsSuccessful: %v", err)
	}
}

func TestSystemUserTransportError(t *testing.T) {
	s := newSetup(t, nil)
	// A fault quoting the application token.
	s.fake.setFault(&soap.Fault{Code: soap.ClientFaultCode(soap.SOAP11), Reason: "application token " + appToken + " is not registered"})
	_, err := s.su.Ticket(context.Background(), "")
	var f *soap.Fault
	if !errors.As(err, &f) {
		t.Fatalf("error %v (%T), want a wrapped *soap.Fault", err, err)
	}
	assertNoSecrets(t, "fault error", err.Error(), "")
	assertNoSecrets(t, "fault error %#v", fmt.Sprintf("%#v", err), "")
	if !strings.Contains(err.Error(), "is not registered") || !strings.Contains(err.Error(), tenant) {
		t.Errorf("error %q lacks the fault's reason or the tenant", err)
	}

	// The context's end is reported as such.
	s.fake.setFault(nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.su.Ticket(ctx, ""); !errors.Is(err, context.Canceled) {
		t.Errorf("canceled context: %v", err)
	}
}

func TestSystemUserJWTRejected(t *testing.T) {
	so, other := keys().superOffice, keys().other
	type mk func(now time.Time, tkt string) string
	with := func(edit func(map[string]any)) mk {
		return func(now time.Time, tkt string) string {
			c := validClaims(now, tkt)
			edit(c)
			return makeJWT(so, "RS256", nil, c)
		}
	}
	cases := []struct {
		name string
		jwt  mk
		want string
	}{
		{"signed by another key", func(now time.Time, tkt string) string {
			return makeJWT(other, "RS256", nil, validClaims(now, tkt))
		}, "signature"},
		{"alg none", func(now time.Time, tkt string) string {
			return makeJWT(so, "none", nil, validClaims(now, tkt))
		}, `algorithm "none"`},
		{"alg none with a signature", func(now time.Time, tkt string) string {
			tok := makeJWT(so, "none", nil, validClaims(now, tkt))
			return tok + "AAAA"
		}, `algorithm "none"`},
		{"HS256 keyed with the public key", func(now time.Time, tkt string) string {
			return makeJWT(so, "HS256", nil, validClaims(now, tkt))
		}, `algorithm "HS256"`},
		{"header without alg", func(now time.Time, tkt string) string {
			hb := base64.RawURLEncoding.EncodeToString([]byte(`{"typ":"JWT"}`))
			tok := makeJWT(so, "RS256", nil, validClaims(now, tkt))
			return hb + tok[strings.IndexByte(tok, '.'):]
		}, "no algorithm"},
		{"crit header", func(now time.Time, tkt string) string {
			return makeJWT(so, "RS256", map[string]any{"crit": []string{"exp"}}, validClaims(now, tkt))
		}, "crit"},
		{"tampered payload", func(now time.Time, tkt string) string {
			good := strings.Split(makeJWT(so, "RS256", nil, validClaims(now, tkt)), ".")
			c := validClaims(now, tkt)
			c[claimBase+"ticket"] = "7T:c3RvbGVu"
			pb, _ := json.Marshal(c)
			return good[0] + "." + base64.RawURLEncoding.EncodeToString(pb) + "." + good[2]
		}, "signature"},
		{"expired", nil, "expired"},                // built below, from the fake's time
		{"not yet valid", nil, "not valid before"}, // likewise
		{"no exp", with(func(c map[string]any) { delete(c, "exp") }), "no exp claim"},
		{"exp not a number", with(func(c map[string]any) { c["exp"] = true }), "NumericDate"},
		{"wrong issuer", with(func(c map[string]any) { c["iss"] = "https://sod.superoffice.com" }), "issuer"},
		{"wrong audience", with(func(c map[string]any) { c["aud"] = "spn:42" }), "audience"},
		{"audience array without ours", with(func(c map[string]any) { c["aud"] = []string{"a", "b"} }), "audience"},
		{"no serial", with(func(c map[string]any) { delete(c, claimBase+"serial") }), "no " + claimBase + "serial"},
		{"other tenant", with(func(c map[string]any) { c[claimBase+"ctx"] = "Cust999" }), "tenant"},
		{"no ticket", with(func(c map[string]any) { delete(c, claimBase+"ticket") }), "no " + claimBase + "ticket"},
		{"empty ticket", with(func(c map[string]any) { c[claimBase+"ticket"] = "" }), "empty"},
		{"ticket not a string", with(func(c map[string]any) { c[claimBase+"ticket"] = []int{1} }), "not a string"},
		{"two parts", func(time.Time, string) string { return "eyJhbGciOiJSUzI1NiJ9.e30" }, "compact JWS"},
		{"JWE", func(time.Time, string) string { return "a.b.c.d.e" }, "encrypted"},
		{"not base64", func(time.Time, string) string { return "!!.??.**" }, "base64url"},
		{"empty token", func(time.Time, string) string { return "" }, "no token"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := newSetup(t, nil)
			var sent string
			s.fake.setRespond(func(n int, now time.Time) *partnersystemuser.AuthenticationResponse {
				switch {
				case tc.name == "expired":
					c := validClaims(now, ticket(n))
					c["exp"] = now.Add(-netserver.JWTLeeway - time.Second).Unix()
					sent = makeJWT(so, "RS256", nil, c)
				case tc.name == "not yet valid":
					c := validClaims(now, ticket(n))
					c["nbf"] = now.Add(netserver.JWTLeeway + time.Minute).Unix()
					sent = makeJWT(so, "RS256", nil, c)
				default:
					sent = tc.jwt(now, ticket(n))
				}
				return okResponse(sent)
			})
			got, err := s.su.Ticket(context.Background(), "")
			if err == nil {
				t.Fatalf("accepted, ticket %q", got)
			}
			if !errors.Is(err, netserver.ErrInvalidToken) {
				t.Errorf("error %v does not wrap ErrInvalidToken", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q, want it to mention %q", err, tc.want)
			}
			if _, ok := s.su.Claims(); ok {
				t.Errorf("claims kept from a rejected token")
			}
			assertNoSecrets(t, "error", err.Error(), ticket(1))
			if len(sent) > 8 && strings.Contains(err.Error(), sent) {
				t.Errorf("error quotes the token")
			}
		})
	}
}

func TestSystemUserJWTLeeway(t *testing.T) {
	// Expired a little less than JWTLeeway ago, not yet valid for a little
	// less than JWTLeeway, the audience among others: accepted.
	s := newSetup(t, nil)
	s.fake.setRespond(func(n int, now time.Time) *partnersystemuser.AuthenticationResponse {
		c := validClaims(now, ticket(n))
		c["exp"] = now.Add(-netserver.JWTLeeway + 5*time.Second).Unix()
		c["nbf"] = now.Add(netserver.JWTLeeway - 5*time.Second).Unix()
		c["aud"] = []string{"urn:other", "spn:" + serial}
		delete(c, claimBase+"ctx")
		return okResponse(makeJWT(keys().superOffice, "RS256", nil, c))
	})
	if got, err := s.su.Ticket(context.Background(), ""); err != nil || got != ticket(1) {
		t.Fatalf("Ticket: %q, %v", got, err)
	}
}

func TestNewSystemUserChecks(t *testing.T) {
	ecKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(2), NotBefore: time.Now(), NotAfter: time.Now().Add(time.Hour)}
	der, _ := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &ecKey.PublicKey, ecKey)
	ecCert, _ := x509.ParseCertificate(der)
	base := netserver.SystemUserConfig{
		ApplicationToken: appToken, ContextIdentifier: tenant, SystemUserToken: sysToken,
		PrivateKey: keys().partner, Certificate: keys().cert, Login: soap.NewClient("http://127.0.0.1:1/"),
	}
	cases := map[string]func(*netserver.SystemUserConfig){
		"no ApplicationToken":  func(c *netserver.SystemUserConfig) { c.ApplicationToken = "" },
		"no ContextIdentifier": func(c *netserver.SystemUserConfig) { c.ContextIdentifier = "" },
		"no SystemUserToken":   func(c *netserver.SystemUserConfig) { c.SystemUserToken = "" },
		"UTF-8":                func(c *netserver.SystemUserConfig) { c.SystemUserToken = "\xff" },
		"no PrivateKey":        func(c *netserver.SystemUserConfig) { c.PrivateKey = nil },
		"no Login":             func(c *netserver.SystemUserConfig) { c.Login = nil },
		"no Certificate":       func(c *netserver.SystemUserConfig) { c.Certificate = nil },
		"both":                 func(c *netserver.SystemUserConfig) { c.PublicKey = &keys().other.PublicKey },
		"not RSA":              func(c *netserver.SystemUserConfig) { c.Certificate = ecCert },
		"PublicKey not RSA":    func(c *netserver.SystemUserConfig) { c.Certificate, c.PublicKey = nil, &ecKey.PublicKey },
		"broken PrivateKey": func(c *netserver.SystemUserConfig) {
			k := *keys().partner
			k.D = new(big.Int).Add(k.D, big.NewInt(2))
			k.Precomputed = rsa.PrecomputedValues{}
			c.PrivateKey = &k
		},
	}
	for name, edit := range cases {
		cfg := base
		edit(&cfg)
		if _, err := netserver.NewSystemUser(cfg); err == nil {
			t.Errorf("%s: accepted", name)
		} else {
			assertNoSecrets(t, name, err.Error(), "")
		}
	}
	if _, err := netserver.NewSystemUser(base); err != nil {
		t.Errorf("valid config: %v", err)
	}
}

func TestLoginURL(t *testing.T) {
	for env, want := range map[string]string{
		"sod":    "https://sod.superoffice.com/Login/services/PartnerSystemUserService.svc",
		"stage":  "https://stage.superoffice.com/Login/services/PartnerSystemUserService.svc",
		"online": "https://online.superoffice.com/Login/services/PartnerSystemUserService.svc",
	} {
		if got, err := netserver.LoginURL(env); err != nil || got != want {
			t.Errorf("LoginURL(%q) = %q, %v; want %q", env, got, err, want)
		}
	}
	for _, env := range []string{"", "SOD", "evil.example.com/", "qa"} {
		if got, err := netserver.LoginURL(env); err == nil {
			t.Errorf("LoginURL(%q) = %q, want an error", env, got)
		}
	}
}

// rsaXML writes k in the .NET RSAKeyValue format, with the line breaks and
// indentation a file from the developer portal may have.
func rsaXML(k *rsa.PrivateKey, omit ...string) string {
	b64 := func(n *big.Int) string { return base64.StdEncoding.EncodeToString(n.Bytes()) }
	parts := []struct{ name, v string }{
		{"Modulus", b64(k.N)},
		{"Exponent", b64(big.NewInt(int64(k.E)))},
		{"P", b64(k.Primes[0])},
		{"Q", b64(k.Primes[1])},
		{"DP", b64(k.Precomputed.Dp)},
		{"DQ", b64(k.Precomputed.Dq)},
		{"InverseQ", b64(k.Precomputed.Qinv)},
		{"D", b64(k.D)},
	}
	var b strings.Builder
	b.WriteString("<RSAKeyValue>\n")
outer:
	for _, p := range parts {
		for _, o := range omit {
			if o == p.name {
				continue outer
			}
		}
		v := p.v
		if len(v) > 64 { // wrapped, as some tools write it
			v = v[:64] + "\n    " + v[64:]
		}
		fmt.Fprintf(&b, "  <%s>%s</%s>\n", p.name, v, p.name)
	}
	b.WriteString("</RSAKeyValue>\n")
	return b.String()
}

func TestParseRSAPrivateKey(t *testing.T) {
	k := keys().partner
	pkcs8, err := x509.MarshalPKCS8PrivateKey(k)
	if err != nil {
		t.Fatal(err)
	}
	certPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: keys().cert.Raw})
	good := map[string][]byte{
		"PKCS1 PEM": pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(k)}),
		"PKCS8 PEM": pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: pkcs8}),
		"PEM after text and a certificate": append(append([]byte("Bag Attributes\n    friendlyName: app\n"), certPEM...),
			pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: pkcs8})...),
		"XML":                  []byte(rsaXML(k)),
		"XML with BOM":         append([]byte("\xEF\xBB\xBF"), rsaXML(k)...),
		"XML without CRT":      []byte(rsaXML(k, "DP", "DQ", "InverseQ")),
		"XML with declaration": []byte(`<?xml version="1.0" encoding="utf-8"?>` + "\n" + rsaXML(k)),
	}
	for name, data := range good {
		got, err := netserver.ParseRSAPrivateKey(data)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !got.Equal(k) {
			t.Errorf("%s: a different key", name)
		}
	}

	// A key from the XML file signs tokens the service accepts.
	xk, err := netserver.ParseRSAPrivateKey([]byte(rsaXML(k)))
	if err != nil {
		t.Fatal(err)
	}
	s := newSetup(t, func(c *netserver.SystemUserConfig) { c.PrivateKey = xk })
	if _, err := s.su.Ticket(context.Background(), ""); err != nil {
		t.Errorf("login with the XML key: %v", err)
	}

	ecKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	ec8, _ := x509.MarshalPKCS8PrivateKey(ecKey)
	pub, _ := x509.MarshalPKIXPublicKey(&k.PublicKey)
	bumped := func(name string, n *big.Int) string {
		x := rsaXML(k)
		old := base64.StdEncoding.EncodeToString(n.Bytes())
		if len(old) > 64 {
			old = old[:64] + "\n    " + old[64:]
		}
		nb := base64.StdEncoding.EncodeToString(new(big.Int).Add(n, big.NewInt(2)).Bytes())
		return strings.Replace(x, "<"+name+">"+old+"</"+name+">", "<"+name+">"+nb+"</"+name+">", 1)
	}
	bad := map[string]struct {
		data []byte
		want string
	}{
		"empty":              {nil, "empty"},
		"garbage":            {[]byte("not a key"), "neither PEM nor RSA XML"},
		"certificate only":   {certPEM, "no \"RSA PRIVATE KEY\""},
		"public key PEM":     {pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: pub}), "no \"RSA PRIVATE KEY\""},
		"EC PKCS8":           {pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: ec8}), "not an RSA key"},
		"encrypted PKCS8":    {pem.EncodeToMemory(&pem.Block{Type: "ENCRYPTED PRIVATE KEY", Bytes: []byte{1}}), "encrypted"},
		"encrypted PKCS1":    {pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Headers: map[string]string{"Proc-Type": "4,ENCRYPTED", "DEK-Info": "AES-256-CBC,00"}, Bytes: []byte{1}}), "encrypted"},
		"corrupt PKCS1":      {pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: []byte{1, 2, 3}}), "malformed PKCS #1"},
		"XML public only":    {[]byte(rsaXML(k, "P", "Q", "DP", "DQ", "InverseQ", "D")), "public key only"},
		"XML other root":     {[]byte("<KeyValue><Modulus>AQAB</Modulus></KeyValue>"), "not an <RSAKeyValue>"},
		"XML malformed":      {[]byte(strings.Replace(rsaXML(k), "</D>", "</X>", 1)), "malformed XML"},
		"XML bad base64":     {[]byte(strings.Replace(rsaXML(k), "<D>", "<D>!!", 1)), "<D> is not a base64 integer"},
		"XML wrong D":        {[]byte(bumped("D", k.D)), "inconsistent"},
		"XML wrong P":        {[]byte(bumped("P", k.Primes[0])), "inconsistent"},
		"XML wrong DP":       {[]byte(bumped("DP", k.Precomputed.Dp)), "<DP> does not match"},
		"XML wrong InverseQ": {[]byte(bumped("InverseQ", k.Precomputed.Qinv)), "<InverseQ> does not match"},
		"XML exponent":       {[]byte(strings.Replace(rsaXML(k), "<Exponent>AQAB</Exponent>", "<Exponent>AQ==</Exponent>", 1)), "Exponent"},
		"XML entity":         {[]byte(strings.Replace(rsaXML(k), "<D>", "<D>&xxe;", 1)), "malformed XML"},
		"too large":          {bytes.Repeat([]byte(" "), 65<<10), "larger"},
	}
	secretB64 := base64.StdEncoding.EncodeToString(k.D.Bytes())[:40]
	for name, tc := range bad {
		_, err := netserver.ParseRSAPrivateKey(tc.data)
		if err == nil {
			t.Errorf("%s: accepted", name)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %q, want it to mention %q", name, err, tc.want)
		}
		if strings.Contains(err.Error(), secretB64[:16]) || strings.Contains(err.Error(), k.D.String()[:16]) {
			t.Errorf("%s: the error quotes the key", name)
		}
	}
}

// assertNoSecrets fails if s holds any of the test's secrets.
func assertNoSecrets(t *testing.T, what, s, ticket string) {
	t.Helper()
	k := keys().partner
	pkcs1 := base64.StdEncoding.EncodeToString(x509.MarshalPKCS1PrivateKey(k))
	for name, secret := range map[string]string{
		"ApplicationToken":         appToken,
		"SystemUserToken":          sysToken,
		"SystemUserToken (XML)":    "DevNet Go &amp; &lt;Test&gt;",
		"ticket":                   ticket,
		"private exponent":         k.D.String()[:24],
		"private exponent (hex)":   k.D.Text(16)[:24],
		"private exponent (b64)":   base64.StdEncoding.EncodeToString(k.D.Bytes())[:24],
		"prime":                    k.Primes[0].String()[:24],
		"PKCS #1 key (b64)":        pkcs1[40:80],
		"signed token's timestamp": "202607242130.",
	} {
		if secret != "" && strings.Contains(s, secret) {
			t.Errorf("%s shows the %s: %s", what, name, s)
		}
	}
}

func TestSystemUserRedaction(t *testing.T) {
	s := newSetup(t, nil)
	tkt, err := s.su.Ticket(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	claims, _ := s.su.Claims()
	var logged bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&logged, nil))
	log.Info("state", "su", s.su, "cfg", s.cfg, "claims", claims)
	outputs := map[string]string{"slog": logged.String()}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%d", "%x", "%q", "%10.3v"} {
		outputs["SystemUser "+verb] = fmt.Sprintf(verb, s.su)
		outputs["config "+verb] = fmt.Sprintf(verb, s.cfg)
		outputs["*config "+verb] = fmt.Sprintf(verb, &s.cfg)
		outputs["claims "+verb] = fmt.Sprintf(verb, claims)
		outputs["in a struct "+verb] = fmt.Sprintf(verb, struct {
			A *netserver.SystemUser
			B netserver.SystemUserConfig
			C netserver.Claims
		}{s.su, s.cfg, claims})
	}
	for what, out := range outputs {
		assertNoSecrets(t, what, out, tkt)
	}
	str := s.su.String()
	for _, want := range []string{"ContextIdentifier:" + tenant, "ApplicationToken:" + soap.Redacted, "SystemUserToken:" + soap.Redacted, "PrivateKey:" + soap.Redacted, "Ticket:" + soap.Redacted} {
		if !strings.Contains(str, want) {
			t.Errorf("String() = %s, lacks %s", str, want)
		}
	}
	if !strings.Contains(claims.String(), "NetServerURL:https://sod.superoffice.com/Cust12345/Remote/Services88/") {
		t.Errorf("Claims.String() = %s lacks the NetServer URL", claims)
	}
	fresh := newSetup(t, nil)
	if got := fresh.su.String(); !strings.Contains(got, "Ticket:<absent>") {
		t.Errorf("before a login, String() = %s, want Ticket:<absent>", got)
	}
}
