#!/usr/bin/env python3
"""One long C function of N independent conditional lock/read/unlock steps:
a worst case for path-sensitive analysis (every step doubles the paths).

usage: gen_paths.py N -o FILE
"""
import argparse

ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ap.add_argument("n", type=int)
ap.add_argument("-o", "--output", required=True)
a = ap.parse_args()
out = ["#include <pthread.h>", "#include <unistd.h>",
       "static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;",
       "void stop(pthread_t t) { pthread_cancel(t); }",
       "int steps(int *a, int fd, char *buf)", "{", "\tint n = 0;"]
for i in range(a.n):
    out += [f"\tint f{i} = a[{i}] > 0;",
            f"\tif (f{i})", "\t\tpthread_mutex_lock(&mu);",
            f"\tif (a[{i}] < {i})", "\t\tn += read(fd, buf, 1);",
            f"\tif (f{i})", "\t\tpthread_mutex_unlock(&mu);"]
out += ["\treturn n;", "}"]
with open(a.output, "w") as f:
    f.write("\n".join(out) + "\n")
