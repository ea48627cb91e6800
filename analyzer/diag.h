/* Diagnostics: what checks report, collected per TU, filtered by
 * suppression comments and printed as text, JSON or SARIF. The CLI, and
 * later the plugin and the language server, share this interface. */
#ifndef CCK_DIAG_H
#define CCK_DIAG_H

#include <stdbool.h>
#include <stdio.h>
#include <glib.h>

struct cck_note {
	char *file;
	unsigned line, col;
	char *message;
	bool show_source;
};

struct cck_diag {
	char *check;
	char *file;
	unsigned line, col;
	char *message;
	GArray *notes;		/* struct cck_note */
	/* Where it was found, for the whole-program thread analysis: the
	 * function ("file::name" if static) and whether its cancel edge is
	 * POSIX-style (only a thread someone cancels takes it). */
	char *func;
	bool unwinds;
};

struct cck_sink {
	GPtrArray *diags;	/* struct cck_diag * */
};

void cck_sink_init(struct cck_sink *s);
void cck_sink_fini(struct cck_sink *s);
struct cck_diag *cck_report(struct cck_sink *s, const char *check, const char *file,
			    unsigned line, unsigned col, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
void cck_note(struct cck_diag *d, const char *file, unsigned line, unsigned col,
	      bool show_source, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* Drops diagnostics suppressed by "cancelcheck: ignore[check]" comments on
 * their line or the line before, and duplicates; sorts the rest. */
void cck_sink_finish(struct cck_sink *s);

enum cck_format { CCK_FMT_TEXT, CCK_FMT_JSON, CCK_FMT_SARIF };

void cck_print_text(FILE *out, const struct cck_sink *s, bool color);

/* Findings already known: a JSON document as --format=json writes it.
 * Each entry suppresses one finding with the same check and message
 * (lines move as code changes; the message names the resource and call)
 * in the same file: the same path, or, for a baseline recorded in another
 * checkout, a path that ends with the finding's path under the baseline
 * file's directory. */
struct cck_baseline;
struct cck_baseline *cck_baseline_load(const char *path, char **err);
unsigned cck_baseline_apply(struct cck_baseline *baseline, struct cck_sink *s);
void cck_baseline_free(struct cck_baseline *baseline);
/* One diagnostic as a JSON object (the --format=json element, plus the
 * function and model when with_origin), and back (NULL if malformed). */
struct json_object;
struct json_object *cck_diag_to_json(const struct cck_diag *d, bool with_origin);
struct cck_diag *cck_diag_from_json(struct json_object *o);
void cck_diag_free(struct cck_diag *d);

/* JSON and SARIF are one document for the whole run: collect, then print. */
void cck_print_json(FILE *out, GPtrArray *diags);
/* A rule as SARIF describes it: a check's name, its one-line doc and its
 * --explain text (doc and explain may be NULL). */
struct cck_sarif_rule {
	const char *id, *doc, *explain;
};
/* A check's docs page, <base><check>.md (g_free it): SARIF's helpUri and
 * the language server's codeDescription. The base is cck_docs_base_url():
 * the CMake setting CCK_DOCS_URL if given, else the installed docs beside
 * the program, else the source tree's. */
char *cck_check_doc_url(const char *check);
/* SARIF 2.1.0 as GitHub code scanning takes it. tool.driver.rules lists
 * rules[0..n_rules) in order, then any other check that has a result.
 * Files under the current directory (%SRCROOT%) get URIs relative to it. */
void cck_print_sarif(FILE *out, GPtrArray *diags, const char *version,
		     const struct cck_sarif_rule *rules, unsigned n_rules);

#endif
