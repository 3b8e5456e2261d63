package relation

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg relation Relation.wsdl
