package main

import (
	"bufio"
	"bytes"
	"net"
	"net/http/httptest"
	"testing"

	"github.com/soapgen/soapgen/soap/soaptest"
)

// TestHandlersAgree serves every measured request with the three handlers
// in process: the ceiling's bytes are the generated handler's, encoding/xml's
// response is the same envelope, and the load generator reads each
// response as net/http writes it.
func TestHandlersAgree(t *testing.T) {
	reqs, err := requests()
	if err != nil {
		t.Fatal(err)
	}
	for name, r := range reqs {
		bodies := map[string][]byte{}
		for _, kind := range kinds {
			h, err := newHandler(kind, defaultDoc())
			if err != nil {
				t.Fatal(err)
			}
			srv := httptest.NewServer(h)
			b, err := fetch(srv.Listener.Addr().String(), r)
			if err != nil {
				t.Fatalf("%s %s: %v", kind, name, err)
			}
			bodies[kind] = b

			// The raw request the load generator sends, and its reader.
			conn, err := net.Dial("tcp", srv.Listener.Addr().String())
			if err != nil {
				t.Fatal(err)
			}
			br := bufio.NewReader(conn)
			for range 2 {
				if _, err := conn.Write(r.raw); err != nil {
					t.Fatal(err)
				}
				if err := readResponse(br); err != nil {
					t.Errorf("%s %s: reading the response: %v", kind, name, err)
				}
			}
			conn.Close()
			srv.Close()
		}
		if !bytes.Equal(bodies["generated"], bodies["ceiling"]) {
			t.Errorf("%s: the ceiling's response differs from the generated handler's", name)
		}
		if diffs, err := soaptest.Compare(bodies["generated"], bodies["encodingxml"]); err != nil || len(diffs) > 0 {
			t.Errorf("%s: encoding/xml's response differs: %v %v", name, err, diffs)
		}
	}
}

func TestReadResponseRefuses(t *testing.T) {
	for _, resp := range []string{
		"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n",
		"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
		"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort",
	} {
		if err := readResponse(bufio.NewReader(bytes.NewBufferString(resp))); err == nil {
			t.Errorf("%q read without an error", resp)
		}
	}
}
