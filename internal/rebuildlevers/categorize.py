#!/usr/bin/env python3
"""categorize.py SYMS: count the text symbols (go tool nm, type T) of the
generated User package's object file by kind of function."""
import re, sys, collections
U = 'github.com/soapgen/soapgen/generated/services88/user'
S = 'github.com/soapgen/soapgen/soap.'
c = collections.Counter()
for line in open(sys.argv[1]):
    s = line.strip().replace(U, 'U')
    if re.match(r'^github.com/soapgen/soapgen/soap\.\(?\*?Opt\[', s):
        k = 'Opt[T] methods+wrappers'
    elif s.startswith('type:.eq.') and 'soap.Opt[' in s:
        k = 'eq of Opt[T]'
    elif s.startswith('type:.eq.'):
        k = 'eq of other types'
    elif s.startswith(S):
        k = 'soap generic ' + re.sub(r'\[.*', '', s[len(S):])
    elif s.startswith('go.shape.'):
        k = 'shape (promoted methods etc.)'
    elif re.search(r'\.(Marshal|Unmarshal)SOAP(Fields)?$', s):
        k = 'MarshalSOAP/UnmarshalSOAP'
    elif s.startswith('U.(*UserClient)') or s.startswith('U.UserClient'):
        k = 'UserClient methods'
    elif 'UnimplementedUserServer' in s:
        k = 'UnimplementedUserServer methods'
    elif s.startswith('U.UserServer.'):
        k = 'UserServer interface wrappers'
    elif s.startswith('U.serve'):
        k = 'serve functions'
    elif re.search(r'\)\.Get[A-Z]\w*$', s):
        k = 'GetX getters'
    elif re.search(r'\.GoString$', s):
        k = 'GoString'
    elif re.search(r'\.(MarshalText|UnmarshalText|AllValues|String|IsValid)$', s):
        k = 'enum methods'
    elif s.startswith('U.'):
        k = 'other U: ' + re.sub(r'^U\.\(?\*?\w+\)?\.', '', s)
    else:
        k = 'other: ' + re.sub(r'\[.*', '', s)
    c[k] += 1
gen = sum(v for k, v in c.items() if k.startswith('soap generic '))
others = collections.Counter()
for k, v in sorted(c.items(), key=lambda kv: -kv[1]):
    if k.startswith('soap generic '):
        continue
    if k.startswith('other'):
        others[k] += v; continue
    print(f'{v:6d}  {k}')
print(f'{gen:6d}  soap generic instantiations (non-Opt):')
for k, v in sorted(c.items(), key=lambda kv: -kv[1]):
    if k.startswith('soap generic '):
        print(f'        {v:5d}  {k[13:]}')
print(f'{sum(others.values()):6d}  others:', ', '.join(f'{k[6:]}={v}' for k, v in others.most_common(15)))
print(f'{sum(c.values()):6d}  total')
