package soap_test

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/soapgen/soapgen/soap"
)

// The tests here run the client against servers that try to hang it or to
// exhaust its memory, over loopback. Each call must end with a clear error
// (not the test context's deadline) and in memory bounded by the limits.

// serverGone bounds the wait for a test server to report that the client
// hung up: a wait, not a measurement (a client that never hangs up fails
// the test after it).
const serverGone = time.Minute

const echoResponseStart = `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><EchoResponse xmlns="urn:soapgen:test"><Text>`

// allocated returns the bytes the whole process allocated while f ran
// (the test's servers included): an upper bound of what f kept.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// endless serves an envelope whose text never ends (up to 16 GiB or 30 s),
// and reports the bytes written on done when it stops, which is when the
// client closes the connection.
func endless(t *testing.T, contentLength string) (*httptest.Server, <-chan int64) {
	done := make(chan int64, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		ctx, cancel := context.WithTimeout(r.Context(), 30*time.Second)
		defer cancel()
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		if contentLength != "" {
			w.Header().Set("Content-Length", contentLength)
		}
		var written int64
		defer func() { done <- written }()
		n, _ := io.WriteString(w, echoResponseStart)
		written += int64(n)
		chunk := bytes.Repeat([]byte("gigabytes "), 6554) // 64 KiB
		for range (16 << 30) / len(chunk) {
			if ctx.Err() != nil {
				return
			}
			n, err := w.Write(chunk)
			written += int64(n)
			if err != nil {
				return
			}
		}
	}))
	t.Cleanup(srv.Close)
	return srv, done
}

// TestHostileEndlessBody: gigabytes of response body end at the size limit
// (the default 64 MiB), after about that much has been read and allocated.
func TestHostileEndlessBody(t *testing.T) {
	const limit = soap.DefaultMaxResponseSize
	for _, tc := range []struct {
		name, contentLength string
		maxRead             int64 // bytes the server may get to write
	}{
		{"chunked", "", limit + 64<<20},                             // read up to the limit; socket buffers hold some more
		{"Content-Length 16 GiB", strconv.Itoa(16 << 30), 64 << 20}, // refused from the header; what the socket buffers take, and the drain
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv, done := endless(t, tc.contentLength)
			var err error
			alloc := allocated(func() {
				_, _, err = call(testCtx(t), soap.NewClient(srv.URL), &msg{})
			})
			if !errors.Is(err, soap.ErrResponseTooLarge) {
				t.Errorf("err = %v, want ErrResponseTooLarge", err)
			}
			if alloc > limit*3/2 {
				t.Errorf("%d MiB allocated for a %d MiB limit", alloc>>20, limit>>20)
			}
			select {
			case n := <-done:
				if n > tc.maxRead {
					t.Errorf("the server wrote %d MiB before the client hung up", n>>20)
				}
				t.Logf("%v; server wrote %d MiB; %d MiB allocated", err, n>>20, alloc>>20)
			case <-time.After(serverGone):
				t.Error("the server is still writing: the client did not close the connection")
			}
		})
	}
}

// TestHostileDrip: a server that sends its response a byte a second is cut
// off by the context's deadline, or without one by the client's timeout;
// the error wraps context.DeadlineExceeded.
func TestHostileDrip(t *testing.T) {
	// dripBody answers at once and drips the body.
	dripBody := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		w.WriteHeader(http.StatusOK)
		rc := http.NewResponseController(w)
		for i := range min(len(echoResponseStart), 30) {
			if _, err := io.WriteString(w, echoResponseStart[i:i+1]); err != nil || rc.Flush() != nil {
				return
			}
			select {
			case <-r.Context().Done():
				return
			case <-time.After(time.Second):
			}
		}
	}))
	t.Cleanup(dripBody.Close)
	// dripHeaders drips the status line and headers.
	dripHeaders := dripServer(t, "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 1000\r\n\r\n")

	const deadline = 1500 * time.Millisecond
	for _, tc := range []struct {
		name string
		url  string
		ctx  bool // a deadline in the context, else WithTimeout
	}{
		{"body, context deadline", dripBody.URL, true},
		{"body, WithTimeout", dripBody.URL, false},
		{"headers, context deadline", dripHeaders, true},
		{"headers, WithTimeout", dripHeaders, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			var opts []soap.ClientOption
			if tc.ctx {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, deadline)
				defer cancel()
			} else {
				opts = append(opts, soap.WithTimeout(deadline))
			}
			start := time.Now()
			_, _, err := call(ctx, soap.NewClient(tc.url, opts...), &msg{})
			elapsed := time.Since(start)
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("err = %v, want one wrapping context.DeadlineExceeded", err)
			}
			// Not before the deadline (an upper bound would time the
			// machine: the error says that the deadline ended the call).
			if elapsed < deadline-100*time.Millisecond {
				t.Errorf("the call ended after %v, before its deadline %v", elapsed, deadline)
			}
		})
	}
}

// dripServer accepts connections on loopback, reads a request and writes
// response a byte a second (at most 30 bytes), until the client hangs up.
func dripServer(t *testing.T, response string) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	t.Cleanup(func() {
		close(stop)
		ln.Close()
	})
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer conn.Close()
				req, err := http.ReadRequest(bufio.NewReader(conn))
				if err != nil {
					return
				}
				io.Copy(io.Discard, req.Body)
				for i := range min(len(response), 30) {
					if _, err := io.WriteString(conn, response[i:i+1]); err != nil {
						return
					}
					select {
					case <-stop:
						return
					case <-time.After(time.Second):
					}
				}
			}()
		}
	}()
	return "http://" + ln.Addr().String()
}

// TestHostileEndlessHeaders: response headers that never end stop at the
// transport's header limit (net/http's default, 10 MiB).
func TestHostileEndlessHeaders(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	served := make(chan int64, 1)
	go func() {
		conn, err := ln.Accept()
		if err != nil {
			served <- 0
			return
		}
		defer conn.Close()
		conn.SetDeadline(time.Now().Add(30 * time.Second))
		if req, err := http.ReadRequest(bufio.NewReader(conn)); err == nil {
			io.Copy(io.Discard, req.Body)
		}
		n, _ := io.WriteString(conn, "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n")
		written := int64(n)
		line := []byte("X-Endless: " + strings.Repeat("h", 1000) + "\r\n")
		for range (1 << 30) / len(line) {
			n, err := conn.Write(line)
			written += int64(n)
			if err != nil {
				break
			}
		}
		served <- written
	}()
	alloc := allocated(func() {
		_, _, err = call(testCtx(t), soap.NewClient("http://"+ln.Addr().String()), &msg{})
	})
	t.Logf("%v; %d MiB allocated", err, alloc>>20)
	if err == nil || !strings.Contains(err.Error(), "header") {
		t.Errorf("err = %v, want one about the headers' size", err)
	}
	if alloc > 64<<20 {
		t.Errorf("%d MiB allocated", alloc>>20)
	}
	select {
	case n := <-served:
		if n > 64<<20 {
			t.Errorf("the server wrote %d MiB of headers", n>>20)
		}
	case <-time.After(serverGone):
		t.Error("the server is still writing: the client did not hang up")
	}
}

// TestHostileDeepNesting: a million nested elements, where the client
// skips an unknown element (a response header) or builds a tree (a
// Fault's detail), end at the decoder's depth limit.
func TestHostileDeepNesting(t *testing.T) {
	const n = 1_000_000
	nest := strings.Repeat("<a>", n) + strings.Repeat("</a>", n)
	for _, tc := range []struct {
		name   string
		status int
		body   string
	}{
		{"header entry", 200, `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header>` + nest + `</s:Header><s:Body><EchoResponse xmlns="urn:soapgen:test"/></s:Body></s:Envelope>`},
		{"fault detail", 500, `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Server</faultcode><faultstring>deep</faultstring><detail>` + nest + `</detail></s:Fault></s:Body></s:Envelope>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				io.Copy(io.Discard, r.Body)
				w.Header().Set("Content-Type", "text/xml; charset=utf-8")
				w.WriteHeader(tc.status)
				io.WriteString(w, tc.body)
			}))
			defer srv.Close()
			var err error
			alloc := allocated(func() {
				_, _, err = call(testCtx(t), soap.NewClient(srv.URL), &msg{})
			})
			var de *soap.DecodeError
			if !errors.As(err, &de) || !strings.Contains(de.Msg, "nested deeper than 256") {
				t.Errorf("err = %v, want a DecodeError for the depth limit", err)
			}
			var he *soap.HTTPError
			if tc.status != 200 && (!errors.As(err, &he) || he.StatusCode != tc.status) {
				t.Errorf("err = %v, want an *HTTPError with status %d", err, tc.status)
			}
			// The body (7 MB) is read whole, then decoded to depth 256.
			if limit := uint64(len(tc.body)) + 16<<20; alloc > limit {
				t.Errorf("%d MiB allocated for a %d MiB body", alloc>>20, len(tc.body)>>20)
			}
		})
	}
}

// namespaceDocs returns two envelopes of the same size and shape: decls
// declares n namespaces on the Envelope, in whose scope n elements follow;
// plain has n plain attributes instead.
//
// Many namespace declarations must not make decoding the elements in their
// scope slow. The scanner once looked prefixes up in a list of the
// declarations in scope, from the innermost: n declarations and m elements
// (or prefixed attributes) not using the last ones cost n×m. A 2 MB
// response (n = m = 100,000) then took 15 s to decode, 5 minutes under the
// race detector, and a 64 MiB one days, with the call's context deadline
// ignored: decoding does not look at it. BenchmarkHostileNamespaceDeclarations
// measures the two side by side (the ratio is what to watch: about 1).
func namespaceDocs(n int) (decls, plain []byte) {
	doc := func(attr string) []byte {
		var b strings.Builder
		b.WriteString(`<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"`)
		for i := range n {
			fmt.Fprintf(&b, attr, i)
		}
		b.WriteString(`><s:Header><x>`)
		b.WriteString(strings.Repeat(`<a/>`, n))
		b.WriteString(`</x></s:Header><s:Body><EchoResponse xmlns="urn:soapgen:test"/></s:Body></s:Envelope>`)
		return []byte(b.String())
	}
	return doc(` xmlns:p%d="urn:p"`), doc(` x%d="urn:p"`)
}

func decodeEcho(data []byte) error {
	env := soap.Envelope{BodyName: soap.QName{Space: testNS, Local: "EchoResponse"}, Body: new(msg)}
	return env.Decode(soap.NewBytesDecoder(data))
}

// TestHostileNamespaceDeclarations: an envelope with 20,000 namespace
// declarations decodes, or is refused with a DecodeError (the decoder
// limits the declarations in scope); their cost is measured by
// BenchmarkHostileNamespaceDeclarations.
func TestHostileNamespaceDeclarations(t *testing.T) {
	decls, plain := namespaceDocs(20_000)
	if err := decodeEcho(plain); err != nil {
		t.Fatalf("the document without declarations: %v", err)
	}
	var de *soap.DecodeError
	if err := decodeEcho(decls); err != nil && !errors.As(err, &de) {
		t.Errorf("with 20,000 declarations: %v (%T), want success or a *soap.DecodeError", err, err)
	}
}

func BenchmarkHostileNamespaceDeclarations(b *testing.B) {
	decls, plain := namespaceDocs(20_000)
	for _, bc := range []struct {
		name string
		doc  []byte
	}{{"declarations", decls}, {"plain", plain}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.doc)))
			for b.Loop() {
				decodeEcho(bc.doc)
			}
		})
	}
}

// faultWith returns a SOAP 1.1 Fault envelope whose detail holds detail.
func faultWith(detail string) []byte {
	return []byte(`<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Server</faultcode><faultstring>wide</faultstring><detail>` + detail + `</detail></s:Fault></s:Body></s:Envelope>`)
}

// TestHostileFaultDetailMixedText: a Fault's detail (a soap.Any tree)
// with text between its children must decode in time and memory linear in
// its size. ReadAny appends each text token to Any.Text with +=, copying
// all the text so far: "x<a/>" repeated n times allocates n²/2 bytes. A
// 1 MB detail so allocates 20 GB (2 s), a 64 MiB one takes hours, and the
// call's context deadline does not end it. Compared here by allocation,
// which does not depend on the machine's speed: 4 times the text must cost
// about 4 times as much, not 16.
func TestHostileFaultDetailMixedText(t *testing.T) {
	decode := func(n int) uint64 {
		data := faultWith(strings.Repeat("x<a/>", n))
		return allocated(func() {
			var env soap.Envelope
			if err := env.Decode(soap.NewBytesDecoder(data)); err == nil {
				t.Error("no fault")
			}
		})
	}
	small, large := decode(5_000), decode(20_000)
	t.Logf("detail of 5,000 text runs: %d KiB allocated; of 20,000: %d KiB", small>>10, large>>10)
	if large > 8*small {
		t.Errorf("4 times the detail allocates %.1f times as much: quadratic", float64(large)/float64(small))
	}
}

// TestHostileFaultDetailWide: a Fault whose detail holds many empty
// elements, within the response size limit, must not make the client
// allocate much more than typed decoding would (a few dozen times the
// size). ReadAny keeps every element as a 128-byte AnyElement in slices
// grown by append: a 1 MiB detail of <a/> allocates over 200 MiB and keeps
// about 100 MiB, so a 64 MiB response (the default limit) needs some 6 GiB.
func TestHostileFaultDetailWide(t *testing.T) {
	const limit = 1 << 20
	body := faultWith(strings.Repeat("<a/>", (limit-200)/4))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		w.WriteHeader(500)
		w.Write(body)
	}))
	defer srv.Close()
	var err error
	alloc := allocated(func() {
		_, _, err = call(testCtx(t), soap.NewClient(srv.URL, soap.WithMaxResponseSize(limit)), &msg{})
	})
	t.Logf("%d KiB response: %v; %d MiB allocated", len(body)>>10, err, alloc>>20)
	if err == nil {
		t.Error("no error")
	}
	if alloc > 64*limit {
		t.Errorf("%d MiB allocated for a response of at most %d MiB", alloc>>20, limit>>20)
	}
}

// gzipBomb returns a single gzip member that inflates to 1 GiB of zeros,
// about 1 MB.
func gzipBomb(t *testing.T) []byte { return gzipZeros(t, 1024) }

// gzipZeros returns a single gzip member that inflates to mib MiB of
// zeros (mib >= 3). It compresses 1 MiB of zeros twice, then repeats the
// second flushed segment, which compresses the same window state each
// time: building it so takes milliseconds where compressing 1 GiB takes
// seconds (minutes under the race detector).
func gzipZeros(t *testing.T, mib int) []byte {
	t.Helper()
	zero := make([]byte, 1<<20)
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
	for range mib - 1 {
		out = append(out, segs[1]...)
	}
	out = append(out, 0x01, 0x00, 0x00, 0xff, 0xff) // an empty final stored block
	crc := uint32(0)
	for range mib {
		crc = crc32.Update(crc, crc32.IEEETable, zero)
	}
	out = binary.LittleEndian.AppendUint32(out, crc)
	return binary.LittleEndian.AppendUint32(out, uint32(mib<<20))
}

// TestGzipBombIsValid checks the construction on a small bomb, whole
// (inflating 1 GiB takes seconds under the race detector), and the size
// and start of the big one.
func TestGzipBombIsValid(t *testing.T) {
	small := gzipZeros(t, 8)
	zr, err := gzip.NewReader(bytes.NewReader(small))
	if err != nil {
		t.Fatal(err)
	}
	zr.Multistream(false)
	data, err := io.ReadAll(zr)
	if err != nil || len(data) != 8<<20 || bytes.Count(data, []byte{0}) != len(data) {
		t.Fatalf("small bomb: %d bytes, %v", len(data), err)
	}
	bomb := gzipBomb(t)
	if len(bomb) > 1100_000 {
		t.Errorf("the bomb is %d bytes", len(bomb))
	}
	zr, err = gzip.NewReader(bytes.NewReader(bomb))
	if err != nil {
		t.Fatal(err)
	}
	if n, err := io.Copy(io.Discard, io.LimitReader(zr, 32<<20)); err != nil || n != 32<<20 {
		t.Fatalf("inflated %d bytes: %v", n, err)
	}
}

// TestHostileGzipBomb: the size limit counts decompressed bytes, so 1 MB
// of gzip that inflates to 1 GiB ends at the limit.
func TestHostileGzipBomb(t *testing.T) {
	bomb := gzipBomb(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb)
	}))
	defer srv.Close()
	for _, limit := range []int64{soap.DefaultMaxResponseSize, 1 << 20} {
		t.Run(fmt.Sprintf("limit %d MiB", limit>>20), func(t *testing.T) {
			var err error
			alloc := allocated(func() {
				_, _, err = call(testCtx(t), soap.NewClient(srv.URL, soap.WithMaxResponseSize(limit)), &msg{})
			})
			if !errors.Is(err, soap.ErrResponseTooLarge) {
				t.Errorf("err = %v, want ErrResponseTooLarge", err)
			}
			// The limit, the gzip reader's window and the compressed body.
			if max := uint64(limit)*3/2 + 8<<20; alloc > max {
				t.Errorf("%d MiB allocated for a %d MiB limit", alloc>>20, limit>>20)
			}
		})
	}
}

// TestClientSizeLimitBoundaries: a body of exactly the limit is accepted
// and one byte more is refused, plain with and without Content-Length, and
// gzipped; a body shorter than its Content-Length, or a gzip stream cut
// short, is an error, not a shorter response.
func TestClientSizeLimitBoundaries(t *testing.T) {
	body := envelope(t, soap.SOAP11, nil, &msg{Text: soap.Some(strings.Repeat("z", 100_000))})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		q := r.URL.Query()
		switch {
		case q.Has("gzip"):
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(gzipBytes(t, body))
		case q.Has("chunked"):
			// Flushes in pieces: no Content-Length.
			for b := body; len(b) > 0; b = b[min(len(b), 7000):] {
				w.Write(b[:min(len(b), 7000)])
				http.NewResponseController(w).Flush()
			}
		case q.Has("short"):
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
			w.Write(body[:len(body)-10])
			panic(http.ErrAbortHandler) // close the connection
		case q.Has("gzip-cut"):
			w.Header().Set("Content-Encoding", "gzip")
			z := gzipBytes(t, body)
			w.Write(z[:len(z)-4]) // no ISIZE
		default:
			w.Write(body)
		}
	}))
	defer srv.Close()
	for _, q := range []string{"plain", "chunked", "gzip"} {
		for _, limit := range []int{len(body), len(body) - 1} {
			resp, _, err := call(testCtx(t), soap.NewClient(srv.URL+"?"+q, soap.WithMaxResponseSize(int64(limit))), &msg{})
			if limit == len(body) && (err != nil || len(resp.Text.Value()) != 100_000) {
				t.Errorf("%s, body of the limit's size: %v", q, err)
			}
			if limit < len(body) && !errors.Is(err, soap.ErrResponseTooLarge) {
				t.Errorf("%s, body a byte larger than the limit: err = %v", q, err)
			}
		}
	}
	for _, q := range []string{"short", "gzip-cut"} {
		_, _, err := call(testCtx(t), soap.NewClient(srv.URL+"?"+q), &msg{})
		if !errors.Is(err, io.ErrUnexpectedEOF) {
			t.Errorf("%s: err = %v, want io.ErrUnexpectedEOF", q, err)
		}
	}
}

// TestHostileInvalidUTF8: bytes that are not UTF-8, or not XML
// characters, anywhere in the envelope are a decode error.
func TestHostileInvalidUTF8(t *testing.T) {
	ok := string(envelope(t, soap.SOAP11, &hdr{Ticket: soap.Some("t")}, &msg{Text: soap.Some("TEXT")}))
	for _, tc := range []struct{ name, body string }{
		{"text", strings.Replace(ok, "TEXT", "TE\xffXT", 1)},
		{"truncated sequence", strings.Replace(ok, "TEXT", "TE\xc3", 1)},
		{"overlong", strings.Replace(ok, "TEXT", "\xc0\xbc", 1)},
		{"surrogate", strings.Replace(ok, "TEXT", "\xed\xa0\x80", 1)},
		{"not an XML character", strings.Replace(ok, "TEXT", "\x01", 1)},
		{"U+FFFE", strings.Replace(ok, "TEXT", "\uFFFE", 1)},
		{"header", strings.Replace(ok, ">t<", ">\xfe<", 1)},
		{"element name", strings.Replace(ok, "<Text>TEXT</Text>", "<T\xffxt/>", 1)},
		{"attribute", strings.Replace(ok, "<Text>", "<Text a=\"\xff\">", 1)},
		{"comment", strings.Replace(ok, "<Text>", "<!-- \xff --><Text>", 1)},
		{"CDATA", strings.Replace(ok, "TEXT", "<![CDATA[\xff]]>", 1)},
		{"Latin-1 declared", `<?xml version="1.0" encoding="ISO-8859-1"?>` + strings.Replace(ok, "TEXT", "caf\xe9", 1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				io.Copy(io.Discard, r.Body)
				w.Header().Set("Content-Type", "text/xml; charset=utf-8")
				io.WriteString(w, tc.body)
			}))
			defer srv.Close()
			resp, _, err := call(testCtx(t), soap.NewClient(srv.URL), &msg{})
			var de *soap.DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("err = %v, response %q; want a *soap.DecodeError", err, resp.Text.Value())
			}
			if !strings.Contains(de.Msg, "UTF-8") && !strings.Contains(de.Msg, "illegal character") {
				t.Errorf("err = %v, want one about the encoding", err)
			}
			if !utf8Valid(err.Error()) {
				t.Errorf("the error text is not UTF-8: %q", err)
			}
		})
	}
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "") == s }

// TestHostileRedirects: no redirect is followed, whatever its status,
// with the default HTTP client or one of the caller's; the other host
// never sees the request, and the error does not hold the ticket.
func TestHostileRedirects(t *testing.T) {
	const ticket = "SECRET-redirect-ticket"
	var hits atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		w.Write(envelope(t, soap.SOAP11, nil, &msg{Text: soap.Some("followed")}))
	}))
	defer other.Close()
	for _, status := range []int{301, 302, 303, 307, 308} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			io.Copy(io.Discard, r.Body)
			http.Redirect(w, r, other.URL+"/moved", status)
		}))
		for name, c := range map[string]*soap.Client{
			"default":         soap.NewClient(srv.URL),
			"own http.Client": soap.NewClient(srv.URL, soap.WithHTTPClient(&http.Client{})),
			"SOAP 1.2":        soap.NewClient(srv.URL, soap.WithVersion(soap.SOAP12)),
		} {
			_, _, err := call(testCtx(t), c, &msg{}, soap.WithHeader(&hdr{Ticket: soap.Some(ticket)}))
			var he *soap.HTTPError
			if !errors.As(err, &he) || he.StatusCode != status || he.Location != other.URL+"/moved" {
				t.Errorf("%d, %s: err = %v, want an *HTTPError for the redirect", status, name, err)
			}
			if err != nil && strings.Contains(err.Error(), "SECRET") {
				t.Errorf("%d, %s: the error holds the ticket: %v", status, name, err)
			}
		}
		srv.Close()
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the redirect target got %d requests", n)
	}
}

// TestDefaultClientVerifiesTLS: the default client checks the server's
// certificate; a self-signed one fails the handshake before any request.
func TestDefaultClientVerifiesTLS(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		w.Write(envelope(t, soap.SOAP11, nil, &msg{Text: soap.Some("ok")}))
	}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the failed handshake
	srv.StartTLS()
	defer srv.Close()
	_, _, err := call(testCtx(t), soap.NewClient(srv.URL), &msg{})
	var ua x509.UnknownAuthorityError
	var cv *tls.CertificateVerificationError
	if !errors.As(err, &ua) && !errors.As(err, &cv) {
		t.Errorf("err = %v, want a certificate verification error", err)
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the request reached the server (%d)", n)
	}
	// Trusting the server's certificate (its own client) works.
	if resp, _, err := call(testCtx(t), soap.NewClient(srv.URL, soap.WithHTTPClient(srv.Client())), &msg{}); err != nil || resp.Text.Value() != "ok" {
		t.Errorf("with the server's certificate trusted: %v", err)
	}
	if dt, ok := http.DefaultTransport.(*http.Transport); ok && dt.TLSClientConfig != nil && dt.TLSClientConfig.InsecureSkipVerify {
		t.Error("http.DefaultTransport skips verification")
	}
}
