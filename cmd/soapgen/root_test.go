package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// writeTree writes the files of the generator case archive name (its
// WSDL, imports and nothing else) below dir.
func writeTree(t *testing.T, dir, name string) {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("..", "..", "generator", "testdata", "cases", name+".txtar"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		if f.Name == "entry" || f.Name == "contains" || f.Name == "error" || strings.HasSuffix(f.Name, "_test.go") {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// generateIn runs soapgen generate with args (the output folder is
// added) and returns the exit code and stderr.
func generateIn(t *testing.T, args ...string) (int, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	out := filepath.Join(t.TempDir(), "out")
	code := run(append([]string{"generate", "-o", out, "-pkg", "p"}, args...), &stdout, &stderr)
	if code == 0 {
		if _, err := os.Stat(filepath.Join(out, "types.gen.go")); err != nil {
			t.Errorf("exit 0 but %v", err)
		}
	}
	return code, stderr.String()
}

// TestRoot generates the parent-import case (a schema in the folder
// above the WSDL) from a folder tree: refused within the WSDL's folder,
// generated with -root at the case's folder, and the sandbox kept: the
// WSDL must be inside -root, and a symbolic link cannot leave it.
func TestRoot(t *testing.T) {
	dir := t.TempDir()
	caseDir := filepath.Join(dir, "cases", "parent-import")
	writeTree(t, caseDir, "parent-import")
	wsdlPath := filepath.Join(caseDir, "wsdl", "service.wsdl")

	code, msg := generateIn(t, wsdlPath)
	if want := wsdlPath + `:8:7: xs:import: forbidden: schemaLocation "../common.xsd" escapes the file system root`; code != 1 || !strings.HasPrefix(msg, want) {
		t.Errorf("without -root: exit %d, %q; want %q", code, msg, want)
	}
	if code, msg := generateIn(t, "-root", caseDir, wsdlPath); code != 0 {
		t.Errorf("-root %s: exit %d, %s", caseDir, code, msg)
	}
	if code, msg := generateIn(t, "-root", filepath.Join(caseDir, "wsdl"), wsdlPath); code != 1 || !strings.Contains(msg, "escapes the file system root") {
		t.Errorf("-root at the WSDL's folder: exit %d, %s", code, msg)
	}
	if code, msg := generateIn(t, "-root", filepath.Join(dir, "elsewhere"), wsdlPath); code != 2 || !strings.Contains(msg, "-root") {
		t.Errorf("-root that does not exist: exit %d, %s", code, msg)
	}
	other := filepath.Join(dir, "other")
	os.Mkdir(other, 0o755)
	if code, msg := generateIn(t, "-root", other, wsdlPath); code != 1 || !strings.Contains(msg, "is not inside -root") {
		t.Errorf("WSDL outside -root: exit %d, %s", code, msg)
	}
	// An error in an imported file names it as the user would: below -root.
	bad := strings.Replace(readFile(t, filepath.Join(caseDir, "common.xsd")), `type="xs:string"`, `type="xs:nope"`, 1)
	os.WriteFile(filepath.Join(caseDir, "common.xsd"), []byte(bad), 0o644)
	if code, msg := generateIn(t, "-root", caseDir, wsdlPath); code != 1 || !strings.HasPrefix(msg, filepath.Join(caseDir, "common.xsd")+":3:") {
		t.Errorf("error in the imported file: exit %d, %s", code, msg)
	}
	if runtime.GOOS == "windows" {
		return
	}
	// A symbolic link inside -root to a file outside it is not followed.
	outside := filepath.Join(dir, "outside.xsd")
	os.WriteFile(outside, []byte(readFile(t, filepath.Join(caseDir, "common.xsd"))), 0o644)
	os.Remove(filepath.Join(caseDir, "common.xsd"))
	if err := os.Symlink(outside, filepath.Join(caseDir, "common.xsd")); err != nil {
		t.Fatal(err)
	}
	if code, msg := generateIn(t, "-root", caseDir, wsdlPath); code != 1 || !strings.Contains(msg, "common.xsd") {
		t.Errorf("symbolic link out of -root: exit %d, %s", code, msg)
	}
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// catalogWSDL imports its schema by URL, as ONVIF's and WS-*'s import W3C
// and OASIS schemas.
const catalogWSDL = `<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:t" xmlns:c="urn:tp:common" targetNamespace="urn:t">
<types><xs:schema targetNamespace="urn:t" elementFormDefault="qualified">
<xs:import namespace="urn:tp:common" schemaLocation="http://schemas.example.invalid/common/1.0/common.xsd"/>
<xs:element name="Ping"><xs:complexType><xs:sequence><xs:element name="id" type="c:Id"/></xs:sequence></xs:complexType></xs:element>
<xs:element name="PingResponse"><xs:complexType><xs:sequence/></xs:complexType></xs:element>
</xs:schema></types>
<message name="In"><part name="p" element="tns:Ping"/></message>
<message name="Out"><part name="p" element="tns:PingResponse"/></message>
<portType name="P"><operation name="Ping"><input message="tns:In"/><output message="tns:Out"/></operation></portType>
<binding name="B" type="tns:P"><soap:binding transport="http://schemas.xmlsoap.org/soap/http"/>
<operation name="Ping"><soap:operation soapAction="urn:t/Ping"/><input><soap:body use="literal"/></input><output><soap:body use="literal"/></output></operation>
</binding>
</definitions>`

// TestCatalog maps a remote schemaLocation to a local file with -catalog:
// generated without -allow-remote and without the network; a mapping out
// of the folder imports may not leave, and a malformed catalog, are errors.
func TestCatalog(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, filepath.Join(dir, "schemas", "example"), "parent-import") // common.xsd
	os.MkdirAll(filepath.Join(dir, "svc"), 0o755)
	wsdlPath := filepath.Join(dir, "svc", "service.wsdl")
	os.WriteFile(wsdlPath, []byte(catalogWSDL), 0o644)
	catalog := filepath.Join(dir, "catalog.txt")
	write := func(s string) { os.WriteFile(catalog, []byte(s), 0o644) }

	code, msg := generateIn(t, wsdlPath)
	if code != 1 || !strings.Contains(msg, "http://schemas.example.invalid/common/1.0/common.xsd") || !strings.Contains(msg, "AllowRemote") {
		t.Errorf("without a catalog: exit %d, %s", code, msg)
	}
	// Exact and prefix mappings; paths relative to the catalog's folder.
	for _, c := range []string{
		"# local copies\nhttp://schemas.example.invalid/common/1.0/common.xsd schemas/example/common.xsd\n",
		"http://schemas.example.invalid/common/1.0/ schemas/example/\n",
	} {
		write(c)
		if code, msg := generateIn(t, "-root", dir, "-catalog", catalog, wsdlPath); code != 0 {
			t.Errorf("%q: exit %d, %s", c, code, msg)
		}
		// Without -root, the mapped file is outside the WSDL's folder.
		if code, msg := generateIn(t, "-catalog", catalog, wsdlPath); code != 1 || !strings.Contains(msg, "widen it with -root") {
			t.Errorf("%q without -root: exit %d, %s", c, code, msg)
		}
	}
	write("http://schemas.example.invalid/common/1.0/common.xsd\n")
	if code, msg := generateIn(t, "-root", dir, "-catalog", catalog, wsdlPath); code != 2 || !strings.HasPrefix(msg, catalog+":1:1: catalog: invalid") {
		t.Errorf("malformed catalog: exit %d, %s", code, msg)
	}
	if code, msg := generateIn(t, "-catalog", filepath.Join(dir, "none.txt"), wsdlPath); code != 2 || !strings.Contains(msg, "-catalog") {
		t.Errorf("missing catalog: exit %d, %s", code, msg)
	}
}
