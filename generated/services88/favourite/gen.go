package favourite

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg favourite Favourite.wsdl
