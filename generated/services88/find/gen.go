package find

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg find Find.wsdl
