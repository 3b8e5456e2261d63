package preference

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg preference Preference.wsdl
