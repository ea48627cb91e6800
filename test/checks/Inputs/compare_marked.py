#!/usr/bin/env python3
"""Compares cancelcheck's findings on a file from bench/gen_posix.py with the
functions the generator marked '/* expected finding */': every marked
function must have a finding, and no other function may have one.

usage: compare_marked.py SOURCE FINDINGS
"""
import re
import sys

src = open(sys.argv[1]).read().split("\n")
func_at = [None] * (len(src) + 2)
cur = None
for i, line in enumerate(src, 1):
    m = re.match(r"^[a-z].*?\b(\w+)\(.*\)\s*$", line)
    if m and i < len(src) and src[i].strip() == "{":
        cur = m.group(1)
    func_at[i] = cur
marked = {func_at[i] for i, l in enumerate(src, 1) if "expected finding" in l}
found = set()
for line in open(sys.argv[2]):
    m = re.match(r"^.*?:(\d+):\d+: warning: ", line)
    if m:
        found.add(func_at[int(m.group(1))])
missed = sorted(marked - found)
extra = sorted(found - marked)
print(f"marked {len(marked)}, found {len(found)}, missed {len(missed)}, unexpected {len(extra)}")
for f in missed[:10]:
    print("missed:", f)
for f in extra[:10]:
    print("unexpected:", f)
sys.exit(1 if missed or extra or not marked else 0)
