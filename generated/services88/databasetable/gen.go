package databasetable

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg databasetable DatabaseTable.wsdl
