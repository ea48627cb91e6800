#!/usr/bin/env python3
"""Checks the man pages in man/ against what the programs and the header
say, naming whatever is missing or stale (standard library only).

usage:
  mancheck.py render PAGE...              groff and man format it silently
  mancheck.py style PAGE...               short lines, escaped minus signs
  mancheck.py options PAGE HELP           OPTIONS == the options of --help
  mancheck.py envvars PAGE HELP           ENVIRONMENT == CANCELCHECK_* of --help
  mancheck.py plugin-args PAGE PLUGIN_CPP the plugin's arguments are documented
  mancheck.py checks PAGE LIST            CHECKS == the names of --list-checks
  mancheck.py cco PAGE HEADER             cco.3 against include/cco.h
  mancheck.py example PAGE OUT            writes the C code of EXAMPLES to OUT

Exit status 0 when the page agrees, 1 (with one line per problem on
stderr) when it does not, 2 for a usage error.
"""
import os
import re
import shutil
import subprocess
import sys

problems = []


def problem(msg):
    problems.append(msg)


# ---- reading roff ----------------------------------------------------------

ESCAPES = [
    (r"\(aq", "'"), (r"\(dq", '"'), (r"\(bu", "*"), (r"\(>=", ">="),
    (r"\(hy", "-"), (r"\(em", "--"), (r"\-", "-"), (r"\e", "\\"),
    (r"\&", ""), (r"\%", ""), (r"\c", ""), (r"\ ", " "), (r"\|", ""),
]
FONT = re.compile(r"\\f([BIRP])")
ALTERNATING = {"BR": "BR", "BI": "BI", "IB": "IB", "IR": "IR", "RB": "RB", "RI": "RI"}


def unescape(text):
    for a, b in ESCAPES:
        text = text.replace(a, b)
    return text


def macro_args(rest):
    """The arguments of a request line, with roff's double quotes."""
    args, cur, quoted, i = [], "", False, 0
    while i < len(rest):
        ch = rest[i]
        if quoted:
            if ch == '"' and rest[i + 1:i + 2] == '"':
                cur += '"'
                i += 1
            elif ch == '"':
                quoted = False
            else:
                cur += ch
        elif ch == '"' and not cur:
            quoted = True
        elif ch in " \t":
            if cur or (i and rest[i - 1] == '"'):
                args.append(cur)
            cur = ""
        else:
            cur += ch
        i += 1
    if cur or quoted:
        args.append(cur)
    return args


def segments(text, font):
    """(text, font) pieces of one argument or text line, after \\f escapes."""
    out, base = [], font
    pos = 0
    for m in FONT.finditer(text):
        if m.start() > pos:
            out.append((unescape(text[pos:m.start()]), font))
        f = m.group(1)
        font = base if f == "P" else f
        pos = m.end()
    if pos < len(text):
        out.append((unescape(text[pos:]), font))
    return out


class Line:
    """One logical line of the page: its request (or None for text), its
    rendered text, its bold pieces, and where it is."""

    def __init__(self, num, raw, request, pieces, section, in_ex, tag):
        self.num, self.raw, self.request = num, raw, request
        self.text = "".join(p for p, _ in pieces)
        self.bold = [p for p, f in pieces if f == "B"]
        # the text without its italic placeholders (an option's "<name>")
        self.literal = "".join("\0" if f == "I" else p for p, f in pieces)
        self.section, self.in_ex, self.tag = section, in_ex, tag


def read_page(path):
    raw = open(path, encoding="utf-8").read().split("\n")
    logical, buf, start = [], "", None
    for n, l in enumerate(raw, 1):
        if start is None:
            start = n
        if l.endswith("\\") and not l.endswith("\\\\"):
            buf += l[:-1]
            continue
        logical.append((start, buf + l))
        buf, start = "", None
    lines, section, in_ex, next_is_tag = [], "", False, False
    for num, l in logical:
        if l.startswith('.\\"') or l.startswith("'\\\""):
            continue
        request, pieces = None, []
        if l.startswith(".") or l.startswith("'"):
            m = re.match(r"^[.'](\S+)\s*(.*)$", l)
            if not m:
                continue
            request, rest = m.group(1), m.group(2)
            args = macro_args(rest)
            if request in ALTERNATING:
                fonts = ALTERNATING[request]
                for i, a in enumerate(args):
                    pieces += segments(a, fonts[i % 2])
            elif request in ("B", "I", "SM", "SB"):
                font = "I" if request == "I" else "B"
                pieces += segments(" ".join(args), font)
            elif request in ("SH", "SS"):
                pieces += segments(" ".join(args), "B")
            elif request == "TP":
                next_is_tag = True
                continue
            else:
                if request == "EX":
                    in_ex = True
                elif request == "EE":
                    in_ex = False
                continue
        else:
            pieces = segments(l, "R")
        if request == "SH":
            section = "".join(p for p, _ in pieces).strip()
        tag = next_is_tag and request not in ("SH", "SS")
        next_is_tag = False
        lines.append(Line(num, l, request, pieces, section, in_ex, tag))
    return lines


def section(lines, name):
    return [l for l in lines if l.section == name and l.request != "SH"]


def tags(lines):
    return [l for l in lines if l.tag]


# ---- render ----------------------------------------------------------------

def run_quiet(argv, env, what):
    try:
        p = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, timeout=120)
    except OSError as e:
        problem("%s: cannot run: %s" % (what, e))
        return
    err = p.stderr.decode("utf-8", "replace").strip()
    if p.returncode or err:
        problem("%s: exit status %d, %s" % (what, p.returncode,
                                            "these warnings:" if err else "no message"))
        for l in err.split("\n")[:20]:
            if l:
                problem("  " + l)


def cmd_render(pages):
    missing = [(t, pkg) for t, pkg in (("groff", "groff-base"), ("man", "man-db"))
               if not shutil.which(t)]
    for t, pkg in missing:
        problem("%s not found on PATH: install the Debian package %s" % (t, pkg))
    if missing:
        return
    env = dict(os.environ)
    env.update(LC_ALL="C.UTF-8", MANROFFSEQ="", MANWIDTH="80")
    for page in pages:
        run_quiet(["groff", "-man", "-ww", "-z", "-Tutf8", page], env,
                  "groff -man -ww -z -Tutf8 " + page)
        # what lintian runs
        run_quiet(["man", "--warnings", "-E", "UTF-8", "-l", "-Tutf8", "-Z", page],
                  env, "man --warnings -E UTF-8 -l -Tutf8 -Z " + page)


# ---- style -----------------------------------------------------------------

UNESCAPED_MINUS = re.compile(r"(?:^|[\s\"(\[=,|])(-+[A-Za-z0-9])")


def cmd_style(pages):
    for page in pages:
        text = open(page, encoding="utf-8").read()
        if not text.endswith("\n"):
            problem("%s: no newline at the end" % page)
        for n, l in enumerate(text.split("\n"), 1):
            where = "%s:%d" % (page, n)
            if l != l.rstrip():
                problem("%s: trailing whitespace" % where)
            if len(l) > 80:
                problem("%s: line of %d characters (80 at most)" % (where, len(l)))
            if l.startswith('.\\"') or l.startswith(".TH "):
                continue
            m = UNESCAPED_MINUS.search(l)
            if m:
                problem("%s: unescaped minus sign in '%s': write \\-" % (where, m.group(1)))


# ---- options ---------------------------------------------------------------

HELP_OPTION = re.compile(r"^  (--?[A-Za-z][\w-]*)(=\S+| <[^>]+>)?")
PAGE_OPTION = re.compile(r"^(--?[A-Za-z][\w-]*)(.*)$")
LONG_OPTION = re.compile(r"(?<![\w-])(--[a-z][\w-]*)")


def help_options(path):
    opts, inside = {}, False
    for l in open(path, encoding="utf-8"):
        l = l.rstrip("\n")
        if l.strip() == "options:":
            inside = True
            continue
        if inside and not l.strip():
            break
        m = HELP_OPTION.match(l) if inside else None
        if m:
            opts[m.group(1)] = bool(m.group(2))
    return opts


def cmd_options(page, help_path):
    want = help_options(help_path)
    if not want:
        problem("%s: no options found in the help (an 'options:' block)" % help_path)
        return
    for tok in LONG_OPTION.findall(open(help_path, encoding="utf-8").read()):
        if tok not in want:
            problem("%s: the help mentions %s but does not list it" % (help_path, tok))
    lines = read_page(page)
    have = {}
    for t in tags(section(lines, "OPTIONS")):
        m = PAGE_OPTION.match(t.text.strip())
        if not m:
            problem("%s:%d: OPTIONS tag '%s' is not an option" % (page, t.num, t.text))
            continue
        name, rest = m.group(1), m.group(2).strip()
        if name in have:
            problem("%s:%d: %s is documented twice" % (page, t.num, name))
        have[name] = bool(rest)
    for name in want:
        if name not in have:
            problem("%s: OPTIONS does not document %s, which --help lists" % (page, name))
        elif want[name] != have[name]:
            problem("%s: %s %s an argument in --help but %s in the page" %
                    (page, name, "takes" if want[name] else "takes no",
                     "not" if want[name] else "does"))
    for name in have:
        if name not in want:
            problem("%s: OPTIONS documents %s, which --help does not list" % (page, name))
    # no stale option anywhere else: running text and the page's own commands
    prog = os.path.basename(page).rsplit(".", 1)[0]
    for l in lines:
        if l.in_ex and not re.match(r"^\$ %s\b" % re.escape(prog), l.text.strip()):
            continue
        for tok in LONG_OPTION.findall(l.text):
            if tok not in want:
                problem("%s:%d: mentions %s, which --help does not list" % (page, l.num, tok))


# ---- environment -----------------------------------------------------------

ENV = re.compile(r"\bCANCELCHECK_[A-Z_]+[A-Z]\b")


def cmd_envvars(page, help_path):
    want = set(ENV.findall(open(help_path, encoding="utf-8").read()))
    if not want:
        problem("%s: no CANCELCHECK_* variable in the help" % help_path)
    lines = read_page(page)
    documented = set()
    for t in tags(section(lines, "ENVIRONMENT")):
        m = ENV.match(t.text.strip())
        if m:
            documented.add(m.group(0))
    for v in sorted(want - documented):
        problem("%s: ENVIRONMENT does not document %s, which --help lists" % (page, v))
    for v in sorted(documented - want):
        problem("%s: ENVIRONMENT documents %s, which --help does not list" % (page, v))
    for l in lines:
        for v in ENV.findall(l.text):
            if v not in want:
                problem("%s:%d: mentions %s, which --help does not list" % (page, l.num, v))


def cmd_plugin_args(page, plugin_cpp):
    src = open(plugin_cpp, encoding="utf-8").read()
    m = re.search(r'"known: ([^"]*)"\s*"([^"]*)"', src)
    if not m:
        problem("%s: the plugin's list of known arguments ('known: ...') is not found"
                % plugin_cpp)
        return
    known = [k.strip() for k in (m.group(1) + m.group(2)).split(",") if k.strip()]
    want = {re.match(r"[\w-]+", k).group(0) for k in known}
    lines = read_page(page)
    have = set()
    for t in tags(section(lines, "THE CLANG PLUGIN")):
        mm = re.match(r"^([\w-]+)", t.text.strip())
        if mm:
            have.add(mm.group(1))
    for k in sorted(want - have):
        problem("%s: THE CLANG PLUGIN does not document the argument %s" % (page, k))
    for k in sorted(have - want):
        problem("%s: THE CLANG PLUGIN documents %s, which the plugin does not take"
                % (page, k))
    for l in lines:
        for k in re.findall(r"-fplugin-arg-cancelcheck-([a-z][\w]*)", l.literal):
            if k not in want:
                problem("%s:%d: -fplugin-arg-cancelcheck-%s is not a plugin argument"
                        % (page, l.num, k))


# ---- checks ----------------------------------------------------------------

def cmd_checks(page, list_path):
    want = [l.split()[0] for l in open(list_path, encoding="utf-8") if l.strip()]
    if not want:
        problem("%s: no checks listed" % list_path)
    lines = read_page(page)
    have = [t.text.strip() for t in tags(section(lines, "CHECKS"))]
    for c in want:
        if c not in have:
            problem("%s: CHECKS does not describe %s, which --list-checks lists" % (page, c))
    for c in have:
        if c not in want:
            problem("%s: CHECKS describes %s, which --list-checks does not list" % (page, c))


# ---- cco.3 -----------------------------------------------------------------

def strip_comments(src):
    return re.sub(r"/\*.*?\*/", " ", src, flags=re.S)


def balanced(src, i):
    """The index just past the parenthesis that closes the one at src[i]."""
    depth = 0
    for j in range(i, len(src)):
        if src[j] == "(":
            depth += 1
        elif src[j] == ")":
            depth -= 1
            if not depth:
                return j + 1
    return len(src)


def norm(decl):
    d = re.sub(r"\s+", " ", decl).strip()
    d = re.sub(r"\s*([(),])\s*", r"\1", d)
    return d.replace(",", ", ")


def header_functions(src):
    """name -> its prototype, for the public functions declared at the top
    level (cco__* are internal)."""
    code = strip_comments(src)
    funcs = {}
    for m in re.finditer(r"^(?!static\b|typedef\b|#)([A-Za-z_][\w \t*]*?\b(cco_[a-z0-9_]+))\s*\(",
                         code, re.M):
        name = m.group(2)
        if name.startswith("cco__"):
            continue
        end = balanced(code, m.end() - 1)
        funcs[name] = norm(code[m.start():end])
    return funcs


def synopsis_prototypes(lines):
    text = " ".join(l.text for l in section(lines, "SYNOPSIS") if not l.in_ex)
    text = re.sub(r"/\*.*?\*/", " ", text)
    protos = {}
    for m in re.finditer(r"([A-Za-z_][\w \t*]*?\b(cco_[a-z0-9_]+))\s*\(", text):
        end = balanced(text, m.end() - 1)
        protos.setdefault(m.group(2), norm(text[m.start():end]))
    return protos


def cmd_cco(page, header):
    src = open(header, encoding="utf-8").read()
    funcs = header_functions(src)
    if len(funcs) < 10:
        problem("%s: found only %d functions; is this cco.h?" % (header, len(funcs)))
    idents = set(re.findall(r"\b[A-Za-z_]\w*\b", src))
    macros = set(re.findall(r"#define\s+(CCO_\w+_ON_EXIT)\b", src))
    lines = read_page(page)
    text = "\n".join(l.text for l in lines)
    bold = " ".join(" ".join(l.bold) for l in lines)
    protos = synopsis_prototypes(lines)
    for name in sorted(funcs):
        if not re.search(r"\b%s\b" % name, text):
            problem("%s: %s (declared in %s) is not in the page" % (page, name, header))
            continue
        if not re.search(r"\b%s\b" % name, bold):
            problem("%s: %s is never in bold" % (page, name))
        if name not in protos:
            problem("%s: SYNOPSIS does not declare %s" % (page, name))
        elif protos[name] != funcs[name]:
            problem("%s: SYNOPSIS declares '%s;' but %s says '%s;'" %
                    (page, protos[name], header, funcs[name]))
    for mac in sorted(macros):
        if not re.search(r"\b%s\b" % mac, bold):
            problem("%s: %s (defined in %s) is not in the page in bold" % (page, mac, header))
    for l in lines:
        for name in sorted(set(re.findall(r"\bcco_[a-z0-9_]*[a-z0-9]\b", l.text))):
            if name.startswith("cco__"):
                problem("%s:%d: %s is internal (cco__*): not for the page" % (page, l.num, name))
            elif name not in idents:
                problem("%s:%d: %s is not in %s" % (page, l.num, name, header))
        for name in sorted(set(re.findall(r"\bCCO_[A-Z0-9_]*[A-Z0-9]\b", l.text))):
            if name not in idents:
                problem("%s:%d: %s is not in %s" % (page, l.num, name, header))


def cmd_example(page, out):
    lines = read_page(page)
    code, seen = [], False
    for l in lines:
        if l.section != "EXAMPLES":
            continue
        if l.in_ex:
            code.append(l.text)
            seen = True
        elif seen:
            break
    if not code:
        problem("%s: EXAMPLES has no code" % page)
        return
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(code) + "\n")


def main(argv):
    cmds = {
        "render": (cmd_render, None), "style": (cmd_style, None),
        "options": (cmd_options, 2), "envvars": (cmd_envvars, 2),
        "plugin-args": (cmd_plugin_args, 2), "checks": (cmd_checks, 2),
        "cco": (cmd_cco, 2), "example": (cmd_example, 2),
    }
    if len(argv) < 3 or argv[1] not in cmds:
        sys.stderr.write(__doc__)
        return 2
    fn, nargs = cmds[argv[1]]
    args = argv[2:]
    if nargs is None:
        fn(args)
    elif len(args) != nargs:
        sys.stderr.write(__doc__)
        return 2
    else:
        fn(*args)
    for p in problems:
        sys.stderr.write("mancheck: %s\n" % p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
