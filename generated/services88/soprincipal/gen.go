package soprincipal

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg soprincipal SoPrincipal.wsdl
