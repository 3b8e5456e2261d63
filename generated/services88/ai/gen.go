package ai

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg ai AI.wsdl
