#!/usr/bin/env python3
"""compare.py <clang-tidy> <cancelcheck> <source> [<compiler args>...]

Runs clang-tidy's two coroutine lock checks and cancelcheck's
suspend-holding-lock on one C++ source and compares them, line by line:

- every line clang-tidy reports, cancelcheck reports too (for
  cppcoreguidelines-no-suspend-with-lock: a finding at that suspend; for
  misc-coroutine-hostile-raii, which points at the guard's declaration: a
  finding whose lock was acquired on that line), unless the line is marked
  TIDY-FP (the lock is released before the suspend), where cancelcheck
  must report nothing;
- every other finding of cancelcheck is on a line marked EXTRA, and every
  EXTRA line has one.

Prints a summary; exit 1 naming each difference."""
import json
import re
import subprocess
import sys

tidy, cck, src = sys.argv[1], sys.argv[2], sys.argv[3]
args = sys.argv[4:]
marks = {}
for n, text in enumerate(open(src), 1):
    for m in ("TIDY-FP", "EXTRA"):
        if "// " + m in text:
            marks[n] = m

out = subprocess.run([tidy, "--quiet",
                      "--checks=-*,misc-coroutine-hostile-raii,cppcoreguidelines-no-suspend-with-lock",
                      src, "--"] + args, capture_output=True, text=True).stdout
tidy_found = []		# (line, check)
for line in out.splitlines():
    m = re.match(r".*?:(\d+):\d+: warning: .*\[(misc-coroutine-hostile-raii|cppcoreguidelines-no-suspend-with-lock)\]$", line)
    if m:
        tidy_found.append((int(m.group(1)), m.group(2)))

p = subprocess.run([cck, "--checks=-*,suspend-holding-lock", "--format=json", src, "--"] + args,
                   capture_output=True, text=True)
if p.returncode not in (0, 1):
    sys.exit("compare.py: cancelcheck failed (%d): %s" % (p.returncode, p.stderr.strip()))
cck_found = json.loads(p.stdout)
at_suspend = {d["line"] for d in cck_found}
acquired_on = {n["line"] for d in cck_found for n in d["notes"] if "acquired here" in n["message"]}

bad = []
matched = set()
for line, check in tidy_found:
    fp = marks.get(line) == "TIDY-FP"
    if check == "cppcoreguidelines-no-suspend-with-lock":
        hit = line in at_suspend
        if hit:
            matched.add(line)
    else:
        hit = line in acquired_on
        if hit:
            matched.update(d["line"] for d in cck_found
                           if any(n["line"] == line and "acquired here" in n["message"]
                                  for n in d["notes"]))
    if fp and hit:
        bad.append("line %d: clang-tidy's %s is on a lock released before the suspend, "
                   "and cancelcheck reports it too" % (line, check))
    elif not fp and not hit:
        bad.append("line %d: clang-tidy's %s finding is missing from cancelcheck" % (line, check))
for line in sorted(marks):
    if marks[line] == "TIDY-FP" and not any(l == line for l, _ in tidy_found):
        bad.append("line %d is marked TIDY-FP but clang-tidy does not report it" % line)
extra = sorted({d["line"] for d in cck_found} - matched)
for line in extra:
    if marks.get(line) != "EXTRA":
        bad.append("line %d: cancelcheck reports it, clang-tidy does not, and it is not "
                   "marked EXTRA" % line)
for line in sorted(marks):
    if marks[line] == "EXTRA" and line not in at_suspend:
        bad.append("line %d is marked EXTRA but cancelcheck does not report it" % line)

fps = sum(1 for l, _ in tidy_found if marks.get(l) == "TIDY-FP")
print("clang-tidy: %d findings, %d of them on locks released before the suspend"
      % (len(tidy_found), fps))
print("cancelcheck: %d findings, %d that clang-tidy does not make" % (len(cck_found), len(extra)))
for b in bad:
    print("compare.py: " + b)
sys.exit(1 if bad else 0)
