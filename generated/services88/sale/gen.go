package sale

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg sale Sale.wsdl
