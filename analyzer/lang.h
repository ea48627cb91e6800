/* Which language a source is in, by its name: shared by the analysis, the
 * language server and the compiler launcher (which does not link the
 * analyzer). */
#ifndef CCK_LANG_H
#define CCK_LANG_H

#include <stdbool.h>
#include <glib.h>

/* Whether file is named as a C++ source (.cc, .cpp, .cxx, ...). */
static inline bool cck_cxx_source(const char *file)
{
	static const char *const exts[] = {
		".cc", ".cp", ".cpp", ".cxx", ".c++", ".C", ".CPP", ".mm",
	};
	for (size_t i = 0; i < G_N_ELEMENTS(exts); i++)
		if (g_str_has_suffix(file, exts[i]))
			return true;
	return false;
}

#endif
