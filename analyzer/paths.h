/* Where the program's files are: found from where its code is loaded, so
 * that an install copied to another prefix still finds them. */
#ifndef CCK_PATHS_H
#define CCK_PATHS_H

/* The install prefix this code runs from: <P> for <P>/bin/<program> and
 * for <P>/lib/cancelcheck/<module>.so, or NULL when it runs from a build
 * tree (not g_free'd; computed once). */
const char *cck_install_prefix(void);
/* The directory of the checks' docs pages as a URL ending in '/': the
 * CMake setting CCK_DOCS_URL if one was given, else the installed pages
 * (<P>/share/doc/cancelcheck/checks/), else the source tree's. */
const char *cck_docs_base_url(void);
/* clang's resource directory (its stddef.h, ...) for libclang: the one
 * found at build time if it is still there, else the one beside the
 * libclang this process loaded. */
const char *cck_resource_dir(void);

#endif
