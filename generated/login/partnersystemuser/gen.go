package partnersystemuser

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg partnersystemuser PartnerSystemUserService.wsdl
