package soaptest

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/soapgen/soapgen/soap"
)

// InconsistenciesFile names the file, in a folder of envelopes, that lists
// documented envelopes known to contradict their WSDL, one per line as
// "<file>: <reason>". Such an envelope is reported as skipped with its
// reason, and only while it still fails: one that passes is an error, so
// the list cannot go stale. Lines starting with # are comments.
const InconsistenciesFile = "INCONSISTENCIES.txt"

// Inconsistencies reads the InconsistenciesFile of dir (none is fine).
func Inconsistencies(dir string) (map[string]string, error) {
	data, err := os.ReadFile(filepath.Join(dir, InconsistenciesFile))
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	m := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		file, reason, ok := strings.Cut(text, ": ")
		if !ok || strings.TrimSpace(reason) == "" {
			return nil, fmt.Errorf("%s:%d: want \"<file>: <reason>\"", filepath.Join(dir, InconsistenciesFile), line)
		}
		m[strings.TrimSpace(file)] = strings.TrimSpace(reason)
	}
	return m, sc.Err()
}

// Envelopes lists the *.request.xml and *.response.xml files of dir, sorted.
func Envelopes(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() && (strings.HasSuffix(name, ".request.xml") || strings.HasSuffix(name, ".response.xml")) {
			names = append(names, name)
		}
	}
	return names, nil
}

// TestDir round-trips every envelope in dir through ops as a subtest (see
// RoundTrip). A listed inconsistency is skipped with its reason while it
// still fails, and fails the test once it passes. want is the number of
// envelopes expected, so that a lost file cannot go unnoticed.
func TestDir(t *testing.T, ops []soap.OperationInfo, dir string, want int) {
	t.Helper()
	names, err := Envelopes(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != want {
		t.Fatalf("%s holds %d envelopes, want %d", dir, len(names), want)
	}
	known, err := Inconsistencies(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			err = RoundTrip(ops, name, data)
			reason, listed := known[name]
			switch {
			case listed && err == nil:
				t.Errorf("listed in %s (%s) but passes: remove it from the list", InconsistenciesFile, reason)
			case listed:
				t.Skipf("documented inconsistency: %s (fails with: %v)", reason, err)
			case err != nil:
				t.Error(err)
			}
		})
	}
	for name := range known {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s lists %s, which does not exist", InconsistenciesFile, name)
		}
	}
}
