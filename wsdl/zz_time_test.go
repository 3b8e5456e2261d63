package wsdl

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestZZTime(t *testing.T) {
	files, _ := filepath.Glob("/tmp/fz/*")
	for _, f := range files {
		raw, _ := os.ReadFile(f)
		lines := strings.SplitN(string(raw), "\n", 2)
		s := strings.TrimSpace(lines[1])
		s = strings.TrimSuffix(strings.TrimPrefix(s, "[]byte("), ")")
		data, err := strconv.Unquote(s)
		if err != nil {
			t.Log(f, err)
			continue
		}
		start := time.Now()
		_, err = Parse("f.wsdl", []byte(data), nil)
		t.Logf("%s %v %d %v", filepath.Base(f), time.Since(start), len(data), err)
	}
}
