/* Where the program's files are (paths.h). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>
#include <clang-c/Index.h>
#include "paths.h"

/* The file this code was loaded from: the module (the plugin, the
 * launcher's analysis) or the program itself. g_free it. */
static char *my_object(void)
{
	Dl_info info;
	if (dladdr((void *)cck_install_prefix, &info) && info.dli_fname &&
	    g_str_has_suffix(info.dli_fname, ".so")) {
		char *r = realpath(info.dli_fname, NULL);
		if (r) {
			char *g = g_strdup(r);
			free(r);
			return g;
		}
	}
	return g_file_read_link("/proc/self/exe", NULL);
}

static gpointer find_prefix(gpointer unused)
{
	char *obj = my_object();
	if (!obj)
		return NULL;
	char *dir = g_path_get_dirname(obj), *prefix = NULL;
	g_free(obj);
	if (g_str_has_suffix(dir, "/bin"))
		prefix = g_path_get_dirname(dir);
	else if (g_str_has_suffix(dir, "/lib/cancelcheck")) {
		char *lib = g_path_get_dirname(dir);
		prefix = g_path_get_dirname(lib);
		g_free(lib);
	}
	g_free(dir);
	/* an install has our docs; a build tree's bin/ does not */
	if (prefix) {
		char *docs = g_build_filename(prefix, CCK_DOC_SUBDIR, "checks", NULL);
		if (!g_file_test(docs, G_FILE_TEST_IS_DIR))
			g_clear_pointer(&prefix, g_free);
		g_free(docs);
	}
	return prefix;
}

const char *cck_install_prefix(void)
{
	static GOnce once = G_ONCE_INIT;
	return g_once(&once, find_prefix, NULL);
}

static gpointer find_docs(gpointer unused)
{
	if (*CCK_DOCS_URL)
		return g_strdup(CCK_DOCS_URL);
	const char *prefix = cck_install_prefix();
	if (prefix) {
		char *dir = g_build_filename(prefix, CCK_DOC_SUBDIR, "checks", NULL);
		char *url = g_filename_to_uri(dir, NULL, NULL);
		g_free(dir);
		if (url) {
			char *slash = g_strconcat(url, "/", NULL);
			g_free(url);
			return slash;
		}
	}
	return g_strdup("file://" CCK_SOURCE_DOCS "/");
}

const char *cck_docs_base_url(void)
{
	static GOnce once = G_ONCE_INIT;
	return g_once(&once, find_docs, NULL);
}

static gpointer find_resource_dir(gpointer unused)
{
	char *probe = g_build_filename(CCK_RESOURCE_DIR, "include", "stddef.h", NULL);
	bool ok = g_file_test(probe, G_FILE_TEST_EXISTS);
	g_free(probe);
	if (ok)
		return g_strdup(CCK_RESOURCE_DIR);
	/* Debian: <llvm>/lib/libclang-19.so.19 and <llvm>/lib/clang/19/ */
	Dl_info info;
	char *lib = NULL;
	if (dladdr((void *)clang_createIndex, &info) && info.dli_fname)
		lib = realpath(info.dli_fname, NULL);
	if (lib) {
		char *dir = g_path_get_dirname(lib);
		char *major = g_strndup(CCK_LLVM_VERSION, strcspn(CCK_LLVM_VERSION, "."));
		char *rd = g_build_filename(dir, "clang", major, NULL);
		free(lib);
		g_free(dir);
		g_free(major);
		char *h = g_build_filename(rd, "include", "stddef.h", NULL);
		ok = g_file_test(h, G_FILE_TEST_EXISTS);
		g_free(h);
		if (ok)
			return rd;
		g_free(rd);
	}
	return g_strdup(CCK_RESOURCE_DIR);	/* libclang's errors will name it */
}

const char *cck_resource_dir(void)
{
	static GOnce once = G_ONCE_INIT;
	return g_once(&once, find_resource_dir, NULL);
}
