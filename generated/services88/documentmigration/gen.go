package documentmigration

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg documentmigration DocumentMigration.wsdl
