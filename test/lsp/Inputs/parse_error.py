"""A file that does not compile: clang's errors, severity 1, source clang;
fixed, the analysis's findings."""
import sys
from lspclient import Client
from fixes import summary

server, path = sys.argv[1:3]
c = Client(server)
c.initialize()
text = open(path).read()
broken = text.replace("q->len--;", "q->len--")
c.open(path, broken, version=1)
summary(c.diagnostics(path, 1))
c.change(path, text, 2)
summary(c.diagnostics(path, 2))
c.change(path, '#include "no-such-header.h"\n' + text, 3)
summary(c.diagnostics(path, 3))
c.change(path, text.replace("struct queue *q = arg;", "struct queue *q = arg; undeclared();"), 4)
summary(c.diagnostics(path, 4))
print("exit status", c.shutdown_exit())
