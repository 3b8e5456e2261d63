package userdefinedfieldinfo

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg userdefinedfieldinfo UserDefinedFieldInfo.wsdl
