package mdo

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg mdo MDO.wsdl
