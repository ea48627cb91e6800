"""JSON-RPC errors: every response in order, one line each."""
import sys
from lspclient import Client, show

c = Client(sys.argv[1])


def frame(body):
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


# Before initialize: ServerNotInitialized; notifications are dropped.
c.notify("textDocument/didOpen", {"textDocument": {"uri": "file:///nonexistent.c", "text": ""}})
show(c.response(c.request("shutdown")))
show(c.initialize())
c.raw(frame(b'{"jsonrpc": "2.0", "id": 2, "method": '))           # cut short
show(c.wait(lambda m: True))
c.raw(frame(b'{"jsonrpc": "2.0", "id": 3, "method": "x"} trailing'))
show(c.wait(lambda m: True))
c.raw(frame(b'\xff\xfe{}'))                                        # not UTF-8 JSON
show(c.wait(lambda m: True))
show(c.response(c.request("textDocument/hover", {"position": {"line": 0, "character": 0}})))
show(c.response(c.request("$/unknownRequest")))
# Notifications: $/cancelRequest, unknown ones, and one with bad params are
# never answered; the next request's answer is the next message.
c.notify("$/cancelRequest", {"id": 5})
c.notify("$/cancelRequest", {"id": "no-such-request"})
c.notify("$/cancelRequest")
c.notify("workspace/didChangeConfiguration", {"settings": {}})
c.notify("textDocument/didChange", {"textDocument": {"uri": "file:///not-open.c", "version": 2},
                                    "contentChanges": [{"text": "int x;"}]})
c.notify("textDocument/didOpen", {"textDocument": {"uri": "untitled:Untitled-1", "text": "int x;"}})
c.notify("textDocument/didOpen", 42)
show(c.response(c.request("workspace/symbol", {"query": ""})))
# Invalid requests: -32600.
c.send({"jsonrpc": "2.0", "id": 10})                               # no method
show(c.wait(lambda m: True))
c.send({"jsonrpc": "1.0", "id": 11, "method": "shutdown"})         # not 2.0
show(c.wait(lambda m: True))
c.send({"jsonrpc": "2.0", "id": {"a": 1}, "method": "shutdown"})   # id of no kind
show(c.wait(lambda m: True))
c.send([{"jsonrpc": "2.0", "id": 12, "method": "shutdown"}])       # a batch
show(c.wait(lambda m: True))
c.send(42)
show(c.wait(lambda m: True))
c.send({"jsonrpc": "2.0", "id": 13, "method": "shutdown", "params": 7})
show(c.wait(lambda m: True))
show(c.response(c.request("initialize", {"capabilities": {}})))  # twice
# A header block without a length is skipped; the server reads on.
c.raw(b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n")
c.raw(b"Content-Length: twelve\r\n\r\n")
# A response to nothing (the server sends no requests) is ignored.
c.send({"jsonrpc": "2.0", "id": 99, "result": None})
show(c.response(c.request("shutdown")))
show(c.response(c.request("textDocument/hover")))                  # after shutdown
c.notify("exit")
print("exit status", c.finish())
print("messages", len(c.seen))
