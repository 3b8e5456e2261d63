// Command soapgen generates typed Go clients from WSDL files.
//
//	soapgen generate [-o DIR] [-pkg NAME] [-check] [-allow-remote] [-root DIR] [-catalog FILE] WSDL...
//	soapgen verify -wsdl WSDL DIR...
//	soapgen diff [-breaking] [-json] OLD.wsdl NEW.wsdl
//	soapgen version
//
// Errors are printed as file:line:col: message; the exit code is 1.
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage:
  soapgen generate [-o DIR] [-pkg NAME] [-check] [-allow-remote] [-root DIR] [-catalog FILE] WSDL...
  soapgen verify -wsdl WSDL DIR...
  soapgen diff [-breaking] [-json] OLD.wsdl NEW.wsdl
  soapgen version
`

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "generate":
		return generate(args[1:], stdout, stderr)
	case "verify":
		return verify(args[1:], stdout, stderr)
	case "diff":
		return diff(args[1:], stdout, stderr)
	case "version", "-version", "--version":
		fmt.Fprintln(stdout, "soapgen", version())
		return 0
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "soapgen: unknown command %q\n%s", args[0], usage)
	return 2
}
