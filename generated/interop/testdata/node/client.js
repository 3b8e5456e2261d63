'use strict';
// node-soap client of the interop suite (see ../../interop_test.go).
// Usage: node client.js USER_WSDL PERSON_WSDL USER_URL PERSON_URL 11|12
// Prints one JSON line per case: {"case": name, "response": canonical}.
const soap = require('soap');
const { NS, UNKNOWN_NS, OTHER_NODE, ENV, canon, localName } = require('./common');

const [userWSDL, personWSDL, userURL, personURL, version] = process.argv.slice(2);

function addHeaders(client, unknown) {
  client.clearSoapHeaders();
  client.addSoapHeader({ ApplicationToken: 'app-token' }, 'ApplicationToken', 'tns', NS);
  client.addSoapHeader({ Credentials: { Ticket: '7T:ticket==' } }, 'Credentials', 'tns', NS);
  client.addSoapHeader({ TimeZone: { SoTimeZoneId: 7, SoTimeZoneLocationCode: 'NOOSL' } }, 'TimeZone', 'tns', NS);
  if (unknown) {
    const env = ENV[version];
    let attrs = `xmlns:e="${env}" e:mustUnderstand="1"`;
    if (unknown === 'actor') attrs += ` e:${version === '12' ? 'role' : 'actor'}="${OTHER_NODE}"`;
    client.addSoapHeader(`<u:Unknown xmlns:u="${UNKNOWN_NS}" ${attrs}>x</u:Unknown>`);
  }
}

const user = {
  TableRight: { Mask: 'Select Delete', Reason: null },
  AssociateId: 42,
  Name: '  Ada  Lovelace ',
  Rank: 3,
  Tooltip: 'line1\r\nline2\ttab <&>',
  Role: { Id: 7, Value: 'Admin', Tooltip: null },
  UserGroup: { Value: 'Sales', Id: 1, Rank: 2, Deleted: false },
  OtherGroups: { UserGroup: [{ Value: 'Support', Id: 2 }, null, { TableRight: { Mask: 'Select' }, Value: 'Ops', Id: 3 }] },
  Deleted: false,
  Lastlogin: '2025-11-26T12:08:54.1234567+01:00',
  Lastlogout: '2025-11-26T18:30:05.5',
  EjUserId: 0,
  RequestSignature: null,
  Type: 'InternalAssociate',
  UserName: 'ada',
  ExtraFields: { StringKeyValuePair: [{ Key: 'a', Value: '1' }, { Key: 'empty', Value: '' }, { Key: 'none', Value: null }] },
};

function faultCanon(err) {
  const body = err.root && err.root.Envelope && err.root.Envelope.Body;
  const f = body && (body.Fault || body['soap:Fault']);
  if (!f) return null;
  const out = {};
  if (f.faultcode !== undefined) {
    out.code = localName(String(f.faultcode));
    out.reason = typeof f.faultstring === 'object' ? f.faultstring.$value : f.faultstring;
    if (f.detail) out.detail = canon(f.detail);
  } else {
    out.code = localName(String(f.Code && f.Code.Value));
    const text = f.Reason && f.Reason.Text;
    out.reason = typeof text === 'object' ? text.$value : text;
    if (f.Detail) out.detail = canon(f.Detail);
  }
  return out;
}

async function main() {
  const opts = { endpoint: userURL, forceSoap12Headers: version === '12' };
  const uc = await soap.createClientAsync(userWSDL, opts);
  const pc = await soap.createClientAsync(personWSDL, { ...opts, endpoint: personURL });
  const cases = [
    ['user', () => (addHeaders(uc), uc.SaveUserAsync({ User: user }))],
    ['serviceerror', () => (addHeaders(uc), uc.SetUserPresenceStatusAsync({ AssociateId: 404, UserPresenceStatus: { Status: 'StatusNotAvailable', Message: 'away' } }))],
    ['fault', () => (addHeaders(uc), uc.SetUserPresenceStatusAsync({ AssociateId: 13, UserPresenceStatus: { Status: 'StatusNormal', Message: 'x' } }))],
    ['mustunderstand', () => (addHeaders(uc, 'mustunderstand'), uc.GetUserPresenceStatusAsync({ AssociateId: 2 }))],
    ['actor', () => (addHeaders(uc, 'actor'), uc.GetUserPresenceStatusAsync({ AssociateId: 3 }))],
    // A Buffer is what a node program holds; node-soap sends it as base64.
    ['image-set', () => (addHeaders(pc), pc.SetPersonImageAsync({ PersonId: 5, Image: Buffer.from([...Array(256).keys()]).toString('base64') }))],
    ['image-get', () => (addHeaders(pc), pc.GetPersonImageAsync({ PersonId: 5 }))],
  ];
  for (const [name, call] of cases) {
    let response;
    try {
      const [result, , header] = await call();
      response = { header: canon(header || {}), body: canon(result || {}) };
    } catch (err) {
      const f = faultCanon(err);
      response = f ? { fault: f } : { error: String(err && err.stack || err) };
    }
    process.stdout.write(JSON.stringify({ case: name, response }) + '\n');
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
