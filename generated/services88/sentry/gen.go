package sentry

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg sentry Sentry.wsdl
