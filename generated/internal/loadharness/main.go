// Command loadharness measures how fast the generated User handler serves,
// against two other handlers under the same load generator, on 127.0.0.1:
//
//   - generated: user.NewUserHandler with a server returning the documented
//     GetUser response (generated/services88/user/testdata/examples), and
//     SetUserPresenceStatus's status as its response;
//   - ceiling: a handler that reads the request and writes the generated
//     handler's response bytes from memory, with the same headers: what
//     the HTTP stack alone allows;
//   - encodingxml: xml.Unmarshal of the request and xml.Marshal of the
//     response into and from struct-tag types (generated/internal/encxml),
//     as gowsdl-style code serves.
//
// Each server is a child process of this one, started afresh for every
// measurement, with GOMAXPROCS=1; the load generator (this process) runs
// with GOMAXPROCS=1 too. It keeps -conns keep-alive connections busy, each
// writing one pre-built HTTP/1.1 request (the SOAP 1.2 envelope the
// generated client encodes, with the documented ApplicationToken and
// Credentials headers) and reading the response, counting the responses
// of -duration after -warmup. Before measuring, every server's response is
// checked: the generated handler's equals the ceiling's bytes, and
// encoding/xml's is the same envelope by meaning.
//
// Every round measures every operation and handler (in an order rotated
// each round) and prints requests/s, the server's CPU per request (from
// /proc, Linux), and the ratios of the round; the medians over the rounds
// close the report. On a shared machine read the medians: the ratios of
// one round are measured side by side, under the same load.
//
// -soak N sends N GetUser requests to the generated handler, reading the
// server's heap and goroutines (after a GC) at ten points, to show that
// they stay flat.
//
// Usage (from the generated module's folder):
//
//	go run ./internal/loadharness [-rounds 5] [-duration 3s] [-warmup 1s] [-conns 8]
//	go run ./internal/loadharness -rounds 0 -soak 200000
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/soapgen/soapgen/generated/internal/encxml"
	"github.com/soapgen/soapgen/generated/services88"
	"github.com/soapgen/soapgen/generated/services88/user"
	"github.com/soapgen/soapgen/soap"
	"github.com/soapgen/soapgen/soap/soaptest"
)

// The handlers, in the order of a round's first measurement.
var kinds = []string{"generated", "ceiling", "encodingxml"}

// The operations measured.
var opNames = []string{"GetUser", "SetUserPresenceStatus"}

func main() {
	serve := flag.String("serve", "", "run as the server KIND (generated, ceiling, encodingxml); used by the harness itself")
	doc := flag.String("doc", defaultDoc(), "the documented GetUser response")
	rounds := flag.Int("rounds", 5, "rounds of measurements")
	duration := flag.Duration("duration", 3*time.Second, "measured time of one run")
	warmup := flag.Duration("warmup", time.Second, "load before each measured time")
	conns := flag.Int("conns", 8, "concurrent keep-alive connections")
	ops := flag.String("ops", strings.Join(opNames, ","), "operations to measure")
	soak := flag.Int("soak", 0, "GetUser requests for the memory and goroutine check (0: none)")
	profile := flag.String("profile", "", "write each server's CPU profile to `DIR`/KIND-OP-ROUND.prof")
	cpuprofile := flag.String("cpuprofile", "", "with -serve, write the server's CPU profile to `FILE`")
	flag.Parse()

	runtime.GOMAXPROCS(1)
	if *serve != "" {
		if err := runServer(*serve, *doc, *cpuprofile); err != nil {
			fmt.Fprintln(os.Stderr, "loadharness:", err)
			os.Exit(1)
		}
		return
	}
	h := &harness{doc: *doc, duration: *duration, warmup: *warmup, conns: *conns, profile: *profile}
	if err := h.run(*rounds, strings.Split(*ops, ","), *soak); err != nil {
		fmt.Fprintln(os.Stderr, "loadharness:", err)
		os.Exit(1)
	}
}

// defaultDoc is the documented GetUser response next to this source file's
// module.
func defaultDoc() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "services88/user/testdata/examples/GetUser.response.xml"
	}
	return filepath.Join(filepath.Dir(file), "../../services88/user/testdata/examples/GetUser.response.xml")
}

// request is one operation's HTTP request, the same for every handler.
type request struct {
	op          *soap.OperationInfo
	contentType string
	body        []byte
	raw         []byte // the whole HTTP/1.1 request
}

// requests builds the requests of the measured operations, as the
// generated client encodes them in SOAP 1.2 (what the encoding/xml types
// read), with the documented headers.
func requests() (map[string]*request, error) {
	hdr := &services88.RequestHeader{
		ApplicationToken: soap.Some("1234567-1234-9876"),
		Credentials:      soap.Some(&services88.SoCredentials{Ticket: soap.Some("7T:1234abcxyzExample==")}),
	}
	msgs := map[string]soap.Marshaler{
		"GetUser": &user.GetUser{UserId: soap.Some[int32](0)},
		"SetUserPresenceStatus": &user.SetUserPresenceStatus{
			AssociateId: soap.Some[int32](0),
			UserPresenceStatus: soap.Some(&user.UserPresenceStatus{
				Status:  soap.Some(user.EjUserStatusStatusNone),
				Message: soap.Some(""),
			}),
		},
	}
	c := soap.NewClient("http://127.0.0.1/User.svc", soap.WithVersion(soap.SOAP12))
	reqs := map[string]*request{}
	for name, msg := range msgs {
		op, ok := soaptest.Find(user.Operations(), name)
		if !ok {
			return nil, fmt.Errorf("no operation %s", name)
		}
		body, err := c.EncodeRequest(&op.Operation, msg, soap.WithHeader(hdr))
		if err != nil {
			return nil, err
		}
		r := &request{op: op, body: body, contentType: `application/soap+xml; charset=utf-8; action="` + op.Action + `"`}
		r.raw = fmt.Appendf(nil, "POST /User.svc HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s",
			r.contentType, len(body), body)
		reqs[name] = r
	}
	return reqs, nil
}

// generatedResponse is the documented GetUser response as the generated
// side sends it (see TestBenchmarkInputs in generated/services88/user):
// zeros for the four members of the innermost MDOListItem that the
// documentation writes as xsi:nil although they are not nillable, and that
// item's nil ChildItems left out, as encoding/xml leaves out a nil pointer.
func generatedResponse(doc []byte) (*user.GetUserResponse, error) {
	op, _ := soaptest.Find(user.Operations(), "GetUser")
	resp := new(user.GetUserResponse)
	env := soap.Envelope{BodyName: op.Output, Body: resp, Header: new(services88.ResponseHeader)}
	d := soap.NewBytesDecoder(doc)
	d.NilForOptional = true
	if err := env.Decode(d); err != nil {
		return nil, err
	}
	items := resp.Response.Value().TicketCategories.Value()
	inner := items[0].ChildItems.Value()[0].ChildItems.Value()[0]
	inner.Id, inner.Deleted, inner.Rank, inner.ColorBlock = soap.Some[int32](0), soap.Some(false), soap.Some[int32](0), soap.Some[int32](0)
	inner.ChildItems = soap.Opt[user.ArrayOfMDOListItem]{}
	return resp, nil
}

// userServer is the generated handler's implementation.
type userServer struct {
	user.UnimplementedUserServer
	getUser *user.GetUserResponse
}

func (s *userServer) GetUser(context.Context, *user.GetUser) (*user.GetUserResponse, error) {
	return s.getUser, nil
}

func (s *userServer) SetUserPresenceStatus(_ context.Context, req *user.SetUserPresenceStatus) (*user.SetUserPresenceStatusResponse, error) {
	return &user.SetUserPresenceStatusResponse{Response: req.UserPresenceStatus}, nil
}

// ceiling writes the generated handler's responses from memory.
type ceiling struct {
	byContentType map[string]recorded // by the request's Content-Type, which carries the action
}

type recorded struct {
	contentType, contentLength string
	body                       []byte
}

func (c *ceiling) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_, _ = io.Copy(io.Discard, r.Body)
	resp, ok := c.byContentType[r.Header.Get("Content-Type")]
	if !ok {
		http.Error(w, "unknown request", http.StatusBadRequest)
		return
	}
	h := w.Header()
	h["Content-Type"], h["Content-Length"] = []string{resp.contentType}, []string{resp.contentLength}
	_, _ = w.Write(resp.body)
}

// xmlServer serves with encoding/xml, as gowsdl-style code does.
type xmlServer struct {
	getUser *encxml.GetUserResponseEnvelope
}

func (s *xmlServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	_, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusUnsupportedMediaType)
		return
	}
	var out []byte
	switch action := params["action"]; {
	case strings.HasSuffix(action, "/GetUser"):
		var req encxml.GetUserEnvelope
		if err = xml.Unmarshal(body, &req); err == nil && req.Body.GetUser == nil {
			err = errors.New("no GetUser")
		}
		if err == nil {
			out, err = xml.Marshal(s.getUser)
		}
	case strings.HasSuffix(action, "/SetUserPresenceStatus"):
		var req encxml.SetUserPresenceStatusEnvelope
		if err = xml.Unmarshal(body, &req); err == nil && req.Body.SetUserPresenceStatus == nil {
			err = errors.New("no SetUserPresenceStatus")
		}
		if err == nil {
			var resp encxml.SetUserPresenceStatusResponseEnvelope
			succeeded := true
			resp.Header = &encxml.ResponseHeader{Succeeded: &succeeded}
			resp.Body.SetUserPresenceStatusResponse = &encxml.SetUserPresenceStatusResponse{Response: req.Body.SetUserPresenceStatus.UserPresenceStatus}
			out, err = xml.Marshal(&resp)
		}
	default:
		err = fmt.Errorf("unknown action %q", action)
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/soap+xml; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(out)))
	_, _ = w.Write(out)
}

// newHandler returns the handler of kind.
func newHandler(kind, docPath string) (http.Handler, error) {
	doc, err := os.ReadFile(docPath)
	if err != nil {
		return nil, err
	}
	resp, err := generatedResponse(doc)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", docPath, err)
	}
	gen := user.NewUserHandler(&userServer{getUser: resp})
	switch kind {
	case "generated":
		return gen, nil
	case "ceiling":
		reqs, err := requests()
		if err != nil {
			return nil, err
		}
		c := &ceiling{byContentType: map[string]recorded{}}
		for _, r := range reqs {
			hr := httptest.NewRequest(http.MethodPost, "/User.svc", bytes.NewReader(r.body))
			hr.Header.Set("Content-Type", r.contentType)
			rec := httptest.NewRecorder()
			gen.ServeHTTP(rec, hr)
			if rec.Code != http.StatusOK {
				return nil, fmt.Errorf("the generated handler answers %s with %d: %s", r.op.Name, rec.Code, rec.Body)
			}
			c.byContentType[r.contentType] = recorded{rec.Header().Get("Content-Type"), rec.Header().Get("Content-Length"), rec.Body.Bytes()}
		}
		return c, nil
	case "encodingxml":
		env, err := encxml.DocumentedGetUserResponse(doc)
		if err != nil {
			return nil, err
		}
		return &xmlServer{getUser: env}, nil
	}
	return nil, fmt.Errorf("unknown server kind %q", kind)
}

// stats is what a server reports at /stats, after a garbage collection.
type stats struct {
	HeapInuse, HeapObjects, Sys, NumGC uint64
	Goroutines                         int
}

// runServer serves kind on a free port of 127.0.0.1, printing its address
// on the first line of standard output, until standard input closes.
func runServer(kind, doc, cpuprofile string) error {
	h, err := newHandler(kind, doc)
	if err != nil {
		return err
	}
	if cpuprofile != "" {
		f, err := os.Create(cpuprofile)
		if err != nil {
			return err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer func() {
			pprof.StopCPUProfile()
			_ = f.Close()
		}()
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := soap.NewServer("", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/stats" {
			runtime.GC()
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			_ = json.NewEncoder(w).Encode(stats{m.HeapInuse, m.HeapObjects, m.Sys, uint64(m.NumGC), runtime.NumGoroutine()})
			return
		}
		h.ServeHTTP(w, r)
	}))
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin)
		_ = srv.Close()
	}()
	fmt.Println(ln.Addr())
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

type harness struct {
	doc              string
	duration, warmup time.Duration
	conns            int
	profile          string // folder of the servers' CPU profiles, if set
}

// server is a running child server.
type server struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	addr  string
}

func (h *harness) start(kind string, profileName ...string) (*server, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	args := []string{"-serve", kind, "-doc", h.doc}
	if h.profile != "" && len(profileName) > 0 {
		args = append(args, "-cpuprofile", filepath.Join(h.profile, strings.Join(profileName, "-")+".prof"))
	}
	cmd := exec.Command(self, args...)
	cmd.Env = append(os.Environ(), "GOMAXPROCS=1")
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		_ = stdin.Close()
		_ = cmd.Wait()
		return nil, fmt.Errorf("server %s did not start: %v", kind, err)
	}
	return &server{cmd: cmd, stdin: stdin, addr: strings.TrimSpace(line)}, nil
}

// stop ends the server (closing its standard input) and waits for it.
func (s *server) stop() {
	_ = s.stdin.Close()
	_ = s.cmd.Wait()
}

// cpu returns the server's CPU time so far (user and system), from /proc.
func (s *server) cpu() (time.Duration, bool) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", s.cmd.Process.Pid))
	if err != nil {
		return 0, false
	}
	// The fields after the command name, which is in parentheses.
	i := bytes.LastIndexByte(b, ')')
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 13 {
		return 0, false
	}
	ut, err1 := strconv.ParseInt(f[11], 10, 64)
	st, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	const clockTicks = 100 // USER_HZ on Linux
	return time.Duration(ut+st) * time.Second / clockTicks, true
}

func (s *server) stats() (stats, error) {
	var st stats
	resp, err := http.Get("http://" + s.addr + "/stats")
	if err != nil {
		return st, err
	}
	defer resp.Body.Close()
	return st, json.NewDecoder(resp.Body).Decode(&st)
}

// fetch sends r once on a new connection and returns the response body.
func fetch(addr string, r *request) ([]byte, error) {
	hr, err := http.NewRequest(http.MethodPost, "http://"+addr+"/User.svc", bytes.NewReader(r.body))
	if err != nil {
		return nil, err
	}
	hr.Header.Set("Content-Type", r.contentType)
	resp, err := http.DefaultClient.Do(hr)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err == nil && resp.StatusCode != http.StatusOK {
		err = fmt.Errorf("HTTP %d: %s", resp.StatusCode, body)
	}
	return body, err
}

// measurement is one run of the load generator against one server.
type measurement struct {
	rps    float64       // responses per second
	cpuReq time.Duration // server CPU per response; 0 if unknown
}

// load keeps h.conns connections busy sending raw to addr and counts the
// responses of h.duration after h.warmup; CPU is the server's.
func (h *harness) load(s *server, raw []byte) (measurement, error) {
	var (
		count    atomic.Int64
		stop     atomic.Bool
		wg       sync.WaitGroup
		errOnce  sync.Once
		firstErr error
	)
	for range h.conns {
		conn, err := net.Dial("tcp", s.addr)
		if err != nil {
			return measurement{}, err
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer conn.Close()
			if err := loop(conn, raw, &count, &stop); err != nil && !stop.Load() {
				errOnce.Do(func() { firstErr = err })
				stop.Store(true)
			}
		}()
	}
	time.Sleep(h.warmup)
	n0, c0 := count.Load(), time.Now()
	cpu0, cpuOK := s.cpu()
	time.Sleep(h.duration)
	n1, c1 := count.Load(), time.Now()
	cpu1, cpuOK1 := s.cpu()
	stop.Store(true)
	wg.Wait()
	if firstErr != nil {
		return measurement{}, firstErr
	}
	m := measurement{rps: float64(n1-n0) / c1.Sub(c0).Seconds()}
	if cpuOK && cpuOK1 && n1 > n0 {
		m.cpuReq = (cpu1 - cpu0) / time.Duration(n1-n0)
	}
	return m, nil
}

// loop sends raw on conn and reads each response until stop, counting them.
func loop(conn net.Conn, raw []byte, count *atomic.Int64, stop *atomic.Bool) error {
	br := bufio.NewReaderSize(conn, 64<<10)
	for !stop.Load() {
		if _, err := conn.Write(raw); err != nil {
			return err
		}
		if err := readResponse(br); err != nil {
			return err
		}
		count.Add(1)
	}
	return nil
}

// readResponse reads one HTTP/1.1 response with a Content-Length and
// status 200, discarding its body.
func readResponse(br *bufio.Reader) error {
	status, err := br.ReadSlice('\n')
	if err != nil {
		return err
	}
	if !bytes.HasPrefix(status, []byte("HTTP/1.1 200 ")) {
		return fmt.Errorf("response %q", bytes.TrimSpace(status))
	}
	length := -1
	for {
		line, err := br.ReadSlice('\n')
		if err != nil {
			return err
		}
		if len(line) <= 2 {
			break
		}
		if k, v, ok := bytes.Cut(line, []byte(":")); ok && strings.EqualFold(string(k), "Content-Length") {
			length, err = strconv.Atoi(string(bytes.TrimSpace(v)))
			if err != nil {
				return err
			}
		}
	}
	if length < 0 {
		return errors.New("a response without Content-Length")
	}
	_, err = br.Discard(length)
	return err
}

// check compares the servers' responses to each request: the generated
// handler's must be the ceiling's bytes, encoding/xml's the same envelope
// by meaning.
func (h *harness) check(reqs map[string]*request) error {
	bodies := map[string]map[string][]byte{}
	for _, kind := range kinds {
		s, err := h.start(kind)
		if err != nil {
			return err
		}
		bodies[kind] = map[string][]byte{}
		for name, r := range reqs {
			b, err := fetch(s.addr, r)
			if err != nil {
				s.stop()
				return fmt.Errorf("%s %s: %w", kind, name, err)
			}
			bodies[kind][name] = b
		}
		s.stop()
	}
	for name := range reqs {
		gen := bodies["generated"][name]
		if !bytes.Equal(gen, bodies["ceiling"][name]) {
			return fmt.Errorf("%s: the ceiling's response differs from the generated handler's", name)
		}
		diffs, err := soaptest.Compare(gen, bodies["encodingxml"][name])
		if err != nil || len(diffs) > 0 {
			return fmt.Errorf("%s: encoding/xml's response differs from the generated handler's: %v %v", name, err, diffs)
		}
		fmt.Printf("%s: responses checked (generated %d bytes = ceiling; encoding/xml %d bytes, same envelope); request %d bytes\n",
			name, len(gen), len(bodies["encodingxml"][name]), len(reqs[name].body))
	}
	return nil
}

func (h *harness) run(rounds int, ops []string, soak int) error {
	reqs, err := requests()
	if err != nil {
		return err
	}
	for _, name := range ops {
		if reqs[name] == nil {
			return fmt.Errorf("unknown operation %q (want %s)", name, strings.Join(opNames, ", "))
		}
	}
	if err := h.check(reqs); err != nil {
		return err
	}
	fmt.Printf("GOMAXPROCS=1 per process; %d connections; %v measured after %v warm-up; %d CPUs; %s\n",
		h.conns, h.duration, h.warmup, runtime.NumCPU(), runtime.Version())
	// results[op][kind] holds one measurement per round.
	results := map[string]map[string][]measurement{}
	for r := range rounds {
		for _, name := range ops {
			if results[name] == nil {
				results[name] = map[string][]measurement{}
			}
			order := append(slices.Clone(kinds[r%len(kinds):]), kinds[:r%len(kinds)]...)
			for _, kind := range order {
				s, err := h.start(kind, kind, name, strconv.Itoa(r+1))
				if err != nil {
					return err
				}
				m, err := h.load(s, reqs[name].raw)
				s.stop()
				if err != nil {
					return fmt.Errorf("%s %s: %w", kind, name, err)
				}
				results[name][kind] = append(results[name][kind], m)
			}
			res := results[name]
			g, c, x := res["generated"][r], res["ceiling"][r], res["encodingxml"][r]
			fmt.Printf("round %d %-22s generated %7.0f req/s %6.1f µs/req   ceiling %7.0f req/s %6.1f µs/req   encoding/xml %7.0f req/s %6.1f µs/req   generated/ceiling %.2f   generated/encoding/xml %.2f\n",
				r+1, name, g.rps, us(g.cpuReq), c.rps, us(c.cpuReq), x.rps, us(x.cpuReq), g.rps/c.rps, g.rps/x.rps)
		}
	}
	if rounds > 0 {
		fmt.Printf("medians over %d rounds (requests/s ratios of one round; server CPU per request in brackets):\n", rounds)
		for _, name := range ops {
			res := results[name]
			var toCeil, toXML, cpuCeil, cpuXML []float64
			for r := range rounds {
				g, c, x := res["generated"][r], res["ceiling"][r], res["encodingxml"][r]
				toCeil, toXML = append(toCeil, g.rps/c.rps), append(toXML, g.rps/x.rps)
				if g.cpuReq > 0 && c.cpuReq > 0 && x.cpuReq > 0 {
					cpuCeil, cpuXML = append(cpuCeil, float64(c.cpuReq)/float64(g.cpuReq)), append(cpuXML, float64(x.cpuReq)/float64(g.cpuReq))
				}
			}
			fmt.Printf("  %-22s generated/ceiling %.2f (%.2f–%.2f) [%.2f]   generated/encoding/xml %.2f (%.2f–%.2f) [%.2f]   generated %0.f req/s, ceiling %.0f, encoding/xml %.0f\n",
				name, median(toCeil), slices.Min(toCeil), slices.Max(toCeil), median(cpuCeil),
				median(toXML), slices.Min(toXML), slices.Max(toXML), median(cpuXML),
				medianRPS(res["generated"]), medianRPS(res["ceiling"]), medianRPS(res["encodingxml"]))
		}
	}
	if soak > 0 {
		return h.soak(reqs["GetUser"], soak)
	}
	return nil
}

// soak sends n requests to the generated handler over h.conns connections,
// printing the server's heap and goroutines at ten points.
func (h *harness) soak(r *request, n int) error {
	s, err := h.start("generated")
	if err != nil {
		return err
	}
	defer s.stop()
	conns := make([]net.Conn, h.conns)
	readers := make([]*bufio.Reader, h.conns)
	for i := range conns {
		if conns[i], err = net.Dial("tcp", s.addr); err != nil {
			return err
		}
		defer conns[i].Close()
		readers[i] = bufio.NewReaderSize(conns[i], 64<<10)
	}
	fmt.Printf("soak: %d GetUser requests to the generated handler over %d connections; server after a GC:\n", n, h.conns)
	fmt.Printf("  %9s %12s %12s %10s %10s %8s\n", "requests", "heap inuse", "heap objects", "sys", "GCs", "goroutines")
	step := max(n/10, 1)
	start := time.Now()
	for done := 0; done < n; {
		batch := min(step, n-done)
		var wg sync.WaitGroup
		var sent atomic.Int64
		var firstErr error
		var once sync.Once
		for i := range conns {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for sent.Add(1) <= int64(batch) {
					if _, err := conns[i].Write(r.raw); err != nil {
						once.Do(func() { firstErr = err })
						return
					}
					if err := readResponse(readers[i]); err != nil {
						once.Do(func() { firstErr = err })
						return
					}
				}
			}()
		}
		wg.Wait()
		if firstErr != nil {
			return firstErr
		}
		done += batch
		st, err := s.stats()
		if err != nil {
			return err
		}
		fmt.Printf("  %9d %10.1f MB %12d %7.1f MB %10d %8d\n", done, float64(st.HeapInuse)/1e6, st.HeapObjects, float64(st.Sys)/1e6, st.NumGC, st.Goroutines)
	}
	fmt.Printf("soak: %d requests in %v\n", n, time.Since(start).Round(time.Millisecond))
	return nil
}

func us(d time.Duration) float64 { return float64(d) / float64(time.Microsecond) }

func median(x []float64) float64 {
	if len(x) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(x))
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func medianRPS(ms []measurement) float64 {
	x := make([]float64, len(ms))
	for i, m := range ms {
		x[i] = m.rps
	}
	return median(x)
}
