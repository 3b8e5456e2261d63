package associate

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg associate Associate.wsdl
