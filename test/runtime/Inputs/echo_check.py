"""Starts the echo example, echoes through it on several connections at
once, stops it with SIGTERM while connections are open, and checks that it
exits 0 (shutdown by cancellation closes everything). Usage:
echo_check.py SERVER"""
import os
import signal
import socket
import subprocess
import sys
import time


def main():
    server = sys.argv[1]
    for _ in range(20):
        port = 20000 + (os.getpid() * 7 + int(time.time() * 1000)) % 30000
        p = subprocess.Popen([server, str(port)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
        line = p.stdout.readline().strip()
        if line == "ready":
            break
        p.wait()
    else:
        sys.exit("echo_check: the server never printed ready")
    conns = [socket.create_connection(("127.0.0.1", port), timeout=5)
             for _ in range(8)]
    for i, c in enumerate(conns):
        msg = (b"%d:" % i) * (1000 + i * 5000)  # some bigger than a buffer
        c.sendall(msg)
        got = b""
        while len(got) < len(msg):
            chunk = c.recv(65536)
            if not chunk:
                sys.exit("echo_check: connection %d closed early" % i)
            got += chunk
        if got != msg:
            sys.exit("echo_check: connection %d echoed wrong bytes" % i)
    # one connection closed by the client, the rest left open
    conns[0].close()
    p.send_signal(signal.SIGTERM)
    try:
        rc = p.wait(timeout=10)
    except subprocess.TimeoutExpired:
        p.kill()
        sys.exit("echo_check: the server did not stop on SIGTERM")
    err = p.stderr.read()
    if rc != 0:
        sys.exit("echo_check: exit %d: %s" % (rc, err))
    # the open connections were closed by the server
    for c in conns[1:]:
        c.settimeout(5)
        if c.recv(16) != b"":
            sys.exit("echo_check: a connection was not closed")
    print("echo ok: 8 connections")


main()
