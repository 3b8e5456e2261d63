package person

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg person Person.wsdl
