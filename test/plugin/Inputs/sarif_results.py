#!/usr/bin/env python3
"""Prints clang's SARIF results one per line: level, file:line:col, message;
then each related location as a note."""
import json
import os
import sys

doc = json.loads(sys.stdin.read())
for run in doc["runs"]:
    for r in run["results"]:
        for loc in r.get("locations", [])[:1]:
            p = loc["physicalLocation"]
            reg = p["region"]
            print("%s %s:%d:%d %s" % (r["level"], os.path.basename(p["artifactLocation"]["uri"]),
                                       reg["startLine"], reg["startColumn"], r["message"]["text"]))
        for loc in r.get("relatedLocations", []):
            p = loc.get("physicalLocation")
            if p:
                reg = p["region"]
                print("note %s:%d:%d %s" % (os.path.basename(p["artifactLocation"]["uri"]),
                                            reg["startLine"], reg["startColumn"],
                                            loc.get("message", {}).get("text", "")))
