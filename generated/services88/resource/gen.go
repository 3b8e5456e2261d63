package resource

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg resource Resource.wsdl
