package phonelist

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg phonelist PhoneList.wsdl
