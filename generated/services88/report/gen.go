package report

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg report Report.wsdl
