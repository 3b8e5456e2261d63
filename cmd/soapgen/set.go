package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/soapgen/soapgen/generator"
)

// expandArgs expands the WSDL arguments that are glob patterns (go
// generate runs commands without a shell), each pattern's matches sorted;
// a pattern that matches nothing is an error.
func expandArgs(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		if !strings.ContainsAny(a, "*?[") {
			out = append(out, a)
			continue
		}
		m, err := filepath.Glob(a)
		if err != nil {
			return nil, fmt.Errorf("pattern %q: %w", a, err)
		}
		if len(m) == 0 {
			return nil, fmt.Errorf("pattern %q matches no file", a)
		}
		slices.Sort(m)
		out = append(out, m...)
	}
	seen := map[string]bool{}
	for _, p := range out {
		c := filepath.Clean(p)
		if seen[c] {
			return nil, fmt.Errorf("%s is given twice", p)
		}
		seen[c] = true
	}
	return out, nil
}

// generateSet generates several WSDLs together: their shared schema types
// go to the package pkg in dir, each WSDL's operations to a package in the
// WSDL's own folder, named after the folder. Import paths come from the
// go.mod above dir. Nothing is written unless every package generates.
func generateSet(wsdls []string, dir, pkg string, src *source, check bool, stderr io.Writer) int {
	files, dirs, err := generateSetFiles(wsdls, dir, pkg, src)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	orphans, err := generator.OrphanPackages(filepath.Join(dir, generator.PartitionRoot), dirs)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if check {
		n := len(orphans)
		for _, o := range orphans {
			fmt.Fprintf(stderr, "%s: no longer generated; run soapgen generate\n", o)
		}
		for i, d := range dirs {
			stale, err := generator.Stale(d, files[i])
			if err != nil {
				fmt.Fprintln(stderr, err)
				return 1
			}
			for _, s := range stale {
				fmt.Fprintf(stderr, "%s: out of date; run soapgen generate\n", s)
			}
			n += len(stale)
		}
		if n > 0 {
			return 1
		}
		return 0
	}
	if err := generator.WriteAll(dirs, files); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if err := generator.RemovePackages(orphans); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

func generateSetFiles(wsdls []string, dir, pkg string, src *source) ([][]generator.File, []string, error) {
	modDir, modPath, err := findModule(dir)
	if err != nil {
		return nil, nil, err
	}
	importPath := func(d string) (string, error) {
		abs, err := filepath.Abs(d)
		if err != nil {
			return "", err
		}
		rel, err := filepath.Rel(modDir, abs)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return "", fmt.Errorf("%s is outside the module %s (%s)", d, modPath, modDir)
		}
		if rel == "." {
			return modPath, nil
		}
		return path.Join(modPath, filepath.ToSlash(rel)), nil
	}
	typesPath, err := importPath(dir)
	if err != nil {
		return nil, nil, err
	}
	if pkg == "" {
		pkg = path.Base(typesPath)
	}
	dirs := []string{filepath.Clean(dir)}
	var inputs []generator.SetInput
	for _, w := range wsdls {
		wdir := filepath.Dir(w)
		if slices.Contains(dirs, filepath.Clean(wdir)) {
			return nil, nil, fmt.Errorf("%s: each WSDL of a set needs a folder of its own, apart from the types package's (-o)", w)
		}
		ip, err := importPath(wdir)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", w, err)
		}
		defs, root, err := src.load(w)
		if err != nil {
			return nil, nil, err
		}
		dirs = append(dirs, filepath.Clean(wdir))
		inputs = append(inputs, generator.SetInput{
			Defs:       defs,
			Source:     filepath.Base(w),
			Dir:        filepath.ToSlash(root), // positions are relative to it
			Package:    generator.DefaultPackage(filepath.Base(filepath.Clean(wdir)) + ".wsdl"),
			ImportPath: ip,
		})
	}
	out, err := generator.GenerateSet(inputs, generator.SetConfig{Package: pkg, ImportPath: typesPath})
	if err != nil {
		return nil, nil, err
	}
	files := [][]generator.File{out.Types}
	outDirs := []string{dirs[0]}
	for _, sp := range out.Shared {
		files = append(files, sp.Files)
		outDirs = append(outDirs, filepath.Join(dirs[0], filepath.FromSlash(sp.Dir)))
	}
	return append(files, out.Inputs...), append(outDirs, dirs[1:]...), nil
}

// findModule returns the folder and module path of the go.mod that dir is
// in (dir need not exist yet).
func findModule(dir string) (string, string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", "", err
	}
	for d := abs; ; d = filepath.Dir(d) {
		f, err := os.Open(filepath.Join(d, "go.mod"))
		if err == nil {
			mod, err := readModulePath(f)
			f.Close()
			if err != nil {
				return "", "", fmt.Errorf("%s: %w", filepath.Join(d, "go.mod"), err)
			}
			return d, mod, nil
		}
		if !errors.Is(err, os.ErrNotExist) {
			return "", "", err
		}
		if filepath.Dir(d) == d {
			return "", "", fmt.Errorf("%s is in no Go module (no go.mod above it): generating a set needs the packages' import paths", dir)
		}
	}
}

// readModulePath reads the module directive of a go.mod.
func readModulePath(r io.Reader) (string, error) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if rest, ok := strings.CutPrefix(line, "module"); ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
			m := strings.Trim(strings.TrimSpace(rest), `"`)
			if m != "" {
				return m, nil
			}
		}
	}
	if err := sc.Err(); err != nil {
		return "", err
	}
	return "", errors.New("no module directive")
}
