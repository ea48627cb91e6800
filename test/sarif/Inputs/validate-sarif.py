"""Validates a cancelcheck SARIF log (stdin) against the SARIF 2.1.0 JSON
schema given as argument, then checks what GitHub code scanning and our
docs promise beyond the schema, and prints a summary for FileCheck.
Exit status 1, with the reasons on stdout, if anything is wrong.

  validate-sarif.py SCHEMA [--fingerprints]

--fingerprints prints only "fp <ruleId> <fingerprint>" lines, sorted, so
that two runs can be compared with diff."""
import json
import os
import re
import sys
import urllib.parse

import jsonschema

# RFC 3986 URI-reference: unreserved, sub-delims, ':', '@', '/', '?', '#'
# and percent-encodings only. jsonschema checks "uri" formats only with
# optional packages; this one is stdlib.
URI_CHARS = re.compile(r"^([A-Za-z0-9\-._~!$&'()*+,;=:@/?#]|%[0-9A-Fa-f]{2})*$")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")

errors = []


def fail(msg):
    errors.append(msg)


def uri_reference(s):
    return isinstance(s, str) and bool(URI_CHARS.match(s)) and s.count("#") <= 1


def uri(s):
    return uri_reference(s) and bool(SCHEME.match(s))


def schema_errors(log, schema):
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    fc = jsonschema.FormatChecker()
    fc.checks("uri")(uri)
    fc.checks("uri-reference")(uri_reference)
    v = cls(schema, format_checker=fc)
    for e in sorted(v.iter_errors(log), key=lambda e: list(e.absolute_path)):
        fail("schema (%s): %s: %s" % (cls.__name__,
                                      "/".join(map(str, e.absolute_path)) or "<root>",
                                      e.message))


def check_rule(rule):
    rid = rule.get("id", "?")
    for key in ("name", "helpUri"):
        if not rule.get(key):
            fail("rule %s: no %s" % (rid, key))
    for key in ("shortDescription", "fullDescription"):
        if not rule.get(key, {}).get("text"):
            fail("rule %s: no %s.text" % (rid, key))
    help_ = rule.get("help", {})
    for key in ("text", "markdown"):
        if "cancelcheck: ignore[%s]" % rid not in help_.get(key, ""):
            fail("rule %s: help.%s does not tell how to suppress" % (rid, key))
    uri = rule.get("helpUri", "")
    if not re.match(r"^(https|file)://\S+/%s\.md$" % re.escape(rid), uri):
        fail("rule %s: helpUri is not the check's docs page" % rid)
    elif uri.startswith("file://"):
        page = urllib.parse.unquote(urllib.parse.urlparse(uri).path)
        if not os.path.isfile(page):
            fail("rule %s: helpUri names no file: %s" % (rid, page))
    if rule.get("defaultConfiguration", {}).get("level") != "warning":
        fail("rule %s: defaultConfiguration.level is not warning" % rid)


def show_location(loc, bases):
    art = loc["physicalLocation"]["artifactLocation"]
    u, base = art["uri"], art.get("uriBaseId")
    if base is not None:
        if base not in bases:
            fail("uriBaseId %s not in run.originalUriBaseIds" % base)
        if SCHEME.match(u) or u.startswith("/"):
            fail("%s: a URI with a uriBaseId must be relative" % u)
        shown = "%s:%s" % (base, u)
    else:
        if not u.startswith("file:///"):
            fail("%s: without uriBaseId a URI must be an absolute file:// URI" % u)
        shown = u
    reg = loc["physicalLocation"]["region"]
    return "%s:%d:%d" % (shown, reg["startLine"], reg.get("startColumn", 0))


def check_run(run):
    out = []
    rules = run["tool"]["driver"].get("rules", [])
    ids = [r["id"] for r in rules]
    if len(ids) != len(set(ids)):
        fail("rule ids repeat: %s" % ids)
    for r in rules:
        check_rule(r)
        out.append("rule %s: %s" % (r["id"], r["shortDescription"]["text"]))
    bases = run.get("originalUriBaseIds", {})
    for name, b in bases.items():
        if not b.get("uri", "").startswith("file:///") or not b["uri"].endswith("/"):
            fail("originalUriBaseIds %s: not a file:// URI ending in '/': %s" % (name, b))
        out.append("base %s %s" % (name, urllib.parse.unquote(b.get("uri", ""))))
    if run.get("columnKind") not in ("utf16CodeUnits", "unicodeCodePoints"):
        fail("run.columnKind missing")
    fps = set()
    for r in run["results"]:
        i = r.get("ruleIndex")
        if not isinstance(i, int) or not 0 <= i < len(ids) or ids[i] != r["ruleId"]:
            fail("result %s: ruleIndex %s does not name its rule" % (r["ruleId"], i))
        fp = r.get("partialFingerprints", {}).get("cancelcheck/v1", "")
        if not re.match(r"^[0-9a-f]{64}$", fp):
            fail("result %s: no cancelcheck/v1 fingerprint" % r["ruleId"])
        elif fp in fps:
            fail("result %s: fingerprint %s repeats" % (r["ruleId"], fp))
        fps.add(fp)
        out.append("result %s [%s] %s %s" % (r["ruleId"], r.get("ruleIndex"),
                                             show_location(r["locations"][0], bases),
                                             r["message"]["text"]))
        for rl in r.get("relatedLocations", []):
            out.append("  note %s %s" % (show_location(rl, bases),
                                         rl.get("message", {}).get("text", "")))
    out.append("results: %d" % len(run["results"]))
    return out


def main():
    with open(sys.argv[1]) as f:
        schema = json.load(f)
    log = json.load(sys.stdin)
    schema_errors(log, schema)
    out = []
    if not errors:
        for run in log["runs"]:
            out += check_run(run)
    if errors:
        print("INVALID SARIF")
        for e in errors:
            print("error: " + e)
        return 1
    if "--fingerprints" in sys.argv:
        out = sorted("fp %s %s" % (r["ruleId"], r["partialFingerprints"]["cancelcheck/v1"])
                     for run in log["runs"] for r in run["results"])
    print("valid SARIF")
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
