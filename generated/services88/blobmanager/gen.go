package blobmanager

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg blobmanager BlobManager.wsdl
