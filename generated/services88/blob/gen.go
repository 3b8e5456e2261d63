package blob

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg blob BLOB.wsdl
