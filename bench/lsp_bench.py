#!/usr/bin/env python3
"""The language server's timings, against the command line on the same file.

Usage: lsp_bench.py --cancelcheck BIN --out DIR [--runs N] [--edits N]
                    [--lines N] [--seed N]

Generates a C file with bench/gen_posix.py (about 2,000 lines including
pthread.h, stdio.h, stdlib.h, string.h, unistd.h, fcntl.h) and a
compile_commands.json beside it, then measures
  * the command line: `cancelcheck FILE -- FLAGS`, wall time of the process
    (the median of --runs);
  * the server: a fresh `cancelcheck --lsp` per run; the time from didOpen
    to its first publishDiagnostics (the median of --runs), and the time
    from each didChange of a small edit (one number in a function body) to
    the publishDiagnostics of that version (the median of all edits).
Prints
  lsp: first diagnostics S (cli S), reanalysis median MS, p90 MS (N edits)
  lsp_reanalysis_ms: X (target <= 50) ok|over
  lsp_first_over_cli: R (target <= 1.2) ok|over
Exit 0 when measured (targets met or not); 2 when a command fails.
"""
import argparse
import json
import os
import queue
import statistics
import subprocess
import sys
import threading
import time

FLAGS = ["-std=gnu11", "-pthread",
	 "-I" + os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "include")]
TIMEOUT = 120


def die(msg):
    print("lsp_bench: error: " + msg, file=sys.stderr)
    sys.exit(2)


class Server:
    """cancelcheck --lsp, its messages read on a thread."""

    def __init__(self, exe):
        self.p = subprocess.Popen([exe, "--lsp"], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.q = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.next_id = 1

    def _read(self):
        f = self.p.stdout
        while True:
            n = None
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
                    n = int(v)
            self.q.put((time.monotonic(), json.loads(f.read(n))))

    def send(self, msg):
        msg["jsonrpc"] = "2.0"
        body = json.dumps(msg).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()

    def wait(self, pred):
        end = time.monotonic() + TIMEOUT
        while True:
            try:
                m = self.q.get(timeout=max(end - time.monotonic(), 0.01))
            except queue.Empty:
                m = None
            if m is None:
                self.p.kill()
                die("the language server did not answer (or exited)")
            if pred(m[1]):
                return m

    def request(self, method, params):
        i = self.next_id
        self.next_id += 1
        self.send({"id": i, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == i)[1]

    def diagnostics(self, uri, version):
        return self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                         and m["params"]["uri"] == uri
                         and m["params"].get("version") == version)

    def close(self):
        self.request("shutdown", None)
        self.send({"method": "exit"})
        self.p.stdin.close()
        if self.p.wait(TIMEOUT) != 0:
            die("the language server exited %d after shutdown" % self.p.returncode)


def cli_time(exe, src):
    t0 = time.monotonic()
    r = subprocess.run([exe, src, "--", *FLAGS], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
    t = time.monotonic() - t0
    if r.returncode not in (0, 1):
        die("%s %s exits %d" % (exe, src, r.returncode))
    return t


def edit_points(text):
    """Lines with a number to change: 'return <n>;' inside function bodies."""
    lines = text.split("\n")
    pts = [i for i, l in enumerate(lines) if l.strip().startswith("return ") and
           l.strip().rstrip(";").split()[-1].isdigit()]
    if not pts:
        die("no line to edit in the generated file")
    return lines, pts


def lsp_run(exe, src, text, edits, t_out):
    uri = "file://" + src
    s = Server(exe)
    s.request("initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": {}})
    s.send({"method": "initialized", "params": {}})
    t0 = time.monotonic()
    s.send({"method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "c", "version": 1, "text": text}}})
    t1, m = s.diagnostics(uri, 1)
    if not m["params"]["diagnostics"]:
        die("no diagnostics for the generated file (it has expected findings)")
    if any(d.get("source") == "clang" for d in m["params"]["diagnostics"]):
        die("the generated file does not compile in the server")
    first = t1 - t0
    lines, pts = edit_points(text)
    for k in range(edits):
        i = pts[(k * 7) % len(pts)]
        ed = list(lines)
        ed[i] = ed[i].replace(ed[i].strip().rstrip(";").split()[-1] + ";", "%d;" % (1000 + k))
        v = k + 2
        t0 = time.monotonic()
        s.send({"method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": v},
            "contentChanges": [{"text": "\n".join(ed)}]}})
        t1, m = s.diagnostics(uri, v)
        t_out.append(t1 - t0)
        time.sleep(0.02)	# an editor's edits are apart; let the server idle
    s.close()
    return first


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cancelcheck", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--edits", type=int, default=20)
    ap.add_argument("--lines", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=20240917)
    a = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    d = os.path.abspath(os.path.join(a.out, "lsp"))
    os.makedirs(d, exist_ok=True)
    src = os.path.join(d, "edit_%d.c" % a.lines)
    r = subprocess.run([sys.executable, os.path.join(here, "gen_posix.py"), str(a.lines),
                        "--seed", str(a.seed), "-o", src], stderr=subprocess.DEVNULL)
    if r.returncode:
        die("gen_posix.py failed")
    with open(os.path.join(d, "compile_commands.json"), "w") as f:
        json.dump([{"directory": d, "file": src,
                    "arguments": ["cc", *FLAGS, "-c", src, "-o", src + ".o"]}], f)
    with open(src) as f:
        text = f.read()
    cli_time(a.cancelcheck, src)	# warm the file cache
    cli, first, edits = [], [], []
    for _ in range(a.runs):	# interleaved: the same machine state for both
        cli.append(cli_time(a.cancelcheck, src))
        first.append(lsp_run(a.cancelcheck, src, text, a.edits, edits))
    cli_s, first_s = statistics.median(cli), statistics.median(first)
    edits.sort()
    re_ms = statistics.median(edits) * 1000
    p90 = edits[min(len(edits) - 1, int(len(edits) * 0.9))] * 1000
    print("lsp: first diagnostics %.3fs (cli %.3fs), reanalysis median %.1fms, p90 %.1fms "
          "(%d lines, %d edits)" % (first_s, cli_s, re_ms, p90, a.lines, len(edits)))
    ms = "%.1f" % re_ms
    print("lsp_reanalysis_ms: %s (target <= 50) %s" % (ms, "ok" if float(ms) <= 50 else "over"))
    r = "%.2f" % (first_s / cli_s)
    print("lsp_first_over_cli: %s (target <= 1.2) %s" % (r, "ok" if float(r) <= 1.2 else "over"))


if __name__ == "__main__":
    main()
