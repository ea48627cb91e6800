/* The language server: JSON-RPC 2.0 on stdin/stdout (LSP base protocol),
 * one kept translation unit per open document, reparsed with its unsaved
 * text and a reused preamble on each edit, analyzed through
 * cck_analyze_parsed, findings published as diagnostics.
 *
 * Threads: a reader thread reads and answers messages and records each
 * edit; the worker (the main thread) parses and analyzes. Every edit bumps the document's
 * generation; the worker publishes a result only while the generation it
 * analyzed is still the current one (checked under the lock it publishes
 * under), so no diagnostics of an older version ever follow a newer one's,
 * and it gives up between phases (after the parse, after the analysis)
 * once a newer edit has come. */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <clang-c/CXCompilationDatabase.h>
#include <json-c/json.h>
#include "analysis.h"
#include "config.h"
#include "lang.h"
#include "lsp.h"

/* JSON-RPC and LSP error codes */
#define PARSE_ERROR -32700
#define INVALID_REQUEST -32600
#define METHOD_NOT_FOUND -32601
#define INVALID_PARAMS -32602
#define SERVER_NOT_INITIALIZED -32002

#define MAX_MESSAGE (64u << 20)	/* a larger Content-Length is refused */

/* What an edit's analysis is parsed with: the preamble (the includes at
 * the top) is built once and reused while they do not change. */
#define PARSE_OPTIONS (CXTranslationUnit_PrecompiledPreamble | \
		       CXTranslationUnit_CreatePreambleOnFirstParse)

struct doc {
	char *uri;
	char *path;		/* absolute, as diagnostics name it */
	char *lang;		/* languageId from didOpen */
	/* under S.lock */
	char *text;
	gsize len;
	gint64 version;
	unsigned gen;		/* bumped by every open, change, save, close */
	bool open;
	bool queued;		/* in S.queue */
	bool setup_stale;	/* flags and config to be found again (open, save) */
	/* the worker's alone */
	CXTranslationUnit tu;
	char *dir;		/* the compile's working directory, or NULL */
	GPtrArray *args;	/* compiler arguments */
	struct cck_settings settings;	/* the config and check globs */
	char *config_err;	/* the config could not be loaded: why */
};

static struct {
	FILE *out;
	GMutex out_lock;	/* one message at a time on out */
	GMutex lock;		/* documents, queue, stop */
	GCond cond;
	GHashTable *docs;	/* uri -> struct doc *, open ones */
	GQueue queue;		/* struct doc * the worker has to see */
	bool stop;
	/* the reader's */
	bool initialized, shutdown;
	bool utf8;		/* positions count bytes, not UTF-16 units */
	char *root;		/* rootUri's path, or NULL */
	char *db_path;		/* initializationOptions.compilationDatabasePath */
	GPtrArray *fallback;	/* initializationOptions.fallbackFlags, or NULL */
	const struct cck_lsp_options *o;
	char *checks;		/* the command line's --checks lists, joined, or NULL */
	/* the worker's */
	CXIndex idx;
} S;

/* ---- output ----------------------------------------------------------- */

static void send_message(json_object *msg)
{
	json_object_object_add(msg, "jsonrpc", json_object_new_string("2.0"));
	size_t len;
	const char *s = json_object_to_json_string_length(msg,
		JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE, &len);
	g_mutex_lock(&S.out_lock);
	fprintf(S.out, "Content-Length: %zu\r\n\r\n", len);
	fwrite(s, 1, len, S.out);
	fflush(S.out);
	g_mutex_unlock(&S.out_lock);
	json_object_put(msg);
}

static void respond(json_object *id, json_object *result)
{
	json_object *m = json_object_new_object();
	json_object_object_add(m, "id", json_object_get(id));
	json_object_object_add(m, "result", result);
	send_message(m);
}

static void respond_error(json_object *id, int code, const char *message)
{
	json_object *m = json_object_new_object();
	json_object *e = json_object_new_object();
	json_object_object_add(e, "code", json_object_new_int(code));
	json_object_object_add(e, "message", json_object_new_string(message));
	json_object_object_add(m, "id", json_object_get(id));	/* NULL: null */
	json_object_object_add(m, "error", e);
	send_message(m);
}

static void notify(const char *method, json_object *params)
{
	json_object *m = json_object_new_object();
	json_object_object_add(m, "method", json_object_new_string(method));
	json_object_object_add(m, "params", params);
	send_message(m);
}

static void publish(const char *uri, gint64 version, json_object *diags)
{
	json_object *p = json_object_new_object();
	json_object_object_add(p, "uri", json_object_new_string(uri));
	if (version >= 0)
		json_object_object_add(p, "version", json_object_new_int64(version));
	json_object_object_add(p, "diagnostics", diags);
	notify("textDocument/publishDiagnostics", p);
}

static void log_message(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void log_message(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	fprintf(stderr, "cancelcheck: %s\n", s);
	g_free(s);
}

/* ---- positions -------------------------------------------------------- */

/* The LSP column of a 1-based byte column of line (1-based) in text: UTF-16
 * units unless the client takes UTF-8. Bytes that are not UTF-8 count one. */
static unsigned lsp_col(const char *text, gsize len, unsigned line, unsigned col)
{
	if (!col)
		return 0;
	if (S.utf8 || !text)
		return col - 1;
	const char *p = text, *end = text + len;
	for (unsigned l = 1; l < line && p < end; l++) {
		const char *nl = memchr(p, '\n', end - p);
		p = nl ? nl + 1 : end;
	}
	const char *stop = (gsize)(end - p) > col - 1 ? p + (col - 1) : end;
	unsigned units = 0;
	while (p < stop) {
		gunichar c = g_utf8_get_char_validated(p, stop - p);
		if (c == (gunichar)-1 || c == (gunichar)-2) {
			units++, p++;
			continue;
		}
		units += c >= 0x10000 ? 2 : 1;
		p = g_utf8_next_char(p);
	}
	return units;
}

/* The text positions refer to: the document's for its own file. */
struct text {
	const char *path;
	const char *data;
	gsize len;
};

static json_object *position(const struct text *t, const char *file, unsigned line,
			     unsigned col)
{
	json_object *p = json_object_new_object();
	bool own = t && file && !strcmp(file, t->path);
	json_object_object_add(p, "line", json_object_new_int(line ? line - 1 : 0));
	json_object_object_add(p, "character", json_object_new_int(
		own ? lsp_col(t->data, t->len, line, col) : col ? col - 1 : 0));
	return p;
}

static json_object *range(const struct text *t, const char *file, unsigned l1, unsigned c1,
			  unsigned l2, unsigned c2)
{
	json_object *r = json_object_new_object();
	json_object_object_add(r, "start", position(t, file, l1, c1));
	json_object_object_add(r, "end", position(t, file, l2, c2));
	return r;
}

/* Finds the expression a finding is anchored at: the outermost call that
 * starts at its location, else the outermost expression that does. Only
 * cursors whose extent holds the location are entered. */
struct find {
	CXFile file;
	unsigned line, col;
	CXCursor call, expr;
	bool have_call, have_expr;
};

static int cmp_pos(unsigned l1, unsigned c1, unsigned l2, unsigned c2)
{
	return l1 != l2 ? (l1 < l2 ? -1 : 1) : c1 != c2 ? (c1 < c2 ? -1 : 1) : 0;
}

static enum CXChildVisitResult find_visit(CXCursor c, CXCursor parent, CXClientData p)
{
	struct find *f = p;
	CXSourceRange ext = clang_getCursorExtent(c);
	CXFile sf, ef;
	unsigned sl, sc, el, ec;
	clang_getExpansionLocation(clang_getRangeStart(ext), &sf, &sl, &sc, NULL);
	clang_getExpansionLocation(clang_getRangeEnd(ext), &ef, &el, &ec, NULL);
	if (!sf || !clang_File_isEqual(sf, f->file) ||
	    cmp_pos(f->line, f->col, sl, sc) < 0 || cmp_pos(f->line, f->col, el, ec) >= 0)
		return CXChildVisit_Continue;
	enum CXCursorKind k = clang_getCursorKind(c);
	if (sl == f->line && sc == f->col && clang_isExpression(k)) {
		if (k == CXCursor_CallExpr && !f->have_call) {
			f->call = c;
			f->have_call = true;
		} else if (!f->have_expr) {
			f->expr = c;
			f->have_expr = true;
		}
	}
	return f->have_call ? CXChildVisit_Break : CXChildVisit_Recurse;
}

/* The range of the call (or expression, or token) at file:line:col. */
static json_object *extent_at(CXTranslationUnit tu, const struct text *t, const char *file,
			      unsigned line, unsigned col)
{
	CXFile cf = tu ? clang_getFile(tu, file) : NULL;
	CXSourceRange r = clang_getNullRange();
	if (cf && line && col) {
		struct find f = { .file = cf, .line = line, .col = col };
		clang_visitChildren(clang_getTranslationUnitCursor(tu), find_visit, &f);
		if (f.have_call || f.have_expr) {
			r = clang_getCursorExtent(f.have_call ? f.call : f.expr);
		} else {
			CXToken *tok = clang_getToken(tu, clang_getLocation(tu, cf, line, col));
			if (tok) {
				r = clang_getTokenExtent(tu, *tok);
				clang_disposeTokens(tu, tok, 1);
			}
		}
	}
	unsigned l1, c1, l2, c2;
	CXFile f1, f2;
	clang_getExpansionLocation(clang_getRangeStart(r), &f1, &l1, &c1, NULL);
	clang_getExpansionLocation(clang_getRangeEnd(r), &f2, &l2, &c2, NULL);
	if (clang_Range_isNull(r) || !f1 || !clang_File_isEqual(f1, cf) ||
	    !clang_File_isEqual(f2, cf) || cmp_pos(l1, c1, line, col) > 0 ||
	    cmp_pos(l2, c2, line, col) <= 0)
		return range(t, file, line, col, line, col);	/* an empty range at it */
	return range(t, file, l1, c1, l2, c2);
}

/* ---- diagnostics ------------------------------------------------------ */

static char *uri_of(const char *file, const char *dir)
{
	char *abs = g_canonicalize_filename(file, dir);
	char *uri = g_filename_to_uri(abs, NULL, NULL);
	g_free(abs);
	return uri ? uri : g_strdup(file);
}

static json_object *finding(CXTranslationUnit tu, const struct text *t, const char *dir,
			    const struct cck_diag *d)
{
	json_object *o = json_object_new_object();
	json_object_object_add(o, "range", extent_at(tu, t, t->path, d->line, d->col));
	json_object_object_add(o, "severity", json_object_new_int(2));	/* warning */
	json_object_object_add(o, "code", json_object_new_string(d->check));
	char *href = cck_check_doc_url(d->check);	/* SARIF's helpUri too */
	json_object *cd = json_object_new_object();
	json_object_object_add(cd, "href", json_object_new_string(href));
	json_object_object_add(o, "codeDescription", cd);
	g_free(href);
	json_object_object_add(o, "source", json_object_new_string("cancelcheck"));
	json_object_object_add(o, "message", json_object_new_string(d->message));
	json_object *rel = json_object_new_array();
	for (unsigned i = 0; i < d->notes->len; i++) {
		const struct cck_note *n = &g_array_index(d->notes, struct cck_note, i);
		char *file = g_canonicalize_filename(n->file, dir);
		json_object *loc = json_object_new_object();
		char *uri = uri_of(file, NULL);
		json_object_object_add(loc, "uri", json_object_new_string(uri));
		json_object_object_add(loc, "range", extent_at(tu, t, file, n->line, n->col));
		json_object *ri = json_object_new_object();
		json_object_object_add(ri, "location", loc);
		json_object_object_add(ri, "message", json_object_new_string(n->message));
		json_object_array_add(rel, ri);
		g_free(uri);
		g_free(file);
	}
	json_object_object_add(o, "relatedInformation", rel);
	return o;
}

/* One diagnostic at the top of the file (for what has no place in it). */
static json_object *at_top(int severity, const char *source, const char *message)
{
	json_object *o = json_object_new_object();
	json_object_object_add(o, "range", range(NULL, NULL, 1, 1, 1, 1));
	json_object_object_add(o, "severity", json_object_new_int(severity));
	json_object_object_add(o, "source", json_object_new_string(source));
	json_object_object_add(o, "message", json_object_new_string(message));
	return o;
}

/* clang's errors, as error diagnostics: in place when they are in the
 * document, else at its top naming where they are. NULL if none. */
static json_object *clang_errors(CXTranslationUnit tu, const struct text *t)
{
	json_object *a = NULL;
	unsigned n = clang_getNumDiagnostics(tu);
	for (unsigned i = 0; i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu, i);
		if (clang_getDiagnosticSeverity(d) < CXDiagnostic_Error) {
			clang_disposeDiagnostic(d);
			continue;
		}
		CXString msg = clang_getDiagnosticSpelling(d);
		CXFile f;
		unsigned line, col;
		clang_getExpansionLocation(clang_getDiagnosticLocation(d), &f, &line, &col, NULL);
		CXString fname = clang_getFileName(f);
		const char *fn = clang_getCString(fname);
		char *abs = fn ? g_canonicalize_filename(fn, NULL) : NULL;
		json_object *o;
		if (abs && !strcmp(abs, t->path)) {
			o = at_top(1, "clang", clang_getCString(msg));
			json_object_object_add(o, "range", extent_at(tu, t, t->path, line, col));
		} else {
			char *m = fn ? g_strdup_printf("%s:%u:%u: %s", fn, line, col,
						       clang_getCString(msg))
				     : g_strdup(clang_getCString(msg));
			o = at_top(1, "clang", m);
			g_free(m);
		}
		if (!a)
			a = json_object_new_array();
		json_object_array_add(a, o);
		g_free(abs);
		clang_disposeString(fname);
		clang_disposeString(msg);
		clang_disposeDiagnostic(d);
	}
	return a;
}

/* ---- flags and config (the worker) ------------------------------------ */

/* The directory of the nearest compile_commands.json at or above dir. */
static char *find_db(const char *dir)
{
	char *d = g_strdup(dir);
	for (;;) {
		char *cand = g_build_filename(d, "compile_commands.json", NULL);
		bool hit = g_file_test(cand, G_FILE_TEST_IS_REGULAR);
		g_free(cand);
		if (hit)
			return d;
		char *up = g_path_get_dirname(d);
		if (!strcmp(up, d)) {
			g_free(up);
			g_free(d);
			return NULL;
		}
		g_free(d);
		d = up;
	}
}

/* The database's own entry for path (libclang would invent one from a
 * neighbour for a file it does not list: that is the fallback's case). */
static bool flags_from_db(struct doc *d, const char *dbdir)
{
	CXCompilationDatabase_Error err;
	CXCompilationDatabase db = clang_CompilationDatabase_fromDirectory(dbdir, &err);
	if (err != CXCompilationDatabase_NoError) {
		log_message("%s/compile_commands.json: cannot load compilation database", dbdir);
		return false;
	}
	bool found = false;
	CXCompileCommands all = clang_CompilationDatabase_getAllCompileCommands(db);
	for (unsigned i = 0; all && i < clang_CompileCommands_getSize(all) && !found; i++) {
		CXCompileCommand cmd = clang_CompileCommands_getCommand(all, i);
		CXString dir = clang_CompileCommand_getDirectory(cmd);
		CXString file = clang_CompileCommand_getFilename(cmd);
		char *abs = g_canonicalize_filename(clang_getCString(file), clang_getCString(dir));
		if (!strcmp(abs, d->path)) {
			d->dir = g_strdup(clang_getCString(dir));
			cck_db_args(cmd, d->path, d->dir, d->args);
			found = true;
		}
		g_free(abs);
		clang_disposeString(dir);
		clang_disposeString(file);
	}
	if (all)
		clang_CompileCommands_dispose(all);
	clang_CompilationDatabase_dispose(db);
	return found;
}

static bool is_cxx_doc(const struct doc *d)
{
	if (d->lang && !strcmp(d->lang, "cpp"))
		return true;
	/* an editor opens headers too */
	return cck_cxx_source(d->path) || g_str_has_suffix(d->path, ".hpp") ||
	       g_str_has_suffix(d->path, ".hh") || g_str_has_suffix(d->path, ".hxx");
}

/* A file no database lists: its language, GNU C11 (or C++17), and its own
 * directory on the include path, plus the client's fallbackFlags. */
static void fallback_flags(struct doc *d)
{
	bool cxx = is_cxx_doc(d);
	g_ptr_array_add(d->args, g_strdup(cxx ? "-xc++" : "-xc"));
	g_ptr_array_add(d->args, g_strdup(cxx ? "-std=gnu++17" : "-std=gnu11"));
	char *dir = g_path_get_dirname(d->path);
	g_ptr_array_add(d->args, g_strdup_printf("-I%s", dir));
	g_free(dir);
	for (unsigned i = 0; S.fallback && i < S.fallback->len; i++)
		g_ptr_array_add(d->args, g_strdup(S.fallback->pdata[i]));
}

static bool same_flags(GPtrArray *a, const char *adir, GPtrArray *b, const char *bdir)
{
	if (g_strcmp0(adir, bdir) || a->len != b->len)
		return false;
	for (unsigned i = 0; i < a->len; i++)
		if (strcmp(a->pdata[i], b->pdata[i]))
			return false;
	return true;
}

/* Finds the document's flags and config again (on open and save); a
 * kept TU parsed with other flags is dropped. */
static void setup(struct doc *d)
{
	GPtrArray *old_args = d->args;
	char *old_dir = d->dir;
	d->args = g_ptr_array_new_with_free_func(g_free);
	d->dir = NULL;
	char *dbdir = NULL;
	if (S.db_path) {
		dbdir = g_str_has_suffix(S.db_path, "compile_commands.json")
			? g_path_get_dirname(S.db_path) : g_strdup(S.db_path);
	} else {
		char *here = g_path_get_dirname(d->path);
		dbdir = find_db(here);
		g_free(here);
	}
	if (!dbdir || !flags_from_db(d, dbdir))
		fallback_flags(d);
	if (S.o->verbose) {
		GString *s = g_string_new(NULL);
		for (unsigned i = 0; i < d->args->len; i++)
			g_string_append_printf(s, " %s", (char *)d->args->pdata[i]);
		log_message("%s: flags%s (%s)", d->path, s->str,
			    d->dir ? "compile_commands.json" : "fallback");
		g_string_free(s, TRUE);
	}
	g_free(dbdir);
	if (old_args && !same_flags(old_args, old_dir, d->args, d->dir) && d->tu) {
		clang_disposeTranslationUnit(d->tu);
		d->tu = NULL;
	}
	if (old_args)
		g_ptr_array_free(old_args, TRUE);
	g_free(old_dir);

	cck_settings_fini(&d->settings);
	g_free(d->config_err);
	d->config_err = NULL;
	if (cck_settings_load(&d->settings, d->path, S.o->config, S.checks, &d->config_err))
		cck_settings_fini(&d->settings);	/* analyze() says why, and stops */
}

/* ---- analysis (the worker) -------------------------------------------- */

static bool superseded(struct doc *d, unsigned gen)
{
	g_mutex_lock(&S.lock);
	bool r = S.stop || !d->open || d->gen != gen;
	g_mutex_unlock(&S.lock);
	return r;
}

/* The diagnostics of text (version gen of d), or NULL if a newer edit
 * came in the meantime. */
static json_object *analyze(struct doc *d, const char *text, gsize len, unsigned gen)
{
	struct text t = { d->path, text, len };
	if (d->config_err) {	/* the command line stops here too */
		json_object *a = json_object_new_array();
		json_object_array_add(a, at_top(1, "cancelcheck", d->config_err));
		return a;
	}
	struct CXUnsavedFile uf = { d->path, text, len };
	struct cck_request rq = {
		.file = d->path, .dir = d->dir,
		.args = (const char *const *)d->args->pdata, .nargs = d->args->len,
		.config = d->settings.config, .models = S.o->models,
		.check_globs = d->settings.globs,
		.unsaved = &uf, .nunsaved = 1, .verbose = S.o->verbose,
	};
	struct cck_result res;
	cck_result_init(&res);
	json_object *out = NULL;
	if (d->tu && clang_reparseTranslationUnit(d->tu, 1, &uf,
						   clang_defaultReparseOptions(d->tu))) {
		clang_disposeTranslationUnit(d->tu);	/* it cannot be used again */
		d->tu = NULL;
	}
	if (!d->tu)
		d->tu = cck_parse(S.idx, &rq, PARSE_OPTIONS, &res);
	if (!d->tu) {
		out = json_object_new_array();
		char *msg = g_strstrip(g_strdup(res.err->str));
		json_object_array_add(out, at_top(1, "cancelcheck", *msg ? msg :
			"cannot parse this file"));
		g_free(msg);
	} else if (!superseded(d, gen) && !(out = clang_errors(d->tu, &t))) {
		cck_analyze_parsed(d->tu, &rq, &res);
		out = json_object_new_array();
		for (unsigned i = 0; i < res.sink.diags->len; i++) {
			const struct cck_diag *f = res.sink.diags->pdata[i];
			char *file = g_canonicalize_filename(f->file, d->dir);
			if (!strcmp(file, d->path))	/* a header's are not this document's */
				json_object_array_add(out, finding(d->tu, &t, d->dir, f));
			g_free(file);
		}
	}
	if (S.o->verbose && res.err->len)
		fputs(res.err->str, stderr);
	cck_result_fini(&res);
	return out;
}

static void doc_free(struct doc *d)
{
	if (d->tu)
		clang_disposeTranslationUnit(d->tu);
	cck_settings_fini(&d->settings);
	if (d->args)
		g_ptr_array_free(d->args, TRUE);
	g_free(d->config_err);
	g_free(d->dir);
	g_free(d->uri);
	g_free(d->path);
	g_free(d->lang);
	g_free(d->text);
	g_free(d);
}

/* Takes the queued documents one at a time, the latest text of each. */
static gpointer worker(gpointer unused)
{
	g_mutex_lock(&S.lock);
	while (!S.stop) {
		struct doc *d = g_queue_pop_head(&S.queue);
		if (!d) {
			g_cond_wait(&S.cond, &S.lock);
			continue;
		}
		d->queued = false;
		if (!d->open) {		/* closed: only the worker frees, never twice */
			g_mutex_unlock(&S.lock);
			doc_free(d);
			g_mutex_lock(&S.lock);
			continue;
		}
		unsigned gen = d->gen;
		gint64 version = d->version;
		gsize len = d->len;
		char *text = g_memdup2(d->text, len + 1);
		bool stale = d->setup_stale;
		d->setup_stale = false;
		g_mutex_unlock(&S.lock);
		if (stale)
			setup(d);
		json_object *diags = analyze(d, text, len, gen);
		g_free(text);
		g_mutex_lock(&S.lock);
		if (diags && !S.stop && d->open && d->gen == gen)
			publish(d->uri, version, diags);
		else if (diags)
			json_object_put(diags);
	}
	g_mutex_unlock(&S.lock);
	return NULL;
}

/* Under S.lock: a new generation of d for the worker. */
static void touch(struct doc *d)
{
	d->gen++;
	if (!d->queued) {
		d->queued = true;
		g_queue_push_tail(&S.queue, d);
	}
	g_cond_signal(&S.cond);
}

/* ---- methods (the main thread) ---------------------------------------- */

static const char *jstr(json_object *o, const char *key)
{
	json_object *v;
	return o && json_object_object_get_ex(o, key, &v) &&
	       json_object_is_type(v, json_type_string) ? json_object_get_string(v) : NULL;
}

static json_object *jobj(json_object *o, const char *key)
{
	json_object *v;
	return o && json_object_object_get_ex(o, key, &v) &&
	       json_object_is_type(v, json_type_object) ? v : NULL;
}

static bool jint(json_object *o, const char *key, gint64 *out)
{
	json_object *v;
	if (!o || !json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_int))
		return false;
	*out = json_object_get_int64(v);
	return true;
}

static bool offers_utf8(json_object *params)
{
	json_object *g = jobj(jobj(params, "capabilities"), "general"), *a;
	if (!g || !json_object_object_get_ex(g, "positionEncodings", &a) ||
	    !json_object_is_type(a, json_type_array))
		return false;
	for (size_t i = 0; i < json_object_array_length(a); i++) {
		json_object *e = json_object_array_get_idx(a, i);
		if (json_object_is_type(e, json_type_string) &&
		    !strcmp(json_object_get_string(e), "utf-8"))
			return true;
	}
	return false;
}

static char *path_of_uri(const char *uri)
{
	return uri ? g_filename_from_uri(uri, NULL, NULL) : NULL;
}

static json_object *initialize(json_object *params)
{
	S.utf8 = offers_utf8(params);
	S.root = path_of_uri(jstr(params, "rootUri"));
	json_object *io = jobj(params, "initializationOptions"), *ff;
	const char *db = jstr(io, "compilationDatabasePath");
	if (db && *db)
		S.db_path = g_canonicalize_filename(db, S.root);
	if (io && json_object_object_get_ex(io, "fallbackFlags", &ff) &&
	    json_object_is_type(ff, json_type_array)) {
		S.fallback = g_ptr_array_new_with_free_func(g_free);
		for (size_t i = 0; i < json_object_array_length(ff); i++) {
			json_object *e = json_object_array_get_idx(ff, i);
			if (json_object_is_type(e, json_type_string))
				g_ptr_array_add(S.fallback, g_strdup(json_object_get_string(e)));
		}
	}
	json_object *sync = json_object_new_object();
	json_object_object_add(sync, "openClose", json_object_new_boolean(1));
	json_object_object_add(sync, "change", json_object_new_int(1));	/* full */
	json_object *save = json_object_new_object();
	json_object_object_add(save, "includeText", json_object_new_boolean(1));
	json_object_object_add(sync, "save", save);
	json_object *caps = json_object_new_object();
	json_object_object_add(caps, "positionEncoding",
			       json_object_new_string(S.utf8 ? "utf-8" : "utf-16"));
	json_object_object_add(caps, "textDocumentSync", sync);
	json_object *info = json_object_new_object();
	json_object_object_add(info, "name", json_object_new_string("cancelcheck"));
	json_object_object_add(info, "version", json_object_new_string(CCK_VERSION));
	json_object *r = json_object_new_object();
	json_object_object_add(r, "capabilities", caps);
	json_object_object_add(r, "serverInfo", info);
	return r;
}

/* Under S.lock: the open document of params.textDocument.uri, or NULL. */
static struct doc *doc_of(json_object *params)
{
	const char *uri = jstr(jobj(params, "textDocument"), "uri");
	struct doc *d = uri ? g_hash_table_lookup(S.docs, uri) : NULL;
	if (!d)
		log_message("%s: not an open document", uri ? uri : "(no uri)");
	return d;
}

static void set_text(struct doc *d, const char *text, json_object *version)
{
	g_free(d->text);
	d->len = strlen(text);
	d->text = g_strndup(text, d->len);
	gint64 v;
	if (version && jint(version, "version", &v))
		d->version = v;
}

static void did_open(json_object *params)
{
	json_object *td = jobj(params, "textDocument");
	const char *uri = jstr(td, "uri"), *text = jstr(td, "text");
	char *path = path_of_uri(uri);
	if (!path || !text) {
		log_message("didOpen: %s", !uri ? "no textDocument.uri" : !text ?
			    "no textDocument.text" : "only file: URIs can be analyzed");
		g_free(path);
		return;
	}
	g_mutex_lock(&S.lock);
	struct doc *d = g_hash_table_lookup(S.docs, uri);
	if (!d) {
		d = g_new0(struct doc, 1);
		d->uri = g_strdup(uri);
		d->path = g_canonicalize_filename(path, NULL);
		d->lang = g_strdup(jstr(td, "languageId"));	/* the worker reads it: set once */
		d->open = true;
		d->version = -1;
		g_hash_table_insert(S.docs, d->uri, d);
	}
	set_text(d, text, td);
	d->setup_stale = true;
	touch(d);
	g_mutex_unlock(&S.lock);
	g_free(path);
}

/* Full sync: the last change without a range is the whole text. */
static void did_change(json_object *params)
{
	json_object *changes, *r;
	const char *text = NULL;
	if (json_object_object_get_ex(params, "contentChanges", &changes) &&
	    json_object_is_type(changes, json_type_array))
		for (size_t i = 0; i < json_object_array_length(changes); i++) {
			json_object *c = json_object_array_get_idx(changes, i);
			if (jstr(c, "text") && !json_object_object_get_ex(c, "range", &r))
				text = jstr(c, "text");
		}
	g_mutex_lock(&S.lock);
	struct doc *d = doc_of(params);
	if (d && text) {
		set_text(d, text, jobj(params, "textDocument"));
		touch(d);
	} else if (d) {
		log_message("didChange: no full text (the server asked for full sync)");
	}
	g_mutex_unlock(&S.lock);
}

static void did_save(json_object *params)
{
	const char *text = jstr(params, "text");
	g_mutex_lock(&S.lock);
	struct doc *d = doc_of(params);
	if (d) {
		if (text)
			set_text(d, text, NULL);
		d->setup_stale = true;	/* the database or config may have changed too */
		touch(d);
	}
	g_mutex_unlock(&S.lock);
}

static void did_close(json_object *params)
{
	g_mutex_lock(&S.lock);
	struct doc *d = doc_of(params);
	if (d) {
		g_hash_table_remove(S.docs, d->uri);
		d->open = false;
		touch(d);	/* the worker frees it */
		publish(d->uri, -1, json_object_new_array());
	}
	g_mutex_unlock(&S.lock);
}

/* ---- dispatch --------------------------------------------------------- */

static bool valid_id(json_object *id)
{
	return !id || json_object_is_type(id, json_type_int) ||
	       json_object_is_type(id, json_type_string);
}

/* Returns false once "exit" came. */
static bool dispatch(json_object *m)
{
	json_object *id = NULL, *params = NULL, *v;
	if (!json_object_is_type(m, json_type_object)) {
		respond_error(NULL, INVALID_REQUEST, json_object_is_type(m, json_type_array)
			      ? "batches are not supported" : "a message is a JSON object");
		return true;
	}
	bool has_id = json_object_object_get_ex(m, "id", &id);
	if (!valid_id(id)) {
		respond_error(NULL, INVALID_REQUEST, "id must be a number or a string");
		return true;
	}
	const char *method = jstr(m, "method");
	if (!method && has_id && (json_object_object_get_ex(m, "result", &v) ||
				  json_object_object_get_ex(m, "error", &v)))
		return true;	/* a response: the server sends no requests */
	if (!method || g_strcmp0(jstr(m, "jsonrpc"), "2.0")) {
		respond_error(id, INVALID_REQUEST, !method ? "no method"
			      : "jsonrpc must be \"2.0\"");
		return true;
	}
	json_object_object_get_ex(m, "params", &params);
	if (params && !json_object_is_type(params, json_type_object) &&
	    !json_object_is_type(params, json_type_array)) {
		if (has_id)
			respond_error(id, INVALID_REQUEST, "params must be an object or an array");
		return true;
	}
	if (!strcmp(method, "exit"))
		return false;
	if (!has_id) {	/* a notification: nothing is answered */
		if (!S.initialized || S.shutdown)
			return true;
		if (!strcmp(method, "textDocument/didOpen"))
			did_open(params);
		else if (!strcmp(method, "textDocument/didChange"))
			did_change(params);
		else if (!strcmp(method, "textDocument/didSave"))
			did_save(params);
		else if (!strcmp(method, "textDocument/didClose"))
			did_close(params);
		/* initialized, $/cancelRequest (nothing to cancel: requests are
		 * answered at once), and any other: ignored */
		return true;
	}
	if (!strcmp(method, "initialize")) {
		if (S.initialized)
			respond_error(id, INVALID_REQUEST, "initialize was already received");
		else if (params && !json_object_is_type(params, json_type_object))
			respond_error(id, INVALID_PARAMS, "initialize takes an object");
		else {
			respond(id, initialize(params));
			S.initialized = true;
		}
	} else if (!S.initialized) {
		respond_error(id, SERVER_NOT_INITIALIZED, "initialize first");
	} else if (S.shutdown) {
		respond_error(id, INVALID_REQUEST, "shutdown was requested");
	} else if (!strcmp(method, "shutdown")) {
		S.shutdown = true;
		respond(id, NULL);
	} else {
		char *msg = g_strdup_printf("unknown method '%s'", method);
		respond_error(id, METHOD_NOT_FOUND, msg);
		g_free(msg);
	}
	return true;
}

/* ---- framing ---------------------------------------------------------- */

/* Reads one message body: 1 with *body (g_free it), 0 at the end of input,
 * -1 for a header block that gives no usable length (skipped). */
static int read_message(FILE *in, char **body, size_t *len)
{
	char *line = NULL;
	size_t cap = 0;
	long long n = -1;
	bool any = false, bad = false;
	ssize_t r;
	while ((r = getline(&line, &cap, in)) > 0) {
		line[strcspn(line, "\r\n")] = 0;
		if (!*line) {
			if (any)
				break;
			continue;	/* blank lines between messages */
		}
		any = true;
		if (!g_ascii_strncasecmp(line, "Content-Length:", 15)) {
			char *end;
			errno = 0;
			n = g_ascii_strtoll(line + 15, &end, 10);
			while (*end == ' ' || *end == '\t')
				end++;
			if (errno || *end || n < 0)
				bad = true;
		}
	}
	free(line);
	if (r <= 0)
		return 0;	/* the end of input, maybe inside a header */
	if (bad || n < 0) {
		log_message("a message header without a valid Content-Length: skipped");
		return -1;
	}
	if ((unsigned long long)n > MAX_MESSAGE) {
		log_message("a message of %lld bytes is too large: skipped", n);
		char buf[65536];
		for (long long left = n; left > 0;) {
			size_t want = left < (long long)sizeof buf ? (size_t)left : sizeof buf;
			size_t k = fread(buf, 1, want, in);
			if (!k)
				return 0;
			left -= k;
		}
		return -1;
	}
	*body = g_malloc(n + 1);
	*len = fread(*body, 1, n, in);
	(*body)[*len] = 0;
	if (*len < (size_t)n) {
		g_free(*body);
		return 0;
	}
	return 1;
}

static json_object *parse_json(const char *s, size_t len)
{
	json_tokener *tok = json_tokener_new();
	json_object *o = json_tokener_parse_ex(tok, s, len);
	bool ok = o && json_tokener_get_error(tok) == json_tokener_success;
	size_t end = ok ? json_tokener_get_parse_end(tok) : 0;
	while (ok && end < len && g_ascii_isspace(s[end]))
		end++;
	if (ok && (end < len || strlen(s) != len))	/* trailing text, or a NUL inside */
		ok = false;
	json_tokener_free(tok);
	if (!ok && o) {
		json_object_put(o);
		o = NULL;
	}
	return o;
}

/* The reader: messages in, answers out, edits recorded for the analysis.
 * Returns whether "exit" came (else the input ended). */
static gpointer reader(gpointer in_)
{
	FILE *in = in_;
	bool exited = false;
	for (;;) {
		char *body = NULL;
		size_t len = 0;
		int r = read_message(in, &body, &len);
		if (r == 0)
			break;
		if (r < 0)
			continue;
		json_object *m = parse_json(body, len);
		g_free(body);
		if (!m) {
			respond_error(NULL, PARSE_ERROR, "the message is not valid JSON");
			continue;
		}
		bool more = dispatch(m);
		json_object_put(m);
		if (!more) {
			exited = true;
			break;
		}
	}
	g_mutex_lock(&S.lock);
	S.stop = true;
	g_cond_signal(&S.cond);
	g_mutex_unlock(&S.lock);
	return GINT_TO_POINTER(exited);
}

int cck_lsp_main(FILE *in, FILE *out, const struct cck_lsp_options *o)
{
	signal(SIGPIPE, SIG_IGN);	/* a client gone is an end of input, not a kill */
	memset(&S, 0, sizeof S);
	S.out = out;
	S.o = o;
	g_mutex_init(&S.out_lock);
	g_mutex_init(&S.lock);
	g_cond_init(&S.cond);
	g_queue_init(&S.queue);
	S.docs = g_hash_table_new(g_str_hash, g_str_equal);
	for (unsigned i = 0; o->check_globs && i < o->check_globs->len; i++) {
		char *all = g_strjoin(",", S.checks ? S.checks : "", o->check_globs->pdata[i],
				      NULL);	/* applied in order, as one list */
		g_free(S.checks);
		S.checks = all;
	}
	/* Preambles in memory: an edit's reparse reads no file, and no
	 * temporary file needs removing should the process be killed. */
	CXIndexOptions io = { .Size = sizeof io, .StorePreamblesInMemory = 1 };
	S.idx = clang_createIndexWithOptions(&io);
	if (!S.idx)
		S.idx = clang_createIndex(0, 0);
	/* The analysis runs on this thread, which lives as long as the
	 * process (the front end keeps per-thread buffers); a second thread
	 * reads, and ends the analysis loop when the input does. */
	GThread *r = g_thread_new("lsp-reader", reader, in);
	worker(NULL);
	bool exited = GPOINTER_TO_INT(g_thread_join(r));
	/* closed documents the worker did not get to, then the open ones */
	for (struct doc *d; (d = g_queue_pop_head(&S.queue));)
		if (!d->open)
			doc_free(d);
	GHashTableIter it;
	gpointer k, v;
	g_hash_table_iter_init(&it, S.docs);
	while (g_hash_table_iter_next(&it, &k, &v))
		doc_free(v);
	g_hash_table_unref(S.docs);
	clang_disposeIndex(S.idx);
	if (S.fallback)
		g_ptr_array_free(S.fallback, TRUE);
	g_free(S.root);
	g_free(S.db_path);
	g_free(S.checks);
	g_cond_clear(&S.cond);
	g_mutex_clear(&S.lock);
	g_mutex_clear(&S.out_lock);
	if (!exited && o->verbose)
		log_message("the end of input before 'exit'");
	return exited && S.shutdown ? 0 : 1;
}
