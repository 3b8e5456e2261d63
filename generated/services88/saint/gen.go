package saint

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg saint Saint.wsdl
