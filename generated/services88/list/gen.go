package list

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg list List.wsdl
