package freetext

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg freetext FreeText.wsdl
