/* The analysis of one translation unit, behind one entry point: parse
 * with the compile's flags (made acceptable to clang), lower, summarize,
 * run the dataflow and the enabled checks, and collect diagnostics. */
#include <string.h>
#include <sys/stat.h>
#include "analysis.h"
#include "check.h"
#include "lang.h"
#include "paths.h"
#include "program.h"

void cck_result_init(struct cck_result *r)
{
	memset(r, 0, sizeof *r);
	cck_sink_init(&r->sink);
	r->out = g_string_new(NULL);
	r->err = g_string_new(NULL);
	r->failed = false;
}

void cck_result_fini(struct cck_result *r)
{
	if (r->facts)
		json_object_put(r->facts);
	if (r->inputs)
		json_object_put(r->inputs);
	cck_sink_fini(&r->sink);
	g_string_free(r->out, TRUE);
	g_string_free(r->err, TRUE);
}

bool cck_check_enabled(const char *check, GPtrArray *globs)
{
	bool on = true;	/* every check is on unless a list turns it off */
	for (unsigned i = 0; globs && i < globs->len; i++) {
		char **items = g_strsplit(globs->pdata[i], ",", -1);
		for (char **it = items; *it; it++) {
			char *g = g_strstrip(*it);
			bool neg = *g == '-';
			if (neg)
				g++;
			if (*g && g_pattern_match_simple(g, check))
				on = !neg;
		}
		g_strfreev(items);
	}
	return on;
}

static bool is_glob(const char *s)
{
	return strpbrk(s, "*?") != NULL;
}

char *cck_check_list_error(const char *list, GPtrArray *planned)
{
	char **items = g_strsplit(list, ",", -1);
	char *err = NULL;
	for (char **it = items; *it && !err; it++) {
		char *name = g_strstrip(*it);
		bool neg = *name == '-';
		if (neg)
			name++;
		if (!*name || cck_check_by_name(name))
			continue;
		if (is_glob(name)) {
			/* a positive glob that matches nothing is a typo or another
			 * tool's name: running nothing would pass CI vacuously */
			bool hit = neg;
			for (const struct cck_check *const *c = cck_checks; *c && !hit; c++)
				hit = g_pattern_match_simple(name, (*c)->name);
			for (const char *const *p = cck_planned_checks; *p && !hit; p++)
				hit = g_pattern_match_simple(name, *p);
			if (!hit)
				err = g_strdup_printf("'%s' matches no check (see --list-checks)", name);
			continue;
		}
		bool is_planned = false;
		for (const char *const *p = cck_planned_checks; *p; p++)
			is_planned |= !strcmp(*p, name);
		if (is_planned) {
			if (planned)
				g_ptr_array_add(planned, g_strdup(name));
			continue;
		}
		err = g_strdup_printf("unknown check '%s' (see --list-checks)", name);
	}
	g_strfreev(items);
	return err;
}

int cck_settings_load(struct cck_settings *s, const char *file, const char *config_path,
		      const char *checks, char **err)
{
	memset(s, 0, sizeof *s);
	*err = NULL;
	if (checks && (*err = cck_check_list_error(checks, NULL)))
		return -1;
	char *path = config_path ? g_strdup(config_path) : cck_config_find(file);
	if (path) {
		s->config = cck_config_load(path, err);
		g_free(path);
		if (!s->config)
			return -1;
		char *bad = s->config->checks ? cck_check_list_error(s->config->checks, NULL)
					      : NULL;
		if (bad) {
			*err = g_strdup_printf("%s:%u:%u: %s", s->config->path,
					       s->config->checks_line, s->config->checks_col, bad);
			g_free(bad);
			cck_config_free(s->config);
			s->config = NULL;
			return -1;
		}
	}
	s->globs = g_ptr_array_new();
	if (s->config && s->config->checks)
		g_ptr_array_add(s->globs, s->config->checks);
	if (checks)
		g_ptr_array_add(s->globs, (char *)checks);
	return 0;
}

void cck_settings_fini(struct cck_settings *s)
{
	if (s->globs)
		g_ptr_array_free(s->globs, TRUE);
	if (s->config)
		cck_config_free(s->config);
	memset(s, 0, sizeof *s);
}

/* ---- flags ------------------------------------------------------------ */

static bool has_flag_last(GPtrArray *args, const char *on, const char *off)
{
	bool r = false;
	for (unsigned i = 0; i < args->len; i++) {
		if (!strcmp(args->pdata[i], on))
			r = true;
		else if (!strcmp(args->pdata[i], off))
			r = false;
	}
	return r;
}

static bool is_cxx(const char *file, GPtrArray *args)
{
	for (unsigned i = 0; i + 1 < args->len; i++)
		if (!strcmp(args->pdata[i], "-x"))
			return g_str_has_prefix(args->pdata[i + 1], "c++");
	return cck_cxx_source(file);
}

/* The compile's flags, minus sanitizer flags: instrumentation does not
 * change what the code does on a cancel edge, and clang's sanitizer
 * headers are often not installed where the compile used GCC's. */
static GPtrArray *flags_of(const struct cck_request *rq, struct cck_result *res)
{
	GPtrArray *a = g_ptr_array_new_with_free_func(g_free);
	for (unsigned i = 0; i < rq->nargs; i++) {
		const char *s = rq->args[i];
		if (g_str_has_prefix(s, "-fsanitize") || g_str_has_prefix(s, "-fno-sanitize")) {
			if (rq->verbose)
				g_string_append_printf(res->err, "%s: note: ignoring '%s' "
					"(instrumentation is not analyzed)\n", rq->file, s);
			continue;
		}
		g_ptr_array_add(a, g_strdup(s));
	}
	return a;
}

/* The flag a driver error names, for errors clang gives on flags it does
 * not know (GCC's): "unknown argument: '-fconserve-stack'", "unknown
 * argument '-x'; did you mean ...", "unsupported option '-mabi=' for
 * target ...". NULL for any other error. */
static char *unknown_flag(const char *msg)
{
	static const char *const heads[] = {
		"unknown argument: '", "unknown argument '", "unsupported option '",
	};
	for (size_t i = 0; i < G_N_ELEMENTS(heads); i++) {
		if (!g_str_has_prefix(msg, heads[i]))
			continue;
		const char *b = msg + strlen(heads[i]);
		const char *e = strchr(b, '\'');
		return e && e > b ? g_strndup(b, e - b) : NULL;
	}
	return NULL;
}

/* Drops the flags that driver errors name; true if any was dropped, false
 * if some error is not about a flag (then the TU really fails). */
static bool drop_unknown_flags(CXTranslationUnit ctu, GPtrArray *args,
			       const struct cck_request *rq, struct cck_result *res)
{
	bool dropped = false;
	unsigned n = clang_getNumDiagnostics(ctu);
	for (unsigned i = 0; i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(ctu, i);
		if (clang_getDiagnosticSeverity(d) < CXDiagnostic_Error) {
			clang_disposeDiagnostic(d);
			continue;
		}
		CXString s = clang_getDiagnosticSpelling(d);
		CXFile file;
		clang_getSpellingLocation(clang_getDiagnosticLocation(d), &file, NULL, NULL, NULL);
		char *flag = file ? NULL : unknown_flag(clang_getCString(s));
		clang_disposeString(s);
		clang_disposeDiagnostic(d);
		if (!flag)
			return false;
		for (unsigned k = args->len; k-- > 0;) {
			const char *a = args->pdata[k];
			/* "-mabi=" names a family: "-mabi=lp64" */
			if (strcmp(a, flag) && !(g_str_has_suffix(flag, "=") &&
						 g_str_has_prefix(a, flag)))
				continue;
			if (rq->verbose)
				g_string_append_printf(res->err, "%s: note: ignoring '%s' "
					"(not a clang flag)\n", rq->file, a);
			g_ptr_array_remove_index(args, k);
			dropped = true;
		}
		g_free(flag);
	}
	return dropped;
}

static bool parse_failed(CXTranslationUnit tu, struct cck_result *res)
{
	bool failed = false;
	unsigned n = clang_getNumDiagnostics(tu);
	for (unsigned i = 0; i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu, i);
		if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error) {
			CXString s = clang_formatDiagnostic(d,
				clang_defaultDiagnosticDisplayOptions());
			g_string_append_printf(res->err, "%s\n", clang_getCString(s));
			clang_disposeString(s);
			failed = true;
		}
		clang_disposeDiagnostic(d);
	}
	return failed;
}

/* Parses with the compile's flags, dropping those clang does not know;
 * errors in the code are left in the TU's diagnostics. */
static CXTranslationUnit parse_with(CXIndex idx, const struct cck_request *rq,
				    struct cck_result *res, GPtrArray *args, unsigned options)
{
	bool has_rd = false;
	for (unsigned i = 0; i < args->len; i++)
		has_rd |= g_str_has_prefix(args->pdata[i], "-resource-dir");
	char *rd_arg = has_rd ? NULL : g_strconcat("-resource-dir=", cck_resource_dir(), NULL);
	CXTranslationUnit ctu = NULL;
	for (int attempt = 0; attempt < 4; attempt++) {
		GPtrArray *argv = g_ptr_array_new();
		for (unsigned i = 0; i < args->len; i++)
			g_ptr_array_add(argv, args->pdata[i]);
		if (!has_rd)	/* libclang's default is relative to the working directory */
			g_ptr_array_add(argv, rd_arg);
		/* Compiler warnings are not ours to print, and the analyses
		 * behind some of them cost a sixth of the parse: errors only. */
		g_ptr_array_add(argv, "-w");
		char *wd = rq->dir ? g_strdup_printf("-working-directory=%s", rq->dir) : NULL;
		if (wd)
			g_ptr_array_add(argv, wd);
		enum CXErrorCode ec = clang_parseTranslationUnit2(idx, rq->file,
			(const char *const *)argv->pdata, argv->len, rq->unsaved, rq->nunsaved,
			CXTranslationUnit_KeepGoing | options, &ctu);
		g_ptr_array_free(argv, TRUE);
		g_free(wd);
		if (ec != CXError_Success || !ctu) {
			g_string_append_printf(res->err, "%s: error: cannot parse this file "
					       "(libclang error %d)\n", rq->file, ec);
			ctu = NULL;
			break;
		}
		if (!drop_unknown_flags(ctu, args, rq, res))
			break;
		clang_disposeTranslationUnit(ctu);	/* again, without them */
		ctu = NULL;
	}
	g_free(rd_arg);
	return ctu;
}

static CXTranslationUnit parse(CXIndex idx, const struct cck_request *rq,
			       struct cck_result *res, GPtrArray *args)
{
	CXTranslationUnit ctu = parse_with(idx, rq, res, args, 0);
	if (ctu && parse_failed(ctu, res)) {
		g_string_append_printf(res->err, "%s: error: the file does not compile; "
				       "not analyzed\n", rq->file);
		clang_disposeTranslationUnit(ctu);
		return NULL;
	}
	return ctu;
}

/* ---- findings --------------------------------------------------------- */

/* Leaks are held until the TU is done: whether a function can run on a
 * thread that is ever cancelled is known only once all of it is seen. */
struct leaks {
	bool whole_program;	/* threads are judged over the whole program */
	struct cck_check_ctx cc;
	const struct cck_check *enabled[16];
	unsigned n;
	GArray *held;		/* struct cck_leak */
};

static void on_leak(void *p, const struct cck_leak *leak)
{
	struct leaks *x = p;
	g_array_append_val(x->held, *leak);
}

static void deliver(struct leaks *x)
{
	struct cck_tu *tu = x->cc.tu;
	for (unsigned i = 0; i < x->held->len; i++) {
		struct cck_leak l = g_array_index(x->held, struct cck_leak, i);
		/* Nothing cancels the main thread: deferred cancellation in code
		 * only it runs never happens. */
		if (!x->whole_program && l.model == CCK_CANCEL_UNWINDS &&
		    cck_main_thread_only(tu, l.func->name)) {
			if (tu->verbose)
				g_string_append_printf(tu->notes, "%s: note: '%s' runs only on the "
					"main thread, which nothing cancels: not reported\n",
					tu->main_file, cck_str(&tu->strs, l.func->name));
			continue;
		}
		cck_loc_resolve(tu, &l.at);
		cck_loc_resolve(tu, &l.origin);
		if (l.cancel_at.raw)
			cck_loc_resolve(tu, &l.cancel_at);
		unsigned before = x->cc.sink->diags->len;
		for (unsigned k = 0; k < x->n; k++)
			x->enabled[k]->on_leak(&x->cc, &l);
		const char *name = cck_str(&tu->strs, l.func->name);
		for (unsigned k = before; k < x->cc.sink->diags->len; k++) {
			struct cck_diag *d = x->cc.sink->diags->pdata[k];
			d->func = l.func->internal ? g_strdup_printf("%s::%s", tu->main_file, name)
						   : g_strdup(name);
			d->unwinds = l.model == CCK_CANCEL_UNWINDS;
		}
	}
}

/* --dump-ir prints every location: resolve them all. */
static void resolve_func_locs(struct cck_tu *tu, struct cck_func *f)
{
	for (unsigned i = 0; i < f->blocks->len; i++) {
		struct cck_block *b = g_ptr_array_index(f->blocks, i);
		GArray *evs[2] = { b->raw, b->ev };
		for (int k = 0; k < 2; k++)
			for (unsigned j = 0; evs[k] && j < evs[k]->len; j++)
				cck_loc_resolve(tu, &g_array_index(evs[k], struct cck_event, j).loc);
	}
}

static void dump_ir(struct cck_tu *tu, const char *file, GString *out)
{
	cck_analyze_tu(tu, NULL, NULL);
	char *buf;
	size_t len;
	FILE *m = open_memstream(&buf, &len);
	for (unsigned i = 0; i < tu->funcs->len; i++) {
		struct cck_func *f = tu->funcs->pdata[i];
		if (strcmp(cck_str(&tu->strs, f->loc.file), file))
			continue;
		resolve_func_locs(tu, f);
		cck_dump_func(m, &tu->strs, f, true);
	}
	fclose(m);
	g_string_append_len(out, buf, len);
	free(buf);
}

/* Whether the source names a cancellation call (comments count too). */
static bool names_cancellation(const struct cck_request *rq)
{
	for (unsigned i = 0; i < rq->nunsaved; i++)
		if (!strcmp(rq->unsaved[i].Filename, rq->file)) {
			char *t = g_strndup(rq->unsaved[i].Contents, rq->unsaved[i].Length);
			bool r = cck_posix_named_in(t);
			g_free(t);
			return r;
		}
	char *text = NULL;
	bool r = false;
	if (g_file_get_contents(rq->file, &text, NULL, NULL))
		r = cck_posix_named_in(text);
	g_free(text);
	return r;
}

static void analyze_tu(CXTranslationUnit ctu, const struct cck_request *rq,
		       struct cck_result *res, bool exceptions, bool cxx)
{
	/* A TU that names a cancellation call most likely uses the posix
	 * model from its first function on: then each function is analyzed
	 * as soon as its callees are, and its CFG dropped. If the name was
	 * only in a comment or a skipped branch, lower again without. */
	bool marked = names_cancellation(rq);
	struct cck_tu tu;
	struct leaks x;
	gint64 t1 = 0;
	gsize err_len = res->err->len;
	for (int pass = 0; pass < 2; pass++) {
		g_string_truncate(res->err, err_len);
		cck_tu_init(&tu);
		tu.main_file = rq->file;
		tu.config = rq->config;
		tu.models = rq->models | (rq->config ? rq->config->models : 0) |
			    (rq->whole_program ? CCK_MODEL_POSIX : 0);
		tu.program = rq->program;
		tu.exceptions = exceptions;
		tu.cxx = cxx;
		if (cxx)
			tu.models |= CCK_MODEL_CXX;
		tu.verbose = rq->verbose;
		tu.notes = res->err;
		tu.keep_ir = rq->dump_ir;
		tu.uses_cancellation = marked && pass == 0;
		memset(&x, 0, sizeof x);
		x.whole_program = rq->whole_program;
		x.cc.tu = &tu;
		x.cc.sink = &res->sink;
		x.held = g_array_new(FALSE, FALSE, sizeof(struct cck_leak));
		for (const struct cck_check *const *c = cck_checks; *c; c++)
			if (cck_check_enabled((*c)->name, rq->check_globs) && x.n < 16)
				x.enabled[x.n++] = *c;
		tu.incremental = !rq->dump_ir &&
				 (tu.uses_cancellation || (tu.models & CCK_MODEL_POSIX));
		tu.lowered = cck_func_lowered;
		tu.leak_fn = on_leak;
		tu.leak_ctx = &x;
		t1 = g_get_monotonic_time();
		cck_lower_tu(&tu, ctu);
		if (!tu.uses_cancellation || tu.saw_cancellation)
			break;
		cck_tu_fini(&tu);	/* named, never used: findings so far are void */
		g_array_free(x.held, TRUE);
	}
	gint64 t2 = g_get_monotonic_time();
	if (rq->verbose && tu.uses_cancellation && !(tu.models & CCK_MODEL_POSIX))
		g_string_append_printf(res->err, "%s: note: uses thread cancellation: "
				       "posix model enabled\n", rq->file);
	if (rq->dump_ir) {
		dump_ir(&tu, rq->file, res->out);
	} else {
		cck_analyze_tu(&tu, on_leak, &x);
		deliver(&x);
		cck_sink_finish(&res->sink);
		if (rq->whole_program)
			res->facts = cck_facts_of(&tu);
	}
	g_array_free(x.held, TRUE);
	gint64 t3 = g_get_monotonic_time();
	if (rq->verbose)
		g_string_append_printf(res->err, "%s: note: lower %.3fs, analyze %.3fs, "
				       "%u functions\n", rq->file, (t2 - t1) / 1e6,
				       (t3 - t2) / 1e6, tu.funcs->len);
	if (!rq->keep_alive)	/* else the process exits next: freeing costs as much as lowering */
		cck_tu_fini(&tu);
}

void cck_analyze_parsed(CXTranslationUnit ctu, const struct cck_request *rq,
			struct cck_result *res)
{
	GPtrArray *args = flags_of(rq, res);
	analyze_tu(ctu, rq, res, has_flag_last(args, "-fexceptions", "-fno-exceptions"),
		   is_cxx(rq->file, args));
	g_ptr_array_free(args, TRUE);
}

CXTranslationUnit cck_parse(CXIndex idx, const struct cck_request *rq, unsigned options,
			    struct cck_result *res)
{
	GPtrArray *args = flags_of(rq, res);
	CXTranslationUnit ctu = parse_with(idx, rq, res, args, options);
	g_ptr_array_free(args, TRUE);
	res->failed = !ctu;
	return ctu;
}

void cck_db_args(CXCompileCommand cmd, const char *file, const char *dir, GPtrArray *out)
{
	unsigned n = clang_CompileCommand_getNumArgs(cmd);
	for (unsigned i = 1; i < n; i++) {
		CXString s = clang_CompileCommand_getArg(cmd, i);
		const char *a = clang_getCString(s);
		char *abs = g_canonicalize_filename(a, dir);
		bool is_src = !strcmp(abs, file);
		g_free(abs);
		if (!strcmp(a, "-o") || !strcmp(a, "-MF") || !strcmp(a, "-MT") ||
		    !strcmp(a, "-MQ")) {
			i++;
		} else if (!strcmp(a, "-c") || !strcmp(a, "-MD") || !strcmp(a, "-MMD") ||
			   !strcmp(a, "--") || is_src) {
		} else {
			g_ptr_array_add(out, g_strdup(a));
		}
		clang_disposeString(s);
	}
}

static void add_input(CXFile f, CXSourceLocation *stack, unsigned n, CXClientData d)
{
	CXString s = clang_getFileName(f);
	const char *path = clang_getCString(s);
	struct stat st;
	if (path && stat(path, &st) == 0) {
		json_object *e = json_object_new_array();
		json_object_array_add(e, json_object_new_string(path));
		json_object_array_add(e, json_object_new_int64(st.st_size));
		json_object_array_add(e, json_object_new_int64(st.st_mtim.tv_sec * 1000000000LL +
							       st.st_mtim.tv_nsec));
		json_object_array_add(d, e);
	}
	clang_disposeString(s);
}

/* Every file the TU read, with its size and time: a cached result is good
 * while none of them changed. */
static json_object *inputs_of(CXTranslationUnit ctu)
{
	json_object *a = json_object_new_array();
	clang_getInclusions(ctu, add_input, a);
	return a;
}

void cck_analyze(CXIndex idx, const struct cck_request *rq, struct cck_result *res)
{
	GPtrArray *args = flags_of(rq, res);
	gint64 t0 = g_get_monotonic_time();
	CXTranslationUnit ctu = parse(idx, rq, res, args);
	if (!ctu) {
		res->failed = true;
		g_ptr_array_free(args, TRUE);
		return;
	}
	if (rq->verbose)
		g_string_append_printf(res->err, "%s: note: parse %.3fs\n", rq->file,
				       (g_get_monotonic_time() - t0) / 1e6);
	/* C++ is modelled in part: say what is not rather than pass silently. */
	bool cxx = is_cxx(rq->file, args);
	if (cxx)
		g_string_append_printf(res->err, "%s: warning: C++ is modelled in part: "
				       "co_await and co_yield, the standard mutexes and lock "
				       "guards, the program's own constructors and destructors "
				       "of locals, new and delete, tasks, lambdas; not yet "
				       "exceptions, or destructors of members, bases and "
				       "temporaries\n", rq->file);
	analyze_tu(ctu, rq, res, has_flag_last(args, "-fexceptions", "-fno-exceptions"), cxx);
	g_ptr_array_free(args, TRUE);
	if (rq->whole_program)
		res->inputs = inputs_of(ctu);
	if (!rq->keep_alive)
		clang_disposeTranslationUnit(ctu);
}
