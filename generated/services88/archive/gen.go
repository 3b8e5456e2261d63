package archive

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg archive Archive.wsdl
