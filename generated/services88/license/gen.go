package license

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg license License.wsdl
