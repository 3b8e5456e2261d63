package messaging

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg messaging Messaging.wsdl
