"""A small LSP client for the language server's tests (stdlib only).

Starts `cancelcheck --lsp`, frames JSON-RPC messages with Content-Length,
and reads the server's messages on a thread so a test can wait for one
with a deadline. A test that times out prints TIMEOUT and exits 1.
"""
import json
import os
import queue
import subprocess
import sys
import threading
import time

TIMEOUT = float(os.environ.get("LSP_TEST_TIMEOUT", "120"))


def uri(path):
    return "file://" + os.path.abspath(path)


def show(msg):
    """One message as one line, keys sorted, for FileCheck."""
    print(json.dumps(msg, sort_keys=True), flush=True)


class Client:
    def __init__(self, server, args=()):
        self.p = subprocess.Popen([server, "--lsp", *args], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE)
        self.q = queue.Queue()
        self.next_id = 1
        self.seen = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        f = self.p.stdout
        while True:
            length = None
            while True:
                line = f.readline()
                if not line:
                    self.q.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                k, _, v = line.partition(b":")
                if k.strip().lower() == b"content-length":
                    length = int(v)
            if length is None:
                self.q.put({"client-error": "a header without Content-Length"})
                continue
            body = f.read(length)
            self.q.put(json.loads(body))

    def raw(self, data):
        self.p.stdin.write(data)
        self.p.stdin.flush()

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def request(self, method, params=None):
        i = self.next_id
        self.next_id += 1
        m = {"jsonrpc": "2.0", "id": i, "method": method}
        if params is not None:
            m["params"] = params
        self.send(m)
        return i

    def notify(self, method, params=None):
        m = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            m["params"] = params
        self.send(m)

    def wait(self, pred, timeout=TIMEOUT, what="a message"):
        """The first message pred accepts; the others are kept in self.seen."""
        end = time.monotonic() + timeout
        while True:
            left = end - time.monotonic()
            try:
                m = self.q.get(timeout=max(left, 0.01))
            except queue.Empty:
                m = "timeout"
            if m == "timeout" or (m is None):
                print("TIMEOUT waiting for %s%s" % (what, "" if m else " (the server exited)"),
                      flush=True)
                self.kill()
                sys.exit(1)
            self.seen.append(m)
            if pred(m):
                return m

    def response(self, i, timeout=TIMEOUT):
        return self.wait(lambda m: m.get("id") == i and ("result" in m or "error" in m),
                         timeout, "the response to %s" % i)

    def diagnostics(self, path, version=None, timeout=TIMEOUT):
        u = uri(path)

        def ok(m):
            p = m.get("params", {})
            return (m.get("method") == "textDocument/publishDiagnostics" and p.get("uri") == u
                    and (version is None or p.get("version") == version))
        return self.wait(ok, timeout, "diagnostics of %s version %s" % (path, version))

    def initialize(self, init_options=None, root=None):
        params = {"processId": os.getpid(), "rootUri": uri(root) if root else None,
                  "capabilities": {}}
        if init_options is not None:
            params["initializationOptions"] = init_options
        r = self.response(self.request("initialize", params))
        self.notify("initialized", {})
        return r

    def open(self, path, text=None, version=1, lang="c"):
        if text is None:
            with open(path) as f:
                text = f.read()
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri(path), "languageId": lang, "version": version, "text": text}})

    def change(self, path, text, version):
        self.notify("textDocument/didChange", {
            "textDocument": {"uri": uri(path), "version": version},
            "contentChanges": [{"text": text}]})

    def close(self, path):
        self.notify("textDocument/didClose", {"textDocument": {"uri": uri(path)}})

    def shutdown_exit(self):
        """shutdown, then exit; returns the server's exit status."""
        self.response(self.request("shutdown"))
        self.notify("exit")
        return self.finish()

    def finish(self, timeout=TIMEOUT):
        try:
            self.p.stdin.close()
        except BrokenPipeError:
            pass
        try:
            return self.p.wait(timeout)
        except subprocess.TimeoutExpired:
            print("TIMEOUT waiting for the server to exit", flush=True)
            self.kill()
            sys.exit(1)

    def kill(self):
        try:
            self.p.kill()
        except OSError:
            pass
