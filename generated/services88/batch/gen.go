package batch

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg batch Batch.wsdl
