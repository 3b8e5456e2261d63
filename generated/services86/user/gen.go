package user

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg user User.wsdl
