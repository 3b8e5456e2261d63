package netserver

import (
	"bytes"
	"context"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/soapgen/soapgen/generated/login/partnersystemuser"
	"github.com/soapgen/soapgen/soap"
	"github.com/soapgen/soapgen/soap/codec"
)

// The SuperOffice CRM Online environments, the first label of their host
// names (https://{environment}.superoffice.com).
const (
	EnvironmentSOD    = "sod"    // development
	EnvironmentStage  = "stage"  // staging
	EnvironmentOnline = "online" // production
)

// LoginURL returns the address of the partner system user service
// (PartnerSystemUserService.svc, the SOAP endpoint SystemUser calls) in a
// SuperOffice CRM Online environment: "sod", "stage" or "online".
func LoginURL(environment string) (string, error) {
	switch environment {
	case EnvironmentSOD, EnvironmentStage, EnvironmentOnline:
		return "https://" + environment + ".superoffice.com/Login/services/PartnerSystemUserService.svc", nil
	}
	return "", fmt.Errorf("netserver: unknown SuperOffice CRM Online environment %q (want %q, %q or %q)",
		environment, EnvironmentSOD, EnvironmentStage, EnvironmentOnline)
}

// SystemUserIssuer is the issuer ("iss") of the JWT the partner system user
// service returns; its audience ("aud") is "spn:" followed by the tenant's
// database serial number (the serial claim).
const SystemUserIssuer = "SuperOffice AS"

// JWTLeeway is the clock difference tolerated when checking the returned
// JWT's expiry ("exp") and not-before time ("nbf").
const JWTLeeway = time.Minute

// maxJWTSize bounds the returned token before it is decoded.
const maxJWTSize = 64 << 10

// signedTokenTimeLayout is the documented UTC timestamp of a signed system
// user token, YYYYMMDDHHMM with leading zeros (.NET "yyyyMMddHHmm").
const signedTokenTimeLayout = "200601021504"

// Claim names of the system user JWT.
const (
	claimPrefix       = "http://schemes.superoffice.net/identity/"
	claimTicket       = claimPrefix + "ticket"
	claimNetServerURL = claimPrefix + "netserver_url"
	claimWebAPIURL    = claimPrefix + "webapi_url"
	claimContext      = claimPrefix + "ctx"
	claimSerial       = claimPrefix + "serial"
)

// ErrInvalidToken is wrapped by the errors of a login whose JWT does not
// validate: malformed, not RS256, not signed by the configured certificate's
// key, expired or not yet valid, of another issuer, audience or tenant, or
// without a ticket.
var ErrInvalidToken = errors.New("netserver: invalid system user JWT")

// A LoginError is a login the partner system user service refused: its
// AuthenticationResponse had IsSuccessful false.
type LoginError struct {
	// ContextIdentifier is the tenant the login was for.
	ContextIdentifier string
	// Message is the service's ErrorMessage, with any of the SystemUser's
	// secrets that it might quote replaced by <redacted>.
	Message string
}

func (e *LoginError) Error() string {
	msg := e.Message
	if msg == "" {
		msg = "no error message"
	}
	return fmt.Sprintf("netserver: system user login for tenant %q refused: %s", e.ContextIdentifier, msg)
}

// SystemUserConfig is what a SystemUser needs to log in. Its String, Format
// and LogValue methods redact the secrets (ApplicationToken, SystemUserToken,
// PrivateKey).
type SystemUserConfig struct {
	// ApplicationToken is the application's client secret (sent as the
	// ApplicationToken header).
	ApplicationToken string
	// ContextIdentifier is the tenant, the customer id, e.g. "Cust12345"
	// (sent as the ContextIdentifier header).
	ContextIdentifier string
	// SystemUserToken is the application's system user token for the
	// tenant, from the claims of the administrator's sign-in
	// (http://schemes.superoffice.net/identity/system_token).
	SystemUserToken string
	// PrivateKey is the application's RSA private key, which signs the
	// system user token (see ParseRSAPrivateKey).
	PrivateKey *rsa.PrivateKey
	// Certificate is SuperOffice's certificate for the environment
	// (SuperOfficeFederatedLogin.crt): the returned JWT must verify against
	// its RSA public key. Only its key is used: its validity period and
	// chain are not checked. Set Certificate or PublicKey, not both.
	Certificate *x509.Certificate
	// PublicKey is SuperOffice's RSA public key (*rsa.PublicKey), in place
	// of Certificate.
	PublicKey crypto.PublicKey
	// Login calls the partner system user service (see LoginURL). Headers
	// it sends by default are replaced by the login's own.
	Login *soap.Client
	// Now is the clock (default time.Now): it timestamps the signed token
	// and checks the JWT's times.
	Now func() time.Time
}

func (c SystemUserConfig) fields() []codec.Field {
	return []codec.Field{
		{Name: "ContextIdentifier", Value: c.ContextIdentifier},
		{Name: "ApplicationToken", Secret: true, Value: setIf(c.ApplicationToken != "")},
		{Name: "SystemUserToken", Secret: true, Value: setIf(c.SystemUserToken != "")},
		{Name: "PrivateKey", Secret: true, Value: setIf(c.PrivateKey != nil)},
	}
}

// String formats c with its secrets redacted.
func (c SystemUserConfig) String() string {
	return codec.FormatFields("netserver.SystemUserConfig", c.fields()...)
}

// GoString is String, so that %#v redacts too.
func (c SystemUserConfig) GoString() string { return c.String() }

// Format implements fmt.Formatter: every verb prints String, so that no
// verb (%d, %x…) prints the secrets.
func (c SystemUserConfig) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, c.String()) }

// LogValue implements slog.LogValuer with the secrets redacted.
func (c SystemUserConfig) LogValue() slog.Value { return codec.LogFields(c.fields()...) }

// Claims are the validated claims of a system user JWT.
type Claims struct {
	// Ticket is the system user ticket, the credential of NetServer calls
	// (http://schemes.superoffice.net/identity/ticket).
	Ticket string
	// ContextIdentifier is the tenant (…/identity/ctx), if the JWT says.
	ContextIdentifier string
	// NetServerURL is the tenant's SOAP services address
	// (…/identity/netserver_url), if the JWT says.
	NetServerURL string
	// WebAPIURL is the tenant's REST address (…/identity/webapi_url), if the
	// JWT says.
	WebAPIURL string
	// Serial is the tenant database's serial number (…/identity/serial).
	Serial string
	// Issuer and Audience are the iss and aud claims.
	Issuer   string
	Audience []string
	// Expires is the JWT's exp (the JWT's, not the ticket's: NetServer
	// tickets have a sliding expiration).
	Expires time.Time
	// NotBefore and IssuedAt are nbf and iat, zero when absent.
	NotBefore time.Time
	IssuedAt  time.Time
}

func (c Claims) fields() []codec.Field {
	return []codec.Field{
		{Name: "Ticket", Secret: true, Value: setIf(c.Ticket != "")},
		{Name: "ContextIdentifier", Value: c.ContextIdentifier},
		{Name: "NetServerURL", Value: c.NetServerURL},
		{Name: "WebAPIURL", Value: c.WebAPIURL},
		{Name: "Serial", Value: c.Serial},
		{Name: "Issuer", Value: c.Issuer},
		{Name: "Audience", Value: c.Audience},
		{Name: "Expires", Value: c.Expires.UTC().Format(time.RFC3339)},
	}
}

// String formats c with the ticket redacted.
func (c Claims) String() string { return codec.FormatFields("netserver.Claims", c.fields()...) }

// GoString is String, so that %#v redacts too.
func (c Claims) GoString() string { return c.String() }

// Format implements fmt.Formatter: every verb prints String.
func (c Claims) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, c.String()) }

// LogValue implements slog.LogValuer with the ticket redacted.
func (c Claims) LogValue() slog.Value { return codec.LogFields(c.fields()...) }

// A SystemUser is a TicketSource for SuperOffice CRM Online's system user
// flow: it exchanges the application's system user token for a system user
// ticket at the partner system user service, as SuperOffice documents it
// ("How to get a system user ticket credential"):
//
//  1. it signs "<system user token>.<UTC time as YYYYMMDDHHMM>" with the
//     application's RSA key (RSASSA-PKCS1-v1_5 with SHA-256) and appends "."
//     and the base64 signature: the SignedSystemToken;
//  2. it calls Authenticate with the headers ApplicationToken (the client
//     secret) and ContextIdentifier (the tenant), and the SignedSystemToken
//     with ReturnTokenType Jwt;
//  3. it checks IsSuccessful (else the ErrorMessage is a *LoginError) and
//     validates the returned JWT with the standard library: RS256 only,
//     signed by SuperOffice's key, within exp and nbf (JWTLeeway), issuer
//     "SuperOffice AS", audience "spn:<serial claim>", ctx the tenant when
//     present;
//  4. it returns the ticket claim, and keeps it.
//
// Ticket logs in on the first call and when the session reports the kept
// ticket stale; otherwise it returns the kept ticket, without a call (a
// ticket stays valid 6 hours after its last use, and every login creates a
// credentials record in the tenant's database). Concurrent callers with the
// same stale ticket share one login. A SystemUser is safe for concurrent
// use; its String, Format and LogValue methods redact its secrets, and its
// errors never contain them.
type SystemUser struct {
	// Everything secret is behind pointers, so that even a SystemUser value
	// formatted by reflection (fmt of a copy) shows addresses only.
	cfg    *SystemUserConfig
	client *partnersystemuser.IPartnerSystemUserServiceClient
	verify *rsa.PublicKey
	now    func() time.Time

	tickets *renewer[*Claims] // the kept ticket and its claims
}

var _ TicketSource = (*SystemUser)(nil)

// NewSystemUser checks cfg and returns a SystemUser logging in with it. It
// makes no call: the first Ticket does.
func NewSystemUser(cfg SystemUserConfig) (*SystemUser, error) {
	bad := func(msg string) (*SystemUser, error) {
		return nil, errors.New("netserver: NewSystemUser: " + msg)
	}
	switch {
	case cfg.ApplicationToken == "":
		return bad("no ApplicationToken (the application's client secret)")
	case cfg.ContextIdentifier == "":
		return bad("no ContextIdentifier (the tenant, e.g. Cust12345)")
	case cfg.SystemUserToken == "":
		return bad("no SystemUserToken")
	case !utf8.ValidString(cfg.SystemUserToken) || !utf8.ValidString(cfg.ApplicationToken) || !utf8.ValidString(cfg.ContextIdentifier):
		return bad("ApplicationToken, ContextIdentifier and SystemUserToken must be UTF-8")
	case cfg.PrivateKey == nil:
		return bad("no PrivateKey")
	case cfg.Login == nil:
		return bad("no Login client")
	case cfg.Certificate != nil && cfg.PublicKey != nil:
		return bad("both Certificate and PublicKey are set; set one")
	case cfg.Certificate == nil && cfg.PublicKey == nil:
		return bad("no Certificate (or PublicKey) to verify the returned JWT with")
	}
	if cfg.PrivateKey.N == nil || cfg.PrivateKey.N.BitLen() < minRSABits {
		return bad(fmt.Sprintf("PrivateKey: want an RSA key of at least %d bits", minRSABits))
	}
	if err := cfg.PrivateKey.Validate(); err != nil {
		return bad("PrivateKey is not a valid RSA key")
	}
	pub := cfg.PublicKey
	what := "PublicKey"
	if cfg.Certificate != nil {
		pub, what = cfg.Certificate.PublicKey, "the Certificate's key"
	}
	verify, ok := pub.(*rsa.PublicKey)
	if !ok || verify == nil || verify.N == nil {
		return bad(fmt.Sprintf("%s is a %T, not an RSA public key (the system user JWT is RS256)", what, pub))
	}
	if verify.N.BitLen() < minRSABits {
		return bad(fmt.Sprintf("%s has %d bits, want at least %d", what, verify.N.BitLen(), minRSABits))
	}
	c := cfg
	now := c.Now
	if now == nil {
		now = time.Now
	}
	s := &SystemUser{
		cfg:    &c,
		client: partnersystemuser.NewIPartnerSystemUserServiceClient(c.Login),
		verify: verify,
		now:    now,
	}
	s.tickets = &renewer[*Claims]{
		what: fmt.Sprintf("the system user login of tenant %q", c.ContextIdentifier),
		login: func(ctx context.Context) (*Claims, string, error) {
			claims, err := s.login(ctx)
			if err != nil {
				return nil, "", err
			}
			return claims, claims.Ticket, nil
		},
	}
	return s, nil
}

// Ticket implements TicketSource. It returns the kept ticket unless there is
// none or it is stale (equal to the kept one), in which case it logs in; a
// stale ticket other than the kept one means another caller has renewed
// already, and the kept ticket is returned. A failed login keeps the old
// ticket (a later call with it stale tries again) and is returned to every
// caller that waited for it, unless it failed because its caller's context
// ended: then the waiters try again with theirs.
func (s *SystemUser) Ticket(ctx context.Context, stale string) (string, error) {
	return s.tickets.get(ctx, stale)
}

// Claims returns the validated claims of the kept ticket's JWT, and false
// before the first successful login.
func (s *SystemUser) Claims() (Claims, bool) {
	claims, _, ok := s.tickets.current()
	if !ok {
		return Claims{}, false
	}
	c := *claims
	c.Audience = append([]string(nil), c.Audience...)
	return c, true
}

func (s *SystemUser) fields() []codec.Field {
	var ticket soap.Opt[string]
	if _, t, ok := s.tickets.current(); ok {
		ticket = soap.Some(t)
	}
	return append(s.cfg.fields(), codec.Field{Name: "Ticket", Secret: true, Value: ticket})
}

// String formats s with its secrets (keys, tokens, the ticket) redacted.
func (s *SystemUser) String() string {
	if s == nil || s.cfg == nil {
		return "<nil>"
	}
	return codec.FormatFields("netserver.SystemUser", s.fields()...)
}

// GoString is String, so that %#v redacts too.
func (s *SystemUser) GoString() string { return s.String() }

// Format implements fmt.Formatter: every verb prints String.
func (s *SystemUser) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, s.String()) }

// LogValue implements slog.LogValuer with the secrets redacted.
func (s *SystemUser) LogValue() slog.Value {
	if s == nil || s.cfg == nil {
		return slog.StringValue("<nil>")
	}
	return codec.LogFields(s.fields()...)
}

// login performs one Authenticate call and validates its answer.
func (s *SystemUser) login(ctx context.Context) (*Claims, error) {
	signed, err := signSystemUserToken(s.cfg.SystemUserToken, s.cfg.PrivateKey, s.now())
	if err != nil {
		return nil, err
	}
	secrets := []string{s.cfg.ApplicationToken, s.cfg.SystemUserToken, signed}
	if _, t, ok := s.tickets.current(); ok {
		secrets = append(secrets, t)
	}

	resp, err := s.client.Authenticate(ctx, &partnersystemuser.AuthenticationRequest{
		SignedSystemToken: soap.Some(signed),
		ReturnTokenType:   soap.Some(partnersystemuser.TokenTypeJwt),
	}, soap.WithHeader(&partnersystemuser.RequestHeader{
		ApplicationToken:  soap.Some(s.cfg.ApplicationToken),
		ContextIdentifier: soap.Some(s.cfg.ContextIdentifier),
	}))
	if err != nil {
		return nil, &redactedError{
			msg: fmt.Sprintf("netserver: system user login for tenant %q: %s", s.cfg.ContextIdentifier, redact(err.Error(), secrets)),
			err: err,
		}
	}
	token, _ := resp.Token.Get()
	if token != "" {
		secrets = append(secrets, token)
	}
	if ok, _ := resp.IsSuccessful.Get(); !ok {
		msg, _ := resp.ErrorMessage.Get()
		return nil, &LoginError{ContextIdentifier: s.cfg.ContextIdentifier, Message: redact(msg, secrets)}
	}
	if token == "" {
		return nil, fmt.Errorf("%w: the successful login for tenant %q returned no token", ErrInvalidToken, s.cfg.ContextIdentifier)
	}
	claims, err := validateSystemUserJWT(token, s.verify, s.now(), s.cfg.ContextIdentifier)
	if err != nil {
		return nil, fmt.Errorf("%w (login for tenant %q)", err, s.cfg.ContextIdentifier)
	}
	return claims, nil
}

// signSystemUserToken returns the SignedSystemToken of token at t:
// token "." UTC(t) as YYYYMMDDHHMM "." base64(RSASSA-PKCS1-v1_5 SHA-256
// signature of the UTF-8 bytes of the first two parts).
func signSystemUserToken(token string, key *rsa.PrivateKey, t time.Time) (string, error) {
	data := token + "." + t.UTC().Format(signedTokenTimeLayout)
	h := sha256.Sum256([]byte(data))
	sig, err := rsa.SignPKCS1v15(rand.Reader, key, crypto.SHA256, h[:])
	if err != nil {
		return "", errors.New("netserver: signing the system user token failed: the private key cannot sign")
	}
	return data + "." + base64.StdEncoding.EncodeToString(sig), nil
}

// validateSystemUserJWT checks a compact JWS as SuperOffice's system user
// tokens are to be checked (RS256, key, times, issuer, audience) and returns
// its claims. Its errors wrap ErrInvalidToken and never quote the token.
func validateSystemUserJWT(token string, key *rsa.PublicKey, now time.Time, tenant string) (*Claims, error) {
	invalid := func(format string, args ...any) (*Claims, error) {
		return nil, fmt.Errorf("%w: "+format, append([]any{ErrInvalidToken}, args...)...)
	}
	if len(token) > maxJWTSize {
		return invalid("%d bytes, more than a token can be", len(token))
	}
	parts := strings.Split(token, ".")
	switch {
	case len(parts) == 5:
		return invalid("an encrypted JWT (JWE), want a signed one (JWS)")
	case len(parts) != 3:
		return invalid("not a compact JWS (header.payload.signature)")
	}
	header, err1 := base64.RawURLEncoding.DecodeString(parts[0])
	payload, err2 := base64.RawURLEncoding.DecodeString(parts[1])
	sig, err3 := base64.RawURLEncoding.DecodeString(parts[2])
	if err1 != nil || err2 != nil || err3 != nil {
		return invalid("a part is not base64url")
	}

	var h map[string]json.RawMessage
	if err := json.Unmarshal(header, &h); err != nil || h == nil {
		return invalid("the header is not a JSON object")
	}
	var alg string
	if raw, ok := h["alg"]; !ok || json.Unmarshal(raw, &alg) != nil {
		return invalid("the header has no algorithm")
	}
	if alg != "RS256" {
		return invalid("algorithm %s, want RS256", quoteShort(alg))
	}
	if _, ok := h["crit"]; ok {
		return invalid("the header has critical extensions (crit), which are not supported")
	}
	if raw, ok := h["typ"]; ok {
		var typ string
		if json.Unmarshal(raw, &typ) != nil || !strings.EqualFold(typ, "JWT") {
			return invalid("type %s, want JWT", quoteShort(string(raw)))
		}
	}
	if len(sig) == 0 {
		return invalid("no signature")
	}
	digest := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	if err := rsa.VerifyPKCS1v15(key, crypto.SHA256, digest[:], sig); err != nil {
		return invalid("the signature does not verify with SuperOffice's key")
	}

	// Signed by SuperOffice: now the claims.
	var p map[string]any
	d := json.NewDecoder(bytes.NewReader(payload))
	d.UseNumber()
	if err := d.Decode(&p); err != nil || p == nil {
		return invalid("the payload is not a JSON object")
	}
	if d.More() {
		return invalid("the payload has data after its JSON object")
	}
	str := func(name string, required bool) (string, error) {
		v, ok := p[name]
		if !ok || v == nil {
			if required {
				return "", fmt.Errorf("%w: no %s claim", ErrInvalidToken, name)
			}
			return "", nil
		}
		switch v := v.(type) {
		case string:
			return v, nil
		case json.Number:
			return v.String(), nil
		}
		return "", fmt.Errorf("%w: the %s claim is not a string", ErrInvalidToken, name)
	}
	date := func(name string, required bool) (time.Time, error) {
		v, ok := p[name]
		if !ok || v == nil {
			if required {
				return time.Time{}, fmt.Errorf("%w: no %s claim", ErrInvalidToken, name)
			}
			return time.Time{}, nil
		}
		var text string
		switch v := v.(type) {
		case json.Number:
			text = v.String()
		case string: // "iat": "1581665207", as SuperOffice's own example writes
			text = v
		default:
			return time.Time{}, fmt.Errorf("%w: the %s claim is not a NumericDate", ErrInvalidToken, name)
		}
		f, err := strconv.ParseFloat(text, 64)
		if err != nil || math.IsNaN(f) || f < 0 || f > 1e11 {
			return time.Time{}, fmt.Errorf("%w: the %s claim is not a NumericDate", ErrInvalidToken, name)
		}
		sec, frac := math.Modf(f)
		return time.Unix(int64(sec), int64(frac*1e9)).UTC(), nil
	}

	var c Claims
	var err error
	if c.Expires, err = date("exp", true); err != nil {
		return nil, err
	}
	if c.NotBefore, err = date("nbf", false); err != nil {
		return nil, err
	}
	if c.IssuedAt, err = date("iat", false); err != nil {
		return nil, err
	}
	if now.After(c.Expires.Add(JWTLeeway)) {
		return invalid("expired at %s (now %s)", c.Expires.Format(time.RFC3339), now.UTC().Format(time.RFC3339))
	}
	if !c.NotBefore.IsZero() && now.Before(c.NotBefore.Add(-JWTLeeway)) {
		return invalid("not valid before %s (now %s)", c.NotBefore.Format(time.RFC3339), now.UTC().Format(time.RFC3339))
	}
	if c.Issuer, err = str("iss", true); err != nil {
		return nil, err
	}
	if c.Issuer != SystemUserIssuer {
		return invalid("issuer %s, want %q", quoteShort(c.Issuer), SystemUserIssuer)
	}
	if c.Serial, err = str(claimSerial, true); err != nil {
		return nil, err
	}
	switch aud := p["aud"].(type) {
	case string:
		c.Audience = []string{aud}
	case []any:
		for _, a := range aud {
			s, ok := a.(string)
			if !ok {
				return invalid("the aud claim is not a string or an array of strings")
			}
			c.Audience = append(c.Audience, s)
		}
	case nil:
		return invalid("no aud claim")
	default:
		return invalid("the aud claim is not a string or an array of strings")
	}
	wantAud := "spn:" + c.Serial
	found := false
	for _, a := range c.Audience {
		found = found || a == wantAud
	}
	if !found {
		return invalid("audience %s, want %s", quoteShort(strings.Join(c.Audience, " ")), quoteShort(wantAud))
	}
	if c.ContextIdentifier, err = str(claimContext, false); err != nil {
		return nil, err
	}
	if c.ContextIdentifier != "" && !strings.EqualFold(c.ContextIdentifier, tenant) {
		return invalid("issued for tenant %s, not %q", quoteShort(c.ContextIdentifier), tenant)
	}
	if c.NetServerURL, err = str(claimNetServerURL, false); err != nil {
		return nil, err
	}
	if c.WebAPIURL, err = str(claimWebAPIURL, false); err != nil {
		return nil, err
	}
	if c.Ticket, err = str(claimTicket, true); err != nil {
		return nil, err
	}
	if c.Ticket == "" {
		return invalid("the ticket claim is empty")
	}
	return &c, nil
}

// quoteShort quotes a value from a token for an error message, cut short.
func quoteShort(s string) string {
	const max = 64
	if len(s) > max {
		s = s[:max] + "…"
	}
	return strconv.Quote(s)
}

// setIf gives codec.FormatFields a secret that is set (or absent).
func setIf(set bool) soap.Opt[bool] {
	if set {
		return soap.Some(true)
	}
	return soap.Opt[bool]{}
}

// minSecretLen is the shortest secret redact replaces: shorter strings
// would garble the message (and cannot be real tokens or tickets).
const minSecretLen = 4

// redact replaces every occurrence of a secret in msg by soap.Redacted.
func redact(msg string, secrets []string) string {
	for _, s := range secrets {
		if len(s) >= minSecretLen {
			msg = strings.ReplaceAll(msg, s, soap.Redacted)
		}
	}
	return msg
}

// A redactedError is an error whose text has had the secrets removed; the
// original stays reachable with errors.As and errors.Is.
type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string    { return e.msg }
func (e *redactedError) Unwrap() error    { return e.err }
func (e *redactedError) GoString() string { return e.msg }
