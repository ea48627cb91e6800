"""didOpen of a buggy file, the diagnostics; an unsaved fix, none; the bug
back, and a save; didClose clears them."""
import sys
from lspclient import Client, show
from fixes import fixed, summary

server, path, upath = sys.argv[1:4]
c = Client(server)
show(c.initialize())
text = open(path).read()
c.open(path, text, version=1)
m = c.diagnostics(path, 1)
show(m)
summary(m)
c.change(path, fixed(text), 2)
summary(c.diagnostics(path, 2))
c.change(path, text, 3)
summary(c.diagnostics(path, 3))
c.notify("textDocument/didSave", {"textDocument": {"uri": m["params"]["uri"]}})
summary(c.diagnostics(path, 3))
c.close(path)
summary(c.diagnostics(path))
# Columns count UTF-16 code units: a comment with non-ASCII text before the call.
c.open(upath, version=7)
summary(c.diagnostics(upath, 7))
print("exit status", c.shutdown_exit())
