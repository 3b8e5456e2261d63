package timezone

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg timezone TimeZone.wsdl
