"""Validates cancelcheck --format=json output read from stdin: a JSON array
of finding objects with exactly the contract's keys and types. Prints one
normalized line per finding (file:line:col: severity: check: message, then
one indented line per note) for FileCheck."""
import json
import sys

data = json.load(sys.stdin)
assert isinstance(data, list), "top level is not an array"
keys = {"file", "line", "column", "severity", "check", "message", "notes"}
for f in data:
    assert isinstance(f, dict), f
    assert set(f) == keys, "keys: %s" % sorted(f)
    assert isinstance(f["file"], str) and f["file"], f
    assert isinstance(f["line"], int) and f["line"] > 0, f
    assert isinstance(f["column"], int) and f["column"] > 0, f
    assert f["severity"] in ("warning", "error", "note"), f
    assert isinstance(f["check"], str) and f["check"], f
    assert isinstance(f["message"], str) and f["message"], f
    assert isinstance(f["notes"], list), f
    print("%s:%d:%d: %s: %s: %s" % (f["file"], f["line"], f["column"],
                                   f["severity"], f["check"], f["message"]))
    for n in f["notes"]:
        assert isinstance(n, dict), n
        assert {"file", "line", "column", "message"} <= set(n), n
        assert isinstance(n["line"], int) and isinstance(n["column"], int), n
        print("  note %s:%d:%d: %s" % (n["file"], n["line"], n["column"], n["message"]))
print("findings: %d" % len(data))
