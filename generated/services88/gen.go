package services88

// The 60 Services88 agents are generated together: the NetServer types they
// share are declared once, here; each agent's folder holds its operations.
//go:generate go run github.com/soapgen/soapgen/cmd/soapgen generate -pkg services88 */*.wsdl
