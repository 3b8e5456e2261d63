package numberallocation

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg numberallocation NumberAllocation.wsdl
