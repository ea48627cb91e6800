"""Bad input of every kind the framing and the methods can meet: the
server answers what it must, stays up, and ends on the end of input."""
import json
import random
import sys
from lspclient import Client, show, uri

server, path = sys.argv[1:3]
c = Client(server)
c.initialize()


def frame(body):
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


rnd = random.Random(7)
for _ in range(50):		# random bytes, framed: each is a parse error
    c.raw(frame(bytes(rnd.randrange(256) for _ in range(rnd.randrange(1, 200))).replace(b"{", b"(")))
c.raw(frame(b"[" * 5000 + b"]" * 5000))				# nested too deep
c.raw(frame(b'{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file://%s", "text": "int x;\\u0000 garbage"}}}' % path.encode()))
bad_params = [
    {"textDocument": {"uri": 42, "text": "int x;"}},
    {"textDocument": {"uri": uri(path), "text": {"no": "text"}}},
    {"textDocument": {"uri": uri(path), "text": "int y;", "version": "seven"}},
    {"textDocument": "file:///x.c"},
    {},
]
for p in bad_params:
    c.notify("textDocument/didOpen", p)
c.notify("textDocument/didChange", {"textDocument": {"uri": uri(path), "version": 9},
                                    "contentChanges": [{"range": {"start": {"line": 0, "character": 0},
                                                                  "end": {"line": 0, "character": 1}},
                                                        "text": "x"}]})
c.notify("textDocument/didChange", {"textDocument": {"uri": uri(path), "version": 10},
                                    "contentChanges": "not a list"})
c.notify("textDocument/didSave", {"textDocument": {"uri": uri(path)}, "text": 5})
c.notify("textDocument/didClose", {"textDocument": {"uri": uri(path)}})
c.notify("textDocument/didClose", {"textDocument": {"uri": uri(path)}})	# twice
c.raw(b"Content-Length: -5\r\n\r\n")
c.raw(b"Content-Length: 99999999999999999999999\r\n\r\n")
c.raw(b"\r\n\r\n\r\n")
i = c.request("still/there")
r = c.response(i)
errors = [m for m in c.seen if "error" in m and m.get("id") is None]
print("parse errors with id null:", len(errors), "of at least 51")
print("only errors and diagnostics in between:", all("error" in m or m.get("method") == "textDocument/publishDiagnostics"
                                          for m in c.seen[1:-1]))
show(r)
# A declared length longer than what follows, then the end of input.
c.raw(b"Content-Length: 1000\r\n\r\n{\"jsonrpc\":")
print("end of input: exit status", c.finish())
