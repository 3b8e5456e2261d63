package project

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg project Project.wsdl
