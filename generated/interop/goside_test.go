package interop

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"sync"
	"testing"

	"github.com/soapgen/soapgen/generated/services88"
	"github.com/soapgen/soapgen/generated/services88/person"
	"github.com/soapgen/soapgen/generated/services88/user"
	"github.com/soapgen/soapgen/soap"
)

// record is what a server received in one case: the request's canonical
// header and body, and (for the Go server) the HTTP status it answered.
type record struct {
	request any
	status  int
}

// recorder collects the records of a server by case.
type recorder struct {
	mu   sync.Mutex
	recs map[string]*record
	wake chan struct{}
}

func newRecorder() *recorder {
	return &recorder{recs: map[string]*record{}, wake: make(chan struct{}, 1)}
}

func (r *recorder) entry(c string) *record {
	rec := r.recs[c]
	if rec == nil {
		rec = &record{}
		r.recs[c] = rec
	}
	return rec
}

func (r *recorder) setRequest(c string, req any) {
	r.mu.Lock()
	r.entry(c).request = req
	r.mu.Unlock()
	select {
	case r.wake <- struct{}{}:
	default:
	}
}

func (r *recorder) setStatus(c string, status int) {
	r.mu.Lock()
	r.entry(c).status = status
	r.mu.Unlock()
}

func (r *recorder) get(c string) (record, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	rec, ok := r.recs[c]
	if !ok {
		return record{}, false
	}
	return *rec, true
}

// goUser serves the user cases with the generated User handler.
type goUser struct {
	user.UnimplementedUserServer
	rec *recorder
}

func (g *goUser) received(ctx context.Context, op string, body any) {
	c := caseOf(op, canon(body))
	g.rec.setRequest(c, map[string]any{"header": canon(services88.RequestHeaderFrom(ctx)), "body": canon(body)})
}

func (g *goUser) SaveUser(ctx context.Context, req *user.SaveUser) (*user.SaveUserResponse, error) {
	g.received(ctx, "SaveUser", req)
	h := &services88.ResponseHeader{ExtraInfo: soap.Some(echoExtraInfo())}
	if in := services88.RequestHeaderFrom(ctx); in != nil {
		h.TimeZone = in.TimeZone
	}
	if err := services88.SetResponseHeader(ctx, h); err != nil {
		return nil, err
	}
	return &user.SaveUserResponse{Response: req.User}, nil
}

func (g *goUser) SetUserPresenceStatus(ctx context.Context, req *user.SetUserPresenceStatus) (*user.SetUserPresenceStatusResponse, error) {
	g.received(ctx, "SetUserPresenceStatus", req)
	switch req.AssociateId.Value() {
	case serviceErrorID:
		return nil, &services88.ServiceError{Info: serviceErrorInfo()}
	case faultID:
		return nil, &soap.Fault{Code: soap.ClientFaultCode(soap.SOAP11), Reason: faultReason, Detail: problemDetail()}
	}
	return &user.SetUserPresenceStatusResponse{Response: req.UserPresenceStatus}, nil
}

func (g *goUser) GetUserPresenceStatus(ctx context.Context, req *user.GetUserPresenceStatus) (*user.GetUserPresenceStatusResponse, error) {
	g.received(ctx, "GetUserPresenceStatus", req)
	return &user.GetUserPresenceStatusResponse{Response: soap.Some(&user.UserPresenceStatus{Status: soap.Some(user.EjUserStatusStatusNormal), Message: soap.Some("ok")})}, nil
}

// goPerson serves the image cases with the generated Person handler.
type goPerson struct {
	person.UnimplementedPersonServer
	rec *recorder
}

func (g *goPerson) SetPersonImage(ctx context.Context, req *person.SetPersonImage) (*person.SetPersonImageResponse, error) {
	g.rec.setRequest("image-set", map[string]any{"header": canon(services88.RequestHeaderFrom(ctx)), "body": canon(req)})
	return &person.SetPersonImageResponse{}, nil
}

func (g *goPerson) GetPersonImage(ctx context.Context, req *person.GetPersonImage) (*person.GetPersonImageResponse, error) {
	g.rec.setRequest("image-get", map[string]any{"header": canon(services88.RequestHeaderFrom(ctx)), "body": canon(req)})
	return &person.GetPersonImageResponse{Response: soap.Some(imageDown())}, nil
}

var (
	bodyChild = regexp.MustCompile(`Body[^>]*>\s*<(?:[\w.-]+:)?([\w.-]+)`)
	idElement = regexp.MustCompile(`<(?:[\w.-]+:)?(AssociateId|PersonId)>\s*(\d+)\s*<`)
)

// caseOfRaw tells the case of a raw request, for the HTTP status of
// requests that never reach a method.
func caseOfRaw(data []byte) string {
	m := bodyChild.FindSubmatch(data)
	if m == nil {
		return "unknown"
	}
	body := map[string]any{}
	if id := idElement.FindSubmatch(data); id != nil {
		body[string(id[1])] = string(id[2])
	}
	return caseOf(string(m[1]), body)
}

// statusRecorder notes the HTTP status the handler answers with.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return s.ResponseWriter.Write(b)
}

// startGoServers serves User at /user and Person at /person (both in SOAP
// 1.1 and 1.2) on 127.0.0.1 and returns the base URL.
func startGoServers(t *testing.T, rec *recorder) string {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle("/user", user.NewUserHandler(&goUser{rec: rec}))
	mux.Handle("/person", person.NewPersonHandler(&goPerson{rec: rec}))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(data))
		sw := &statusRecorder{ResponseWriter: w}
		mux.ServeHTTP(sw, r)
		rec.setStatus(caseOfRaw(data), sw.status)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// unknownHeader sends the request header and the unknown mandatory entry
// of the mustunderstand and actor cases (actor: addressed to otherNode).
type unknownHeader struct {
	v     soap.Version
	actor bool
}

func (u unknownHeader) MarshalSOAPHeader(e *soap.Encoder) {
	requestHeader().MarshalSOAPHeader(e)
	env := u.v.EnvelopeNS()
	e.Start(unknownNS, unknownLocal)
	e.Attr(env, "mustUnderstand", "1")
	if u.actor {
		if u.v == soap.SOAP12 {
			e.Attr(env, "role", otherNode)
		} else {
			e.Attr(env, "actor", otherNode)
		}
	}
	e.Text("x")
	e.End()
}

// goClientCase runs case c with the generated clients against userURL and
// personURL in version v and returns the canonical response.
func goClientCase(ctx context.Context, userURL, personURL string, v soap.Version, c string) any {
	opts := []soap.ClientOption{soap.WithVersion(v), soap.WithDefaultHeader(requestHeader())}
	uc := user.NewUserClient(soap.NewClient(userURL, opts...))
	pc := person.NewPersonClient(soap.NewClient(personURL, opts...))
	var rh services88.ResponseHeader
	var resp any
	var err error
	switch c {
	case "user":
		resp, err = uc.SaveUser(ctx, &user.SaveUser{User: soap.Some(fixtureUser())}, soap.ResponseHeader(&rh))
	case "serviceerror":
		resp, err = uc.SetUserPresenceStatus(ctx, setUserPresenceStatus(serviceErrorID, user.EjUserStatusStatusNotAvailable, "away"), soap.ResponseHeader(&rh))
	case "fault":
		resp, err = uc.SetUserPresenceStatus(ctx, setUserPresenceStatus(faultID, user.EjUserStatusStatusNormal, "x"), soap.ResponseHeader(&rh))
	case "mustunderstand":
		resp, err = uc.GetUserPresenceStatus(ctx, &user.GetUserPresenceStatus{AssociateId: soap.Some[int32](mustUnderstandID)}, soap.WithHeader(unknownHeader{v: v}), soap.ResponseHeader(&rh))
	case "actor":
		resp, err = uc.GetUserPresenceStatus(ctx, &user.GetUserPresenceStatus{AssociateId: soap.Some[int32](actorID)}, soap.WithHeader(unknownHeader{v: v, actor: true}), soap.ResponseHeader(&rh))
	case "image-set":
		resp, err = pc.SetPersonImage(ctx, &person.SetPersonImage{PersonId: soap.Some[int32](personID), Image: soap.Some(imageUp())}, soap.ResponseHeader(&rh))
	case "image-get":
		resp, err = pc.GetPersonImage(ctx, &person.GetPersonImage{PersonId: soap.Some[int32](personID)}, soap.ResponseHeader(&rh))
	default:
		panic("unknown case " + c)
	}
	var se *services88.ServiceError
	var f *soap.Fault
	switch {
	case err == nil:
		return map[string]any{"header": canon(rh), "body": canon(resp)}
	case errors.As(err, &se):
		// The ServiceError carries the ExceptionInfo header it came from.
		if canonJSON(se.Info) != canonJSON(rh.ExceptionInfo.Value()) {
			return map[string]any{"error": "ServiceError.Info differs from the ExceptionInfo header"}
		}
		return map[string]any{"header": canon(rh), "body": map[string]any{}}
	case errors.As(err, &f):
		return map[string]any{"fault": faultCanon(f.Code.Local, f.Reason, f.Detail, f.HTTPStatus)}
	}
	return map[string]any{"error": err.Error()}
}

func canonJSON(v any) string { return show(normalize(canon(v))) }

// faultCanon is the canonical form of a fault.
func faultCanon(code, reason string, detail *soap.Any, status int) map[string]any {
	out := map[string]any{"code": code, "reason": reason}
	if detail != nil && len(detail.Children) > 0 {
		out["detail"] = anyCanon(*detail)
	}
	if status != 0 {
		out["http"] = status
	}
	return out
}

// anyCanon is the canonical form of XML content: an object of the child
// elements by local name, or the text of a leaf.
func anyCanon(a soap.Any) any {
	if len(a.Children) == 0 {
		return a.Text
	}
	out := map[string]any{}
	for _, c := range a.Children {
		out[c.Name.Local] = anyCanon(c.Any)
	}
	return out
}
