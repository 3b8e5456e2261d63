// Package secret holds the one rule by which soapgen tells a secret from
// other data by its name: the generator uses it for the members whose
// values String and LogValue redact, the runtime for the elements and
// attributes an envelope trace redacts.
package secret

import "strings"

// Name reports whether a member, element or attribute named name holds a
// secret: its name ends in password, passwd, secret, token, ticket or
// apikey, or contains password or secret, ignoring case.
func Name(name string) bool {
	name = strings.ToLower(name)
	if strings.Contains(name, "password") || strings.Contains(name, "secret") {
		return true
	}
	for _, suffix := range []string{"passwd", "token", "ticket", "apikey"} {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return false
}
