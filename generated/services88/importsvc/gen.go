package importsvc

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg importsvc Import.wsdl
