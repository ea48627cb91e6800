/* libFuzzer target: the input is one C source file, analyzed as the command
 * line analyzes a file (posix model on, every check, --verbose notes).
 * Whatever the bytes, the analyzer must neither crash nor hang. */
#include <stdint.h>
#include <stdlib.h>
#include "analysis.h"

static CXIndex idx;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	/* libclang would otherwise catch a crash in its own handler and turn
	 * it into a failed parse; the sanitizers must see it. */
	setenv("LIBCLANG_DISABLE_CRASH_RECOVERY", "1", 1);
	idx = clang_createIndex(0, 0);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* -I: inputs may use the annotations header, as real code does */
	static const char *const args[] = {
		"-std=gnu11", "-pthread", "-I" CCK_FUZZ_INCLUDE,
	};
	struct CXUnsavedFile src = {
		.Filename = "fuzz.c",
		.Contents = (const char *)data,
		.Length = (unsigned long)size,
	};
	struct cck_request rq = {
		.file = "fuzz.c",
		.args = args,
		.nargs = G_N_ELEMENTS(args),
		.models = CCK_MODEL_POSIX,
		.unsaved = &src,
		.nunsaved = 1,
		.verbose = true,
	};
	struct cck_result res;
	cck_result_init(&res);
	cck_analyze(idx, &rq, &res);
	cck_result_fini(&res);
	return 0;
}
