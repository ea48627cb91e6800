/* Diagnostics: collection, suppression comments, and the printers. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <json-c/json.h>
#include "diag.h"
#include "paths.h"

void cck_sink_init(struct cck_sink *s)
{
	s->diags = g_ptr_array_new();
}

void cck_diag_free(struct cck_diag *d)
{
	for (unsigned i = 0; i < d->notes->len; i++) {
		struct cck_note *n = &g_array_index(d->notes, struct cck_note, i);
		g_free(n->file);
		g_free(n->message);
	}
	g_array_free(d->notes, TRUE);
	g_free(d->check);
	g_free(d->file);
	g_free(d->message);
	g_free(d->func);
	g_free(d);
}

void cck_sink_fini(struct cck_sink *s)
{
	for (unsigned i = 0; i < s->diags->len; i++)
		cck_diag_free(s->diags->pdata[i]);
	g_ptr_array_free(s->diags, TRUE);
}

struct cck_diag *cck_report(struct cck_sink *s, const char *check, const char *file,
			    unsigned line, unsigned col, const char *fmt, ...)
{
	struct cck_diag *d = g_new0(struct cck_diag, 1);
	d->check = g_strdup(check);
	d->file = g_strdup(file);
	d->line = line;
	d->col = col;
	va_list ap;
	va_start(ap, fmt);
	d->message = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	d->notes = g_array_new(FALSE, TRUE, sizeof(struct cck_note));
	g_ptr_array_add(s->diags, d);
	return d;
}

void cck_note(struct cck_diag *d, const char *file, unsigned line, unsigned col,
	      bool show_source, const char *fmt, ...)
{
	struct cck_note n = { g_strdup(file), line, col, NULL, show_source };
	va_list ap;
	va_start(ap, fmt);
	n.message = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	g_array_append_val(d->notes, n);
}

/* ---- source lines ----------------------------------------------------- */

/* Source files are read once per sink, for suppressions and carets. */
struct lines {
	char *text;		/* the file, with each newline made a NUL */
	GArray *start;		/* uint32_t: offset of each line */
};

static GHashTable *files;	/* path -> struct lines *; guarded by lock */
static GMutex files_lock;

static void lines_free(gpointer p)
{
	struct lines *l = p;
	g_free(l->text);
	g_array_free(l->start, TRUE);
	g_free(l);
}

static const struct lines *lines_of(const char *path)
{
	g_mutex_lock(&files_lock);
	if (!files)
		files = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, lines_free);
	struct lines *l = g_hash_table_lookup(files, path);
	if (!l) {
		gsize len = 0;
		l = g_new(struct lines, 1);
		if (!g_file_get_contents(path, &l->text, &len, NULL)) {
			l->text = g_strdup("");
			len = 0;
		}
		l->start = g_array_new(FALSE, FALSE, sizeof(uint32_t));
		uint32_t at = 0;
		g_array_append_val(l->start, at);
		for (gsize i = 0; i < len; i++)
			if (l->text[i] == '\n') {
				l->text[i] = 0;
				at = i + 1;
				g_array_append_val(l->start, at);
			}
		g_hash_table_insert(files, g_strdup(path), l);
	}
	g_mutex_unlock(&files_lock);
	return l;
}

static const char *line_text(const char *path, unsigned line)
{
	const struct lines *l = lines_of(path);
	if (!line || line > l->start->len)
		return NULL;
	return l->text + g_array_index(l->start, uint32_t, line - 1);
}

/* "cancelcheck: ignore[a,b] reason" names check (or '*') */
static bool suppresses(const char *text, const char *check)
{
	const char *p = text ? strstr(text, "cancelcheck: ignore[") : NULL;
	if (!p)
		return false;
	p += strlen("cancelcheck: ignore[");
	const char *end = strchr(p, ']');
	if (!end)
		return false;
	char *list = g_strndup(p, end - p);
	char **names = g_strsplit(list, ",", -1);
	bool hit = false;
	for (char **n = names; *n && !hit; n++) {
		g_strstrip(*n);
		hit = !strcmp(*n, check) || !strcmp(*n, "*");
	}
	g_strfreev(names);
	g_free(list);
	return hit;
}

static int diag_cmp(gconstpointer pa, gconstpointer pb)
{
	const struct cck_diag *a = *(struct cck_diag *const *)pa;
	const struct cck_diag *b = *(struct cck_diag *const *)pb;
	int c = strcmp(a->file, b->file);
	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	if ((c = strcmp(a->check, b->check)))
		return c;
	return strcmp(a->message, b->message);
}

void cck_sink_finish(struct cck_sink *s)
{
	g_ptr_array_sort(s->diags, diag_cmp);
	GPtrArray *keep = g_ptr_array_new();
	for (unsigned i = 0; i < s->diags->len; i++) {
		struct cck_diag *d = s->diags->pdata[i];
		bool drop = suppresses(line_text(d->file, d->line), d->check) ||
			    (d->line > 1 && suppresses(line_text(d->file, d->line - 1), d->check));
		if (!drop && keep->len && !diag_cmp(&keep->pdata[keep->len - 1], &d))
			drop = true;	/* same finding from another path */
		if (drop)
			cck_diag_free(d);
		else
			g_ptr_array_add(keep, d);
	}
	g_ptr_array_free(s->diags, TRUE);
	s->diags = keep;
}

/* ---- text ------------------------------------------------------------- */

/* Control bytes other than tab are shown as <XX>, as clang shows them, so
 * that an analyzed file cannot drive the terminal; a CRLF file's CR is
 * dropped. The caret follows the widened text. */
static void show_source(FILE *out, const char *file, unsigned line, unsigned col)
{
	const char *text = line_text(file, line);
	if (!text)
		return;
	size_t len = strlen(text);
	if (len && text[len - 1] == '\r')
		len--;
	GString *pad = g_string_new(NULL);
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)text[i];
		bool ctl = (ch < 0x20 && ch != '\t') || ch == 0x7f;
		if (ctl)
			fprintf(out, "<%02X>", ch);
		else
			fputc(ch, out);
		if (i + 1 < col)
			g_string_append(pad, ctl ? "    " : ch == '\t' ? "\t" : " ");
	}
	fprintf(out, "\n%s^\n", pad->str);
	g_string_free(pad, TRUE);
}

void cck_print_text(FILE *out, const struct cck_sink *s, bool color)
{
	const char *bold = color ? "\033[1m" : "", *reset = color ? "\033[0m" : "";
	const char *mag = color ? "\033[1;35m" : "", *blk = color ? "\033[1;30m" : "";
	for (unsigned i = 0; i < s->diags->len; i++) {
		const struct cck_diag *d = s->diags->pdata[i];
		fprintf(out, "%s%s:%u:%u: %swarning: %s%s%s [%s]%s\n", bold, d->file, d->line,
			d->col, mag, reset, bold, d->message, d->check, reset);
		show_source(out, d->file, d->line, d->col);
		for (unsigned j = 0; j < d->notes->len; j++) {
			const struct cck_note *n = &g_array_index(d->notes, struct cck_note, j);
			fprintf(out, "%s%s:%u:%u: %snote: %s%s\n", bold, n->file, n->line,
				n->col, blk, reset, n->message);
			if (n->show_source)
				show_source(out, n->file, n->line, n->col);
		}
	}
}

/* ---- baselines -------------------------------------------------------- */

/* A baseline: for each check and message, the files that had it, with a
 * count each. A recorded file matches a finding's file if both name the
 * same file, or if the recorded path ends with the finding's path
 * relative to the baseline's directory: a baseline recorded with -p (whose
 * paths are absolute) in one checkout still matches in another, such as
 * CI's, where the baseline sits at the same place in the tree. */
struct cck_baseline {
	char *dir;		/* the baseline file's directory, canonical */
	GHashTable *by_finding;	/* "check\x1fmessage" -> GPtrArray of struct recorded */
};

struct recorded {
	char *file;		/* canonical */
	unsigned n;		/* findings it still answers for */
};

static void recorded_free(gpointer p)
{
	struct recorded *r = p;
	g_free(r->file);
	g_free(r);
}

static char *finding_key(const char *check, const char *msg)
{
	return g_strdup_printf("%s\x1f%s", check, msg);
}

void cck_baseline_free(struct cck_baseline *b)
{
	if (!b)
		return;
	g_free(b->dir);
	g_hash_table_unref(b->by_finding);
	g_free(b);
}

struct cck_baseline *cck_baseline_load(const char *path, char **err)
{
	json_object *doc = json_object_from_file(path);
	if (!doc || !json_object_is_type(doc, json_type_array)) {
		*err = g_strdup_printf("%s: %s", path, access(path, R_OK) ?
				       "cannot read the baseline" :
				       "not a baseline: expected a JSON array of findings as "
				       "--format=json writes");
		json_object_put(doc);
		return NULL;
	}
	struct cck_baseline *b = g_new0(struct cck_baseline, 1);
	char *abs = g_canonicalize_filename(path, NULL);
	b->dir = g_path_get_dirname(abs);
	g_free(abs);
	b->by_finding = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
					      (GDestroyNotify)g_ptr_array_unref);
	for (size_t i = 0; i < json_object_array_length(doc); i++) {
		json_object *o = json_object_array_get_idx(doc, i), *f, *c, *m;
		if (!json_object_object_get_ex(o, "file", &f) ||
		    !json_object_object_get_ex(o, "check", &c) ||
		    !json_object_object_get_ex(o, "message", &m)) {
			*err = g_strdup_printf("%s: finding %zu lacks file, check or message",
					       path, i + 1);
			cck_baseline_free(b);
			json_object_put(doc);
			return NULL;
		}
		char *k = finding_key(json_object_get_string(c), json_object_get_string(m));
		GPtrArray *files = g_hash_table_lookup(b->by_finding, k);
		if (!files) {
			files = g_ptr_array_new_with_free_func(recorded_free);
			g_hash_table_insert(b->by_finding, k, files);
		} else {
			g_free(k);
		}
		char *file = g_canonicalize_filename(json_object_get_string(f), NULL);
		struct recorded *r = NULL;
		for (unsigned j = 0; j < files->len && !r; j++)
			if (!strcmp(((struct recorded *)files->pdata[j])->file, file))
				r = files->pdata[j];
		if (r) {
			g_free(file);
		} else {
			r = g_new0(struct recorded, 1);
			r->file = file;
			g_ptr_array_add(files, r);
		}
		r->n++;
	}
	json_object_put(doc);
	return b;
}

/* The recorded file that answers for a finding in file (canonical), or
 * NULL: the same file first, else one whose path ends with file's path
 * under the baseline's directory. */
static struct recorded *baseline_match(const struct cck_baseline *b, GPtrArray *files,
				       const char *file)
{
	for (unsigned j = 0; j < files->len; j++) {
		struct recorded *r = files->pdata[j];
		if (r->n && !strcmp(r->file, file))
			return r;
	}
	size_t dl = strlen(b->dir);
	if (strncmp(file, b->dir, dl) || file[dl] != '/')
		return NULL;
	const char *rel = file + dl;	/* "/src/x.c" */
	for (unsigned j = 0; j < files->len; j++) {
		struct recorded *r = files->pdata[j];
		if (r->n && g_str_has_suffix(r->file, rel))
			return r;
	}
	return NULL;
}

unsigned cck_baseline_apply(struct cck_baseline *b, struct cck_sink *s)
{
	unsigned dropped = 0;
	GPtrArray *keep = g_ptr_array_new();
	for (unsigned i = 0; i < s->diags->len; i++) {
		struct cck_diag *d = s->diags->pdata[i];
		char *k = finding_key(d->check, d->message);
		GPtrArray *files = g_hash_table_lookup(b->by_finding, k);
		g_free(k);
		char *file = g_canonicalize_filename(d->file, NULL);
		struct recorded *r = files ? baseline_match(b, files, file) : NULL;
		g_free(file);
		if (r) {	/* each entry answers for one finding */
			r->n--;
			cck_diag_free(d);
			dropped++;
		} else {
			g_ptr_array_add(keep, d);
		}
	}
	g_ptr_array_free(s->diags, TRUE);
	s->diags = keep;
	return dropped;
}

char *cck_check_doc_url(const char *check)
{
	return g_strdup_printf("%s%s.md", cck_docs_base_url(), check);
}

/* ---- JSON ------------------------------------------------------------- */

json_object *cck_diag_to_json(const struct cck_diag *d, bool with_origin)
{
	json_object *o = json_object_new_object();
	json_object_object_add(o, "file", json_object_new_string(d->file));
	json_object_object_add(o, "line", json_object_new_int(d->line));
	json_object_object_add(o, "column", json_object_new_int(d->col));
	json_object_object_add(o, "severity", json_object_new_string("warning"));
	json_object_object_add(o, "check", json_object_new_string(d->check));
	json_object_object_add(o, "message", json_object_new_string(d->message));
	json_object *notes = json_object_new_array();
	for (unsigned j = 0; j < d->notes->len; j++) {
		const struct cck_note *n = &g_array_index(d->notes, struct cck_note, j);
		json_object *no = json_object_new_object();
		json_object_object_add(no, "file", json_object_new_string(n->file));
		json_object_object_add(no, "line", json_object_new_int(n->line));
		json_object_object_add(no, "column", json_object_new_int(n->col));
		json_object_object_add(no, "message", json_object_new_string(n->message));
		if (with_origin)
			json_object_object_add(no, "source", json_object_new_boolean(n->show_source));
		json_object_array_add(notes, no);
	}
	json_object_object_add(o, "notes", notes);
	if (with_origin) {
		json_object_object_add(o, "function", json_object_new_string(d->func ? d->func : ""));
		json_object_object_add(o, "unwinds", json_object_new_boolean(d->unwinds));
	}
	return o;
}

static const char *jstr(json_object *o, const char *key)
{
	json_object *v;
	return json_object_object_get_ex(o, key, &v) && json_object_is_type(v, json_type_string)
		? json_object_get_string(v) : NULL;
}

static int jint(json_object *o, const char *key)
{
	json_object *v;
	return json_object_object_get_ex(o, key, &v) ? json_object_get_int(v) : 0;
}

struct cck_diag *cck_diag_from_json(json_object *o)
{
	const char *check = jstr(o, "check"), *file = jstr(o, "file"), *msg = jstr(o, "message");
	json_object *notes, *v;
	if (!check || !file || !msg || !json_object_object_get_ex(o, "notes", &notes) ||
	    !json_object_is_type(notes, json_type_array))
		return NULL;
	struct cck_diag *d = g_new0(struct cck_diag, 1);
	d->check = g_strdup(check);
	d->file = g_strdup(file);
	d->message = g_strdup(msg);
	d->line = jint(o, "line");
	d->col = jint(o, "column");
	d->notes = g_array_new(FALSE, TRUE, sizeof(struct cck_note));
	for (size_t i = 0; i < json_object_array_length(notes); i++) {
		json_object *no = json_object_array_get_idx(notes, i);
		struct cck_note n = { g_strdup(jstr(no, "file") ? jstr(no, "file") : ""),
				      jint(no, "line"), jint(no, "column"),
				      g_strdup(jstr(no, "message") ? jstr(no, "message") : ""),
				      json_object_object_get_ex(no, "source", &v) &&
				      json_object_get_boolean(v) };
		g_array_append_val(d->notes, n);
	}
	const char *fn = jstr(o, "function");
	d->func = fn && *fn ? g_strdup(fn) : NULL;
	d->unwinds = json_object_object_get_ex(o, "unwinds", &v) && json_object_get_boolean(v);
	return d;
}

void cck_print_json(FILE *out, GPtrArray *diags)
{
	json_object *arr = json_object_new_array();
	for (unsigned i = 0; i < diags->len; i++)
		json_object_array_add(arr, cck_diag_to_json(diags->pdata[i], false));
	fprintf(out, "%s\n", json_object_to_json_string_ext(arr,
		JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(arr);
}

/* ---- SARIF ------------------------------------------------------------- */

/* Paths are relative to the source root, the current directory, when they
 * lie under it: code scanning matches them against the repository. */
struct sarif_ctx {
	char *root;		/* canonical, with a trailing '/' */
	char *real_root;	/* the same with symlinks resolved, or NULL */
	GHashTable *seen;	/* fingerprint key -> occurrences so far */
};

static char *with_slash(char *dir)
{
	if (g_str_has_suffix(dir, "/"))
		return dir;
	char *s = g_strconcat(dir, "/", NULL);
	g_free(dir);
	return s;
}

/* The path below the root, or NULL for a file outside it. */
static char *sarif_relative(const struct sarif_ctx *c, const char *file)
{
	char *abs = g_canonicalize_filename(file, c->root);
	char *rel = NULL;
	if (g_str_has_prefix(abs, c->root) && abs[strlen(c->root)])
		rel = g_strdup(abs + strlen(c->root));
	char *real = rel || !c->real_root ? NULL : realpath(abs, NULL);
	if (real && g_str_has_prefix(real, c->real_root) && real[strlen(c->real_root)])
		rel = g_strdup(real + strlen(c->real_root));
	free(real);
	g_free(abs);
	return rel;
}

/* Percent-encodes a relative path (RFC 3986); ':' too, lest the first
 * segment read as a scheme. */
static char *sarif_escape(const char *rel)
{
	return g_uri_escape_string(rel, "/!$&'()*+,;=@", FALSE);
}

static json_object *sarif_artifact(const struct sarif_ctx *c, const char *file)
{
	json_object *art = json_object_new_object();
	char *rel = sarif_relative(c, file);
	if (rel) {
		char *uri = sarif_escape(rel);
		json_object_object_add(art, "uri", json_object_new_string(uri));
		json_object_object_add(art, "uriBaseId", json_object_new_string("%SRCROOT%"));
		g_free(uri);
	} else {
		char *abs = g_canonicalize_filename(file, c->root);
		char *uri = g_filename_to_uri(abs, NULL, NULL);
		json_object_object_add(art, "uri", json_object_new_string(uri ? uri : abs));
		g_free(uri);
		g_free(abs);
	}
	g_free(rel);
	return art;
}

/* Columns are bytes in libclang and code points in SARIF (columnKind
 * "unicodeCodePoints"): count the characters before the byte column. */
static unsigned sarif_column(const char *file, unsigned line, unsigned col)
{
	const char *text = line_text(file, line);
	if (!text || col <= 1)
		return col ? col : 1;
	unsigned n = 1;
	size_t len = strlen(text);
	for (size_t i = 0; i + 1 < col; i++)
		n += i >= len || ((unsigned char)text[i] & 0xc0) != 0x80;
	return n;
}

static json_object *sarif_text(const char *text)
{
	json_object *m = json_object_new_object();
	json_object_object_add(m, "text", json_object_new_string(text));
	return m;
}

static json_object *sarif_location(const struct sarif_ctx *c, const char *file,
				   unsigned line, unsigned col, const char *message)
{
	json_object *loc = json_object_new_object();
	json_object *phys = json_object_new_object();
	json_object_object_add(phys, "artifactLocation", sarif_artifact(c, file));
	json_object *region = json_object_new_object();
	json_object_object_add(region, "startLine", json_object_new_int(line ? line : 1));
	json_object_object_add(region, "startColumn",
			       json_object_new_int(sarif_column(file, line, col)));
	json_object_object_add(phys, "region", region);
	json_object_object_add(loc, "physicalLocation", phys);
	if (message)
		json_object_object_add(loc, "message", sarif_text(message));
	return loc;
}

/* Stable across edits that move lines: check, path and message (which
 * names the resource and the call), and which occurrence of that triple
 * in the file it is, so that two identical findings still differ. */
static char *sarif_fingerprint(struct sarif_ctx *c, const struct cck_diag *d)
{
	char *rel = sarif_relative(c, d->file);
	char *path = rel ? rel : g_canonicalize_filename(d->file, c->root);
	char *key = g_strdup_printf("%s\x1f%s\x1f%s", d->check, path, d->message);
	guint n = GPOINTER_TO_UINT(g_hash_table_lookup(c->seen, key));
	char *full = g_strdup_printf("%s\x1f%u", key, n);
	g_hash_table_insert(c->seen, key, GUINT_TO_POINTER(n + 1));
	char *sum = g_compute_checksum_for_string(G_CHECKSUM_SHA256, full, -1);
	g_free(full);
	g_free(path);
	return sum;
}

/* An --explain text is prose lines and indented example lines; SARIF
 * wants a one-paragraph description and a help text with markdown. */
static void explain_split(const char *explain, GString *prose, GString *code)
{
	char **lines = g_strsplit(explain, "\n", -1);
	for (char **l = lines; *l; l++) {
		if (g_str_has_prefix(*l, "  ")) {
			g_string_append_printf(code, "%s\n", g_strstrip(*l));
		} else if (**l) {
			if (prose->len)
				g_string_append_c(prose, ' ');
			g_string_append(prose, *l);
		}
	}
	g_strfreev(lines);
}

static json_object *sarif_rule(const struct cck_sarif_rule *r)
{
	json_object *o = json_object_new_object();
	json_object_object_add(o, "id", json_object_new_string(r->id));
	json_object_object_add(o, "name", json_object_new_string(r->id));
	const char *doc = r->doc ? r->doc : r->id;
	json_object_object_add(o, "shortDescription", sarif_text(doc));
	GString *prose = g_string_new(NULL), *code = g_string_new(NULL);
	explain_split(r->explain ? r->explain : doc, prose, code);
	if (!strstr(code->str, "cancelcheck: ignore[")) {
		g_string_append(prose, prose->len ? " Suppress a finding with" : "");
		g_string_append_printf(code, "// cancelcheck: ignore[%s] <reason>\n", r->id);
	}
	const char *fix = strstr(prose->str, " Fix:");
	char *full = fix ? g_strndup(prose->str, fix - prose->str) : g_strdup(prose->str);
	json_object_object_add(o, "fullDescription", sarif_text(full));
	char *uri = cck_check_doc_url(r->id);
	json_object *help = json_object_new_object();
	bool told = r->explain && strstr(r->explain, "cancelcheck: ignore[");
	char *text = told ? g_strdup_printf("%s\nDocs: %s", r->explain, uri)
			  : g_strdup_printf("%s\nSuppress a finding with\n  %s\nDocs: %s",
					    r->explain ? r->explain : doc, code->str, uri);
	json_object_object_add(help, "text", json_object_new_string(text));
	char *md = g_strdup_printf("%s\n\n```c\n%s```\n\nSee [%s](%s).", prose->str,
				   code->str, r->id, uri);
	json_object_object_add(help, "markdown", json_object_new_string(md));
	json_object_object_add(o, "help", help);
	json_object_object_add(o, "helpUri", json_object_new_string(uri));
	json_object *conf = json_object_new_object();
	json_object_object_add(conf, "level", json_object_new_string("warning"));
	json_object_object_add(o, "defaultConfiguration", conf);
	g_free(md);
	g_free(text);
	g_free(uri);
	g_free(full);
	g_string_free(prose, TRUE);
	g_string_free(code, TRUE);
	return o;
}

static json_object *sarif_result(struct sarif_ctx *c, const struct cck_diag *d, int rule)
{
	json_object *r = json_object_new_object();
	json_object_object_add(r, "ruleId", json_object_new_string(d->check));
	json_object_object_add(r, "ruleIndex", json_object_new_int(rule));
	json_object_object_add(r, "level", json_object_new_string("warning"));
	json_object_object_add(r, "message", sarif_text(d->message));
	json_object *locs = json_object_new_array();
	json_object_array_add(locs, sarif_location(c, d->file, d->line, d->col, NULL));
	json_object_object_add(r, "locations", locs);
	json_object *rel = json_object_new_array();
	for (unsigned j = 0; j < d->notes->len; j++) {
		const struct cck_note *n = &g_array_index(d->notes, struct cck_note, j);
		json_object *l = sarif_location(c, n->file, n->line, n->col, n->message);
		json_object_object_add(l, "id", json_object_new_int(j));
		json_object_array_add(rel, l);
	}
	json_object_object_add(r, "relatedLocations", rel);
	json_object *fp = json_object_new_object();
	char *sum = sarif_fingerprint(c, d);
	json_object_object_add(fp, "cancelcheck/v1", json_object_new_string(sum));
	g_free(sum);
	json_object_object_add(r, "partialFingerprints", fp);
	return r;
}

/* run.originalUriBaseIds: where %SRCROOT% is, as a file:// URI with '/'. */
static json_object *sarif_base_ids(const struct sarif_ctx *c)
{
	json_object *ids = json_object_new_object();
	json_object *root = json_object_new_object();
	char *uri = g_filename_to_uri(c->root, NULL, NULL);
	json_object_object_add(root, "uri", json_object_new_string(uri ? uri : "file:///"));
	g_free(uri);
	json_object_object_add(root, "description",
			       sarif_text("the directory cancelcheck ran in"));
	json_object_object_add(ids, "%SRCROOT%", root);
	return ids;
}

void cck_print_sarif(FILE *out, GPtrArray *diags, const char *version,
		     const struct cck_sarif_rule *rules, unsigned n_rules)
{
	struct sarif_ctx c = { .seen = g_hash_table_new_full(g_str_hash, g_str_equal,
							     g_free, NULL) };
	c.root = with_slash(g_canonicalize_filename(".", NULL));
	char *real = realpath(c.root, NULL);
	c.real_root = real ? with_slash(g_strdup(real)) : NULL;
	free(real);

	json_object *rule_list = json_object_new_array();
	GHashTable *index = g_hash_table_new(g_str_hash, g_str_equal);	/* id -> n+1 */
	for (unsigned i = 0; i < n_rules; i++)
		if (g_hash_table_insert(index, (char *)rules[i].id,
					GUINT_TO_POINTER(json_object_array_length(rule_list) + 1)))
			json_object_array_add(rule_list, sarif_rule(&rules[i]));
	json_object *results = json_object_new_array();
	for (unsigned i = 0; i < diags->len; i++) {
		const struct cck_diag *d = diags->pdata[i];
		guint k = GPOINTER_TO_UINT(g_hash_table_lookup(index, d->check));
		if (!k) {	/* a check the caller did not list */
			struct cck_sarif_rule r = { d->check, NULL, NULL };
			json_object_array_add(rule_list, sarif_rule(&r));
			k = json_object_array_length(rule_list);
			g_hash_table_insert(index, d->check, GUINT_TO_POINTER(k));
		}
		json_object_array_add(results, sarif_result(&c, d, (int)k - 1));
	}
	g_hash_table_unref(index);

	json_object *driver = json_object_new_object();
	json_object_object_add(driver, "name", json_object_new_string("cancelcheck"));
	json_object_object_add(driver, "version", json_object_new_string(version));
	json_object_object_add(driver, "rules", rule_list);
	json_object *tool = json_object_new_object();
	json_object_object_add(tool, "driver", driver);
	json_object *run = json_object_new_object();
	json_object_object_add(run, "tool", tool);
	json_object_object_add(run, "originalUriBaseIds", sarif_base_ids(&c));
	json_object_object_add(run, "columnKind", json_object_new_string("unicodeCodePoints"));
	json_object_object_add(run, "results", results);
	json_object *runs = json_object_new_array();
	json_object_array_add(runs, run);
	json_object *root = json_object_new_object();
	json_object_object_add(root, "$schema", json_object_new_string(
		"https://json.schemastore.org/sarif-2.1.0.json"));
	json_object_object_add(root, "version", json_object_new_string("2.1.0"));
	json_object_object_add(root, "runs", runs);
	fprintf(out, "%s\n", json_object_to_json_string_ext(root,
		JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(root);
	g_hash_table_unref(c.seen);
	g_free(c.root);
	g_free(c.real_root);
}
