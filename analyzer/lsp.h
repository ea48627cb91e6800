/* The language server (cancelcheck --lsp): a driver over cck_analyze_parsed
 * that speaks LSP on stdin/stdout. */
#ifndef CCK_LSP_H
#define CCK_LSP_H

#include <stdbool.h>
#include <stdio.h>
#include <glib.h>

struct cck_lsp_options {
	unsigned models;		/* CCK_MODEL_* from --model */
	GPtrArray *check_globs;		/* --checks, after each file's config's */
	const char *config;		/* --config, or NULL: found upward */
	bool verbose;			/* notes on stderr */
};

/* Serves until "exit" or the end of input; returns the exit status (0 if
 * "shutdown" came first, 1 otherwise). */
int cck_lsp_main(FILE *in, FILE *out, const struct cck_lsp_options *o);

#endif
