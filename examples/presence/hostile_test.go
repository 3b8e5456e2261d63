package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The hostile endpoints answer the presence command in ways meant to hang
// it or exhaust its memory; each test runs the built command against one.

const envelopeStart = `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><SetUserPresenceStatusResponse xmlns="http://www.superoffice.net/ws/crm/NetServer/Services88"><Response><Message>`

// hostileEndpoints returns the handlers of the hostile servers; each stops
// by itself after at most limit.
func hostileEndpoints(t *testing.T, limit time.Duration) map[string]http.HandlerFunc {
	bomb := gzipBomb(t)
	deadline := func(r *http.Request) (context.Context, context.CancelFunc) {
		return context.WithTimeout(r.Context(), limit)
	}
	return map[string]http.HandlerFunc{
		// A byte a second, forever (until the client leaves).
		"drip": func(w http.ResponseWriter, r *http.Request) {
			io.Copy(io.Discard, r.Body)
			ctx, cancel := deadline(r)
			defer cancel()
			w.Header().Set("Content-Type", "text/xml; charset=utf-8")
			w.WriteHeader(http.StatusOK)
			rc := http.NewResponseController(w)
			body := envelopeStart + strings.Repeat("x", 1000)
			for i := 0; i < len(body); i++ {
				if _, err := io.WriteString(w, body[i:i+1]); err != nil || rc.Flush() != nil {
					return
				}
				select {
				case <-ctx.Done():
					return
				case <-time.After(time.Second):
				}
			}
		},
		// Gigabytes of text in an envelope, at loopback speed.
		"gigabytes": func(w http.ResponseWriter, r *http.Request) {
			io.Copy(io.Discard, r.Body)
			ctx, cancel := deadline(r)
			defer cancel()
			w.Header().Set("Content-Type", "text/xml; charset=utf-8")
			io.WriteString(w, envelopeStart)
			chunk := bytes.Repeat([]byte("gigabytes "), 6554) // 64 KiB
			for range (16 << 30) / len(chunk) {
				if ctx.Err() != nil {
					return
				}
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		},
		// 1 GiB of zeros, gzipped to about 1 MB.
		"gzip bomb": func(w http.ResponseWriter, r *http.Request) {
			io.Copy(io.Discard, r.Body)
			w.Header().Set("Content-Type", "text/xml; charset=utf-8")
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(bomb)
		},
		// A million nested elements in a response header.
		"deep nesting": func(w http.ResponseWriter, r *http.Request) {
			io.Copy(io.Discard, r.Body)
			w.Header().Set("Content-Type", "text/xml; charset=utf-8")
			io.WriteString(w, `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header>`)
			const n = 1_000_000
			w.Write(bytes.Repeat([]byte("<a>"), n))
			w.Write(bytes.Repeat([]byte("</a>"), n))
			io.WriteString(w, `</s:Header><s:Body/></s:Envelope>`)
		},
	}
}

// gzipBomb returns a single gzip member that inflates to 1 GiB of zeros.
// It compresses 1 MiB twice, then repeats the second flushed segment,
// which compresses the same window state each time: building it this way
// takes milliseconds where compressing 1 GiB takes seconds (minutes under
// the race detector).
func gzipBomb(t *testing.T) []byte {
	t.Helper()
	const mib, n = 1 << 20, 1024
	zero := make([]byte, mib)
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	var segs [][]byte
	for range 3 {
		zw.Write(zero)
		if err := zw.Flush(); err != nil {
			t.Fatal(err)
		}
		segs = append(segs, bytes.Clone(buf.Bytes()))
		buf.Reset()
	}
	if !bytes.Equal(segs[1], segs[2]) {
		t.Fatal("gzip bomb: the flushed segments differ; build it another way")
	}
	out := append([]byte(nil), segs[0]...)
	for range n - 1 {
		out = append(out, segs[1]...)
	}
	out = append(out, 0x01, 0x00, 0x00, 0xff, 0xff) // an empty final stored block
	crc := uint32(0)
	for range n {
		crc = crc32.Update(crc, crc32.IEEETable, zero)
	}
	out = binary.LittleEndian.AppendUint32(out, crc)
	out = binary.LittleEndian.AppendUint32(out, uint32(n*mib))
	return out
}

// TestPresenceHostileServers runs the built command with -timeout 10s
// against each hostile endpoint: it must exit 1 within 20 s, in less than
// 256 MiB.
func TestPresenceHostileServers(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command and waits out a 10 s timeout")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build the example with")
	}
	bin := filepath.Join(t.TempDir(), "presence")
	build := exec.Command(goTool, "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	const (
		maxRSSKiB = 256 << 10
	)
	for name, h := range hostileEndpoints(t, 30*time.Second) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			srv := httptest.NewServer(h)
			defer srv.Close()
			ctx, cancel := context.WithTimeout(context.Background(), 40*time.Second)
			defer cancel()
			var stdout, stderr bytes.Buffer
			cmd := exec.CommandContext(ctx, bin, "-base", srv.URL+servicesPath, "-ticket", ticket, "-token", token,
				"-associate", "5", "-status", "StatusNormal", "-timeout", "10s")
			cmd.Env = append(os.Environ(), "PRESENCE_TICKET=", "PRESENCE_TOKEN=")
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			start := time.Now()
			err := cmd.Run()
			elapsed := time.Since(start)
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 1 {
				t.Errorf("err = %v, want exit status 1", err)
			}
			rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss // KiB on Linux
			t.Logf("exit %d after %v, max RSS %d MiB: %s", cmd.ProcessState.ExitCode(), elapsed.Round(time.Millisecond), rss>>10, strings.TrimSpace(stderr.String()))
			if rss >= maxRSSKiB {
				t.Errorf("max RSS %d KiB, want < %d KiB", rss, maxRSSKiB)
			}
			if stdout.Len() > 0 {
				t.Errorf("stdout: %q", stdout.String())
			}
			if out := stdout.String() + stderr.String(); strings.Contains(out, "SECRET") {
				t.Errorf("the output holds a secret: %s", out)
			}
		})
	}
}
