"""Writes one of the large stress inputs to stdout: gen.py <name>.

They are generated rather than committed: each is megabytes or many
thousands of lines of the same construct."""
import sys


def deep_ternary(n=5000):
    conds = " ? ".join("x > %d" % i for i in range(n))
    return "int f(int x)\n{\n\treturn %s ? 1%s : 2;\n}\n" % (conds, " : 0" * (n - 1))


def deep_sum(n=50000):
    return "int f(int x)\n{\n\treturn %s;\n}\n" % " + ".join(["x"] * n)


def deep_or(n=8000):
    return ("int f(int x)\n{\n\tif (%s)\n\t\treturn 1;\n\treturn 0;\n}\n"
            % " || ".join("x == %d" % i for i in range(n)))


def deep_flow_yaml(n=20000):
    return "functions: {f: %s%s}\n" % ("[" * n, "]" * n)


def deep_block_yaml(n=1000):
    return "functions:\n" + "".join("  " * (i + 1) + "k%d:\n" % i for i in range(n))


def many_functions_yaml(n=20000):
    return "functions:\n" + "".join(
        "  f%d: {suspends: returns, consumes: %d}\n" % (i, i % 127 + 1) for i in range(n))


def long_name_yaml(n=1000000):
    # an explicit key: a simple one may not be longer than 1024 characters
    return "functions:\n  ? %s\n  : {bogus: 1}\n" % ("x" * n)


sys.stdout.write(globals()[sys.argv[1].replace("-", "_")]())
