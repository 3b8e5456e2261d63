package diagnostics

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg diagnostics Diagnostics.wsdl
