package interop

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/soapgen/soapgen/soap"
)

// Directions of a run.
const (
	toPeer   = "go-client→peer-server"
	fromPeer = "peer-client→go-server"
	goToGo   = "go-client→go-server"
)

// required reports whether a missing peer fails the suite instead of
// skipping it: .ci/run sets SOAPGEN_INTEROP=1 after installing the peers.
func required() bool { return os.Getenv("SOAPGEN_INTEROP") == "1" }

// selected reports whether SOAPGEN_INTEROP_PEERS (a comma-separated list,
// all peers if empty) names peer.
func selected(name string) bool {
	s := os.Getenv("SOAPGEN_INTEROP_PEERS")
	return s == "" || slices.Contains(strings.Split(s, ","), name)
}

// A peer is an independent SOAP stack with a client program, a server
// program or both (in testdata).
type peer struct {
	name string
	// check reports why the peer cannot run here (nil: it can).
	check func() error
	// build compiles the peer's programs into dir, given the WSDLs.
	build func(ctx context.Context, w *wsdls, dir string) error
	// cacheKey, if set, names the inputs of build, so that its output
	// can be reused.
	cacheKey func(w *wsdls) (string, error)
	// client runs the peer's client for every case in version v against
	// the given endpoints; it prints one JSON line per case.
	client func(ctx context.Context, w *wsdls, dir, userURL, personURL string, v soap.Version) *exec.Cmd
	// server starts the peer's server on 127.0.0.1:port, serving
	// /user11 /user12 /person11 /person12 (the versions it supports).
	server func(ctx context.Context, w *wsdls, dir string, port int) *exec.Cmd
	// versions the peer supports.
	versions []soap.Version
}

var both = []soap.Version{soap.SOAP11, soap.SOAP12}

func versionTag(v soap.Version) string {
	if v == soap.SOAP12 {
		return "12"
	}
	return "11"
}

// result is one case's outcome, for the matrix.
type result struct {
	peer, dir string
	version   soap.Version
	name      string
	outcome   string // pass, deviation, defect N, fail
}

var (
	resultsMu sync.Mutex
	results   []result
)

func addResult(r result) {
	resultsMu.Lock()
	results = append(results, r)
	resultsMu.Unlock()
}

func TestInterop(t *testing.T) {
	w := writeWSDLs(t)
	for _, p := range peers() {
		t.Run(p.name, func(t *testing.T) {
			if !selected(p.name) {
				t.Skip("not in SOAPGEN_INTEROP_PEERS")
			}
			if err := p.check(); err != nil {
				if required() {
					t.Fatalf("peer %s is missing and SOAPGEN_INTEROP=1: %v", p.name, err)
				}
				t.Skipf("peer %s is not installed (%v); .ci/run installs it, or see the README's Interoperability section", p.name, err)
			}
			dir := t.TempDir()
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
			defer cancel()
			if p.build != nil {
				dir = buildCached(t, ctx, p, w)
			}
			if p.server != nil {
				runToPeer(t, ctx, p, w, dir)
			}
			if p.client != nil {
				for _, v := range p.versions {
					runFromPeer(t, ctx, p, w, dir, v)
				}
			}
		})
	}
	t.Run("go", func(t *testing.T) { runGoBaseline(t) })
	logMatrix(t)
}

// buildCached builds the peer's programs, or reuses those built before
// from the same inputs: the build goes to a temporary directory and, when
// p.cacheKey gives a key, the result is kept under the user's cache
// directory (soapgen-interop/NAME-KEY) for the next run.
func buildCached(t *testing.T, ctx context.Context, p peer, w *wsdls) string {
	t.Helper()
	var cached string
	if p.cacheKey != nil {
		if base, err := os.UserCacheDir(); err == nil {
			if key, err := p.cacheKey(w); err == nil {
				cached = filepath.Join(base, "soapgen-interop", p.name+"-"+key)
				if _, err := os.Stat(filepath.Join(cached, "ok")); err == nil {
					t.Logf("reusing the %s programs built in %s", p.name, cached)
					return cached
				}
			}
		}
	}
	dir := t.TempDir()
	start := time.Now()
	if err := p.build(ctx, w, dir); err != nil {
		t.Fatalf("building the %s programs: %v", p.name, err)
	}
	t.Logf("built the %s programs in %v", p.name, time.Since(start).Round(time.Millisecond))
	if cached == "" {
		return dir
	}
	if err := copyTree(dir, cached); err != nil {
		t.Logf("not caching the %s programs: %v", p.name, err)
		os.RemoveAll(cached)
		return dir
	}
	os.WriteFile(filepath.Join(cached, "ok"), nil, 0o644)
	return dir
}

// copyTree copies the files under src to dst.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// hashInputs is a cache key over the contents of files (or the files of
// the directories) named.
func hashInputs(paths ...string) (string, error) {
	h := sha256.New()
	for _, root := range paths {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			fmt.Fprintf(h, "%s %d\n", filepath.Base(path), len(data))
			h.Write(data)
			return nil
		})
		if err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

// runGoBaseline runs the generated client against the generated server:
// no peer, no deviation; it shows the harness itself compares.
func runGoBaseline(t *testing.T) {
	rec := newRecorder()
	base := startGoServers(t, rec)
	for _, v := range both {
		t.Run(goToGo+"/"+versionTag(v), func(t *testing.T) {
			for _, c := range caseNames {
				t.Run(c, func(t *testing.T) {
					got := goClientCase(testContext(t), base+"/user", base+"/person", v, c)
					rc, _ := rec.get(c)
					judge(t, "go", goToGo, v, c, rc.request, got, rc.status)
				})
			}
		})
	}
}

func testContext(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// runFromPeer runs the peer's client against the Go servers.
func runFromPeer(t *testing.T, ctx context.Context, p peer, w *wsdls, dir string, v soap.Version) {
	t.Run(fromPeer+"/"+versionTag(v), func(t *testing.T) {
		rec := newRecorder()
		base := startGoServers(t, rec)
		cmd := p.client(ctx, w, dir, base+"/user", base+"/person", v)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s client: %v\n%s\n%s", p.name, err, out, stderr.Bytes())
		}
		responses := map[string]any{}
		for line := range strings.SplitSeq(string(out), "\n") {
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			var l struct {
				Case     string          `json:"case"`
				Response json.RawMessage `json:"response"`
			}
			if err := json.Unmarshal([]byte(line), &l); err != nil {
				t.Fatalf("%s client printed %q: %v", p.name, line, err)
			}
			v, err := parseJSON(string(l.Response))
			if err != nil {
				t.Fatalf("%s client response %q: %v", p.name, l.Response, err)
			}
			responses[l.Case] = v
		}
		if t.Failed() {
			return
		}
		for _, c := range caseNames {
			t.Run(c, func(t *testing.T) {
				got, ok := responses[c]
				if !ok {
					got = map[string]any{"error": p.name + " client printed nothing for this case"}
				}
				rc, _ := rec.get(c)
				judge(t, p.name, fromPeer, v, c, rc.request, got, rc.status)
			})
		}
		if t.Failed() && stderr.Len() > 0 {
			t.Logf("%s client stderr:\n%s", p.name, stderr.Bytes())
		}
	})
}

// runToPeer starts the peer's server and runs the Go clients against it.
func runToPeer(t *testing.T, ctx context.Context, p peer, w *wsdls, dir string) {
	port := freePort(t)
	sctx, stop := context.WithCancel(ctx)
	cmd := p.server(sctx, w, dir, port)
	var stderr lockedBuffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting the %s server: %v", p.name, err)
	}
	exited := make(chan struct{})
	defer func() {
		stop()
		<-exited
	}()
	rec := newRecorder()
	ready := make(chan struct{})
	go func() {
		defer close(exited)
		sc := bufio.NewScanner(stdout)
		sc.Buffer(nil, 1<<20)
		once := sync.OnceFunc(func() { close(ready) })
		for sc.Scan() {
			line := sc.Text()
			if strings.HasPrefix(line, "LISTENING") {
				once()
				continue
			}
			var l struct {
				Op      string          `json:"op"`
				Request json.RawMessage `json:"request"`
			}
			if err := json.Unmarshal([]byte(line), &l); err != nil {
				fmt.Fprintf(&stderr, "[stdout] %s\n", line)
				continue
			}
			req, err := parseJSON(string(l.Request))
			if err != nil {
				fmt.Fprintf(&stderr, "[stdout] %s: %v\n", line, err)
				continue
			}
			body, _ := req.(map[string]any)
			rec.setRequest(caseOf(l.Op, body["body"]), req)
		}
		cmd.Wait()
	}()
	select {
	case <-ready:
	case <-exited:
		t.Fatalf("the %s server exited before it listened:\n%s", p.name, stderr.String())
	case <-time.After(3 * time.Minute):
		t.Fatalf("the %s server did not listen within 3 minutes:\n%s", p.name, stderr.String())
	}
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	for _, v := range p.versions {
		t.Run(toPeer+"/"+versionTag(v), func(t *testing.T) {
			tag := versionTag(v)
			for _, c := range caseNames {
				t.Run(c, func(t *testing.T) {
					got := goClientCase(testContext(t), base+"/user"+tag, base+"/person"+tag, v, c)
					want := expect(c, v)
					var rc record
					if want.request != nil {
						rc = waitRecord(rec, c)
					}
					judge(t, p.name, toPeer, v, c, rc.request, got, 0)
					rec.mu.Lock()
					delete(rec.recs, c)
					rec.mu.Unlock()
				})
			}
		})
	}
	if t.Failed() {
		t.Logf("%s server stderr:\n%s", p.name, stderr.String())
	}
}

// waitRecord waits a little for the peer server's line about case c: it
// may come after the response.
func waitRecord(rec *recorder, c string) record {
	deadline := time.After(5 * time.Second)
	for {
		if rc, ok := rec.get(c); ok && rc.request != nil {
			return rc
		}
		select {
		case <-rec.wake:
		case <-deadline:
			return record{}
		case <-time.After(50 * time.Millisecond):
		}
	}
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// judge compares what the server received and what the client received
// in case c with the expected values, member by member, and holds the
// differences against the table of known deviations.
func judge(t *testing.T, peerName, dir string, v soap.Version, c string, request, response any, status int) {
	t.Helper()
	want := expect(c, v)
	var diffs []sidedDiff
	if want.request != nil {
		got := request
		if got == nil {
			got = map[string]any{"error": "the server did not report this request"}
		}
		for _, d := range compare(want.request, got) {
			diffs = append(diffs, sidedDiff{"request", d})
		}
	}
	if status != 0 {
		// The Go server saw the HTTP status it answered with.
		if m, ok := response.(map[string]any); ok {
			if f, ok := m["fault"].(map[string]any); ok {
				f["http"] = status
			}
		}
	}
	for _, d := range compare(want.response, response) {
		diffs = append(diffs, sidedDiff{"response", d})
	}
	outcome := assess(t, peerName, dir, v, c, diffs)
	addResult(result{peerName, dir, v, c, outcome})
}

type sidedDiff struct {
	side string
	diff
}

// assess reports the differences not in the deviation table, and the
// table's entries for this case that did not happen; it returns the
// case's outcome for the matrix.
func assess(t *testing.T, peerName, dir string, v soap.Version, c string, diffs []sidedDiff) string {
	t.Helper()
	return assessWith(t, peerName, dir, v, c, diffs)
}

// reporter is the part of testing.T that assess uses.
type reporter interface {
	Helper()
	Errorf(format string, args ...any)
	Logf(format string, args ...any)
}

// recordingT records what assess reports, to test it.
type recordingT struct{ errors, logs []string }

func (r *recordingT) Helper() {}
func (r *recordingT) Errorf(format string, a ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, a...))
}
func (r *recordingT) Logf(format string, a ...any) {
	r.logs = append(r.logs, fmt.Sprintf(format, a...))
}

func assessWith(t reporter, peerName, dir string, v soap.Version, c string, diffs []sidedDiff) string {
	t.Helper()
	listed := deviationsFor(peerName, dir, v, c)
	used := make([]bool, len(listed))
	outcome := "pass"
	var issues []int
	for _, d := range diffs {
		i := slices.IndexFunc(listed, func(x deviation) bool { return x.side == d.side && x.path == d.path })
		if i < 0 {
			// A whole side marked (path "*"): the response is another
			// message altogether, a fault for a result.
			i = slices.IndexFunc(listed, func(x deviation) bool { return x.side == d.side && x.path == "*" })
		}
		if i < 0 {
			t.Errorf("%s %s: %s", d.side, d.diff, "(not a listed deviation)")
			outcome = "fail"
			continue
		}
		used[i] = true
		x := listed[i]
		if x.path != "*" && x.got != d.got {
			t.Errorf("%s %s: the listed deviation says %s (%s)", d.side, d.diff, x.got, x.reason)
			outcome = "fail"
			continue
		}
		if x.issue > 0 {
			t.Logf("%s %s: soapgen defect, issue 13 item %d: %s", d.side, d.diff, x.issue, x.reason)
			issues = append(issues, x.issue)
		} else {
			t.Logf("%s %s: listed deviation: %s", d.side, d.diff, x.reason)
			if outcome == "pass" {
				outcome = "deviation"
			}
		}
	}
	for i, x := range listed {
		if used[i] {
			continue
		}
		if x.issue > 0 {
			t.Errorf("%s %s: marked as soapgen defect (issue 13 item %d) but it passes now: remove the mark", x.side, x.path, x.issue)
		} else {
			t.Errorf("%s %s: the listed deviation (%s) no longer happens: remove it from the table", x.side, x.path, x.reason)
		}
		outcome = "fail"
	}
	if outcome != "fail" && len(issues) > 0 {
		slices.Sort(issues)
		issues = slices.Compact(issues)
		var s []string
		for _, n := range issues {
			s = append(s, "#"+strconv.Itoa(n))
		}
		outcome = "defect " + strings.Join(s, ",")
	}
	return outcome
}

// logMatrix logs the results as the README's matrix: for each peer,
// direction and version, the cases that pass, deviate as listed, or fail
// through a soapgen defect.
func logMatrix(t *testing.T) {
	resultsMu.Lock()
	defer resultsMu.Unlock()
	type key struct {
		peer, dir string
		v         soap.Version
	}
	var keys []key
	byKey := map[key][]result{}
	for _, r := range results {
		k := key{r.peer, r.dir, r.version}
		if _, ok := byKey[k]; !ok {
			keys = append(keys, k)
		}
		byKey[k] = append(byKey[k], r)
	}
	sort.SliceStable(keys, func(i, j int) bool { return keys[i].peer < keys[j].peer })
	var b strings.Builder
	b.WriteString("\n| peer | direction | SOAP | pass | as listed |\n| --- | --- | --- | --- | --- |\n")
	for _, k := range keys {
		pass := 0
		var other []string
		for _, r := range byKey[k] {
			if r.outcome == "pass" {
				pass++
			} else {
				other = append(other, r.name+": "+r.outcome)
			}
		}
		fmt.Fprintf(&b, "| %s | %s | 1.%s | %d/%d | %s |\n", k.peer, k.dir, versionTag(k.v)[1:], pass, len(byKey[k]), strings.Join(other, "; "))
	}
	t.Log(b.String())
	if path := os.Getenv("SOAPGEN_INTEROP_MATRIX"); path != "" {
		os.WriteFile(path, []byte(b.String()), 0o644)
	}
}

// wsdls are the WSDL files the peers load, written for the test: the
// published ones with a SOAP 1.2 variant, and for JAX-WS a trimmed copy.
type wsdls struct {
	dir string
}

// path returns the WSDL of service ("user", "person") in version v;
// trimmed gives the copy with only the cases' operations.
func (w *wsdls) path(service string, v soap.Version, trimmed bool) string {
	name := service + versionTag(v)
	if trimmed {
		name += "-trimmed"
	}
	return filepath.Join(w.dir, name+".wsdl")
}

var (
	wsdlOperation = regexp.MustCompile(`<wsdl:operation name="(\w+)">.*?</wsdl:operation>`)
	soapAddress   = regexp.MustCompile(`<soap:address location="[^"]*"/>`)
)

// caseOperations are the operations the cases call.
var caseOperations = []string{"SaveUser", "SetUserPresenceStatus", "GetUserPresenceStatus", "SetPersonImage", "GetPersonImage"}

func writeWSDLs(t *testing.T) *wsdls {
	t.Helper()
	w := &wsdls{dir: t.TempDir()}
	for service, src := range map[string]string{
		"user":   "../services88/user/User.wsdl",
		"person": "../services88/person/Person.wsdl",
	} {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range both {
			s := soapAddress.ReplaceAllString(string(data), `<soap:address location="http://127.0.0.1:9/`+service+`"/>`)
			if v == soap.SOAP12 {
				// The same binding in the WSDL SOAP 1.2 namespace: the
				// WSDL is published with a SOAP 1.1 binding only.
				s = strings.Replace(s, `xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"`, `xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap12/"`, 1)
			}
			if err := os.WriteFile(w.path(service, v, false), []byte(s), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(w.path(service, v, true), []byte(trimWSDL(s)), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return w
}

// trimWSDL keeps the operations of the cases only, and drops the two
// global elements whose ObjectFactory methods collide with those of local
// elements in JAXB (createCredentialType, createSoExceptionInfoParameters).
// wsimport refuses the whole WSDL otherwise: besides these collisions,
// operations it does not need repeat a body part's name in a header part.
func trimWSDL(s string) string {
	s = wsdlOperation.ReplaceAllStringFunc(s, func(op string) string {
		name := wsdlOperation.FindStringSubmatch(op)[1]
		if slices.Contains(caseOperations, name) {
			return op
		}
		return ""
	})
	for _, drop := range []string{
		`<xs:element name="CredentialType" nillable="true" type="tns:CredentialType"/>`,
		`<xs:element name="SoExceptionInfoParameters" nillable="true" type="tns:SoExceptionInfoParameters"/>`,
	} {
		s = strings.Replace(s, drop, "", 1)
	}
	return s
}

// command returns a command for the peer programs, with its output kept
// apart from the test's.
func command(ctx context.Context, dir, name string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.WaitDelay = 5 * time.Second
	// Peers that take an unzoned dateTime as local time do so in UTC.
	cmd.Env = append(os.Environ(), "TZ=UTC")
	return cmd
}

// lookPath is exec.LookPath with a readable error.
func lookPath(name string) (string, error) {
	p, err := exec.LookPath(name)
	if err != nil {
		return "", fmt.Errorf("%s not on PATH", name)
	}
	return p, nil
}

// testdata returns the absolute path of a file in testdata.
func testdata(name string) string {
	p, err := filepath.Abs(filepath.Join("testdata", name))
	if err != nil {
		panic(err)
	}
	return p
}
