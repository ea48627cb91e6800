"""A C++ buffer in the language server: a .cpp file the compile database
lists gets its flags (-std=c++20, the include directory of the coroutine
task) and the C++ findings; fixing the buffer clears them."""
import json
import os
import sys
from lspclient import Client
from fixes import summary

server, t, inc = sys.argv[1:4]
src = """#include <mutex>
#include "coro.h"
std::mutex m;
task f(int fd)
{
\tstd::lock_guard<std::mutex> g(m);
\tco_await read_async(fd);
}
"""
os.makedirs(os.path.join(t, "src"), exist_ok=True)
p = os.path.join(t, "src", "f.cpp")
with open(p, "w") as f:
    f.write(src)
db = [{"directory": t, "file": "src/f.cpp",
       "arguments": ["c++", "-std=c++20", "-I" + inc, "-c", "src/f.cpp"]}]
with open(os.path.join(t, "compile_commands.json"), "w") as f:
    json.dump(db, f)

c = Client(server)
c.initialize()
c.open(p, lang="cpp")
summary(c.diagnostics(p, 1))
c.change(p, src.replace("\tco_await read_async(fd);\n", "\t}\n\tco_await read_async(fd);\n")
             .replace("\tstd::lock_guard", "\t{ std::lock_guard"), 2)
summary(c.diagnostics(p, 2))
print("exit status", c.shutdown_exit())
