"""Breaks a SARIF log read from stdin in one named way and writes it to
stdout, to show that the validator rejects it.

  break-sarif.py no-version | bad-level | bad-uri | no-base | dup-fingerprint"""
import json
import sys

log = json.load(sys.stdin)
run = log["runs"][0]
what = sys.argv[1]
if what == "no-version":            # the schema requires it
    del log["version"]
elif what == "bad-level":           # not in the schema's enum
    run["results"][0]["level"] = "warn"
elif what == "bad-uri":             # a space is not allowed in a URI
    run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = "a b.c"
elif what == "no-base":             # a uriBaseId that the run does not define
    del run["originalUriBaseIds"]
elif what == "dup-fingerprint":     # two results, one fingerprint
    fp = run["results"][0]["partialFingerprints"]
    run["results"][1]["partialFingerprints"] = dict(fp)
else:
    sys.exit("unknown breakage " + what)
json.dump(log, sys.stdout, indent=2)
