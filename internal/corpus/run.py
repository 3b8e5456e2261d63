#!/usr/bin/env python3
"""Run soapgen (generate, then go vet), zeep and wsimport on every WSDL 1.1 file of the corpus.

    CORPUS_DIR=/tmp/x bash internal/corpus/fetch.sh      # writes $CORPUS_DIR/roots.tsv
    python3 internal/corpus/run.py $CORPUS_DIR [-j 2] [--no-wsimport]

Reads roots.tsv (kind, name, version, folder), finds every file whose root element is
{http://schemas.xmlsoap.org/wsdl/}definitions, keeps the first of each content hash (sources in
roots.tsv order), and writes into $CORPUS_DIR/results/: manifest.tsv, results.jsonl and
summary.md. soapgen runs with -root at the source's folder (the module, package or .deb
root), so schemas in parent folders are found; never -allow-remote. zeep (Debian's
python3-zeep, /usr/bin/python3) runs with a transport that refuses every URL with a scheme:
such files are counted as remote-import files, not as zeep failures.
"""
import argparse
import concurrent.futures as cf
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

WSDL11 = "{http://schemas.xmlsoap.org/wsdl/}definitions"
SOAPGEN_REPO = os.environ.get("SOAPGEN_REPO", os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
SOAPGEN_BIN = os.environ.get("SOAPGEN_BIN", "/tmp/soapgen-bin")
ZEEP_PY = os.environ.get("ZEEP_PYTHON", "/usr/bin/python3")
TIMEOUT = {"soapgen": 120, "vet": 300, "zeep": 120, "wsimport": 240}

ZEEP_SCRIPT = r'''
import sys, traceback
import zeep
from zeep.transports import Transport
class Remote(Exception):
    pass
class LocalOnly(Transport):
    def load(self, url):
        if "://" in url and not url.startswith("file://"):
            raise Remote(url)
        return super().load(url)
    def _load_remote_data(self, url):
        raise Remote(url)
try:
    c = zeep.Client(sys.argv[1], transport=LocalOnly(), settings=zeep.Settings(strict=True))
    n = 0
    for s in c.wsdl.services.values():
        for p in s.ports.values():
            n += len(p.binding._operations)
    print("OK operations=%d" % n)
except Remote as e:
    print("REMOTE %s" % e); sys.exit(3)
except BaseException as e:
    print("ERR %s: %s" % (type(e).__name__, str(e).splitlines()[0] if str(e) else "")); sys.exit(2)
'''


def is_wsdl11(path):
    """The root element is WSDL 1.1's definitions. A file whose XML declaration follows blank
    lines (not well-formed, but published so) counts too: the tools are to say what they do
    with it."""
    import io
    try:
        if os.path.getsize(path) > 64 << 20:
            return False
        data = open(path, "rb").read()
        for attempt in (data, data.lstrip()):
            try:
                for _, el in ET.iterparse(io.BytesIO(attempt), events=("start",)):
                    return el.tag == WSDL11
            except ET.ParseError:
                continue
    except Exception:
        return False
    return False


def collect(corpus_dir):
    roots = []
    with open(os.path.join(corpus_dir, "roots.tsv")) as f:
        for line in f:
            kind, name, ver, d = line.rstrip("\n").split("\t")
            roots.append((kind, name, ver, d))
    seen = {}
    entries = []
    dups = []
    for kind, name, ver, d in roots:
        for dirpath, dirnames, filenames in os.walk(d):
            dirnames.sort()
            for fn in sorted(filenames):
                if not re.search(r"\.(wsdl|xml|svc|asmx|wsdl\.xml)$", fn, re.I):
                    continue
                p = os.path.join(dirpath, fn)
                if not is_wsdl11(p):
                    continue
                h = hashlib.sha256(open(p, "rb").read()).hexdigest()
                src = "%s:%s@%s" % (kind, name, ver)
                rel = os.path.relpath(p, d)
                if h in seen:
                    dups.append((src, rel, seen[h]))
                    continue
                e = {"id": "w%03d" % (len(entries) + 1), "sha256": h, "source": src,
                     "path": rel, "abs": p, "root": d}
                seen[h] = e["id"]
                entries.append(e)
    return entries, dups


def run(cmd, timeout, cwd=None, env=None):
    t0 = time.time()
    try:
        p = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
        return p.returncode, p.stdout, p.stderr, time.time() - t0
    except subprocess.TimeoutExpired as e:
        return "timeout", e.stdout or "", e.stderr or "", time.time() - t0


POSITIONED = re.compile(r"^\S+:\d+:\d+: ")


def soapgen_job(e, vetdir):
    pkg = e["id"]
    out = os.path.join(vetdir, pkg)
    shutil.rmtree(out, ignore_errors=True)
    rc, so, se, dt = run([SOAPGEN_BIN, "generate", "-o", out, "-pkg", pkg, "-root", e["root"], e["abs"]],
                         TIMEOUT["soapgen"])
    r = {"soapgen_rc": rc, "soapgen_s": round(dt, 2)}
    msg = (se.strip() or so.strip()).replace(e["root"] + "/", "")
    if rc == 0:
        env = dict(os.environ, GOFLAGS="-mod=mod", GOPROXY="off", GOWORK="off")
        vrc, vo, ve, vdt = run(["go", "vet", "./" + pkg], TIMEOUT["vet"], cwd=vetdir, env=env)
        r["vet_rc"], r["vet_s"] = vrc, round(vdt, 2)
        lines = [l for l in (ve + vo).splitlines() if l.strip() and not l.startswith("#")]
        if vrc == 0:
            r["soapgen"] = "ok"
        else:
            r["soapgen"] = "vet-fail"
            r["msg"] = lines[0] if lines else "(vet rc %s)" % vrc
        gf = subprocess.run(["gofmt", "-l", out], capture_output=True, text=True).stdout.strip()
        if gf:
            r["gofmt_dirty"] = gf.splitlines()
    elif rc == "timeout":
        r["soapgen"], r["msg"] = "hang", "timeout after %ss" % TIMEOUT["soapgen"]
    elif "panic:" in msg or "goroutine " in msg or rc not in (0, 1):
        r["soapgen"] = "crash"
        r["msg"] = "\n".join(msg.splitlines()[:12])
    else:
        first = msg.splitlines()[0] if msg else ""
        r["soapgen"] = "refused" if POSITIONED.match(first) else "refused-unpositioned"
        r["msg"] = first
        r["nerr"] = len(msg.splitlines())
    return r


def zeep_job(e):
    rc, so, se, dt = run([ZEEP_PY, "-c", ZEEP_SCRIPT, e["abs"]], TIMEOUT["zeep"])
    out = (so.strip().splitlines() or [""])[-1].replace(e["root"] + "/", "")
    if rc == 0:
        z = "ok" if not out.endswith("operations=0") else "ok-0-operations"
    elif rc == 3:
        z = "remote"
    elif rc == "timeout":
        z, out = "hang", "timeout"
    else:
        z = "fail"
        if not out:
            out = (se.strip().splitlines() or [""])[-1]
    return {"zeep": z, "zeep_msg": out, "zeep_s": round(dt, 2)}


def wsimport_job(e, tmp):
    d = os.path.join(tmp, "wsimport", e["id"])
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    rc, so, se, dt = run(["wsimport", "-Xnocompile", "-quiet", "-d", d, "-s", d, e["abs"]], TIMEOUT["wsimport"])
    txt = (so + se)
    lines = [l for l in txt.splitlines() if l.strip()]
    errs = [l for l in lines if l.startswith("[ERROR]")] or lines
    if rc == 0:
        w = "ok"
    elif rc == "timeout":
        w = "hang"
    elif re.search(r'UnknownHost|Connection refused|connect timed out|NoRouteToHost|Network is unreachable|Unable to parse "https?://', txt):
        w = "remote"
    else:
        w = "fail"
    errs = [l.replace("file:" + e["root"] + "/", "").replace(e["root"] + "/", "") for l in errs]
    return {"wsimport": w, "wsimport_msg": errs[0][:300] if errs and w != "ok" else "", "wsimport_s": round(dt, 2)}


def normalize(msg):
    m = POSITIONED.sub("", msg)
    m = re.sub(r"\{[^}]*\}", "{…}", m)
    m = re.sub(r'"[^"]*"', '"…"', m)
    m = re.sub(r"\b\d+\b", "N", m)
    return m


def vet_cause(msg):
    m = re.sub(r"^\S+\.go:\d+:\d+: ", "", msg)
    m = re.sub(r"\b[A-Z]\w*\b", "X", m)
    m = re.sub(r'"[^"]*"', '"…"', m)
    m = re.sub(r"\b\d+\b", "N", m)
    return m


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus_dir")
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("--no-wsimport", action="store_true")
    ap.add_argument("--no-zeep", action="store_true")
    a = ap.parse_args()
    res = os.path.join(a.corpus_dir, "results")
    os.makedirs(res, exist_ok=True)
    entries, dups = collect(a.corpus_dir)
    with open(os.path.join(res, "manifest.tsv"), "w") as f:
        f.write("id\tsha256\tsource\tpath\n")
        for e in entries:
            f.write("%s\t%s\t%s\t%s\n" % (e["id"], e["sha256"], e["source"], e["path"]))
        for src, rel, of in dups:
            f.write("dup-of-%s\t\t%s\t%s\n" % (of, src, rel))
    print("%d WSDL 1.1 files (%d duplicates left out)" % (len(entries), len(dups)), file=sys.stderr)

    vetdir = os.path.join(a.corpus_dir, "vet")
    os.makedirs(vetdir, exist_ok=True)
    with open(os.path.join(vetdir, "go.mod"), "w") as f:
        f.write("module corpusvet\n\ngo 1.26.0\n\nrequire github.com/soapgen/soapgen v0.0.0\n\n"
                "replace github.com/soapgen/soapgen => %s\n" % SOAPGEN_REPO)
    shutil.copy(os.path.join(SOAPGEN_REPO, "go.sum"), os.path.join(vetdir, "go.sum"))

    def job(e):
        r = dict(id=e["id"], source=e["source"], path=e["path"])
        r.update(soapgen_job(e, vetdir))
        if not a.no_zeep:
            r.update(zeep_job(e))
        if not a.no_wsimport:
            r.update(wsimport_job(e, a.corpus_dir))
        print("%s %-8s %-10s %-8s %s %s" % (e["id"], r["soapgen"], r.get("zeep", ""), r.get("wsimport", ""),
                                          e["source"], e["path"]), file=sys.stderr, flush=True)
        return r

    with cf.ThreadPoolExecutor(a.j) as ex:
        results = list(ex.map(job, entries))
    with open(os.path.join(res, "results.jsonl"), "w") as f:
        for r in results:
            f.write(json.dumps(r, sort_keys=True) + "\n")
    summarize(results, entries, dups, res)


def summarize(results, entries, dups, res):
    from collections import Counter, defaultdict
    L = []
    L.append("# soapgen on the corpus\n")
    L.append("%d WSDL 1.1 files after deduplication by content (%d duplicate copies left out).\n" % (len(entries), len(dups)))
    per = Counter(r["source"] for r in results)
    L.append("| source | files |\n| --- | --- |")
    for s, n in per.items():
        L.append("| %s | %d |" % (s, n))
    L.append("")
    c = Counter(r["soapgen"] for r in results)
    L.append("soapgen: " + ", ".join("%s %d" % kv for kv in c.most_common()) + "\n")
    for tool in ("zeep", "wsimport"):
        if any(tool in r for r in results):
            L.append("%s: " % tool + ", ".join("%s %d" % kv for kv in Counter(r.get(tool) for r in results).most_common()) + "\n")
    x = Counter((r["soapgen"], r.get("zeep", "-")) for r in results)
    L.append("soapgen × zeep:\n\n| soapgen | zeep | files |\n| --- | --- | --- |")
    for (s, z), n in sorted(x.items(), key=lambda kv: -kv[1]):
        L.append("| %s | %s | %d |" % (s, z, n))
    L.append("")
    if any("wsimport" in r for r in results):
        x = Counter((r["soapgen"], r["wsimport"]) for r in results)
        L.append("soapgen × wsimport:\n\n| soapgen | wsimport | files |\n| --- | --- | --- |")
        for (s, w), n in sorted(x.items(), key=lambda kv: -kv[1]):
            L.append("| %s | %s | %d |" % (s, w, n))
        L.append("")
    groups = defaultdict(list)
    for r in results:
        if r["soapgen"] == "ok":
            continue
        key = (r["soapgen"], vet_cause(r["msg"]) if r["soapgen"] == "vet-fail" else normalize(r["msg"]))
        groups[key].append(r)
    L.append("## soapgen causes, most files first\n")
    for (kind, cause), rs in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        z = Counter(r.get("zeep", "-") for r in rs)
        L.append("- **%d** %s: `%s` (zeep: %s)  \n  e.g. %s %s: `%s`" % (
            len(rs), kind, cause, ", ".join("%s %d" % kv for kv in z.most_common()),
            rs[0]["source"], rs[0]["path"], rs[0]["msg"].splitlines()[0][:400]))
    L.append("\n## wsimport failures\n")
    wg = defaultdict(list)
    for r in results:
        if r.get("wsimport") in ("fail", "hang", "remote"):
            wg[re.sub(r'"[^"]*"|\{[^}]*\}|\S+\.wsdl\S*', "…", r["wsimport_msg"])[:120]].append(r)
    for k, rs in sorted(wg.items(), key=lambda kv: -len(kv[1])):
        L.append("- **%d** `%s` e.g. %s %s" % (len(rs), k, rs[0]["source"], rs[0]["path"]))
    L.append("\n## zeep failures\n")
    zg = defaultdict(list)
    for r in results:
        if r.get("zeep") in ("fail", "hang"):
            zg[re.sub(r"'[^']*'|\"[^\"]*\"|\{[^}]*\}", "…", r["zeep_msg"])[:160]].append(r)
    for k, rs in sorted(zg.items(), key=lambda kv: -len(kv[1])):
        L.append("- **%d** `%s` e.g. %s %s" % (len(rs), k, rs[0]["source"], rs[0]["path"]))
    L.append("\n## every file\n\n| id | source | path | soapgen | zeep | wsimport | soapgen message |\n| --- | --- | --- | --- | --- | --- | --- |")
    for r in results:
        L.append("| %s | %s | %s | %s | %s | %s | %s |" % (r["id"], r["source"], r["path"], r["soapgen"], r.get("zeep", ""),
                                                       r.get("wsimport", ""), r.get("msg", "").splitlines()[0][:200].replace("|", "\\|") if r.get("msg") else ""))
    open(os.path.join(res, "summary.md"), "w").write("\n".join(L) + "\n")
    print("\n".join(L[:60]))


if __name__ == "__main__":
    main()
