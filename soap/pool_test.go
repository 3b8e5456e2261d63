package soap_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/soapgen/soapgen/soap"
)

// TestHandlerReusesBuffersSafely sends requests of very different sizes,
// malformed ones among them, concurrently through one Handler, whose
// decoders and encoders are pooled: every response must be the one its
// request asks for, byte for byte as an unpooled encoding gives it, and
// every malformed request must get its fault.
func TestHandlerReusesBuffersSafely(t *testing.T) {
	h := soap.NewHandler([]soap.ServerOperation{{
		OperationInfo: echoInfo(),
		Serve: soap.ServeFunc(func(_ context.Context, m *msg) (*msg, error) {
			return &msg{Text: soap.Some(strings.ToUpper(m.Text.Value())), Data: m.Data}, nil
		}),
	}})
	op := echoInfo()
	type tc struct {
		req, want []byte
		v         soap.Version
		fault     bool
	}
	var cases []tc
	for i, size := range []int{0, 1, 10, 500, 5000, 70000, 3, 200000, 7} {
		v := soap.Version(i % 2)
		text := strings.Repeat(fmt.Sprintf("<%d&", i), size)
		req := requestEnvelope(t, v, &msg{Text: soap.Some(text), Data: bytes.Repeat([]byte{byte(i)}, size%300)})
		resp := &msg{Text: soap.Some(strings.ToUpper(text)), Data: bytes.Repeat([]byte{byte(i)}, size%300)}
		env := soap.Envelope{Version: v, Namespaces: op.Namespaces, BodyName: op.Output, Body: resp}
		e := soap.NewEncoder(nil)
		env.Encode(e)
		cases = append(cases, tc{req: req, want: e.Bytes(), v: v})
		// The same request cut short: a fault, after which the pooled
		// decoder must start clean.
		cases = append(cases, tc{req: req[:len(req)/2], v: v, fault: true})
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range 40 {
				c := cases[(g*7+r)%len(cases)]
				hr := httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(c.req))
				hr.Header.Set("Content-Type", contentType(c.v))
				w := httptest.NewRecorder()
				h.ServeHTTP(w, hr)
				switch {
				case c.fault && (w.Code < 400 || !bytes.Contains(w.Body.Bytes(), []byte("malformed request"))):
					t.Errorf("a cut request: HTTP %d %s", w.Code, w.Body)
				case !c.fault && (w.Code != http.StatusOK || !bytes.Equal(w.Body.Bytes(), c.want)):
					t.Errorf("HTTP %d, response of %d bytes differs from the %d expected", w.Code, w.Body.Len(), len(c.want))
				case !c.fault && w.Header().Get("Content-Length") != fmt.Sprint(len(c.want)):
					t.Errorf("Content-Length %q, body %d bytes", w.Header().Get("Content-Length"), len(c.want))
				}
			}
		}()
	}
	wg.Wait()
}
