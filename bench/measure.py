#!/usr/bin/env python3
"""Measure wall time and peak RSS of commands.

Single command:
    measure.py [--runs N] [--ok 0,1] [--cwd DIR] [--log FILE] [--json] -- CMD ARGS...

Several workloads, run interleaved with alternating order (A B, B A, A B,
...) so drift on the machine affects every workload alike:
    measure.py [--runs N] [--log-dir DIR] [--json] --spec SPEC.json

SPEC.json:
    {"workloads": [
        {"name": "syntax_only", "ok": [0],
         "commands": [{"directory": "/x", "arguments": ["clang-19", ...]}, ...]},
        {"name": "cancelcheck", "ok": [0, 1], "commands": [...]}]}

A workload with several commands (one compile-database entry each) runs them
one after another; one run of the workload takes the SUM of their wall times
and the MAX of their peak RSS.

Each child is reaped with os.wait4(), so its peak RSS (ru_maxrss) is exactly
that child's (including any descendants it waited for), not a mix with other
children of this process.  Wall time is time.perf_counter() from spawn to
reap.  Reported: the minimum wall time over the runs and the maximum peak
RSS over the runs.

The children's stdout and stderr go to a log file (default /dev/null with
--spec and no --log-dir).  An exit status not in the workload's "ok" list,
or death by a signal, is an error: the command and the tail of its log are
printed to stderr and measure.py exits 2.

Output (stdout): one line per workload,
    NAME wall_s=1.234567 rss_kib=123456 cpu_s=1.200000 cmd_min_s=1.2 runs=1.250,1.234,1.240
(runs = the wall time of each run; cpu_s = min over runs of the children's
user+system CPU time, for information; cmd_min_s = the sum over the
workload's commands of each command's minimum wall time over the runs) or with --json a JSON object
{NAME: {"wall_s":..., "rss_kib":..., "cpu_s":..., "walls":[...],
"rss_all":[...], "cpus":[...]}}.
"""

import argparse
import json
import os
import shlex
import subprocess
import sys
import time


class CommandFailed(Exception):
    pass


def run_one(argv, cwd, ok, log_path):
    """Run argv in cwd once; return (wall seconds, peak RSS in KiB,
    CPU seconds)."""
    with open(log_path, "ab") as log:
        log.write(("$ (cd %s && %s)\n"
                   % (shlex.quote(cwd or "."), shlex.join(argv))).encode())
        log.flush()
        t0 = time.perf_counter()
        try:
            p = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL,
                                 stdout=log, stderr=log)
        except OSError as e:
            raise CommandFailed("cannot run %s: %s" % (argv[0], e))
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode not in ok:
        how = ("killed by signal %d" % -p.returncode if p.returncode < 0
               else "exit status %d" % p.returncode)
        tail = ""
        if log_path != os.devnull:
            with open(log_path, "rb") as f:
                f.seek(0, os.SEEK_END)
                f.seek(max(0, f.tell() - 3000))
                tail = f.read().decode(errors="replace")
        raise CommandFailed("%s (accepted: %s) from:\n  cd %s && %s\n%s"
                            % (how, ",".join(map(str, ok)),
                               shlex.quote(cwd or os.getcwd()), shlex.join(argv),
                               ("--- tail of %s ---\n%s" % (log_path, tail))
                               if tail else ""))
    # Linux reports ru_maxrss in KiB.
    return wall, ru.ru_maxrss, ru.ru_utime + ru.ru_stime


def run_workload_once(w, log_path):
    total, peak, cpu, each = 0.0, 0, 0.0, []
    for c in w["commands"]:
        wall, rss, t = run_one(c["arguments"], c.get("directory"), w["ok"],
                               log_path)
        total += wall
        cpu += t
        peak = max(peak, rss)
        each.append(wall)
    return total, peak, cpu, each


def measure(workloads, runs, log_dir):
    res = {w["name"]: {"walls": [], "rss_all": [], "cpus": [], "each": []}
           for w in workloads}
    logs = {}
    for w in workloads:
        if log_dir:
            logs[w["name"]] = os.path.join(log_dir, w["name"] + ".log")
            open(logs[w["name"]], "w").close()
        else:
            logs[w["name"]] = w.get("log") or os.devnull
    for i in range(runs):
        # Alternate the order (A B, B A, A B, ...) so neither workload
        # always runs first in a round.
        for w in (workloads if i % 2 == 0 else workloads[::-1]):
            print("measure: %s run %d/%d (%d command%s)"
                  % (w["name"], i + 1, runs, len(w["commands"]),
                     "" if len(w["commands"]) == 1 else "s"),
                  file=sys.stderr, flush=True)
            wall, rss, cpu, each = run_workload_once(w, logs[w["name"]])
            res[w["name"]]["each"].append(each)
            res[w["name"]]["walls"].append(wall)
            res[w["name"]]["rss_all"].append(rss)
            res[w["name"]]["cpus"].append(cpu)
    for r in res.values():
        r["wall_s"] = min(r["walls"])
        r["rss_kib"] = max(r["rss_all"])
        r["cpu_s"] = min(r["cpus"])
        # each command's best run, summed: steadier than the best sum when
        # a workload is many short commands on a noisy machine
        r["cmd_min_s"] = sum(min(ws) for ws in zip(*r.pop("each")))
    return res


def main():
    ap = argparse.ArgumentParser(
        description="Measure min wall time and max peak RSS of commands.",
        usage="%(prog)s [options] (--spec SPEC.json | -- CMD ARGS...)")
    ap.add_argument("--runs", type=int, default=3,
                    help="repetitions (default 3)")
    ap.add_argument("--ok", default="0",
                    help="accepted exit statuses, comma-separated (default 0)")
    ap.add_argument("--cwd", help="directory to run the single command in")
    ap.add_argument("--log", help="append the single command's output here "
                    "(default: discarded)")
    ap.add_argument("--name", default="command",
                    help="name printed for the single command")
    ap.add_argument("--spec", help="JSON file describing workloads")
    ap.add_argument("--log-dir", help="with --spec: write NAME.log here")
    ap.add_argument("--json", action="store_true", help="print JSON")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()

    cmd = a.cmd[1:] if a.cmd[:1] == ["--"] else a.cmd
    if a.runs < 1:
        ap.error("--runs must be at least 1")
    if bool(a.spec) == bool(cmd):
        ap.error("give either --spec or a command after --")
    try:
        if a.spec:
            with open(a.spec) as f:
                workloads = json.load(f)["workloads"]
            for w in workloads:
                w.setdefault("ok", [0])
                if not w.get("commands"):
                    raise CommandFailed("workload %s has no commands"
                                        % w.get("name"))
        else:
            ok = [int(x) for x in a.ok.split(",") if x.strip()]
            workloads = [{"name": a.name, "ok": ok, "log": a.log,
                          "commands": [{"directory": a.cwd,
                                        "arguments": cmd}]}]
        res = measure(workloads, a.runs, a.log_dir)
    except CommandFailed as e:
        print("measure: error: %s" % e, file=sys.stderr)
        return 2
    except (OSError, ValueError, KeyError) as e:
        print("measure: error: %s" % e, file=sys.stderr)
        return 2

    if a.json:
        json.dump(res, sys.stdout, indent=1)
        print()
    else:
        for name, r in res.items():
            print("%s wall_s=%.6f rss_kib=%d cpu_s=%.6f cmd_min_s=%.6f runs=%s"
                  % (name, r["wall_s"], r["rss_kib"], r["cpu_s"], r["cmd_min_s"],
                     ",".join("%.3f" % x for x in r["walls"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
