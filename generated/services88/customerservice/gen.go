package customerservice

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg customerservice CustomerService.wsdl
