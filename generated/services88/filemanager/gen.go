package filemanager

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg filemanager FileManager.wsdl
