package pocket

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg pocket Pocket.wsdl
