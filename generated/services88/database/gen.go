package database

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg database Database.wsdl
