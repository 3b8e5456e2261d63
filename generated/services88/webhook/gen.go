package webhook

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg webhook Webhook.wsdl
