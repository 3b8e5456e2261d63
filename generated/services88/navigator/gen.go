package navigator

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg navigator Navigator.wsdl
