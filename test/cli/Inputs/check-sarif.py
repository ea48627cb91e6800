"""Validates cancelcheck --format=sarif output read from stdin against the
parts of SARIF 2.1.0 that GitHub code scanning requires, and prints one
line per result for FileCheck."""
import json
import sys

log = json.load(sys.stdin)
assert log["version"] == "2.1.0", log.get("version")
assert "sarif-2.1.0" in log.get("$schema", ""), log.get("$schema")
assert isinstance(log["runs"], list) and len(log["runs"]) == 1
run = log["runs"][0]
driver = run["tool"]["driver"]
assert driver["name"] == "cancelcheck", driver["name"]
rule_ids = [r["id"] for r in driver.get("rules", [])]
assert len(rule_ids) == len(set(rule_ids)), rule_ids
for rule in driver.get("rules", []):    # code scanning shows this per rule
    assert rule["shortDescription"]["text"], rule
results = run["results"]
assert isinstance(results, list)
for r in results:
    assert r["ruleId"] in rule_ids, (r["ruleId"], rule_ids)
    if "ruleIndex" in r:
        assert rule_ids[r["ruleIndex"]] == r["ruleId"], r
    assert r["level"] in ("none", "note", "warning", "error"), r
    assert isinstance(r["message"]["text"], str) and r["message"]["text"]
    locs = r["locations"]
    assert isinstance(locs, list) and len(locs) >= 1
    pl = locs[0]["physicalLocation"]
    uri = pl["artifactLocation"]["uri"]
    assert uri, pl
    if "uriBaseId" in pl["artifactLocation"]:   # relative to a run's base
        base = pl["artifactLocation"]["uriBaseId"]
        assert base in run["originalUriBaseIds"], base
        uri = base + ":" + uri
    reg = pl["region"]
    assert isinstance(reg["startLine"], int) and reg["startLine"] >= 1
    if "startColumn" in reg:
        assert isinstance(reg["startColumn"], int) and reg["startColumn"] >= 1
    print("result %s %s %s:%d:%d %s" % (r["ruleId"], r["level"], uri, reg["startLine"],
                                        reg.get("startColumn", 0), r["message"]["text"]))
    for rl in r.get("relatedLocations", []):
        p = rl["physicalLocation"]
        a = p["artifactLocation"]
        rel_uri = (a["uriBaseId"] + ":" if "uriBaseId" in a else "") + a["uri"]
        print("  related %s:%d: %s" % (rel_uri, p["region"]["startLine"],
                                       rl.get("message", {}).get("text", "")))
print("results: %d" % len(results))
