#!/usr/bin/env python3
"""exports.py <libcco.so> <cco.h> [<symbols>]: the shared library's
dynamic symbols are exactly the functions cco.h declares (cco_*, not the
runtime's cco__* internals and nothing else), and, given a Debian symbols
file (the ABI record, packaging/libcco.symbols), exactly the ones it
lists. Prints the count; exit 1 naming the difference."""
import re
import subprocess
import sys

lib, header = sys.argv[1], sys.argv[2]
out = subprocess.run(["nm", "-D", "--defined-only", lib], check=True,
                     capture_output=True, text=True).stdout
exported = set()
for line in out.splitlines():
    parts = line.split()
    if len(parts) == 3 and parts[1] not in ("A",):	# A: version node names
        exported.add(parts[2].split("@")[0])
text = open(header).read()
text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
declared = set()
for m in re.finditer(r"^[A-Za-z_][\w \t\*]*?\b(cco_[a-z]\w*)\s*\(", text, re.M):
    if not re.match(r"\s*(static|#)", m.group(0)):
        declared.add(m.group(1))
bad = False
for name in sorted(exported - declared):
    print("exports.py: %s exports %s, which cco.h does not declare" % (lib, name))
    bad = True
for name in sorted(declared - exported):
    print("exports.py: cco.h declares %s, which %s does not export" % (name, lib))
    bad = True
if len(sys.argv) > 3:
    listed = set()
    for line in open(sys.argv[3]):
        if line.startswith(" "):
            listed.add(line.split()[0].split("@")[0])
    for name in sorted(exported - listed):
        print("exports.py: %s exports %s, which %s does not list" % (lib, name, sys.argv[3]))
        bad = True
    for name in sorted(listed - exported):
        print("exports.py: %s lists %s, which %s does not export" % (sys.argv[3], name, lib))
        bad = True
if not declared:
    print("exports.py: no function found in %s" % header)
    bad = True
print("exports: %d functions, %d symbols" % (len(declared), len(exported)))
sys.exit(1 if bad else 0)
