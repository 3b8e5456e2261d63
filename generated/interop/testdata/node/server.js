'use strict';
// node-soap server of the interop suite (see ../../interop_test.go).
// Usage: node server.js PORT USER11_WSDL USER12_WSDL PERSON11_WSDL PERSON12_WSDL
// Serves /user11 /user12 /person11 /person12 on 127.0.0.1:PORT, prints
// LISTENING once all are up, then one JSON line per request received:
// {"op": operation, "request": {"header": canonical, "body": canonical}}.
const fs = require('fs');
const http = require('http');
const soap = require('soap');
const { NS, canon } = require('./common');

const [port, user11, user12, person11, person12] = process.argv.slice(2);

const DECLARED = ['ApplicationToken', 'Credentials', 'TimeZone'];

function report(op, args, headers) {
  const h = {};
  for (const [k, v] of Object.entries(canon(headers || {}) || {})) {
    if (DECLARED.includes(k)) h[k] = v;
  }
  const body = canon(args || {});
  process.stdout.write(JSON.stringify({ op, request: { header: h, body } }) + '\n');
}

function fault(version) {
  const detail = { 'p:Problem': { attributes: { 'xmlns:p': 'urn:soapgen:interop' }, 'p:Id': '13', 'p:Text': 'no change' } };
  if (version === '12') {
    return { Fault: { Code: { Value: 'soap:Sender' }, Reason: { Text: 'associate 13 may not change status' }, Detail: detail, statusCode: 400 } };
  }
  return { Fault: { faultcode: 'soap:Client', faultstring: 'associate 13 may not change status', detail, statusCode: 500 } };
}

function userService(version) {
  return {
    WcfUserService: {
      BasicHttpBinding_User: {
        SaveUser(args, cb, headers) {
          report('SaveUser', args, headers);
          return { Response: args.User };
        },
        SetUserPresenceStatus(args, cb, headers) {
          report('SetUserPresenceStatus', args, headers);
          const id = Number(args.AssociateId);
          if (id === 13) throw fault(version);
          if (id === 404) return {};
          return { Response: args.UserPresenceStatus };
        },
        GetUserPresenceStatus(args, cb, headers) {
          report('GetUserPresenceStatus', args, headers);
          return { Response: { Status: 'StatusNormal', Message: 'ok' } };
        },
      },
    },
  };
}

function personService() {
  return {
    WcfPersonService: {
      BasicHttpBinding_Person: {
        SetPersonImage(args, cb, headers) {
          report('SetPersonImage', args, headers);
          return {};
        },
        GetPersonImage(args, cb, headers) {
          report('GetPersonImage', args, headers);
          return { Response: Buffer.from([...Array(256).keys()].reverse()).toString('base64') };
        },
      },
    },
  };
}

// The response headers, from the operation and the request.
function responseHeaders(s) {
  const id = (args) => Number(args && (args.AssociateId !== undefined ? args.AssociateId : NaN));
  s.addSoapHeader((method, args) => {
    if (method === 'SetUserPresenceStatus' && id(args) === 404) {
      return { ExceptionInfo: { Message: 'No such associate', ExceptionType: 'SoException', Parameters: { SoExceptionInfoParametersKeyValuePair: [{ Key: 'id', Value: '404' }] } } };
    }
    return '';
  }, 'ExceptionInfo', 'tns', NS);
  s.addSoapHeader((method) => {
    if (method === 'SaveUser') {
      return { ExtraInfo: { ExtraInfoNameValuePair: [{ Key: 'echo', Value: 'yes' }, { Key: 'none', Value: null }] } };
    }
    return '';
  }, 'ExtraInfo', 'tns', NS);
  s.addSoapHeader((method, args) => ({ Succeeded: !(method === 'SetUserPresenceStatus' && id(args) === 404) }), 'Succeeded', 'tns', NS);
  s.addSoapHeader((method, args, headers) => {
    if (method === 'SaveUser' && headers && headers.TimeZone) {
      return { TimeZone: headers.TimeZone };
    }
    return '';
  }, 'TimeZone', 'tns', NS);
}

const server = http.createServer((req, res) => {
  res.statusCode = 404;
  res.end();
});

server.listen(Number(port), '127.0.0.1', () => {
  const endpoints = [
    ['/user11', user11, userService('11'), false],
    ['/user12', user12, userService('12'), true],
    ['/person11', person11, personService(), false],
    ['/person12', person12, personService(), true],
  ];
  let pending = endpoints.length;
  for (const [path, wsdl, services, soap12] of endpoints) {
    const s = soap.listen(server, {
      path,
      services,
      xml: fs.readFileSync(wsdl, 'utf8'),
      forceSoap12Headers: soap12,
      callback: (err) => {
        if (err) {
          console.error(path, err);
          process.exit(1);
        }
        if (--pending === 0) process.stdout.write('LISTENING\n');
      },
    });
    responseHeaders(s);
  }
});
