package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"

	"github.com/soapgen/soapgen/generator"
)

func generate(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("generate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", ".", "output `dir`ectory")
	pkg := fs.String("pkg", "", "Go package `name` (default: the WSDL file name in lower case)")
	check := fs.Bool("check", false, "write nothing; exit 1 listing the files that differ from what the WSDL gives")
	remote := fs.Bool("allow-remote", false, "allow http(s) imports and schemaLocations")
	root := fs.String("root", "", "the `dir`ectory imports may not leave (default: each WSDL's folder)")
	catalog := fs.String("catalog", "", "read remote import locations from the local files the catalog `file` maps them to (lines: URI PATH)")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the run to `file` (for go tool pprof)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	// A run is short and most of what it allocates is garbage at once:
	// collect less often than by default (unless GOGC says otherwise).
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			fmt.Fprintln(stderr, err)
			return 1
		}
		defer func() {
			pprof.StopCPUProfile()
			f.Close()
		}()
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "usage: soapgen generate [-o DIR] [-pkg NAME] [-check] [-allow-remote] [-root DIR] [-catalog FILE] WSDL...")
		return 2
	}
	src, err := newSource(*root, *catalog, *remote)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	wsdls, err := expandArgs(fs.Args())
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	if len(wsdls) > 1 {
		return generateSet(wsdls, *out, *pkg, src, *check, stderr)
	}
	files, err := generateFiles(wsdls[0], *pkg, src)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if *check {
		stale, err := generator.Stale(*out, files)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		for _, s := range stale {
			fmt.Fprintf(stderr, "%s: out of date; run soapgen generate\n", s)
		}
		if len(stale) > 0 {
			return 1
		}
		return 0
	}
	if err := generator.Write(*out, files); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

// generateFiles loads the WSDL through a file system rooted at its folder
// (or -root), so that positions name the file as the user wrote it
// relative to there.
func generateFiles(path, pkg string, src *source) ([]generator.File, error) {
	defs, root, err := src.load(path)
	if err != nil {
		return nil, err
	}
	files, err := generator.GenerateFrom(defs, filepath.Base(path), generator.Config{Package: pkg})
	return files, relocate(err, root)
}

// wsdlRoot opens the WSDL's folder as an os.Root: imports are read through
// it, so neither "../" nor a symbolic link can reach outside the folder.
func wsdlRoot(dir string) (*os.Root, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("opening the WSDL's folder: %w", err)
	}
	return root, nil
}

func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok || bi.Main.Version == "" {
		return "(devel)"
	}
	return bi.Main.Version
}
