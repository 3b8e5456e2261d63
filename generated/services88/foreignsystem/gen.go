package foreignsystem

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg foreignsystem ForeignSystem.wsdl
