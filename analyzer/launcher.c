/* cancelcheck-cc: the compiler launcher.
 *
 *   CC="cancelcheck-cc gcc" make
 *   cmake -DCMAKE_C_COMPILER_LAUNCHER=cancelcheck-cc ...
 *
 * For a command that compiles C sources, each source is analyzed with that
 * compile's flags through the one analysis entry point, the findings are
 * printed the way a compiler prints warnings, and then the compiler runs in
 * this process's place, so the exit status is the compiler's. With
 * CANCELCHECK_WERROR=1 (or werror: true in the config) a finding fails the
 * compile instead: exit 1, and the compiler does not run, so no object file
 * is left for make to take as up to date. Commands that compile nothing
 * (linking, -E, -M, assembler input, --version) go straight through.
 *
 * When the compiler is clang 19 itself, the launcher adds the clang plugin
 * to the command instead, so the file is parsed once, by the compile: the
 * same analysis (the plugin is a driver over the same entry point), at the
 * plugin's cost. CANCELCHECK_PLUGIN=off keeps the separate analysis. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <dlfcn.h>
#include <limits.h>
#include <glib.h>
#include "lang.h"
#include "launcher.h"

#define EXIT_ERROR 2

static const char *prog = "cancelcheck-cc";

static void help(void)
{
	printf("usage: %s <compiler> [<compiler arguments>...]\n"
	       "\n"
	       "Analyzes the C and C++ sources a compile names with that compile's\n"
	       "flags, prints the findings as compiler warnings, then runs the compiler;\n"
	       "the exit status is the compiler's. Commands that compile nothing\n"
	       "(linking, -E, -M, assembler input) go straight to the compiler.\n"
	       "\n"
	       "  CC=\"%s gcc\" make\n"
	       "  cmake -DCMAKE_C_COMPILER_LAUNCHER=%s ...\n"
	       "\n"
	       "Environment:\n"
	       "  CANCELCHECK_WERROR=1       a finding fails the compile (exit 1: with the\n"
	       "                             plugin as clang's error, else before the compiler\n"
	       "                             runs). Also: werror: true in the config.\n"
	       "  CANCELCHECK_CHECKS=<globs> checks to run, as --checks (after the config's)\n"
	       "  CANCELCHECK_MODEL=<m>[,<m>] models to enable, as --model\n"
	       "  CANCELCHECK_CONFIG=<file>  the config file (default: .cancelcheck.yaml found\n"
	       "                             upward from each source)\n"
	       "  CANCELCHECK_VERBOSE=1      notes on what is analyzed, skipped and why\n"
	       "  CANCELCHECK_PLUGIN=<path>|off\n"
	       "                             with clang 19 as the compiler, the clang plugin\n"
	       "                             analyzes inside the compile (default: the plugin\n"
	       "                             installed beside this program); off: analyze\n"
	       "                             separately, as for other compilers\n"
	       "\n"
	       "  CANCELCHECK_PLUGIN=<path> that cannot be read is an error.\n"
	       "\n"
	       "%s --version and %s --help print the version and this help.\n"
	       "\n"
	       "Exit status: the compiler's; 1 for findings with werror; 2 for a bad\n"
	       "setting or a compiler that cannot be run.\n", prog, prog, prog, prog, prog);
}

/* Options whose value is the next argument (GCC's and clang's). */
static bool takes_value(const char *a)
{
	static const char *const opts[] = {
		"-o", "-I", "-D", "-U", "-x", "-include", "-imacros", "-isystem",
		"-iquote", "-idirafter", "-iprefix", "-iwithprefix", "-iwithprefixbefore",
		"-isysroot", "-imultilib", "-MF", "-MT", "-MQ", "-Xclang", "-Xlinker",
		"-Xpreprocessor", "-Xassembler", "-L", "-l", "-T", "-u", "-z", "-e",
		"-arch", "-target", "--param", "-aux-info", "-dumpbase", "-dumpdir",
		"-A", "--sysroot", "-B", "-specs", "--serialize-diagnostics",
	};
	for (size_t i = 0; i < G_N_ELEMENTS(opts); i++)
		if (!strcmp(a, opts[i]))
			return true;
	return false;
}

/* Flags that are the compile's output, not its meaning: dropped from the
 * analysis (libclang must not write a dependency file). With a value. */
static bool output_flag_with_value(const char *a)
{
	return !strcmp(a, "-o") || !strcmp(a, "-MF") || !strcmp(a, "-MT") ||
	       !strcmp(a, "-MQ") || !strcmp(a, "--serialize-diagnostics") ||
	       !strcmp(a, "-x");
}

static bool output_flag(const char *a)
{
	return !strcmp(a, "-c") || !strcmp(a, "-S") || !strcmp(a, "-MD") ||
	       !strcmp(a, "-MMD") || !strcmp(a, "-MP") || g_str_has_prefix(a, "-MF") ||
	       g_str_has_prefix(a, "-MT") || g_str_has_prefix(a, "-MQ") ||
	       g_str_has_prefix(a, "-o") || g_str_has_prefix(a, "-x") ||
	       g_str_has_prefix(a, "-Wl,") || g_str_has_prefix(a, "-l") ||
	       g_str_has_prefix(a, "-L") || g_str_has_prefix(a, "-fdiagnostics-format");
}

struct compile {
	GPtrArray *sources;	/* the C and C++ sources, in order */
	GPtrArray *flags;	/* the analysis's flags: the compile's, minus outputs */
	bool compiles;		/* the command compiles something */
	const char *by_x;	/* "c" or "c++": a source is that by -x, whatever
				 * its suffix */
};

/* "c", "c++" or NULL, by a source's suffix. */
static const char *lang_of_suffix(const char *f)
{
	if (g_str_has_suffix(f, ".c"))
		return "c";
	return cck_cxx_source(f) ? "c++" : NULL;
}

static void classify(int argc, char **argv, struct compile *c)
{
	c->sources = g_ptr_array_new();
	c->flags = g_ptr_array_new();
	c->compiles = true;
	c->by_x = NULL;
	const char *lang = NULL;	/* -x in force, or NULL: by suffix */
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		const char *val = NULL;
		if (!strcmp(a, "-E") || !strcmp(a, "-M") || !strcmp(a, "-MM"))
			c->compiles = false;	/* preprocess only */
		if (!strcmp(a, "-x") && i + 1 < argc)
			lang = argv[i + 1];
		else if (g_str_has_prefix(a, "-x") && a[2])
			lang = a + 2;
		if (a[0] == '-' && a[1]) {
			if (takes_value(a) && i + 1 < argc)
				val = argv[++i];
			if (output_flag_with_value(a) || output_flag(a))
				continue;
			g_ptr_array_add(c->flags, (char *)a);
			if (val)
				g_ptr_array_add(c->flags, (char *)val);
			continue;
		}
		/* an input: a source, an object, a library, stdin ("-") */
		const char *l = lang ? lang : lang_of_suffix(a);
		bool known = l && (!strcmp(l, "c") || !strcmp(l, "c++"));
		if (known && strcmp(a, "-")) {
			g_ptr_array_add(c->sources, (char *)a);
			if (lang)
				c->by_x = !strcmp(l, "c") ? "c" : "c++";
		}
	}
	if (!c->sources->len)
		c->compiles = false;
	if (c->by_x) {
		g_ptr_array_add(c->flags, "-x");
		g_ptr_array_add(c->flags, (char *)c->by_x);
	}
}

static bool env_on(const char *name)
{
	const char *v = getenv(name);
	return v && *v && strcmp(v, "0") && g_ascii_strcasecmp(v, "false") &&
	       g_ascii_strcasecmp(v, "no") && g_ascii_strcasecmp(v, "off");
}

/* A file of ours installed beside this program: lib/cancelcheck/<name>
 * next to bin/ (installed), or lib/<name> (the build tree); NULL if
 * neither is there (g_free it). */
static char *beside_me(const char *name)
{
	char *self = realpath("/proc/self/exe", NULL);
	if (!self)
		return NULL;
	char *bin = g_path_get_dirname(self);
	free(self);
	static const char *const dirs[] = { "../lib/cancelcheck", "../lib" };
	char *found = NULL;
	for (size_t i = 0; i < G_N_ELEMENTS(dirs) && !found; i++) {
		char *p = g_build_filename(bin, dirs[i], name, NULL);
		if (access(p, R_OK) == 0)
			found = g_canonicalize_filename(p, NULL);
		g_free(p);
	}
	g_free(bin);
	return found;
}

/* The plugin to run inside the compile, if the compiler is clang 19 and
 * the plugin is there (g_free it), else NULL. *bad is set when
 * CANCELCHECK_PLUGIN names a file that cannot be read (an error). */
static char *plugin_for(const char *compiler, bool *bad)
{
	const char *env = getenv("CANCELCHECK_PLUGIN");
	if (env && (!g_ascii_strcasecmp(env, "off") || !strcmp(env, "0")))
		return NULL;
	char *exe = g_find_program_in_path(compiler);
	char *real = exe ? realpath(exe, NULL) : NULL;
	g_free(exe);
	if (!real)
		return NULL;
	char *base = g_path_get_basename(real), *dir = g_path_get_dirname(real);
	bool clang19 = !strcmp(base, "clang-19") || !strcmp(base, "clang++-19") ||
		       ((!strcmp(base, "clang") || !strcmp(base, "clang++")) &&
			g_str_has_suffix(dir, "/llvm-19/bin"));
	free(real);
	g_free(base);
	g_free(dir);
	if (!clang19)
		return NULL;
	if (env && *env) {
		if (access(env, R_OK) == 0)
			return g_strdup(env);
		fprintf(stderr, "%s: error: CANCELCHECK_PLUGIN=%s: %s\n", prog, env,
			strerror(errno));
		*bad = true;
		return NULL;
	}
	return beside_me("cancelcheck-plugin.so");
}

/* Runs the compile with the plugin in it; the settings become its
 * arguments. Returns only if the compiler cannot be run. */
static void exec_with_plugin(char **argv, const char *plugin, bool werror, bool verbose)
{
	GPtrArray *a = g_ptr_array_new();
	g_ptr_array_add(a, argv[1]);
	g_ptr_array_add(a, g_strdup_printf("-fplugin=%s", plugin));
	const char *checks = getenv("CANCELCHECK_CHECKS");
	if (checks && *checks)
		g_ptr_array_add(a, g_strdup_printf("-fplugin-arg-cancelcheck-checks=%s", checks));
	const char *ms = getenv("CANCELCHECK_MODEL");
	char **names = g_strsplit(ms ? ms : "", ",", -1);
	for (char **n = names; *n; n++)
		if (*g_strstrip(*n))
			g_ptr_array_add(a, g_strdup_printf("-fplugin-arg-cancelcheck-model=%s", *n));
	g_strfreev(names);
	const char *config = getenv("CANCELCHECK_CONFIG");
	if (config && *config)
		g_ptr_array_add(a, g_strdup_printf("-fplugin-arg-cancelcheck-config=%s", config));
	g_ptr_array_add(a, werror ? "-fplugin-arg-cancelcheck-werror=1"
				  : "-fplugin-arg-cancelcheck-werror=config");
	if (verbose)
		g_ptr_array_add(a, "-fplugin-arg-cancelcheck-verbose");
	for (char **p = argv + 2; *p; p++)
		g_ptr_array_add(a, *p);
	g_ptr_array_add(a, NULL);
	if (verbose)
		fprintf(stderr, "%s: note: clang 19: analyzing inside the compile with %s\n",
			prog, plugin);
	fflush(stderr);
	execvp(argv[1], (char **)a->pdata);
}

/* The separate analysis, from the module beside the launcher. */
static cck_launcher_analyze_fn *load_analysis(void)
{
	char *p = beside_me("cancelcheck-cc-analysis.so");
	void *h = p ? dlopen(p, RTLD_NOW | RTLD_LOCAL) : NULL;
	if (!h) {
		fprintf(stderr, "%s: error: cannot load cancelcheck-cc-analysis.so from "
			"../lib/cancelcheck/ or ../lib/ beside this program%s%s\n", prog,
			p ? ": " : "", p ? dlerror() : "");
		g_free(p);
		return NULL;
	}
	g_free(p);
	return (cck_launcher_analyze_fn *)dlsym(h, "cck_launcher_analyze");
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "%s: error: no compiler given\n"
			"usage: %s <compiler> [<compiler arguments>...]\n", prog, prog);
		return EXIT_ERROR;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		help();
		return 0;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("%s %s (libclang %s)\n", prog, CCK_VERSION, CCK_LLVM_VERSION);
		return 0;
	}
	bool verbose = env_on("CANCELCHECK_VERBOSE");
	bool werror = env_on("CANCELCHECK_WERROR");

	struct compile c;
	classify(argc - 2, argv + 2, &c);
	bool bad = false;
	char *plugin = c.compiles ? plugin_for(argv[1], &bad) : NULL;
	if (bad)
		return EXIT_ERROR;
	if (plugin) {
		exec_with_plugin(argv, plugin, werror, verbose);
		fprintf(stderr, "%s: error: cannot run '%s': %s\n", prog, argv[1], strerror(errno));
		return EXIT_ERROR;
	}
	int findings = 0;
	if (c.compiles) {
		cck_launcher_analyze_fn *analyze = load_analysis();
		if (!analyze)
			return EXIT_ERROR;
		findings = analyze((const char *const *)c.sources->pdata, c.sources->len,
				   (const char *const *)c.flags->pdata, c.flags->len, verbose,
				   &werror);
		if (findings < 0)
			return EXIT_ERROR;
	} else if (verbose) {
		fprintf(stderr, "%s: note: nothing compiled: passed through\n", prog);
	}
	if (findings && werror) {
		fprintf(stderr, "%s: error: %d finding%s, and werror is on: not compiled\n",
			prog, findings, findings == 1 ? "" : "s");
		return 1;
	}
	fflush(stdout);
	fflush(stderr);
	execvp(argv[1], argv + 1);
	fprintf(stderr, "%s: error: cannot run '%s': %s\n", prog, argv[1], strerror(errno));
	return EXIT_ERROR;
}
