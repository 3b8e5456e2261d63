#!/usr/bin/env python3
"""levers.py DIR LEVER...: apply shape levers to a copy of the tree at DIR.

Levers (see README.md beside this file):
  opt-fn        Opt keeps String and IsAbsent (fmt / redact use them through
                interfaces); Get, Value, Or, IsSet, IsNil become the generic
                functions soap.OptGet(o), soap.OptValue(o), soap.OptOr(o, d),
                soap.OptIsSet(o), soap.OptIsNil(o).
  opt-none      opt-fn, and String, IsAbsent become soap.OptString(o),
                soap.OptIsAbsent(o); FormatFields/LogFields format Opt by
                reflection (fmt.Print of an Opt shows {v state}).
  opt-ptr       the seven methods get pointer receivers (*Opt[T]).
  opt-nocmp     Opt gets a leading `_ [0]func()`: Opt and every struct holding
                one are no longer comparable (no == on them).
  nocmp         every struct type of the User package gets a leading
                `_ [0]func()` (protobuf-go's DoNotCompare).
  nogetters     the GetX methods of the User package are removed.
  getters-nonopt  only the getters of non-Opt members (and of embedded types)
                are kept.
  unimpl-ptr    UnimplementedUserServer's methods get pointer receivers.
  nounimpl      UnimplementedUserServer removed (measurement only).
  noserver      UserServer, UnimplementedUserServer, serve functions, the
                operation table and NewUserHandler removed (measurement only).
  newbody-refl  soap.NewBody[*T] in the operation table replaced by
                soap.NewBodyOf((*T)(nil)) (one reflect-based closure in soap).
  iface-unexported  UserServer becomes an alias of the unexported interface
                userServer.
  ptrshape      WritePtr, WriteOptPtr(Item), WritePtrItem, ReadPtr take the
                pointer type P; ReadComplex[*T] allocates by reflection.
  nostring      the generated String/GoString/LogValue/logFields removed
                (measurement only).
"""
import os, re, sys, glob

root = sys.argv[1]
levers = set(sys.argv[2:])
U = os.path.join(root, 'generated/services88/user')

def rd(p):
    with open(p) as f: return f.read()
def wr(p, s):
    with open(p, 'w') as f: f.write(s)
def edit(p, fn):
    s = rd(p); t = fn(s)
    if t != s: wr(p, t)

def gofiles(*dirs, tests=True):
    out = []
    for d in dirs:
        for dp, _, fs in os.walk(os.path.join(root, d)):
            for f in fs:
                if f.endswith('.go') and (tests or not f.endswith('_test.go')):
                    out.append(os.path.join(dp, f))
    return out

# A receiver chain: a.b(c).d[0].e
RECV = r'((?:\([^()]*\)|[A-Za-z_]\w*)(?:\([^()]*\))?(?:\[[^\[\]]*\])?(?:\.[A-Za-z_]\w*(?:\([^()]*\))?(?:\[[^\[\]]*\])?)*)'
def callsites(s, methods):
    for m, fn in methods.items():
        pat = re.compile(RECV + r'\.' + m + r'\(\)')
        while True:
            t = pat.sub(lambda mo: f'{fn}({mo.group(1)})', s)
            if t == s: break
            s = t
    if 'Or' in methods:
        s = re.sub(RECV + r'\.Or\(', lambda mo: f'{methods["Or"]}({mo.group(1)}, ', s)
    return s

def qualify(path, s, names):
    # inside package soap the functions are not qualified
    if '/soap/' in path and not path.endswith('_test.go'):
        return s
    return s

OPT_FUNCS = '''
// OptGet returns the value and whether there is one (false when absent or nil).
func OptGet[T any](o Opt[T]) (T, bool) { return o.v, o.state == optValue }

// OptValue returns the value, or T's zero value when absent or nil.
func OptValue[T any](o Opt[T]) T { return o.v }

// OptOr returns the value, or def when absent or nil.
func OptOr[T any](o Opt[T], def T) T {
	if o.state == optValue {
		return o.v
	}
	return def
}

// OptIsSet reports whether there is a value.
func OptIsSet[T any](o Opt[T]) bool { return o.state == optValue }

// OptIsNil reports whether o is nil (xsi:nil).
func OptIsNil[T any](o Opt[T]) bool { return o.state == optNil }
'''
OPT_FUNCS2 = '''
// OptIsAbsent reports whether o is absent: the element is not sent.
func OptIsAbsent[T any](o Opt[T]) bool { return o.state == optAbsent }

// OptString formats o for debugging: <absent>, <nil> or the value.
func OptString[T any](o Opt[T]) string {
	switch o.state {
	case optAbsent:
		return "<absent>"
	case optNil:
		return "<nil>"
	}
	return fmt.Sprint(o.v)
}
'''

def drop_method(s, name):
    # remove a method of Opt (with its doc comment), one-line or block form
    pat = re.compile(r'(?:// [^\n]*\n)*func \(o Opt\[T\]\) ' + name + r'\([^\n]*\{[^\n]*\}\n', re.M)
    s2 = pat.sub('', s)
    if s2 == s:
        pat = re.compile(r'(?:// [^\n]*\n)*func \(o Opt\[T\]\) ' + name + r'\(.*?\n\}\n', re.S)
        s2 = pat.sub('', s, count=1)
    assert s2 != s, name
    return s2

allgen = lambda: gofiles('generated', 'examples')

if 'opt-fn' in levers or 'opt-none' in levers:
    opt = os.path.join(root, 'soap/opt.go')
    s = rd(opt)
    for m in ['Get', 'Value', 'Or', 'IsSet', 'IsNil']:
        s = drop_method(s, m)
    s += OPT_FUNCS
    meth = {'Value': 'soap.OptValue', 'Get': 'soap.OptGet', 'IsSet': 'soap.OptIsSet', 'IsNil': 'soap.OptIsNil', 'Or': 'soap.OptOr'}
    if 'opt-none' in levers:
        for m in ['IsAbsent', 'String']:
            s = drop_method(s, m)
        s += OPT_FUNCS2
        meth['IsAbsent'] = 'soap.OptIsAbsent'
    wr(opt, s)
    edit(os.path.join(root, 'soap/values.go'), lambda s: s.replace('o.Get(); ok', 'OptGet(o); ok'))
    if 'opt-none' in levers:
        def redact(s):
            s = s.replace('''		if s, ok := f.Value.(interface{ IsAbsent() bool }); ok && s.IsAbsent() {
			return "<absent>"
		}''', '''		if t, ok := optText(f.Value); ok && t == "<absent>" {
			return t
		}''')
            s = s.replace('	return fmt.Sprint(f.Value)\n}', '''	if t, ok := optText(f.Value); ok {
		return t
	}
	return fmt.Sprint(f.Value)
}

// optText formats an Opt held in v by reflection (Opt has no methods).
func optText(v any) (string, bool) {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() || rv.Kind() != reflect.Struct || rv.Type().PkgPath() != optPkg || !strings.HasPrefix(rv.Type().Name(), "Opt[") {
		return "", false
	}
	switch optState(rv.FieldByName("state").Uint()) {
	case optAbsent:
		return "<absent>", true
	case optNil:
		return "<nil>", true
	}
	return fmt.Sprint(rv.FieldByName("v")), true
}

var optPkg = reflect.TypeFor[optState]().PkgPath()''')
            s = s.replace('import (\n', 'import (\n\t"reflect"\n')
            return s
        edit(os.path.join(root, 'soap/redact.go'), redact)
    for p in allgen():
        edit(p, lambda s: callsites(s, meth))

if 'opt-ptr' in levers:
    edit(os.path.join(root, 'soap/opt.go'), lambda s: s.replace('func (o Opt[T])', 'func (o *Opt[T])'))

if 'opt-nocmp' in levers:
    edit(os.path.join(root, 'soap/opt.go'), lambda s: s.replace('type Opt[T any] struct {\n', 'type Opt[T any] struct {\n\t_     [0]func() // not comparable\n'))

ugen = [os.path.join(U, 'types.gen.go'), os.path.join(U, 'client.gen.go')]

if 'nocmp' in levers:
    def nocmp(s):
        s = re.sub(r'^(type \w+ struct) \{\}$', r'\1 {\n\t_ [0]func()\n}', s, flags=re.M)
        s = re.sub(r'^(type (?!UserClient|UnimplementedUserServer)\w+ struct \{\n)', r'\1\t_ [0]func()\n', s, flags=re.M)
        return s
    edit(ugen[0], nocmp)

def drop_funcs(s, pred):
    # drop top-level funcs (with doc comments) for which pred(header, body) holds
    out, i = [], 0
    pat = re.compile(r'((?:^//[^\n]*\n)*)^func ([^\n]*)\n(.*?)^\}\n\n?', re.M | re.S)
    last = 0
    for m in pat.finditer(s):
        if pred(m.group(2), m.group(3)):
            out.append(s[last:m.start()]); last = m.end()
    out.append(s[last:])
    return ''.join(out)

is_getter = lambda h, b: re.match(r'\(v \*\w+\) Get[A-Z]\w*\(\) \(x ', h) is not None
if 'nogetters' in levers:
    edit(ugen[0], lambda s: drop_funcs(s, is_getter))
    p = os.path.join(U, 'getters_test.go')
    if os.path.exists(p): os.remove(p)
if 'getters-nonopt' in levers:
    edit(ugen[0], lambda s: drop_funcs(s, lambda h, b: is_getter(h, b) and re.search(r'Value\(\)|OptValue\(', b) and 'Carrier' not in b))
    p = os.path.join(U, 'getters_test.go')
    if os.path.exists(p): os.remove(p)

if 'nostring' in levers:
    edit(ugen[0], lambda s: drop_funcs(s, lambda h, b: re.match(r'\(v \*\w+\) (String|GoString|LogValue|logFields)\(\)', h)))
    edit(ugen[0], lambda s: s.replace('\t"log/slog"\n', ''))
    p = os.path.join(U, 'secrets_test.go')
    if os.path.exists(p): os.remove(p)

if 'unimpl-ptr' in levers:
    edit(ugen[1], lambda s: s.replace('func (UnimplementedUserServer) ', 'func (*UnimplementedUserServer) ').replace('var _ UserServer = UnimplementedUserServer{}', 'var _ UserServer = (*UnimplementedUserServer)(nil)'))
    for t in glob.glob(os.path.join(U, '*_test.go')):
        edit(t, lambda s: re.sub(r'NewUserHandler\((\w+)\{', r'NewUserHandler(&\1{', s))

if 'nounimpl' in levers or 'noserver' in levers:
    edit(ugen[1], lambda s: drop_funcs(s, lambda h, b: h.startswith('(UnimplementedUserServer)')))
    edit(ugen[1], lambda s: re.sub(r'(?:^//[^\n]*\n)*^type UnimplementedUserServer struct\{\}\n\nvar _ UserServer = UnimplementedUserServer\{\}\n', '', s, flags=re.M))
    for t in glob.glob(os.path.join(U, '*_test.go')): os.remove(t)

if 'iface-unexported' in levers:
    def iu(s):
        s = s.replace('type UserServer interface {', 'type UserServer = userServer\n\ntype userServer interface {')
        return s
    edit(ugen[1], iu)

if 'noserver' in levers:
    def nos(s):
        s = drop_funcs(s, lambda h, b: h.startswith('serveUser') or h.startswith('NewUserHandler') or 'UserServer' in h)
        s = re.sub(r'(?:^//[^\n]*\n)*^type UserServer interface \{\n.*?^\}\n', '', s, flags=re.M | re.S)
        s = re.sub(r'(?:^//[^\n]*\n)*^var opsUser = .*?^\}\}\n', '', s, flags=re.M | re.S)
        return s
    edit(ugen[1], nos)

if 'newbody-refl' in levers:
    edit(os.path.join(root, 'soap/envelope.go'), lambda s: s + '''
// NewBodyOf returns a constructor of new values of proto's pointer type,
// by reflection: one function for every message type.
func NewBodyOf(proto Body) func() Body {
	t := reflect.TypeOf(proto)
	if t.Kind() != reflect.Pointer {
		panic("soap: " + t.String() + " is not a pointer type")
	}
	t = t.Elem()
	return func() Body { return reflect.New(t).Interface().(Body) }
}
''')
    edit(ugen[1], lambda s: re.sub(r'soap\.NewBody\[\*(\w+)\]', r'soap.NewBodyOf((*\1)(nil))', s))

if 'ptrshape' in levers:
    # the pointer helpers take the pointer type (one GC shape for all) instead
    # of the pointee (one shape per struct, with wrappers of its promoted
    # methods); ReadComplex allocates by reflection.
    RC = ("func ReadComplex[P Unmarshaler](d *Decoder) P {\n"
          "\tv := reflect.New(reflect.TypeFor[P]().Elem()).Interface().(P)\n"
          "\tv.UnmarshalSOAP(d)\n\treturn v\n}\n")
    def ps(s):
        s = s.replace('func WritePtr[T any](e *Encoder, ns, local string, p *T, content func(*Encoder, *T)) {\n\tif p == nil {',
                      'func WritePtr[P comparable](e *Encoder, ns, local string, p P, content func(*Encoder, P)) {\n\tvar zero P\n\tif p == zero {')
        s = s.replace('func WriteOptPtr[T any](e *Encoder, ns, local string, o Opt[*T], content func(*Encoder, *T)) {\n\tswitch {',
                      'func WriteOptPtr[P comparable](e *Encoder, ns, local string, o Opt[P], content func(*Encoder, P)) {\n\tvar zero P\n\tswitch {')
        s = s.replace('case o.state == optNil || o.v == nil:', 'case o.state == optNil || o.v == zero:')
        s = s.replace('func WriteOptPtrItem[T any](e *Encoder, ns, local string, o Opt[*T], content func(*Encoder, *T), member string) {\n\tif (o.state == optNil || o.state == optValue && o.v == nil)',
                      'func WriteOptPtrItem[P comparable](e *Encoder, ns, local string, o Opt[P], content func(*Encoder, P), member string) {\n\tvar zero P\n\tif (o.state == optNil || o.state == optValue && o.v == zero)')
        s = s.replace('func WritePtrItem[T any](e *Encoder, ns, local string, p *T, content func(*Encoder, *T), member string) {\n\tif p == nil {',
                      'func WritePtrItem[P comparable](e *Encoder, ns, local string, p P, content func(*Encoder, P), member string) {\n\tvar zero P\n\tif p == zero {')
        s = s.replace('func ReadPtr[T any](d *Decoder, read func(*Decoder) *T) *T {\n\tif d.curNil {\n\t\td.End()\n\t\treturn nil',
                      'func ReadPtr[P any](d *Decoder, read func(*Decoder) P) P {\n\tif d.curNil {\n\t\td.End()\n\t\tvar zero P\n\t\treturn zero')
        i = s.index('func ReadComplex[T any, P interface {'); j = s.index('\n}\n', i) + 3
        s = s[:i] + RC + s[j:]
        if '"reflect"' not in s:
            s = s.replace('import (\n', 'import (\n\t"reflect"\n', 1)
        return s
    edit(os.path.join(root, 'soap/values.go'), ps)
    for p in gofiles('generated', 'examples'):
        edit(p, lambda s: re.sub(r'soap\.ReadComplex\[(?!\*)([\w.]+)\]', r'soap.ReadComplex[*\1]', s))
