"""The config found upward from each file, as the command line finds it."""
import os
import sys
from lspclient import Client
from fixes import summary

server, t, inputs = sys.argv[1:4]
queue = open(os.path.join(inputs, "queue.c")).read()
files = {
    "quiet/.cancelcheck.yaml": "checks: '-*,cancel-lost-value'\n",
    "quiet/deep/queue.c": queue,
    "loud/queue.c": queue,
    "bad/.cancelcheck.yaml": "models: [posix]\nchecks: '*,no-such-check'\n",
    "bad/queue.c": queue,
}
for f, text in files.items():
    os.makedirs(os.path.dirname(os.path.join(t, f)), exist_ok=True)
    with open(os.path.join(t, f), "w") as fh:
        fh.write(text)
c = Client(server)
c.initialize()
for f in ("quiet/deep/queue.c", "loud/queue.c", "bad/queue.c"):
    print("==", f)
    c.open(os.path.join(t, f))
    summary(c.diagnostics(os.path.join(t, f), 1))
print("exit status", c.shutdown_exit())
