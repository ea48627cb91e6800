/* The whole program, through the compile database: what each translation
 * unit defines and calls (its facts, written by a first pass), the
 * summaries other units see, and which functions can run on a thread that
 * is ever cancelled. Built by the driver between the two passes; read by
 * the analysis of each unit in the second. */
#ifndef CCK_PROGRAM_H
#define CCK_PROGRAM_H

#include <stdbool.h>
#include <json-c/json.h>
#include <glib.h>

struct cck_tu;
struct cck_summary;

/* The facts of one analyzed TU: its functions (name, static or not, the
 * functions each calls or takes the address of, the summary of each one
 * other files may call), its thread roots (start routines, callback
 * tables), and whether it cancels threads or defines main. */
json_object *cck_facts_of(struct cck_tu *tu);

struct cck_program;

struct cck_program *cck_program_new(void);
void cck_program_free(struct cck_program *p);
/* Adds the facts of the TU whose main file is file. */
void cck_program_add(struct cck_program *p, const char *file, json_object *facts);
/* Once all are added: which functions may run on a cancelled thread.
 * cancels: the user says threads are cancelled (--model=posix, config). */
void cck_program_finish(struct cck_program *p, bool cancels);

/* The summary of an exported function another TU defines, or NULL. */
json_object *cck_program_summary(const struct cck_program *p, const char *name);
/* Whether the TU file calls functions of other TUs whose summaries say
 * something (then its analysis needs them: a second pass). Also hashes
 * those summaries into *key for the cache. */
bool cck_program_needs(const struct cck_program *p, const char *file, GChecksum *key);
/* Adds to out (a string set) the files whose summaries the TU file uses:
 * its providers, whose changes it waits for (strings owned by p). */
void cck_program_providers(const struct cck_program *p, const char *file, GHashTable *out);
/* Whether func ("file::name" for a static one) may run on a thread that
 * some code cancels. */
bool cck_program_cancellable(const struct cck_program *p, const char *func);
bool cck_program_cancels(const struct cck_program *p);

/* A summary to and from JSON; from JSON, interned into tu. */
json_object *cck_summary_to_json(const struct cck_tu *tu, const struct cck_summary *s);
struct cck_summary *cck_summary_from_json(struct cck_tu *tu, json_object *o);
bool cck_summary_says_something(const struct cck_summary *s);

#endif
