"""Edits sent faster than they are analyzed: versions are published in
order, never an older one after a newer one, and the last one is published
with the diagnostics of its own text."""
import sys
import time
from lspclient import Client
from fixes import fixed, summary

server, path = sys.argv[1:3]
c = Client(server)
c.initialize()
text = open(path).read()
# A long file: its analysis takes long enough for edits to pile up.
filler = "".join("int filler_%d(int x) { return x * %d + 1; }\n" % (i, i) for i in range(3000))
texts = [text + filler, fixed(text) + filler]
c.open(path, texts[0], version=1)
for v in range(2, 22):		# the last, 21, is the buggy text
    c.change(path, texts[(v + 1) % 2], v)
    if v % 5 == 0:
        time.sleep(0.01)
last = c.diagnostics(path, 21)
time.sleep(1.0)			# anything published late would come now
c.response(c.request("shutdown"))
versions = [m["params"].get("version") for m in c.seen
            if m.get("method") == "textDocument/publishDiagnostics"]
print("published versions in order:", "yes" if versions == sorted(versions) else "NO", versions[-1:])
print("last published is 21:", "yes" if versions[-1] == 21 else "NO %s" % versions)
print("each version at most once:", "yes" if len(set(versions)) == len(versions) else "NO")
for m in c.seen:
    p = m.get("params", {})
    if m.get("method") == "textDocument/publishDiagnostics":
        want = 1 if p["version"] % 2 else 0
        if len(p["diagnostics"]) != want:
            print("version %d has %d diagnostics, its text %d" % (p["version"], len(p["diagnostics"]), want))
summary(last)
c.notify("exit")
print("exit status", c.finish())
