"""zeep client of the interop suite (see ../interop_test.go).

Usage: zeep_client.py USER_WSDL PERSON_WSDL USER_URL PERSON_URL 11|12

Runs every case against the given endpoints and prints one JSON line per
case: {"case": name, "response": canonical response}, the canonical form
being the one canon_test.go describes.
"""
import base64
import datetime
import decimal
import json
import sys

from lxml import etree
import zeep
from zeep import xsd
from zeep.exceptions import Fault
from zeep.helpers import serialize_object

NS = "http://www.superoffice.net/ws/crm/NetServer/Services88"
UNKNOWN_NS = "urn:soapgen:interop"
OTHER_NODE = "urn:soapgen:interop:elsewhere"
ENV = {"11": "http://schemas.xmlsoap.org/soap/envelope/", "12": "http://www.w3.org/2003/05/soap-envelope"}


def fmt_datetime(v):
    s = v.strftime("%Y-%m-%dT%H:%M:%S")
    if v.microsecond:
        s += ("." + "%06d" % v.microsecond).rstrip("0")
    off = v.utcoffset()
    if off is not None:
        if off == datetime.timedelta(0):
            s += "Z"
        else:
            mins = int(off.total_seconds() // 60)
            sign = "+" if mins >= 0 else "-"
            mins = abs(mins)
            s += "%s%02d:%02d" % (sign, mins // 60, mins % 60)
    return s


def canon(v, in_list=False):
    """zeep gives None for an absent and for an xsi:nil element alike:
    members that are None are left out, list items that are None are null."""
    if isinstance(v, dict):
        return {k: canon(x) for k, x in v.items() if x is not None}
    if isinstance(v, list):
        # A flag set (xs:list of an enumeration) comes as a list of names.
        if v and all(isinstance(x, str) for x in v) and all(x[:1].isupper() for x in v):
            return " ".join(v)
        return [canon(x, True) for x in v]
    if isinstance(v, datetime.datetime):
        return fmt_datetime(v)
    if isinstance(v, bytes):
        return base64.b64encode(v).decode()
    if isinstance(v, decimal.Decimal):
        return str(v)
    return v


def unwrap(v):
    """An ArrayOfX or a dictionary comes as {"X": [items]}: the canonical
    form is the list."""
    if isinstance(v, dict):
        out = {}
        for k, x in v.items():
            out[k] = unwrap(x)
        if len(out) == 1:
            (k, x), = out.items()
            if isinstance(x, list) and (k.endswith("KeyValuePair") or k.endswith("NameValuePair") or k == "UserGroup"):
                return x
        return out
    if isinstance(v, list):
        return [unwrap(x) for x in v]
    return v


def xml_canon(el):
    children = [c for c in el if isinstance(c.tag, str)]
    if not children:
        return el.text or ""
    return {etree.QName(c).localname: xml_canon(c) for c in children}


def fault_canon(f):
    code = f.code or ""
    if ":" in code:
        code = code.split(":", 1)[1]
    out = {"code": code, "reason": f.message}
    if f.detail is not None:
        children = [c for c in f.detail if isinstance(c.tag, str)]
        if children:
            out["detail"] = xml_canon(f.detail)
    return out


def result_canon(r):
    d = serialize_object(r)
    return {"header": unwrap(canon(d.get("header") or {})), "body": unwrap(canon(d.get("body") or {}))}


def main():
    user_wsdl, person_wsdl, user_url, person_url, version = sys.argv[1:6]
    settings = zeep.Settings(strict=True)
    uc = zeep.Client(user_wsdl, settings=settings)
    pc = zeep.Client(person_wsdl, settings=settings)
    us = uc.create_service("{%s}BasicHttpBinding_User" % NS, user_url)
    ps = pc.create_service("{%s}BasicHttpBinding_Person" % NS, person_url)

    headers = {
        "ApplicationToken": "app-token",
        "Credentials": {"Ticket": "7T:ticket=="},
        "TimeZone": {"SoTimeZoneId": 7, "SoTimeZoneLocationCode": "NOOSL"},
    }

    def header_elements(actor):
        """The headers as elements, zeep rendering the declared ones, and
        the unknown mandatory entry."""
        els = []
        for name, value in headers.items():
            holder = etree.Element("holder")
            uc.get_element("{%s}%s" % (NS, name)).render(holder, value)
            els.append(holder[0])
        env = ENV[version]
        attrs = {"{%s}mustUnderstand" % env: "1"}
        if actor:
            attrs["{%s}%s" % (env, "role" if version == "12" else "actor")] = OTHER_NODE
        u = etree.Element("{%s}Unknown" % UNKNOWN_NS, attrs, nsmap={"u": UNKNOWN_NS})
        u.text = "x"
        els.append(u)
        return els

    user = {
        "TableRight": {"Mask": ["Select", "Delete"], "Reason": xsd.Nil},
        "AssociateId": 42,
        "Name": "  Ada  Lovelace ",
        "Rank": 3,
        "Tooltip": "line1\r\nline2\ttab <&>",
        "Role": {"Id": 7, "Value": "Admin", "Tooltip": xsd.Nil},
        "UserGroup": {"Value": "Sales", "Id": 1, "Rank": 2, "Deleted": False},
        "OtherGroups": {"UserGroup": [
            {"Value": "Support", "Id": 2},
            xsd.Nil,
            {"TableRight": {"Mask": ["Select"]}, "Value": "Ops", "Id": 3},
        ]},
        "Deleted": False,
        # A string goes out as it is: a datetime would lose the 7th digit.
        "Lastlogin": "2025-11-26T12:08:54.1234567+01:00",
        "Lastlogout": "2025-11-26T18:30:05.5",
        "EjUserId": 0,
        "RequestSignature": xsd.Nil,
        "Type": "InternalAssociate",
        "UserName": "ada",
        "ExtraFields": {"StringKeyValuePair": [
            {"Key": "a", "Value": "1"},
            {"Key": "empty", "Value": ""},
            {"Key": "none", "Value": xsd.Nil},
        ]},
    }

    cases = [
        ("user", lambda: us.SaveUser(User=user, _soapheaders=headers)),
        ("serviceerror", lambda: us.SetUserPresenceStatus(AssociateId=404, UserPresenceStatus={"Status": "StatusNotAvailable", "Message": "away"}, _soapheaders=headers)),
        ("fault", lambda: us.SetUserPresenceStatus(AssociateId=13, UserPresenceStatus={"Status": "StatusNormal", "Message": "x"}, _soapheaders=headers)),
        ("mustunderstand", lambda: us.GetUserPresenceStatus(AssociateId=2, _soapheaders=header_elements(False))),
        ("actor", lambda: us.GetUserPresenceStatus(AssociateId=3, _soapheaders=header_elements(True))),
        ("image-set", lambda: ps.SetPersonImage(PersonId=5, Image=bytes(range(256)), _soapheaders=headers)),
        ("image-get", lambda: ps.GetPersonImage(PersonId=5, _soapheaders=headers)),
    ]
    for name, call in cases:
        try:
            resp = result_canon(call())
        except Fault as f:
            resp = {"fault": fault_canon(f)}
        except Exception as e:  # reported, not hidden: the Go test fails on it
            resp = {"error": "%s: %s" % (type(e).__name__, e)}
        print(json.dumps({"case": name, "response": resp}), flush=True)


if __name__ == "__main__":
    main()
