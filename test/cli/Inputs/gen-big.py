"""Writes a C file of N small functions: a TU that takes a while."""
import sys

n = int(sys.argv[1])
out = ["#include <pthread.h>\n"]
for i in range(n):
    out.append("int f%d(int x) { int y = x; for (int i = 0; i < x; i++) "
               "{ if (i %% 3) y += i; else y -= x; } return y; }\n" % i)
sys.stdout.write("".join(out))
