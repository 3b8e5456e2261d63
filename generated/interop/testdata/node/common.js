'use strict';
// Shared by the node-soap client and server of the interop suite (see
// ../../interop_test.go): the canonical form of values (canon_test.go).

const NS = 'http://www.superoffice.net/ws/crm/NetServer/Services88';
const UNKNOWN_NS = 'urn:soapgen:interop';
const OTHER_NODE = 'urn:soapgen:interop:elsewhere';
const ENV = { 11: 'http://schemas.xmlsoap.org/soap/envelope/', 12: 'http://www.w3.org/2003/05/soap-envelope' };

// Wrappers of arrays and dictionaries: the canonical form is the list.
const LIST_ITEMS = new Set(['UserGroup', 'StringKeyValuePair', 'ExtraInfoNameValuePair', 'SoExceptionInfoParametersKeyValuePair']);

function localName(k) {
  const i = k.indexOf(':');
  return i < 0 ? k : k.slice(i + 1);
}

// canon turns what node-soap parsed into the canonical form: attributes
// ($attributes, xsi:nil) are dropped, a nil element (null) stays null.
function canon(v) {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  if (Buffer.isBuffer(v)) return v.toString('base64');
  if (Array.isArray(v)) return v.map(canon);
  if (typeof v === 'object') {
    const out = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === 'attributes' || k === '$attributes' || k === '$xml') continue;
      out[localName(k)] = canon(x);
    }
    const keys = Object.keys(out);
    if (keys.length === 1 && LIST_ITEMS.has(keys[0])) {
      const items = out[keys[0]];
      return Array.isArray(items) ? items : [items];
    }
    // A nil element parsed into an object of its attributes only.
    if (keys.length === 0 && v.attributes && (v.attributes['xsi:nil'] === 'true' || v.attributes['i:nil'] === 'true')) return null;
    return out;
  }
  return v;
}

module.exports = { NS, UNKNOWN_NS, OTHER_NODE, ENV, canon, localName };
