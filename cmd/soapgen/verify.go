package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/soapgen/soapgen/generator"
)

const modulePath = "github.com/soapgen/soapgen"

// verify generates code for the WSDL into a temporary module, compiles it
// with a small main that round-trips the envelopes through the generated
// types (package soaptest), and runs it.
func verify(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("verify", flag.ContinueOnError)
	fs.SetOutput(stderr)
	wsdlPath := fs.String("wsdl", "", "the `WSDL` whose generated code is verified")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *wsdlPath == "" || fs.NArg() == 0 {
		fmt.Fprintln(stderr, "usage: soapgen verify -wsdl WSDL DIR...")
		return 2
	}
	files, err := generateFiles(*wsdlPath, "svc", &source{})
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	src, err := moduleSource()
	if err != nil {
		fmt.Fprintln(stderr, "soapgen verify:", err)
		return 1
	}
	tmp, err := os.MkdirTemp("", "soapgen-verify-")
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	defer os.RemoveAll(tmp)
	if err := writeVerifyModule(tmp, src, files); err != nil {
		fmt.Fprintln(stderr, "soapgen verify:", err)
		return 1
	}
	var dirs []string
	for _, d := range fs.Args() {
		abs, err := filepath.Abs(d)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		dirs = append(dirs, abs)
	}
	build := exec.Command("go", "build", "-o", "verify.exe", ".")
	build.Dir = tmp
	build.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(stderr, "soapgen verify: the generated code does not build: %v\n%s", err, out)
		return 1
	}
	cmd := exec.Command(filepath.Join(tmp, "verify.exe"), dirs...)
	cmd.Stdout = stdout
	cmd.Stderr = stderr
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return 1
		}
		fmt.Fprintln(stderr, "soapgen verify:", err)
		return 1
	}
	return 0
}

// moduleSource finds the soapgen module's source: the module itself when
// run inside its repository, or the version the current module requires
// (go get -tool) in the module cache.
func moduleSource() (string, error) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", modulePath).Output()
	dir := strings.TrimSpace(string(out))
	if err != nil || dir == "" {
		return "", fmt.Errorf("cannot find the source of %s: run verify inside its repository or in a module that requires it (go get -tool %s/cmd/soapgen)", modulePath, modulePath)
	}
	return dir, nil
}

func writeVerifyModule(tmp, src string, files []generator.File) error {
	gomod := fmt.Sprintf("module soapgenverify\n\ngo 1.26\n\nrequire %s v0.0.0-00010101000000-000000000000\n\nreplace %s => %s\n", modulePath, modulePath, src)
	if err := os.WriteFile(filepath.Join(tmp, "go.mod"), []byte(gomod), 0o644); err != nil {
		return err
	}
	if sum, err := os.ReadFile(filepath.Join(src, "go.sum")); err == nil {
		if err := os.WriteFile(filepath.Join(tmp, "go.sum"), sum, 0o644); err != nil {
			return err
		}
	}
	main := `package main

import (
	"fmt"
	"os"

	"soapgenverify/svc"

	"github.com/soapgen/soapgen/soap/soaptest"
)

func main() {
	failed, err := soaptest.VerifyDirs(os.Stdout, svc.Operations(), os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if failed > 0 {
		os.Exit(1)
	}
}
`
	if err := os.WriteFile(filepath.Join(tmp, "main.go"), []byte(main), 0o644); err != nil {
		return err
	}
	return generator.Write(filepath.Join(tmp, "svc"), files)
}
