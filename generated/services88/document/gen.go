package document

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg document Document.wsdl
