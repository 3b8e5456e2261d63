package viewstate

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg viewstate ViewState.wsdl
