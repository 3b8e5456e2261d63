package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"github.com/soapgen/soapgen/wsdl"
	"github.com/soapgen/soapgen/wsdldiff"
)

const diffUsage = "usage: soapgen diff [-breaking] [-json] OLD.wsdl NEW.wsdl"

// diff compares two versions of a WSDL and prints what changed (package
// wsdldiff). It exits 0, or 1 when the WSDLs cannot be loaded, or with
// -breaking when any change is breaking.
func diff(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("diff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	breaking := fs.Bool("breaking", false, "exit 1 when any change is breaking")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	fs.Usage = func() {
		fmt.Fprintln(stderr, diffUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 2 {
		fmt.Fprintln(stderr, diffUsage)
		return 2
	}
	old, err := loadWSDL(fs.Arg(0), nil)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	new, err := loadWSDL(fs.Arg(1), nil)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	r := wsdldiff.Compare(old, new)
	if *asJSON {
		err = r.WriteJSON(stdout)
	} else {
		err = r.WriteText(stdout)
	}
	if err != nil {
		fmt.Fprintln(stderr, "soapgen diff:", err)
		return 1
	}
	if *breaking && r.Breaking() > 0 {
		return 1
	}
	return 0
}

// loadWSDL loads the WSDL at path through its folder (see wsdlRoot), with
// error positions naming the file as the user wrote it.
func loadWSDL(path string, opts *wsdl.Options) (*wsdl.Definitions, error) {
	s := &source{}
	if opts != nil {
		s.allowRemote = opts.AllowRemote
	}
	d, _, err := s.load(path)
	return d, err
}

// relocate makes the position of a *wsdl.Error, which names a file inside
// dir, name it as the user did.
func relocate(err error, dir string) error {
	var we *wsdl.Error
	if errors.As(err, &we) && dir != "." && dir != "" && we.Pos.File != "" {
		we.Pos.File = filepath.Join(dir, we.Pos.File)
	}
	return err
}
