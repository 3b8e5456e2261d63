package previews

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg previews Previews.wsdl
