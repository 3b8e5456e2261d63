package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/soapgen/soapgen/wsdl"
)

// source says where a WSDL and what it imports are read from: every file
// through an os.Root at root (the -root folder; the WSDL's own folder when
// empty), which neither "../" nor a symbolic link can leave, with remote
// imports as -allow-remote says and the -catalog's mappings.
type source struct {
	root        string
	allowRemote bool
	// catalog maps locations to absolute file paths; each load makes them
	// relative to its root.
	catalog     map[string]string
	catalogFile string
}

// newSource checks the -root folder and reads the -catalog file (paths
// in it relative to its folder).
func newSource(root, catalog string, allowRemote bool) (*source, error) {
	s := &source{root: root, allowRemote: allowRemote, catalogFile: catalog}
	if root != "" {
		if fi, err := os.Stat(root); err != nil || !fi.IsDir() {
			return nil, fmt.Errorf("-root %s: not a folder", root)
		}
	}
	if catalog == "" {
		return s, nil
	}
	data, err := os.ReadFile(catalog)
	if err != nil {
		return nil, fmt.Errorf("-catalog: %w", err)
	}
	entries, err := wsdl.ParseCatalog(catalog, data)
	if err != nil {
		return nil, err
	}
	dir, err := filepath.Abs(filepath.Dir(catalog))
	if err != nil {
		return nil, err
	}
	s.catalog = map[string]string{}
	for loc, p := range entries {
		abs := filepath.Join(dir, filepath.FromSlash(p))
		if strings.HasSuffix(p, "/") {
			abs += string(filepath.Separator) // a folder for a prefix
		}
		s.catalog[loc] = abs
	}
	return s, nil
}

// rootOf returns the folder imports of the WSDL at path may not leave, as
// the user names it, and the WSDL's name inside it (slash-separated).
func (s *source) rootOf(path string) (root, name string, err error) {
	if s == nil || s.root == "" {
		dir, name := filepath.Split(path)
		if dir == "" {
			dir = "."
		}
		return dir, name, nil
	}
	absRoot, err := filepath.Abs(s.root)
	if err != nil {
		return "", "", err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", "", err
	}
	rel, err := filepath.Rel(absRoot, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", "", fmt.Errorf("%s is not inside -root %s", path, s.root)
	}
	return s.root, filepath.ToSlash(rel), nil
}

// options returns the loader's options for a load through root: the
// catalog's paths made relative to it (a mapping to a file outside it is
// an error: the catalog may not widen the sandbox).
func (s *source) options(root string) (*wsdl.Options, error) {
	opts := &wsdl.Options{}
	if s == nil {
		return opts, nil
	}
	opts.AllowRemote = s.allowRemote
	if len(s.catalog) == 0 {
		return opts, nil
	}
	absRoot, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	opts.Catalog = map[string]string{}
	for loc, abs := range s.catalog {
		rel, err := filepath.Rel(absRoot, abs)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return nil, fmt.Errorf("%s: %s maps to %s, outside the folder imports may not leave (%s; widen it with -root)", s.catalogFile, loc, abs, root)
		}
		rel = filepath.ToSlash(rel)
		if strings.HasSuffix(abs, string(filepath.Separator)) {
			rel += "/"
		}
		opts.Catalog[loc] = rel
	}
	return opts, nil
}

// load loads the WSDL at path, with error positions naming files as the
// user would (the root folder joined to their path inside it).
func (s *source) load(path string) (*wsdl.Definitions, string, error) {
	root, name, err := s.rootOf(path)
	if err != nil {
		return nil, "", err
	}
	opts, err := s.options(root)
	if err != nil {
		return nil, "", err
	}
	r, err := wsdlRoot(root)
	if err != nil {
		return nil, "", err
	}
	defer r.Close()
	d, err := wsdl.Load(r.FS(), name, opts)
	if err != nil && strings.Contains(err.Error(), "escapes the file system root") {
		err = fmt.Errorf("%w (imports may not leave %s: widen that with -root)", relocate(err, root), root)
		return nil, "", err
	}
	return d, root, relocate(err, root)
}
