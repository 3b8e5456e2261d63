package configuration

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg configuration Configuration.wsdl
