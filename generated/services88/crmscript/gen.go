package crmscript

//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg crmscript CRMScript.wsdl
