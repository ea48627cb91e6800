/* The cancelcheck command line: options, compile database, translation
 * units (in parallel with -j), checks, output and exit status. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <clang-c/CXCompilationDatabase.h>
#include <json-c/json.h>
#include "analysis.h"
#include "program.h"
#include "check.h"
#include "cli.h"
#include "lsp.h"

#define EXIT_FINDINGS 1
#define EXIT_ERROR 2

struct options {
	char *build_dir;
	GPtrArray *check_globs;	/* char *, in order; config's first */
	unsigned models;
	char *config;
	enum cck_format format;
	int jobs;
	bool dump_ir, verbose, list_checks, version, help;
	bool no_cache;
	bool lsp;		/* serve the language server protocol instead */
	bool abandoned;		/* a TU timed out: its thread is still running */
	double tu_timeout;	/* seconds; 0: none */
	char *explain;
	char *baseline;
	GPtrArray *sources;
	GPtrArray *extra;	/* compiler args after -- */
	bool have_extra;
};

/* One translation unit to analyze, and what came of it. */
struct job {
	char *file;		/* as given, or absolute for database entries */
	char *dir;		/* working directory */
	GPtrArray *args;	/* compiler arguments, without the compiler */
	const struct cck_config *config;
	GPtrArray *globs;	/* its config's check list, then --checks (not owned) */
	struct cck_result res;
	bool last;		/* nothing runs after it: skip the teardown */
	bool report;		/* its findings are printed (-p: all, or those named) */
	char *cache;		/* -p: its cache entry, or NULL */
	char *used;		/* -p: the key of the summaries its last pass used */
};

static const char *prog = "cancelcheck";

static void usage_line(FILE *f)
{
	fprintf(f, "usage: %s [options] <source>... [-- <compiler args>]\n", prog);
}

static void help(void)
{
	usage_line(stdout);
	printf(
"\n"
"Finds cancel-correctness bugs in C: guards held and owned values lost when\n"
"a thread or coroutine is cancelled at a suspend point.\n"
"\n"
"options:\n"
"  -p <build-dir>        the whole program of <build-dir>/compile_commands.json:\n"
"                        summaries across its files, and only threads it\n"
"                        cancels; with no sources, report every file in it\n"
"  --checks=<globs>      enable/disable checks, e.g. '*,-cancel-lost-value'\n"
"  --model=<name>        enable a model (repeatable): %s\n"
"  --config=<file>       use this config file instead of the nearest\n"
"                        .cancelcheck.yaml above each source\n"
"  --baseline=<file>     report only findings not in <file>, a previous\n"
"                        --format=json output (adopting on a large codebase)\n"
"  --format=text|json|sarif\n"
"                        output format (default text)\n"
"  -j <n>                analyze translation units in parallel\n"
"  --no-cache            with -p: do not read or write the summary cache\n"
"                        (<build-dir>/.cancelcheck-cache)\n"
"  --tu-timeout=<s>      a translation unit that takes longer is an error\n"
"                        naming it (default 60; 0: no limit)\n"
"  --dump-ir             print the analysis IR of each function and exit\n"
"  --verbose             say what is skipped and why\n"
"  --list-checks         list the checks and exit\n"
"  --explain <check>     describe a check and exit\n"
"  --version             print the version and exit\n"
"  --help                print this help and exit\n"
"  --lsp                 run as a language server on stdin/stdout: diagnostics\n"
"                        on open, change and save, flags from the nearest\n"
"                        compile_commands.json (--checks, --model, --config\n"
"                        and --verbose apply)\n"
"\n"
"Suppress a finding with a comment on its line or the line before:\n"
"  // cancelcheck: ignore[<check>] <reason>\n"
"\n"
"In the build: cancelcheck-cc <compiler> ... (a compiler launcher), and\n"
"clang-19 -fplugin=cancelcheck-plugin.so (a clang plugin); see\n"
"docs/integrations.md.\n"
"\n"
"exit status: 0 no findings, 1 findings, 2 usage, config, I/O or parse error\n",
	       cck_model_names());
}

static int usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "%s: error: ", prog);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	usage_line(stderr);
	return EXIT_ERROR;
}

/* ---- checks ----------------------------------------------------------- */

/* Validates one comma-separated list; unknown plain names are errors. */
static int check_list_valid(const char *list, const char *origin)
{
	GPtrArray *planned = g_ptr_array_new_with_free_func(g_free);
	char *err = cck_check_list_error(list, planned);
	for (unsigned i = 0; i < planned->len; i++)
		fprintf(stderr, "%s: note: check '%s' is not available in this version\n",
			prog, (char *)planned->pdata[i]);
	g_ptr_array_free(planned, TRUE);
	if (!err)
		return 0;
	fprintf(stderr, "%s: error: %s: %s\n", prog, origin, err);
	g_free(err);
	return EXIT_ERROR;
}

/* ---- workers ---------------------------------------------------------- */

/* Jobs run on worker threads; the calling thread watches the clock. A TU
 * that takes longer than --tu-timeout is abandoned (libclang cannot be
 * interrupted): it fails with an error that names it, a new worker takes
 * over the remaining jobs, and the process exits without waiting for the
 * abandoned one. */
struct pool;
typedef void (*pass_fn)(struct pool *P, CXIndex idx, struct job *j, struct cck_result *r);

struct slot {
	struct job *job;	/* in hand, or NULL */
	gint64 since;
	bool abandoned;
};

struct pool {
	GPtrArray *jobs;
	const struct options *o;
	const struct cck_program *program;
	pass_fn run;
	const char *what;	/* progress label */
	gint next;
	gint done;
	bool progress;
	GMutex lock;
	struct slot slots[512];
	int nslots;
	bool abandoned;		/* some worker never came back */
};

struct worker_arg {
	struct pool *P;
	int slot;
};

static gpointer worker(gpointer p)
{
	struct worker_arg *w = p;
	struct pool *P = w->P;
	struct slot *me = &P->slots[w->slot];
	g_free(w);
	CXIndex idx = clang_createIndex(0, 0);
	for (;;) {
		gint i = g_atomic_int_add(&P->next, 1);
		if (i >= (gint)P->jobs->len)
			break;
		struct job *j = P->jobs->pdata[i];
		g_mutex_lock(&P->lock);
		me->job = j;
		me->since = g_get_monotonic_time();
		g_mutex_unlock(&P->lock);
		struct cck_result r;
		cck_result_init(&r);
		P->run(P, idx, j, &r);
		g_mutex_lock(&P->lock);
		bool late = me->abandoned;
		me->job = NULL;
		if (!late) {	/* publish: the watcher has not given up on it */
			cck_result_fini(&j->res);
			j->res = r;
		}
		g_mutex_unlock(&P->lock);
		if (late)	/* its job already failed; this thread is no longer counted */
			return NULL;
		gint d = g_atomic_int_add(&P->done, 1) + 1;
		if (P->progress) {
			g_mutex_lock(&P->lock);
			fprintf(stderr, "\r\033[K%s[%d/%u] %s", P->what, d, P->jobs->len, j->file);
			if (d == (gint)P->jobs->len)
				fputc('\n', stderr);
			g_mutex_unlock(&P->lock);
		}
	}
	if (P->jobs->len > 1)	/* a single TU is left alive until exit */
		clang_disposeIndex(idx);
	return NULL;
}

static GThread *start_worker(struct pool *P)
{
	struct worker_arg *w = g_new(struct worker_arg, 1);
	w->P = P;
	w->slot = P->nslots++;
	return g_thread_new("tu", worker, w);
}

static void run_pool(struct pool *P, int n)
{
	if (n > (int)P->jobs->len)
		n = P->jobs->len;
	if (n < 1)
		n = 1;
	P->next = P->done = 0;
	P->nslots = 0;
	memset(P->slots, 0, sizeof P->slots);
	g_mutex_init(&P->lock);
	GPtrArray *threads = g_ptr_array_new();
	for (int i = 0; i < n; i++)
		g_ptr_array_add(threads, start_worker(P));
	gint64 limit = (gint64)(P->o->tu_timeout * 1e6);
	while (g_atomic_int_get(&P->done) < (gint)P->jobs->len) {
		g_usleep(20000);
		g_mutex_lock(&P->lock);
		gint64 now = g_get_monotonic_time();
		for (int i = 0; limit > 0 && i < P->nslots; i++) {
			struct slot *s = &P->slots[i];
			if (!s->job || s->abandoned || now - s->since < limit)
				continue;
			s->abandoned = true;
			P->abandoned = true;
			s->job->res.failed = true;
			g_string_append_printf(s->job->res.err, "%s: error: analysis took longer "
				"than %gs (--tu-timeout); not analyzed\n", s->job->file,
				P->o->tu_timeout);
			g_atomic_int_inc(&P->done);
			if (P->nslots < (int)G_N_ELEMENTS(P->slots))	/* carry on without it */
				g_ptr_array_add(threads, start_worker(P));
		}
		g_mutex_unlock(&P->lock);
	}
	for (unsigned i = 0; i < threads->len; i++) {	/* thread i works slot i */
		g_mutex_lock(&P->lock);
		bool stuck = P->slots[i].abandoned && P->slots[i].job;
		g_mutex_unlock(&P->lock);
		if (stuck)
			g_thread_unref(threads->pdata[i]);
		else
			g_thread_join(threads->pdata[i]);
	}
	g_ptr_array_free(threads, TRUE);
	if (P->progress && P->jobs->len)
		fflush(stderr);
}

static struct cck_request request_of(const struct job *j, const struct options *o)
{
	struct cck_request rq = {
		.file = j->file, .dir = j->dir,
		.args = (const char *const *)j->args->pdata, .nargs = j->args->len,
		.config = j->config, .models = o->models,
		.check_globs = j->globs ? j->globs : o->check_globs,
		.verbose = o->verbose, .dump_ir = o->dump_ir, .keep_alive = j->last,
	};
	return rq;
}

/* One TU on its own (no -p). */
static void pass_single(struct pool *P, CXIndex idx, struct job *j, struct cck_result *r)
{
	struct cck_request rq = request_of(j, P->o);
	cck_analyze(idx, &rq, r);
}

/* ---- compile database ------------------------------------------------- */

static struct job *job_new(const char *file, const char *dir)
{
	struct job *j = g_new0(struct job, 1);
	/* Sources named on the command line are reported as the user wrote
	 * them, like a compiler does; database entries are made absolute. */
	j->file = dir ? g_canonicalize_filename(file, dir) : g_strdup(file);
	j->dir = dir ? g_strdup(dir) : NULL;
	j->args = g_ptr_array_new_with_free_func(g_free);
	cck_result_init(&j->res);
	return j;
}

static void job_free(gpointer p)
{
	struct job *j = p;
	g_free(j->file);
	g_free(j->dir);
	g_free(j->cache);
	g_free(j->used);
	g_ptr_array_free(j->args, TRUE);
	if (j->globs)
		g_ptr_array_free(j->globs, TRUE);
	cck_result_fini(&j->res);
	g_free(j);
}

/* The job of one database entry, with the arguments after "--" added. */
static struct job *job_of(const struct options *o, CXCompileCommand cmd)
{
	CXString d = clang_CompileCommand_getDirectory(cmd);
	CXString f = clang_CompileCommand_getFilename(cmd);
	struct job *j = job_new(clang_getCString(f), clang_getCString(d));
	clang_disposeString(d);
	clang_disposeString(f);
	cck_db_args(cmd, j->file, j->dir, j->args);
	for (unsigned k = 0; k < o->extra->len; k++)
		g_ptr_array_add(j->args, g_strdup(o->extra->pdata[k]));
	return j;
}

/* libclang reports a bad database without saying why: check it ourselves
 * first, so the message can name the file and the problem. */
static int check_db_file(const char *dir)
{
	char *path = g_build_filename(dir, "compile_commands.json", NULL);
	int rc = 0;
	char *text = NULL;
	GError *e = NULL;
	if (!g_file_get_contents(path, &text, NULL, &e)) {
		fprintf(stderr, "%s: error: %s: cannot read compilation database: %s\n",
			prog, path, e->message);
		g_error_free(e);
		rc = EXIT_ERROR;
	} else {
		enum json_tokener_error je;
		json_object *o = json_tokener_parse_verbose(text, &je);
		if (!o) {
			fprintf(stderr, "%s: error: %s: malformed compilation database: %s\n",
				prog, path, json_tokener_error_desc(je));
			rc = EXIT_ERROR;
		} else if (!json_object_is_type(o, json_type_array)) {
			fprintf(stderr, "%s: error: %s: malformed compilation database: "
				"expected an array of commands\n", prog, path);
			rc = EXIT_ERROR;
		}
		json_object_put(o);
	}
	g_free(text);
	g_free(path);
	return rc;
}

static int jobs_from_db(const struct options *o, GPtrArray *jobs)
{
	int rc = check_db_file(o->build_dir);
	if (rc)
		return rc;
	CXCompilationDatabase_Error err;
	CXCompilationDatabase db = clang_CompilationDatabase_fromDirectory(o->build_dir, &err);
	if (err != CXCompilationDatabase_NoError) {
		fprintf(stderr, "%s: error: %s/compile_commands.json: cannot load compilation database\n",
			prog, o->build_dir);
		return EXIT_ERROR;
	}
	GPtrArray *wanted = o->sources;
	CXCompileCommands all = clang_CompilationDatabase_getAllCompileCommands(db);
	GHashTable *listed = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	for (unsigned i = 0; i < clang_CompileCommands_getSize(all); i++) {
		CXCompileCommand cmd = clang_CompileCommands_getCommand(all, i);
		CXString d = clang_CompileCommand_getDirectory(cmd);
		CXString f = clang_CompileCommand_getFilename(cmd);
		g_hash_table_add(listed, g_canonicalize_filename(clang_getCString(f),
								 clang_getCString(d)));
		clang_disposeString(d);
		clang_disposeString(f);
	}
	for (unsigned w = 0; w < (wanted->len ? wanted->len : 1) && !rc; w++) {
		CXCompileCommands cmds = wanted->len ? NULL : all;
		if (wanted->len) {
			char *abs = g_canonicalize_filename(wanted->pdata[w], NULL);
			cmds = clang_CompilationDatabase_getCompileCommands(db, abs);
			g_free(abs);
		}
		unsigned n = cmds ? clang_CompileCommands_getSize(cmds) : 0;
		if (wanted->len && n == 0) {
			fprintf(stderr, "%s: error: %s: not in compilation database %s/compile_commands.json\n",
				prog, (char *)wanted->pdata[w], o->build_dir);
			rc = EXIT_ERROR;
		}
		for (unsigned i = 0; i < n; i++) {
			struct job *j = job_of(o, clang_CompileCommands_getCommand(cmds, i));
			/* libclang invents a command for files the database does
			 * not list (from a neighbour): that is not what -p means. */
			if (wanted->len && !g_hash_table_contains(listed, j->file)) {
				fprintf(stderr, "%s: error: %s: not in compilation database %s/compile_commands.json\n",
					prog, (char *)wanted->pdata[w], o->build_dir);
				rc = EXIT_ERROR;
				job_free(j);
				break;
			}
			g_ptr_array_add(jobs, j);
			if (wanted->len)	/* one entry per requested file */
				break;
		}
		if (cmds && cmds != all)
			clang_CompileCommands_dispose(cmds);
	}
	if (all)
		clang_CompileCommands_dispose(all);
	g_hash_table_unref(listed);
	clang_CompilationDatabase_dispose(db);
	if (!rc && !jobs->len) {
		fprintf(stderr, "%s: error: %s/compile_commands.json: no files to analyze\n",
			prog, o->build_dir);
		rc = EXIT_ERROR;
	}
	return rc;
}

/* -p over the whole program: the entries not asked for are analyzed too
 * (their summaries and threads matter), but not reported. */
static void add_rest_of_db(const struct options *o, GPtrArray *jobs)
{
	CXCompilationDatabase_Error err;
	CXCompilationDatabase db = clang_CompilationDatabase_fromDirectory(o->build_dir, &err);
	if (err != CXCompilationDatabase_NoError)
		return;
	GHashTable *have = g_hash_table_new(g_str_hash, g_str_equal);
	for (unsigned i = 0; i < jobs->len; i++)
		g_hash_table_add(have, ((struct job *)jobs->pdata[i])->file);
	CXCompileCommands all = clang_CompilationDatabase_getAllCompileCommands(db);
	for (unsigned i = 0; all && i < clang_CompileCommands_getSize(all); i++) {
		struct job *j = job_of(o, clang_CompileCommands_getCommand(all, i));
		if (g_hash_table_contains(have, j->file))
			job_free(j);
		else
			g_ptr_array_add(jobs, j);
	}
	if (all)
		clang_CompileCommands_dispose(all);
	g_hash_table_unref(have);
	clang_CompilationDatabase_dispose(db);
}

/* ---- the whole program (-p): two passes, a cache ---------------------- */

/* A cache entry is named by everything that decides a TU's first pass:
 * the analyzer itself, the file and its compile, the options and the
 * config. The files it read are checked when it is loaded. */
static char *cache_name(const struct options *o, const struct job *j, const char *dir)
{
	GChecksum *h = g_checksum_new(G_CHECKSUM_SHA256);
	struct stat st;
	char *self = g_file_read_link("/proc/self/exe", NULL);
	if (self && stat(self, &st) == 0) {
		char b[64];
		snprintf(b, sizeof b, "%lld.%ld/%lld", (long long)st.st_mtim.tv_sec,
			 st.st_mtim.tv_nsec, (long long)st.st_size);
		g_checksum_update(h, (const guchar *)b, -1);
	}
	g_free(self);
	g_checksum_update(h, (const guchar *)CCK_VERSION, -1);
	g_checksum_update(h, (const guchar *)j->file, -1);
	g_checksum_update(h, (const guchar *)(j->dir ? j->dir : ""), -1);
	for (unsigned i = 0; i < j->args->len; i++) {
		g_checksum_update(h, (const guchar *)"\n", 1);
		g_checksum_update(h, (const guchar *)j->args->pdata[i], -1);
	}
	char m[32];
	snprintf(m, sizeof m, "%u", o->models);
	g_checksum_update(h, (const guchar *)m, -1);
	for (unsigned i = 0; i < o->check_globs->len; i++)
		g_checksum_update(h, (const guchar *)o->check_globs->pdata[i], -1);
	char *text = NULL;
	gsize len = 0;
	if (j->config && g_file_get_contents(j->config->path, &text, &len, NULL))
		g_checksum_update(h, (const guchar *)text, len);
	g_free(text);
	char *name = g_strdup_printf("%s/%s.json", dir, g_checksum_get_string(h));
	g_checksum_free(h);
	return name;
}

/* The entry, if every file it read is as it was. */
static json_object *cache_load(const char *path)
{
	json_object *e = json_object_from_file(path), *inputs;
	if (!e)
		return NULL;
	if (!json_object_object_get_ex(e, "inputs", &inputs) ||
	    !json_object_is_type(inputs, json_type_array))
		goto stale;
	for (size_t i = 0; i < json_object_array_length(inputs); i++) {
		json_object *in = json_object_array_get_idx(inputs, i);
		struct stat st;
		const char *f = json_object_get_string(json_object_array_get_idx(in, 0));
		if (!f || stat(f, &st) != 0 ||
		    st.st_size != json_object_get_int64(json_object_array_get_idx(in, 1)) ||
		    st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec !=
			    json_object_get_int64(json_object_array_get_idx(in, 2)))
			goto stale;
	}
	return e;
stale:
	json_object_put(e);
	return NULL;
}

/* Written to a temporary and renamed: parallel runs never read half. */
static void cache_store(const char *path, json_object *e)
{
	char *tmp = g_strdup_printf("%s.%d.tmp", path, (int)getpid());
	if (json_object_to_file_ext(tmp, e, JSON_C_TO_STRING_PLAIN) == 0)
		rename(tmp, path);
	else
		unlink(tmp);
	g_free(tmp);
}

static json_object *diags_json(const struct cck_sink *s)
{
	json_object *a = json_object_new_array();
	for (unsigned i = 0; i < s->diags->len; i++)
		json_object_array_add(a, cck_diag_to_json(s->diags->pdata[i], true));
	return a;
}

static void diags_from(json_object *a, struct cck_sink *s)
{
	for (size_t i = 0; a && i < json_object_array_length(a); i++) {
		struct cck_diag *d = cck_diag_from_json(json_object_array_get_idx(a, i));
		if (d)
			g_ptr_array_add(s->diags, d);
	}
}

/* First pass: every TU, its findings and facts, from the cache when it
 * is still good. */
static void pass_facts(struct pool *P, CXIndex idx, struct job *j, struct cck_result *r)
{
	json_object *e = j->cache ? cache_load(j->cache) : NULL, *v;
	if (e && json_object_object_get_ex(e, "facts", &v)) {
		r->facts = json_object_get(v);
		json_object_object_get_ex(e, "diags", &v);
		diags_from(v, &r->sink);
		if (P->o->verbose)
			g_string_append_printf(r->err, "%s: note: first pass from the cache\n", j->file);
		json_object_put(e);
		return;
	}
	if (e)
		json_object_put(e);
	struct cck_request rq = request_of(j, P->o);
	rq.whole_program = true;
	rq.keep_alive = false;
	cck_analyze(idx, &rq, r);
	if (!j->cache || r->failed || !r->facts || !r->inputs)
		return;
	e = json_object_new_object();
	json_object_object_add(e, "inputs", json_object_get(r->inputs));
	json_object_object_add(e, "facts", json_object_get(r->facts));
	json_object_object_add(e, "diags", diags_json(&r->sink));
	cache_store(j->cache, e);
	json_object_put(e);
}

/* The key of a second pass: what the TU used of other TUs' summaries. */
static char *pass2_key(const struct cck_program *p, const struct job *j)
{
	GChecksum *h = g_checksum_new(G_CHECKSUM_SHA256);
	cck_program_needs(p, j->file, h);
	char *k = g_strdup(g_checksum_get_string(h));
	g_checksum_free(h);
	return k;
}

/* Second pass: a TU that calls other TUs' functions whose summaries say
 * something is analyzed again with them; its own summaries may change in
 * turn. The cache keeps a few results per TU, each under the summaries it
 * used, so a warm run replays every round. */
static void pass_program(struct pool *P, CXIndex idx, struct job *j, struct cck_result *r)
{
	char *key = pass2_key(P->program, j);
	json_object *e = j->cache ? cache_load(j->cache) : NULL, *p2 = NULL, *hit = NULL, *v;
	g_string_append(r->err, j->res.err->str);	/* the earlier passes' notes */
	g_free(j->used);
	j->used = g_strdup(key);
	if (e && json_object_object_get_ex(e, "pass2", &p2) &&
	    json_object_is_type(p2, json_type_object) &&
	    json_object_object_get_ex(p2, key, &hit) &&
	    json_object_object_get_ex(hit, "facts", &v)) {
		r->facts = json_object_get(v);
		json_object_object_get_ex(hit, "diags", &v);
		diags_from(v, &r->sink);
		if (P->o->verbose)
			g_string_append_printf(r->err, "%s: note: second pass from the cache\n", j->file);
		json_object_put(e);
		g_free(key);
		return;
	}
	struct cck_request rq = request_of(j, P->o);
	rq.whole_program = true;
	rq.program = P->program;
	rq.keep_alive = false;
	cck_analyze(idx, &rq, r);
	if (e && !r->failed && r->facts) {
		if (!p2 || !json_object_is_type(p2, json_type_object) ||
		    json_object_object_length(p2) >= 4) {	/* a few rounds' worth */
			p2 = json_object_new_object();
			json_object_object_add(e, "pass2", p2);
		}
		hit = json_object_new_object();
		json_object_object_add(hit, "facts", json_object_get(r->facts));
		json_object_object_add(hit, "diags", diags_json(&r->sink));
		json_object_object_add(p2, key, hit);
		cache_store(j->cache, e);
	}
	if (e)
		json_object_put(e);
	g_free(key);
}

/* Keeps the findings a cancelled thread can meet: a POSIX-style cancel
 * edge only where some thread the program cancels may run the code. */
static void filter_by_threads(const struct cck_program *p, struct job *j, bool verbose)
{
	GPtrArray *keep = g_ptr_array_new();
	for (unsigned i = 0; i < j->res.sink.diags->len; i++) {
		struct cck_diag *d = j->res.sink.diags->pdata[i];
		if (!d->unwinds || (d->func && cck_program_cancellable(p, d->func))) {
			g_ptr_array_add(keep, d);
			continue;
		}
		const char *name = d->func ? strrchr(d->func, ':') : NULL;	/* "file::f" */
		if (verbose)
			g_string_append_printf(j->res.err, "%s:%u:%u: note: not reported: '%s' runs on "
				"no thread the program cancels\n", d->file, d->line, d->col,
				name ? name + 1 : d->func ? d->func : "?");
		cck_diag_free(d);
	}
	g_ptr_array_free(j->res.sink.diags, TRUE);
	j->res.sink.diags = keep;
}

static struct cck_program *program_of(GPtrArray *jobs, bool cancels)
{
	struct cck_program *p = cck_program_new();
	for (unsigned i = 0; i < jobs->len; i++) {
		struct job *j = jobs->pdata[i];
		if (j->res.facts)
			cck_program_add(p, j->file, j->res.facts);
	}
	cck_program_finish(p, cancels);
	return p;
}

/* Summaries cross one file per round (a helper in b.c calling one in c.c
 * learns of it in the first round, its callers in a.c in the next): a TU
 * is analyzed again while the summaries it uses change, a few rounds at
 * most. */
#define ROUNDS 4

/* The TUs as a graph: an edge from a TU to each TU whose summaries it uses
 * (its providers), and its strongly connected components (TUs that use
 * each other's summaries, through a cycle). */
struct tu_graph {
	GPtrArray *jobs;
	GPtrArray **providers;	/* per job: struct job * it waits for */
	int *scc, *index, *low, next, nscc;
	bool *on_stack;
	GPtrArray *stack;
};

static void strong_tu(struct tu_graph *g, unsigned v)
{
	g->index[v] = g->low[v] = g->next++;
	g_ptr_array_add(g->stack, GUINT_TO_POINTER(v));
	g->on_stack[v] = true;
	for (unsigned i = 0; i < g->providers[v]->len; i++) {
		unsigned w = GPOINTER_TO_UINT(g->providers[v]->pdata[i]);
		if (g->index[w] < 0) {
			strong_tu(g, w);
			g->low[v] = MIN(g->low[v], g->low[w]);
		} else if (g->on_stack[w]) {
			g->low[v] = MIN(g->low[v], g->index[w]);
		}
	}
	if (g->low[v] != g->index[v])
		return;
	unsigned w;
	do {
		w = GPOINTER_TO_UINT(g->stack->pdata[g->stack->len - 1]);
		g_ptr_array_set_size(g->stack, g->stack->len - 1);
		g->on_stack[w] = false;
		g->scc[w] = g->nscc;
	} while (w != v);
	g->nscc++;
}

static void tu_graph_init(struct tu_graph *g, GPtrArray *jobs, const struct cck_program *p)
{
	unsigned n = jobs->len;
	g->jobs = jobs;
	g->providers = g_new0(GPtrArray *, n);
	g->scc = g_new(int, n);
	g->index = g_new(int, n);
	g->low = g_new(int, n);
	g->on_stack = g_new0(bool, n);
	g->stack = g_ptr_array_new();
	g->next = g->nscc = 0;
	GHashTable *at = g_hash_table_new(g_str_hash, g_str_equal);	/* file -> index + 1 */
	for (unsigned i = 0; i < n; i++)
		g_hash_table_insert(at, ((struct job *)jobs->pdata[i])->file, GUINT_TO_POINTER(i + 1));
	GHashTable *from = g_hash_table_new(g_str_hash, g_str_equal);
	for (unsigned i = 0; i < n; i++) {
		g->index[i] = -1;
		g->providers[i] = g_ptr_array_new();
		g_hash_table_remove_all(from);
		cck_program_providers(p, ((struct job *)jobs->pdata[i])->file, from);
		GHashTableIter it;
		gpointer f;
		g_hash_table_iter_init(&it, from);
		while (g_hash_table_iter_next(&it, &f, NULL)) {
			unsigned k = GPOINTER_TO_UINT(g_hash_table_lookup(at, f));
			if (k)
				g_ptr_array_add(g->providers[i], GUINT_TO_POINTER(k - 1));
		}
	}
	g_hash_table_unref(from);
	g_hash_table_unref(at);
	for (unsigned i = 0; i < n; i++)
		if (g->index[i] < 0)
			strong_tu(g, i);
}

static void tu_graph_fini(struct tu_graph *g)
{
	for (unsigned i = 0; i < g->jobs->len; i++)
		g_ptr_array_free(g->providers[i], TRUE);
	g_free(g->providers);
	g_free(g->scc);
	g_free(g->index);
	g_free(g->low);
	g_free(g->on_stack);
	g_ptr_array_free(g->stack, TRUE);
}

/* Whether job v should wait this round: a provider outside its cycle is
 * to be analyzed again too, and may change what v would be given. */
static bool waits(const struct tu_graph *g, unsigned v, const bool *again)
{
	for (unsigned i = 0; i < g->providers[v]->len; i++) {
		unsigned w = GPOINTER_TO_UINT(g->providers[v]->pdata[i]);
		if (again[w] && g->scc[w] != g->scc[v])
			return true;
	}
	return false;
}

static void whole_program(struct options *o, GPtrArray *jobs, int n)
{
	char *dir = g_build_filename(o->build_dir, ".cancelcheck-cache", NULL);
	bool cache = !o->no_cache && g_mkdir_with_parents(dir, 0755) == 0 &&
		     access(dir, W_OK) == 0;
	if (!o->no_cache && !cache && o->verbose)
		fprintf(stderr, "%s: note: %s: cannot write the cache; not using it\n", prog, dir);
	for (unsigned i = 0; i < jobs->len && cache; i++) {
		struct job *j = jobs->pdata[i];
		j->cache = cache_name(o, j, dir);
	}
	struct pool P = { .jobs = jobs, .o = o, .run = pass_facts, .what = "summaries ",
			  .progress = jobs->len > 1 && isatty(2) };
	run_pool(&P, n);
	bool cancels = o->models & CCK_MODEL_POSIX;
	for (unsigned i = 0; i < jobs->len; i++) {
		struct job *j = jobs->pdata[i];
		cancels |= j->config && (j->config->models & CCK_MODEL_POSIX);
	}
	struct cck_program *prog_ = program_of(jobs, cancels);
	GPtrArray *again = g_ptr_array_new();
	struct tu_graph g;
	tu_graph_init(&g, jobs, prog_);
	bool *changed = g_new(bool, jobs->len);
	for (int round = 0; round < ROUNDS; round++) {
		g_ptr_array_set_size(again, 0);
		unsigned nchanged = 0, nwait = 0;
		for (unsigned i = 0; i < jobs->len; i++) {
			struct job *j = jobs->pdata[i];
			changed[i] = false;
			if (j->res.failed || !j->res.facts || !cck_program_needs(prog_, j->file, NULL))
				continue;
			char *key = pass2_key(prog_, j);
			changed[i] = !j->used || strcmp(j->used, key);
			nchanged += changed[i];
			g_free(key);
		}
		/* A TU waits for its providers to settle, but not past the last
		 * round: analyzed once with their final summaries rather than
		 * once per change on the way (a large TU at the top of a chain). */
		for (unsigned i = 0; i < jobs->len; i++) {
			if (!changed[i])
				continue;
			if (round < ROUNDS - 1 && waits(&g, i, changed))
				nwait++;
			else
				g_ptr_array_add(again, jobs->pdata[i]);
		}
		if (o->verbose)
			fprintf(stderr, "%s: note: round %d: %u of %u translation units use other "
				"units' summaries that changed: analyzed again (%u of them wait for "
				"their providers)\n", prog, round + 1, nchanged, jobs->len, nwait);
		if (!again->len)
			break;
		struct pool Q = { .jobs = again, .o = o, .program = prog_, .run = pass_program,
				  .what = "analysis ", .progress = again->len > 1 && isatty(2) };
		run_pool(&Q, n);
		P.abandoned |= Q.abandoned;
		cck_program_free(prog_);
		prog_ = program_of(jobs, cancels);
	}
	g_free(changed);
	tu_graph_fini(&g);
	for (unsigned i = 0; i < jobs->len; i++)
		filter_by_threads(prog_, jobs->pdata[i], o->verbose);
	g_ptr_array_free(again, TRUE);
	cck_program_free(prog_);
	g_free(dir);
	o->abandoned = P.abandoned;
}

/* ---- configuration files ---------------------------------------------- */

static int attach_configs(const struct options *o, GPtrArray *jobs, GHashTable *loaded)
{
	for (unsigned i = 0; i < jobs->len; i++) {
		struct job *j = jobs->pdata[i];
		char *path = o->config ? g_strdup(o->config) : cck_config_find(j->file);
		if (!path)
			continue;
		struct cck_config *c = g_hash_table_lookup(loaded, path);
		if (!c) {
			char *err = NULL;
			c = cck_config_load(path, &err);
			if (!c) {
				fprintf(stderr, "%s: error: %s\n", prog, err);
				g_free(err);
				g_free(path);
				return EXIT_ERROR;
			}
			char *where = g_strdup_printf("%s:%u:%u", c->path, c->checks_line,
						      c->checks_col);
			int bad = c->checks && check_list_valid(c->checks, where);
			g_free(where);
			if (bad) {
				cck_config_free(c);
				g_free(path);
				return EXIT_ERROR;
			}
			if (o->verbose)
				fprintf(stderr, "%s: note: using config %s\n", prog, path);
			g_hash_table_insert(loaded, g_strdup(path), c);
		}
		j->config = c;
		g_free(path);
	}
	return 0;
}

/* ---- options ---------------------------------------------------------- */

enum {
	OPT_CHECKS = 256, OPT_MODEL, OPT_CONFIG, OPT_FORMAT, OPT_DUMP_IR,
	OPT_VERBOSE, OPT_LIST, OPT_EXPLAIN, OPT_VERSION, OPT_HELP, OPT_LSP,
	OPT_BASELINE, OPT_NO_CACHE, OPT_TU_TIMEOUT,
};

static const struct option longopts[] = {
	{ "checks", required_argument, NULL, OPT_CHECKS },
	{ "model", required_argument, NULL, OPT_MODEL },
	{ "config", required_argument, NULL, OPT_CONFIG },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "dump-ir", no_argument, NULL, OPT_DUMP_IR },
	{ "verbose", no_argument, NULL, OPT_VERBOSE },
	{ "list-checks", no_argument, NULL, OPT_LIST },
	{ "explain", required_argument, NULL, OPT_EXPLAIN },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ "help", no_argument, NULL, OPT_HELP },
	{ "lsp", no_argument, NULL, OPT_LSP },
	{ "baseline", required_argument, NULL, OPT_BASELINE },
	{ "no-cache", no_argument, NULL, OPT_NO_CACHE },
	{ "tu-timeout", required_argument, NULL, OPT_TU_TIMEOUT },
	{ NULL, 0, NULL, 0 },
};

static int parse_options(int argc, char **argv, struct options *o)
{
	int dd = argc;	/* everything after "--" goes to the compiler */
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--")) {
			dd = i;
			break;
		}
	for (int i = dd + 1; i < argc; i++)
		g_ptr_array_add(o->extra, g_strdup(argv[i]));
	o->have_extra = dd < argc;
	opterr = 0;
	optind = 1;
	int c;
	while ((c = getopt_long(dd, argv, ":p:j:", longopts, NULL)) != -1) {
		switch (c) {
		case 'p':
			g_free(o->build_dir);
			o->build_dir = g_strdup(optarg);
			break;
		case 'j': {
			char *end;
			long n = strtol(optarg, &end, 10);
			if (*end || n < 1 || n > 256)
				return usage_error("-j needs a number of jobs from 1 to 256, not '%s'",
						   optarg);
			o->jobs = n;
			break;
		}
		case OPT_CHECKS:
			if (check_list_valid(optarg, "--checks"))
				return EXIT_ERROR;
			g_ptr_array_add(o->check_globs, g_strdup(optarg));
			break;
		case OPT_MODEL: {
			int m = cck_model_by_name(optarg);
			if (m < 0) {
				fprintf(stderr, "%s: error: unknown model '%s' (known: %s)\n",
					prog, optarg, cck_model_names());
				return EXIT_ERROR;
			}
			o->models |= m;
			break;
		}
		case OPT_CONFIG:
			g_free(o->config);
			o->config = g_strdup(optarg);
			break;
		case OPT_FORMAT:
			if (!strcmp(optarg, "text"))
				o->format = CCK_FMT_TEXT;
			else if (!strcmp(optarg, "json"))
				o->format = CCK_FMT_JSON;
			else if (!strcmp(optarg, "sarif"))
				o->format = CCK_FMT_SARIF;
			else
				return usage_error("unknown format '%s' (text, json or sarif)", optarg);
			break;
		case OPT_DUMP_IR: o->dump_ir = true; break;
		case OPT_VERBOSE: o->verbose = true; break;
		case OPT_LIST: o->list_checks = true; break;
		case OPT_EXPLAIN:
			g_free(o->explain);
			o->explain = g_strdup(optarg);
			break;
		case OPT_VERSION: o->version = true; break;
		case OPT_HELP: o->help = true; break;
		case OPT_NO_CACHE: o->no_cache = true; break;
		case OPT_TU_TIMEOUT: {
			char *end;
			double t = g_ascii_strtod(optarg, &end);
			if (*end || end == optarg || !(t >= 0) || t > 1e6)
				return usage_error("--tu-timeout needs a number of seconds, not '%s'",
						   optarg);
			o->tu_timeout = t;
			break;
		}
		case OPT_BASELINE:
			g_free(o->baseline);
			o->baseline = g_strdup(optarg);
			break;
		case OPT_LSP: o->lsp = true; break;
		case ':':
			return usage_error("option '%s' needs an argument", argv[optind - 1]);
		default:
			return usage_error("unknown option '%s'", argv[optind - 1]);
		}
	}
	for (int i = optind; i < dd; i++)
		g_ptr_array_add(o->sources, g_strdup(argv[i]));
	return 0;
}

/* SARIF lists every check this version ships as a rule, with its help,
 * whether or not it has results. */
static void print_sarif(GPtrArray *diags)
{
	unsigned n = 0;
	while (cck_checks[n])
		n++;
	struct cck_sarif_rule *rules = g_new(struct cck_sarif_rule, n ? n : 1);
	for (unsigned i = 0; i < n; i++)
		rules[i] = (struct cck_sarif_rule){ cck_checks[i]->name, cck_checks[i]->doc,
						    cck_checks[i]->explain };
	cck_print_sarif(stdout, diags, CCK_VERSION, rules, n);
	g_free(rules);
}

static int list_checks(void)
{
	for (const struct cck_check *const *c = cck_checks; *c; c++)
		printf("%-22s %s\n", (*c)->name, (*c)->doc);
	return 0;
}

static int explain(const char *name)
{
	const struct cck_check *c = cck_check_by_name(name);
	if (!c) {
		fprintf(stderr, "%s: error: unknown check '%s' (see --list-checks)\n", prog, name);
		return EXIT_ERROR;
	}
	printf("%s: %s\n\n%s", c->name, c->doc, c->explain);
	return 0;
}

/* The version of the libclang this process loaded ("19.1.7" out of
 * "Debian clang version 19.1.7 (3~deb12u1)"), or the one it was built
 * against if that string has none. g_free it. */
static char *libclang_version(void)
{
	CXString cx = clang_getClangVersion();
	const char *s = clang_getCString(cx), *v = s ? strstr(s, "version ") : NULL;
	char *out = NULL;
	if (v) {
		v += strlen("version ");
		size_t n = strspn(v, "0123456789.");
		if (n)
			out = g_strndup(v, n);
	}
	clang_disposeString(cx);
	return out ? out : g_strdup(CCK_LLVM_VERSION);
}

static int run(struct options *o)
{
	if (o->help) {
		help();
		return 0;
	}
	if (o->version) {
		char *lib = libclang_version();
		printf("cancelcheck %s (libclang %s)\n", CCK_VERSION, lib);
		g_free(lib);
		return 0;
	}
	if (o->list_checks)
		return list_checks();
	if (o->explain)
		return explain(o->explain);
	if (o->lsp) {
		if (o->config && access(o->config, R_OK) != 0) {
			fprintf(stderr, "%s: error: %s: cannot read config file: %s\n", prog,
				o->config, strerror(errno));
			return EXIT_ERROR;
		}
		struct cck_lsp_options lo = { .models = o->models, .check_globs = o->check_globs,
					      .config = o->config, .verbose = o->verbose };
		return cck_lsp_main(stdin, stdout, &lo);
	}
	if (!o->sources->len && !o->build_dir)
		return usage_error("%s", "no source files given (and no -p <build-dir>)");
	if (o->config && access(o->config, R_OK) != 0) {
		fprintf(stderr, "%s: error: %s: cannot read config file: %s\n", prog,
			o->config, strerror(errno));
		return EXIT_ERROR;
	}

	struct cck_baseline *baseline = NULL;
	if (o->baseline) {
		char *err = NULL;
		baseline = cck_baseline_load(o->baseline, &err);
		if (!baseline) {
			fprintf(stderr, "%s: error: %s\n", prog, err);
			g_free(err);
			return EXIT_ERROR;
		}
	}
	GPtrArray *jobs = g_ptr_array_new_with_free_func(job_free);
	int rc = 0;
	if (o->build_dir) {
		rc = jobs_from_db(o, jobs);
	} else {
		for (unsigned i = 0; i < o->sources->len && !rc; i++) {
			const char *src = o->sources->pdata[i];
			if (access(src, R_OK) != 0) {
				fprintf(stderr, "%s: error: %s: %s\n", prog, src, strerror(errno));
				rc = EXIT_ERROR;
				break;
			}
			struct job *j = job_new(src, NULL);
			for (unsigned k = 0; k < o->extra->len; k++)
				g_ptr_array_add(j->args, g_strdup(o->extra->pdata[k]));
			g_ptr_array_add(jobs, j);
		}
	}
	for (unsigned i = 0; i < jobs->len; i++)
		((struct job *)jobs->pdata[i])->report = true;
	if (!rc && o->build_dir && !o->dump_ir)
		add_rest_of_db(o, jobs);
	GHashTable *configs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
						    (GDestroyNotify)cck_config_free);
	if (!rc)
		rc = attach_configs(o, jobs, configs);
	if (!rc) {
		/* each file's config check list applies before the command line's */
		for (unsigned i = 0; i < jobs->len; i++) {
			struct job *j = jobs->pdata[i];
			j->globs = g_ptr_array_new();
			if (j->config && j->config->checks)
				g_ptr_array_add(j->globs, j->config->checks);
			for (unsigned k = 0; k < o->check_globs->len; k++)
				g_ptr_array_add(j->globs, o->check_globs->pdata[k]);
		}

		int n = o->jobs > 0 ? o->jobs : 1;
		if (o->build_dir && !o->dump_ir) {
			whole_program(o, jobs, n);
		} else {
			struct pool P = { .jobs = jobs, .o = o, .run = pass_single, .what = "",
					  .progress = jobs->len > 1 && isatty(2) && !o->dump_ir };
			((struct job *)jobs->pdata[0])->last = jobs->len == 1;
			run_pool(&P, n);
			o->abandoned = P.abandoned;
		}

		if (o->baseline) {
			unsigned dropped = 0;
			for (unsigned i = 0; i < jobs->len; i++)
				dropped += cck_baseline_apply(baseline,
					&((struct job *)jobs->pdata[i])->res.sink);
			if (o->verbose)
				fprintf(stderr, "%s: note: %u finding%s in baseline %s\n", prog,
					dropped, dropped == 1 ? "" : "s", o->baseline);
		}
		GPtrArray *all = g_ptr_array_new();
		bool failed = false;
		for (unsigned i = 0; i < jobs->len; i++) {
			struct job *j = jobs->pdata[i];
			if (!j->report) {	/* -p: only summarized for the others */
				if (j->res.failed)
					fprintf(stderr, "%s: warning: %s: not summarized (it could not be "
						"analyzed); its functions are unknown to the others%s\n",
						prog, j->file, o->verbose ? ":" : "");
				if (j->res.failed && o->verbose)
					fputs(j->res.err->str, stderr);
				continue;
			}
			fputs(j->res.err->str, stderr);
			fputs(j->res.out->str, stdout);
			failed |= j->res.failed;
			for (unsigned k = 0; k < j->res.sink.diags->len; k++)
				g_ptr_array_add(all, j->res.sink.diags->pdata[k]);
		}
		if (!o->dump_ir) {
			if (o->format == CCK_FMT_JSON)
				cck_print_json(stdout, all);
			else if (o->format == CCK_FMT_SARIF)
				print_sarif(all);
			else
				for (unsigned i = 0; i < jobs->len; i++)
					if (((struct job *)jobs->pdata[i])->report)
						cck_print_text(stdout,
							&((struct job *)jobs->pdata[i])->res.sink, isatty(1));
		}
		rc = failed ? EXIT_ERROR : (all->len && !o->dump_ir) ? EXIT_FINDINGS : 0;
		g_ptr_array_free(all, TRUE);
	}
	g_hash_table_unref(configs);
	g_ptr_array_free(jobs, TRUE);
	cck_baseline_free(baseline);
	return rc;
}

int cck_main(int argc, char **argv)
{
	struct options o = {
		.tu_timeout = 60,
		.check_globs = g_ptr_array_new_with_free_func(g_free),
		.sources = g_ptr_array_new_with_free_func(g_free),
		.extra = g_ptr_array_new_with_free_func(g_free),
	};
	int rc = parse_options(argc, argv, &o);
	if (!rc)
		rc = run(&o);
	fflush(stdout);
	if (o.abandoned) {	/* a timed-out TU's thread is still in libclang */
		fflush(stderr);
		_exit(rc);
	}
	g_free(o.build_dir);
	g_free(o.config);
	g_free(o.explain);
	g_free(o.baseline);
	g_ptr_array_free(o.check_globs, TRUE);
	g_ptr_array_free(o.sources, TRUE);
	g_ptr_array_free(o.extra, TRUE);
	return rc;
}
