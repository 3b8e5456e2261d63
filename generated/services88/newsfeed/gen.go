package newsfeed

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg newsfeed NewsFeed.wsdl
