package contact

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg contact Contact.wsdl
