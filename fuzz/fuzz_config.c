/* libFuzzer target: the input is a .cancelcheck.yaml. Loading it must
 * either succeed or fail with the one-line error the command line prints,
 * never both, never neither, never a crash. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "config.h"

/* cck_config_load reads a path: one temporary file, rewritten per input. */
static char *path;
static int fd = -1;

static void cleanup(void)
{
	if (path)
		unlink(path);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	GError *e = NULL;
	fd = g_file_open_tmp("cck-fuzz-XXXXXX.yaml", &path, &e);
	if (fd < 0) {
		fprintf(stderr, "fuzz_config: %s\n", e->message);
		exit(2);
	}
	atexit(cleanup);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (ftruncate(fd, 0) || pwrite(fd, data, size, 0) != (ssize_t)size) {
		perror("fuzz_config: temporary file");
		abort();
	}
	char *err = NULL;
	struct cck_config *cfg = cck_config_load(path, &err);
	if (!cfg == !err)
		abort();
	if (err) {
		/* "<path>:<line>:<col>: <message>", on one line */
		size_t n = strlen(path);
		unsigned line, col;
		int used = 0;
		if (strncmp(err, path, n) || sscanf(err + n, ":%u:%u: %n", &line, &col, &used) != 2 ||
		    !used || !line || !col || strchr(err, '\n')) {
			fprintf(stderr, "fuzz_config: malformed error: %s\n", err);
			abort();
		}
		g_free(err);
	}
	cck_config_free(cfg);
	return 0;
}
