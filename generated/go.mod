module github.com/soapgen/soapgen/generated

go 1.26.0

require github.com/soapgen/soapgen v0.0.0-00010101000000-000000000000

replace github.com/soapgen/soapgen => ../
