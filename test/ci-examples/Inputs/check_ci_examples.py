"""Checks the CI examples in examples/ci (and CHANGELOG.md) against what
GitHub Actions, GitLab CI and cancelcheck itself do. Exit status 1, with
the reasons on stderr, if anything is wrong; "ok: ..." lines on stdout.

  check_ci_examples.py structure GITHUB_YML GITLAB_YML
  check_ci_examples.py version VERSION FILE...
  check_ci_examples.py commands --cancelcheck P --cancelcheck-cc P
                       --source C_FILE --work DIR
                       [--sarif-validator PY --sarif-schema JSON] YML...
  check_ci_examples.py status --work DIR GITHUB_YML GITLAB_YML
  check_ci_examples.py changelog CHANGELOG_MD VERSION

structure: the keys each CI system needs, and that the files the steps
  write are the files they upload.
version: every package file name (cancelcheck_<v>_amd64.deb, libcco0_...,
  libcco-dev_..., cancelcheck-annotations_<v>_all.deb) carries VERSION.
commands: every cancelcheck command line in run:/script: text, run
  against a one-file project with known findings in DIR.
status: the shell of the step that runs cancelcheck, run with a stand-in
  cancelcheck that exits 0, 1 and 2: only 2 may fail the job.
changelog: the first released section of the changelog is VERSION."""
import argparse
import datetime
import json
import os
import re
import shlex
import shutil
import stat
import subprocess
import sys

import yaml

STEP = "Run cancelcheck"  # the GitHub step whose shell handles the status
problems = []


def fail(where, msg):
    problems.append("%s: %s" % (where, msg))


def ok(msg):
    print("ok: " + msg)


def load(path):
    with open(path) as f:
        try:
            return yaml.safe_load(f)
        except yaml.YAMLError as e:
            raise ValueError("%s does not parse as YAML: %s" % (path, e))


# ---- shell text -----------------------------------------------------------

CONTROL = {";", "&&", "||", "|", "&", "(", ")", ";;", "!", "{", "}",
           "if", "then", "else", "elif", "do", "while", "until"}


def cancelcheck_commands(text):
    """The cancelcheck command lines in a piece of shell: (argv, stdout
    file or None, the line) for each command named cancelcheck, found where
    a command starts. Raises ValueError on a line it cannot read."""
    found = []
    for line in text.replace("\\\n", " ").splitlines():
        lex = shlex.shlex(line, posix=True, punctuation_chars=True)
        lex.whitespace_split = True
        toks = list(lex)
        start = True
        for i, t in enumerate(toks):
            if start and re.match(r"^[A-Za-z_]\w*=", t):
                continue  # VAR=value before the command
            if start and t == "cancelcheck":
                found.append(one_command(toks[i:], line))
            start = t in CONTROL
    return found


def one_command(toks, line):
    if re.search(r"\d>", line):
        raise ValueError("a redirection of a numbered descriptor, which this test "
                         "cannot follow: " + line)
    argv, out = [], None
    it = iter(toks)
    for t in it:
        if t in CONTROL:
            break
        if t in (">", ">>"):
            out = next(it, None)
            if out is None:
                raise ValueError("redirection with no file: " + line)
        elif re.match(r"^[<>&|]", t):
            raise ValueError("a redirection this test cannot follow: " + line)
        elif "$" in t or "`" in t:
            raise ValueError("a shell expansion this test cannot run: " + line)
        else:
            argv.append(t)
    return argv, out, line.strip()


# ---- GitHub Actions -------------------------------------------------------

def gh_on(doc):
    # YAML 1.1 reads the key on as the boolean true.
    return doc.get("on", doc.get(True))


def gh_shell(doc, job, step):
    """The command GitHub runs a step's script with, {0} the file."""
    sh = step.get("shell") or (job.get("defaults") or {}).get("run", {}).get("shell") \
        or (doc.get("defaults") or {}).get("run", {}).get("shell")
    if not sh:  # unspecified: sh in a container, else bash without pipefail
        sh = "sh" if job.get("container") else "bash -e {0}"
    known = {"bash": "bash --noprofile --norc -eo pipefail {0}", "sh": "sh -e {0}"}
    return shlex.split(known.get(sh, sh))


def gh_find_step(jobs, name):
    for jid, job in jobs.items():
        for step in job.get("steps") or []:
            if step.get("name") == name:
                return jid, job, step
    return None, None, None


def gh_structure(path):
    doc = load(path)
    if not isinstance(doc, dict):
        return fail(path, "not a YAML mapping")
    if gh_on(doc) is None:
        fail(path, "no 'on' (the events that start the workflow)")
    jobs = doc.get("jobs")
    if not isinstance(jobs, dict) or not jobs:
        return fail(path, "no 'jobs'")
    for jid, job in jobs.items():
        for key in ("runs-on", "steps"):
            if key not in job:
                fail(path, "job %s has no '%s'" % (jid, key))
        names = [s.get("name") for s in job.get("steps") or [] if s.get("name")]
        if len(names) != len(set(names)):
            fail(path, "job %s repeats a step name" % jid)
        for n, s in enumerate(job.get("steps") or [], 1):
            if ("uses" in s) == ("run" in s):
                fail(path, "job %s step %d needs exactly one of 'uses' and 'run'" % (jid, n))
    jid, job, step = gh_find_step(jobs, STEP)
    if not step:
        return fail(path, "no step named '%s'" % STEP)
    writes = [out for argv, out, _ in cancelcheck_commands(step.get("run", ""))
              if "--format=sarif" in argv]
    if len(writes) != 1 or not writes[0]:
        return fail(path, "step '%s' should write one --format=sarif output to a file, writes %r"
                    % (STEP, writes))
    steps = job["steps"]
    at = steps.index(step)
    uploads = [s for s in steps[at + 1:]
               if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif@")]
    if not uploads:
        return fail(path, "job %s: no github/codeql-action/upload-sarif step after '%s'" % (jid, STEP))
    w = uploads[0].get("with") or {}
    if w.get("sarif_file") != writes[0]:
        fail(path, "upload-sarif's sarif_file is %r, the cancelcheck step writes %r"
             % (w.get("sarif_file"), writes[0]))
    if not w.get("category"):
        fail(path, "upload-sarif has no category")
    perms = job.get("permissions", doc.get("permissions"))
    if not isinstance(perms, dict) or perms.get("security-events") != "write":
        fail(path, "job %s lacks permissions security-events: write (has %r)" % (jid, perms))
    elif any(str(s.get("uses", "")).startswith("actions/checkout@") for s in steps) \
            and perms.get("contents") not in ("read", "write"):
        fail(path, "job %s checks out the code without permissions contents: read" % jid)
    ok("%s: %d jobs; '%s' writes %s, upload-sarif sends it" % (path, len(jobs), STEP, writes[0]))


# ---- GitLab CI ------------------------------------------------------------

GL_GLOBAL = {"stages", "variables", "default", "include", "workflow", "image",
             "services", "before_script", "after_script", "cache", "spec"}


def gl_jobs(doc):
    return {k: v for k, v in doc.items()
            if k not in GL_GLOBAL and not str(k).startswith(".") and isinstance(v, dict)}


def gl_script(job):
    s = job.get("script")
    return "\n".join(s) if isinstance(s, list) else (s or "")


def gl_structure(path):
    doc = load(path)
    if not isinstance(doc, dict):
        return fail(path, "not a YAML mapping")
    jobs = {k: v for k, v in gl_jobs(doc).items() if "script" in v}
    runs = 0
    for jid, job in jobs.items():
        cmds = cancelcheck_commands(gl_script(job))
        if not cmds:
            continue
        runs += 1
        if not (job.get("image") or doc.get("image") or (doc.get("default") or {}).get("image")):
            fail(path, "job %s has no image" % jid)
        art = job.get("artifacts") or {}
        paths = art.get("paths") or []
        for argv, out, line in cmds:
            if out and out not in paths:
                fail(path, "job %s writes %s but artifacts:paths is %r" % (jid, out, paths))
        if not any(out for _, out, _ in cmds):
            fail(path, "job %s keeps no cancelcheck output" % jid)
        for kind, p in (art.get("reports") or {}).items():
            for f in p if isinstance(p, list) else [p]:
                if str(f).endswith(".sarif"):
                    fail(path, "job %s declares %s as a %s report: GitLab does not read SARIF there"
                         % (jid, f, kind))
        ok("%s: job %s, image, script, artifacts %s" % (path, jid, ", ".join(paths)))
    if not runs:
        fail(path, "no job whose script runs cancelcheck")


# ---- version --------------------------------------------------------------

DEB = re.compile(r"\b(cancelcheck|cancelcheck-annotations|libcco\d*|libcco-dev)"
                 r"_([^_\s\"'/]+)_(?:amd64|all)\.deb")


def check_version(version, files):
    for path in files:
        with open(path) as f:
            names = DEB.findall(f.read())
        if not names:
            fail(path, "names no package file (cancelcheck_<version>_amd64.deb)")
        for pkg, v in names:
            if v != version:
                fail(path, "%s_%s_amd64.deb: the version is %s" % (pkg, v, version))
        if names and all(v == version for _, v in names):
            ok("%s: %d package names, all %s" % (path, len(names), version))


# ---- commands -------------------------------------------------------------

def all_shell(path):
    """Every run: (GitHub) or script lines (GitLab, with before_script)."""
    doc = load(path)
    texts = []
    if "jobs" in doc:
        for job in doc["jobs"].values():
            texts += [s["run"] for s in job.get("steps") or [] if "run" in s]
    else:
        for job in gl_jobs(doc).values():
            for key in ("before_script", "script", "after_script"):
                v = job.get(key)
                texts += v if isinstance(v, list) else [v] if v else []
    return texts


def make_project(root, source):
    """root/src/<source> and root/build/compile_commands.json."""
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(os.path.join(root, "build"))
    os.makedirs(os.path.join(root, "src"))
    name = os.path.basename(source)
    shutil.copy(source, os.path.join(root, "src", name))
    db = [{"directory": os.path.join(root, "build"),
           "file": os.path.join(root, "src", name),
           "arguments": ["cc", "-pthread", "-c", "-o", name + ".o", "../src/" + name]}]
    with open(os.path.join(root, "build", "compile_commands.json"), "w") as f:
        json.dump(db, f)


def check_output(where, fmt, data, a):
    if fmt == "sarif":
        try:
            log = json.loads(data)
        except ValueError as e:
            return fail(where, "SARIF output is not JSON: %s" % e)
        if log.get("version") != "2.1.0":
            fail(where, "SARIF version %r, not 2.1.0" % log.get("version"))
        results = (log.get("runs") or [{}])[0].get("results") or []
        if not results:
            fail(where, "SARIF has no results (the project has known findings)")
        if a.sarif_validator:
            p = subprocess.run([sys.executable, a.sarif_validator, a.sarif_schema],
                               input=data, capture_output=True)
            if p.returncode:
                fail(where, "the SARIF validator rejects it:\n" + p.stdout.decode())
        return "SARIF 2.1.0, %d results" % len(results)
    if fmt == "json":
        try:
            found = json.loads(data)
        except ValueError as e:
            return fail(where, "JSON output is not JSON: %s" % e)
        if not isinstance(found, list) or not found or \
                not all({"file", "check", "message"} <= set(f) for f in found):
            fail(where, "JSON output is not a non-empty list of findings")
        return "JSON, %d findings" % len(found)
    return "text"


INFO = ("--version", "--help", "--list-checks", "--explain")


def run_commands(a):
    for path in a.files:
        name = os.path.splitext(os.path.basename(path))[0]
        root = os.path.join(a.work, name)
        make_project(root, a.source)
        try:
            cmds = [c for t in all_shell(path) for c in cancelcheck_commands(t)]
        except ValueError as e:
            fail(path, str(e))
            continue
        if not any("--format=sarif" in argv for argv, _, _ in cmds):
            fail(path, "no cancelcheck command writes SARIF")
        for argv, out, line in cmds:
            where = "%s: %s" % (path, line)
            p = subprocess.run([a.cancelcheck] + argv[1:], cwd=root, capture_output=True)
            want = 0 if any(x in argv for x in INFO) else 1
            if p.returncode != want:
                fail(where, "exit status %d, expected %d; stderr:\n%s"
                     % (p.returncode, want, p.stderr.decode(errors="replace")))
                continue
            if out:
                with open(os.path.join(root, out), "wb") as f:
                    f.write(p.stdout)
            fmt = next((x.split("=", 1)[1] for x in argv if x.startswith("--format=")), "text")
            what = check_output(where, fmt, p.stdout, a) if want == 1 else "info"
            if what:
                ok("%s: exit %d, %s" % (where, p.returncode, what))
        if "cancelcheck-cc" in open(path).read():
            launcher(path, root, a)


def launcher(path, root, a):
    """The file uses cancelcheck-cc with CANCELCHECK_WERROR=1: a finding
    must fail the compile and leave no object file."""
    text = open(path).read()
    if not re.search(r"CANCELCHECK_WERROR:\s*\"?1\"?", text):
        return fail(path, "uses cancelcheck-cc without CANCELCHECK_WERROR: \"1\"")
    if "-DCMAKE_C_COMPILER_LAUNCHER=cancelcheck-cc" not in text:
        return fail(path, "uses cancelcheck-cc, but not as -DCMAKE_C_COMPILER_LAUNCHER")
    src = os.path.join(root, "src", os.path.basename(a.source))
    obj = os.path.join(root, "build", "launcher.o")
    env = dict(os.environ, CANCELCHECK_WERROR="1")
    p = subprocess.run([a.cancelcheck_cc, "gcc", "-pthread", "-c", "-o", obj, src],
                       env=env, capture_output=True)
    if p.returncode != 1 or os.path.exists(obj):
        return fail(path, "cancelcheck-cc with CANCELCHECK_WERROR=1 exits %d (want 1, no object)"
                    % p.returncode)
    ok("%s: cancelcheck-cc with CANCELCHECK_WERROR=1 fails a compile with findings" % path)


# ---- status handling ------------------------------------------------------

def stub_dir(work):
    d = os.path.join(work, "stub")
    os.makedirs(d, exist_ok=True)
    p = os.path.join(d, "cancelcheck")
    with open(p, "w") as f:
        f.write('#!/bin/sh\necho "stand-in for cancelcheck $*"\nexit "$CCK_STUB_STATUS"\n')
    os.chmod(p, os.stat(p).st_mode | stat.S_IXUSR)
    return d


def run_stub(work, shell, text, status, extra_env):
    d = os.path.join(work, "run%d" % status)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    script = os.path.join(d, "step.sh")
    with open(script, "w") as f:
        f.write(text)
    env = dict(os.environ, CCK_STUB_STATUS=str(status), **extra_env)
    env["PATH"] = stub_dir(work) + os.pathsep + env.get("PATH", "/usr/bin:/bin")
    cmd = [script if x == "{0}" else x for x in shell]
    p = subprocess.run(cmd, cwd=d, env=env, capture_output=True)
    return p.returncode, d


def gh_status(path, work):
    os.makedirs(work, exist_ok=True)
    doc = load(path)
    jobs = doc.get("jobs") or {}
    jid, job, step = gh_find_step(jobs, STEP)
    if not step:
        return fail(path, "no step named '%s'" % STEP)
    shell = gh_shell(doc, job, step)
    # Later steps that decide on this step's outputs: if: steps.<id>.outputs.<name> == '<v>'
    conds = []
    for s in job["steps"]:
        m = re.match(r"^\s*\$?\{?\{?\s*steps\.([\w-]+)\.outputs\.([\w-]+)\s*==\s*'([^']*)'\s*\}?\}?\s*$",
                     str(s.get("if", "")))
        if m and m.group(1) == step.get("id"):
            conds.append((s.get("name", "?"), m.group(2), m.group(3)))
    for status in (0, 1, 2):
        out = os.path.join(work, "github_output%d" % status)
        open(out, "w").close()
        rc, _ = run_stub(work, shell, step["run"], status, {"GITHUB_OUTPUT": out})
        if (rc != 0) != (status == 2):
            fail(path, "with cancelcheck exiting %d the step '%s' %s (%s)"
                 % (status, STEP, "fails" if rc else "passes", " ".join(shell)))
        outputs = dict(l.split("=", 1) for l in open(out).read().splitlines() if "=" in l)
        for name, key, value in conds:
            if status < 2 and (outputs.get(key) == value) != (status == 1):
                fail(path, "with cancelcheck exiting %d, step '%s' %s (output %s=%r)"
                     % (status, name, "would run" if status != 1 else "would not run",
                        key, outputs.get(key)))
    ok("%s: step '%s' under %s fails only for exit status 2%s"
       % (path, STEP, shell[0], "; '%s' only for 1" % conds[0][0] if conds else ""))


def gl_status(path, work):
    doc = load(path)
    for jid, job in gl_jobs(doc).items():
        text = gl_script(job)
        if not cancelcheck_commands(text):
            continue
        allow = job.get("allow_failure", False)
        codes = allow.get("exit_codes", []) if isinstance(allow, dict) else []
        codes = codes if isinstance(codes, list) else [codes]
        when = (job.get("artifacts") or {}).get("when", "on_success")
        shell = "bash --noprofile --norc -eo pipefail {0}".split()  # the runner's set -eo pipefail
        for status in (0, 1, 2):
            rc, _ = run_stub(work, shell, text, status, {})
            outcome = "passed" if rc == 0 else \
                "passed with warnings" if allow is True or rc in codes else "failed"
            if (outcome == "failed") != (status == 2):
                fail(path, "with cancelcheck exiting %d job %s is %s (script exit %d)"
                     % (status, jid, outcome, rc))
            if rc and when not in ("always", "on_failure") and status == 1:
                fail(path, "job %s exits %d on findings but keeps artifacts only %s"
                     % (jid, rc, when))
        ok("%s: job %s fails only for exit status 2" % (path, jid))


# ---- changelog ------------------------------------------------------------

def check_changelog(path, version):
    heads = re.findall(r"^## \[([^\]]+)\](.*)$", open(path).read(), re.M)
    released = [(v, rest) for v, rest in heads if v.lower() != "unreleased"]
    if not released:
        return fail(path, "no released section (## [x.y.z] - YYYY-MM-DD)")
    if released[0][0] != version:
        fail(path, "the first released section is [%s], the version is %s"
             % (released[0][0], version))
    dates = []
    for v, rest in released:
        m = re.match(r"^ - (\d{4}-\d{2}-\d{2})$", rest)
        if not m:
            fail(path, "## [%s]: expected ' - YYYY-MM-DD' after it, got %r" % (v, rest))
            continue
        dates.append(datetime.date.fromisoformat(m.group(1)))
    if dates != sorted(dates, reverse=True):
        fail(path, "sections are not newest first")
    ok("%s: first released section [%s]" % (path, released[0][0]))


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="what", required=True)
    p = sub.add_parser("structure")
    p.add_argument("github")
    p.add_argument("gitlab")
    p = sub.add_parser("version")
    p.add_argument("version")
    p.add_argument("files", nargs="+")
    p = sub.add_parser("commands")
    for o in ("--cancelcheck", "--cancelcheck-cc", "--source", "--work"):
        p.add_argument(o, required=True)
    p.add_argument("--sarif-validator")
    p.add_argument("--sarif-schema")
    p.add_argument("files", nargs="+")
    p = sub.add_parser("status")
    p.add_argument("--work", required=True)
    p.add_argument("github")
    p.add_argument("gitlab")
    p = sub.add_parser("changelog")
    p.add_argument("changelog")
    p.add_argument("version")
    a = ap.parse_args()
    try:
        if a.what == "structure":
            gh_structure(a.github)
            gl_structure(a.gitlab)
        elif a.what == "version":
            check_version(a.version, a.files)
        elif a.what == "commands":
            for o in ("cancelcheck", "cancelcheck_cc", "source", "work", "sarif_validator",
                      "sarif_schema"):
                if getattr(a, o):
                    setattr(a, o, os.path.abspath(getattr(a, o)))
            run_commands(a)
        elif a.what == "status":
            os.makedirs(a.work, exist_ok=True)
            gh_status(a.github, os.path.join(a.work, "github"))
            gl_status(a.gitlab, os.path.join(a.work, "gitlab"))
        else:
            check_changelog(a.changelog, a.version)
    except (yaml.YAMLError, OSError, ValueError, KeyError, AttributeError, TypeError) as e:
        fail(a.what, "%s: %s" % (type(e).__name__, e))
    for msg in problems:
        print("error: " + msg, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
