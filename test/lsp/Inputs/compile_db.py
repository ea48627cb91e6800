"""Compile flags: the entry of the nearest compile_commands.json (its -D
and its -I relative to its directory), fallback flags for a file it does
not list, and initializationOptions.compilationDatabasePath."""
import json
import os
import sys
from lspclient import Client
from fixes import summary

server, t, inputs = sys.argv[1:4]
queue = open(os.path.join(inputs, "queue.c")).read()
# needs.c compiles only with -Iinc (qlib.h) and cancels only with -DQ_CANCEL.
needs = queue.replace("#include <pthread.h>\n", '#include "qlib.h"\n').replace(
    "void stop(pthread_t t) { pthread_cancel(t); }",
    "#ifdef Q_CANCEL\nvoid stop(pthread_t t) { pthread_cancel(t); }\n#endif")
# other.c must not get needs.c's flags (a neighbour's, as libclang would invent).
other = "#ifdef Q_CANCEL\n#error database flags for a file the database does not list\n#endif\n" + queue


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


for proj in ("proj", "elsewhere-src"):
    write(os.path.join(t, proj, "inc", "qlib.h"), "#include <pthread.h>\n")
    write(os.path.join(t, proj, "src", "needs.c"), needs)
write(os.path.join(t, "proj", "src", "other.c"), other)
db = [{"directory": os.path.join(t, "proj"), "file": "src/needs.c",
       "arguments": ["cc", "-DQ_CANCEL", "-Iinc", "-c", "src/needs.c", "-o", "needs.o"]}]
write(os.path.join(t, "proj", "compile_commands.json"), json.dumps(db))
# A database outside the source tree, named in initializationOptions.
db = [{"directory": os.path.join(t, "elsewhere-src"), "file": "src/needs.c",
       "command": "cc -DQ_CANCEL -I inc -c src/needs.c"}]
write(os.path.join(t, "builddb", "compile_commands.json"), json.dumps(db))

c = Client(server)
c.initialize()
for f in ("proj/src/needs.c", "proj/src/other.c", "elsewhere-src/src/needs.c"):
    p = os.path.join(t, f)
    print("==", f)
    c.open(p)
    summary(c.diagnostics(p, 1))
print("exit status", c.shutdown_exit())

print("== with compilationDatabasePath")
c = Client(server)
c.initialize({"compilationDatabasePath": os.path.join(t, "builddb")})
p = os.path.join(t, "elsewhere-src/src/needs.c")
c.open(p)
summary(c.diagnostics(p, 1))
print("exit status", c.shutdown_exit())
