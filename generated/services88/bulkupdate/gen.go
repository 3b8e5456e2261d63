package bulkupdate

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg bulkupdate BulkUpdate.wsdl
