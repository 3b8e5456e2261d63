package netserver

import (
	"bytes"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"encoding/xml"
	"errors"
	"fmt"
	"math/big"
	"strings"
)

// maxKeyFileSize bounds the key data ParseRSAPrivateKey reads: a 16384-bit
// key in any of the accepted formats fits well within it.
const maxKeyFileSize = 64 << 10

// minRSABits is the smallest modulus accepted, crypto/rsa's own default.
const minRSABits = 1024

// ParseRSAPrivateKey parses the partner application's RSA private key, which
// signs the system user token (see SystemUser), in one of the formats it is
// handed out or converted to:
//
//   - the .NET RSA XML format the SuperOffice developer portal gives out
//     (<RSAKeyValue><Modulus>…</Modulus><Exponent>…</Exponent><P>…</P><Q>…</Q>
//     <DP>…</DP><DQ>…</DQ><InverseQ>…</InverseQ><D>…</D></RSAKeyValue>, each
//     value a base64 big-endian integer): Modulus, Exponent, D, P and Q are
//     required; DP, DQ and InverseQ, when present, must match the key;
//   - PEM "RSA PRIVATE KEY" (PKCS #1) or "PRIVATE KEY" (PKCS #8, RSA only),
//     unencrypted. Text before the block and other blocks (certificates) are
//     skipped.
//
// The key is validated (crypto/rsa's checks: the primes multiply to the
// modulus, the exponents are consistent) and must have at least 1024 bits.
// Errors never quote the key's content.
func ParseRSAPrivateKey(data []byte) (*rsa.PrivateKey, error) {
	if len(data) > maxKeyFileSize {
		return nil, fmt.Errorf("netserver: RSA private key: %d bytes is larger than a key file can be", len(data))
	}
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) >= 3 && trimmed[0] == 0xEF && trimmed[1] == 0xBB && trimmed[2] == 0xBF { // UTF-8 BOM
		trimmed = bytes.TrimSpace(trimmed[3:])
	}
	var (
		key *rsa.PrivateKey
		err error
	)
	switch {
	case len(trimmed) == 0:
		return nil, errors.New("netserver: RSA private key: empty")
	case trimmed[0] == '<':
		key, err = parseRSAKeyXML(trimmed)
	default:
		key, err = parseRSAKeyPEM(trimmed)
	}
	if err != nil {
		return nil, err
	}
	if n := key.N.BitLen(); n < minRSABits {
		return nil, fmt.Errorf("netserver: RSA private key: %d-bit modulus, want at least %d bits", n, minRSABits)
	}
	if err := key.Validate(); err != nil {
		return nil, errors.New("netserver: RSA private key: inconsistent key: its values do not belong together")
	}
	return key, nil
}

func parseRSAKeyPEM(data []byte) (*rsa.PrivateKey, error) {
	rest := data
	sawBlock := false
	for {
		var block *pem.Block
		block, rest = pem.Decode(rest)
		if block == nil {
			break
		}
		sawBlock = true
		switch block.Type {
		case "RSA PRIVATE KEY", "PRIVATE KEY":
		case "ENCRYPTED PRIVATE KEY":
			return nil, errors.New("netserver: RSA private key: the PEM key is encrypted (PKCS #8 ENCRYPTED PRIVATE KEY); decrypt it first")
		default:
			continue // certificates, parameters…
		}
		if _, ok := block.Headers["DEK-Info"]; ok || block.Headers["Proc-Type"] != "" {
			return nil, errors.New("netserver: RSA private key: the PEM key is encrypted; decrypt it first")
		}
		if block.Type == "RSA PRIVATE KEY" {
			key, err := x509.ParsePKCS1PrivateKey(block.Bytes)
			if err != nil {
				return nil, errors.New("netserver: RSA private key: malformed PKCS #1 key in PEM block \"RSA PRIVATE KEY\"")
			}
			return key, nil
		}
		k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
		if err != nil {
			return nil, errors.New("netserver: RSA private key: malformed PKCS #8 key in PEM block \"PRIVATE KEY\"")
		}
		key, ok := k.(*rsa.PrivateKey)
		if !ok {
			return nil, fmt.Errorf("netserver: RSA private key: the PKCS #8 key is a %T, not an RSA key", k)
		}
		return key, nil
	}
	if sawBlock {
		return nil, errors.New("netserver: RSA private key: no \"RSA PRIVATE KEY\" or \"PRIVATE KEY\" PEM block")
	}
	return nil, errors.New("netserver: RSA private key: neither PEM nor RSA XML (<RSAKeyValue>)")
}

// rsaKeyXML is the .NET RSAParameters XML form (RSA.ToXmlString(true)).
type rsaKeyXML struct {
	XMLName  xml.Name `xml:"RSAKeyValue"`
	Modulus  *string  `xml:"Modulus"`
	Exponent *string  `xml:"Exponent"`
	P        *string  `xml:"P"`
	Q        *string  `xml:"Q"`
	DP       *string  `xml:"DP"`
	DQ       *string  `xml:"DQ"`
	InverseQ *string  `xml:"InverseQ"`
	D        *string  `xml:"D"`
}

func parseRSAKeyXML(data []byte) (*rsa.PrivateKey, error) {
	var kx rsaKeyXML
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.Entity = nil // only the predefined entities
	if err := d.Decode(&kx); err != nil {
		// The decoder's message may quote the document: say only where.
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("netserver: RSA private key: malformed XML at line %d", se.Line)
		}
		return nil, errors.New("netserver: RSA private key: the XML is not an <RSAKeyValue> element")
	}
	num := func(name string, s *string, required bool) (*big.Int, error) {
		if s == nil {
			if required {
				return nil, fmt.Errorf("netserver: RSA private key: <RSAKeyValue> lacks <%s>%s", name, publicOnlyHint(name))
			}
			return nil, nil
		}
		v := strings.Map(func(r rune) rune {
			switch r {
			case ' ', '\t', '\r', '\n':
				return -1
			}
			return r
		}, *s)
		b, err := base64.StdEncoding.DecodeString(v)
		if err != nil || len(b) == 0 {
			return nil, fmt.Errorf("netserver: RSA private key: <%s> is not a base64 integer", name)
		}
		return new(big.Int).SetBytes(b), nil
	}
	var (
		fields = []struct {
			name     string
			s        *string
			required bool
		}{
			{"Modulus", kx.Modulus, true},
			{"Exponent", kx.Exponent, true},
			{"D", kx.D, true},
			{"P", kx.P, true},
			{"Q", kx.Q, true},
			{"DP", kx.DP, false},
			{"DQ", kx.DQ, false},
			{"InverseQ", kx.InverseQ, false},
		}
		n, e, dd, p, q, dp, dq, qinv *big.Int
	)
	dsts := []**big.Int{&n, &e, &dd, &p, &q, &dp, &dq, &qinv}
	for i, f := range fields {
		v, err := num(f.name, f.s, f.required)
		if err != nil {
			return nil, err
		}
		*dsts[i] = v
	}
	if !e.IsInt64() || e.Int64() < 3 || e.Int64() > 1<<31-1 {
		return nil, errors.New("netserver: RSA private key: <Exponent> is out of range")
	}
	key := &rsa.PrivateKey{
		PublicKey: rsa.PublicKey{N: n, E: int(e.Int64())},
		D:         dd,
		Primes:    []*big.Int{p, q},
	}
	if key.N.BitLen() < minRSABits {
		return nil, fmt.Errorf("netserver: RSA private key: %d-bit modulus, want at least %d bits", key.N.BitLen(), minRSABits)
	}
	if err := key.Validate(); err != nil {
		return nil, errors.New("netserver: RSA private key: inconsistent key: its values do not belong together")
	}
	key.Precompute()
	for _, c := range []struct {
		name      string
		got, want *big.Int
	}{
		{"DP", dp, key.Precomputed.Dp},
		{"DQ", dq, key.Precomputed.Dq},
		{"InverseQ", qinv, key.Precomputed.Qinv},
	} {
		if c.got != nil && c.want != nil && c.got.Cmp(c.want) != 0 {
			return nil, fmt.Errorf("netserver: RSA private key: <%s> does not match the key's other values", c.name)
		}
	}
	return key, nil
}

// publicOnlyHint explains a missing private member: the XML may hold the
// public key only (RSA.ToXmlString(false)).
func publicOnlyHint(name string) string {
	switch name {
	case "D", "P", "Q":
		return " (is it the public key only?)"
	}
	return ""
}
