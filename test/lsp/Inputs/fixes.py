"""Edits of queue.c: the fix (a cleanup handler unlocks the mutex)."""


def fixed(text):
    return (text.replace("\tpthread_mutex_lock(&q->mu);\n\twhile",
                         "\tpthread_mutex_lock(&q->mu);\n"
                         "\tpthread_cleanup_push((void (*)(void *))pthread_mutex_unlock, &q->mu);\n"
                         "\twhile")
            .replace("\tpthread_mutex_unlock(&q->mu);\n\treturn",
                     "\tpthread_cleanup_pop(1);\n\treturn"))


def summary(msg):
    """A publishDiagnostics as lines FileCheck reads: one per diagnostic and
    one per related information."""
    p = msg["params"]
    out = ["publish %s version %s: %d diagnostic(s)" % (
        p["uri"].rsplit("/", 1)[-1], p.get("version"), len(p["diagnostics"]))]

    def rng(r):
        return "%d:%d-%d:%d" % (r["start"]["line"], r["start"]["character"],
                                r["end"]["line"], r["end"]["character"])
    for d in p["diagnostics"]:
        out.append("  %s severity=%s source=%s code=%s href=%s: %s" % (
            rng(d["range"]), d.get("severity"), d.get("source"), d.get("code"),
            d.get("codeDescription", {}).get("href"), d["message"]))
        for ri in d.get("relatedInformation", []):
            out.append("    related %s %s: %s" % (ri["location"]["uri"], rng(ri["location"]["range"]),
                                                  ri["message"]))
    print("\n".join(out), flush=True)
