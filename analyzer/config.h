/* .cancelcheck.yaml: models, checks and function roles, parsed with libyaml. */
#ifndef CCK_CONFIG_H
#define CCK_CONFIG_H

#include <glib.h>
#include "model.h"

struct cck_config {
	char *path;		/* file it came from */
	unsigned models;	/* CCK_MODEL_* bits enabled by the file */
	char *checks;		/* glob list as on the command line, or NULL */
	unsigned checks_line, checks_col;	/* where it was written */
	bool exceptions_cleanups; /* reserved */
	bool werror;		/* cancelcheck-cc: a finding fails the compile */
	GHashTable *functions;	/* name -> struct cck_role * (owned) */
	GHashTable *lock_guards;	/* C++ class names (owned) -> 1: lock guard
					 * types, as std::lock_guard */
};

/* Walks from the directory of source upward; returns the first
 * .cancelcheck.yaml found (g_free it) or NULL. */
char *cck_config_find(const char *source);

/* Loads path. On failure returns NULL and sets *err to one line of the form
 * "<path>:<line>:<col>: <message>" (g_free it). */
struct cck_config *cck_config_load(const char *path, char **err);

void cck_config_free(struct cck_config *c);

#endif
