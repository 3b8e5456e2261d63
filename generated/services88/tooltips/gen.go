package tooltips

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg tooltips Tooltips.wsdl
