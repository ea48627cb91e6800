// REQUIRES: plugin
// The plugin's options and config behave as the command line's:
// .cancelcheck.yaml found upward from the source, config= overriding it,
// checks= filtering after the config's list, model= adding a model, and
// suppression comments honoured. Wrong options fail the compile with one
// error naming what is wrong.
// RUN: rm -rf %t && mkdir -p %t/sub/dir && cp %s %t/sub/dir/opts.c
// RUN: cp %S/../annotations/Inputs/kv-api.yaml %t/.cancelcheck.yaml
// RUN: cd %t/sub && %clang -fsyntax-only -fno-color-diagnostics -fplugin=%plugin dir/opts.c 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning:
// A nearer, empty config hides the API: nothing is found.
// RUN: cp %S/../annotations/Inputs/empty.yaml %t/sub/.cancelcheck.yaml
// RUN: %clang -fsyntax-only -fplugin=%plugin %t/sub/dir/opts.c 2>&1 | count 0
// config= overrides the search.
// RUN: %clang -fsyntax-only -fno-color-diagnostics -fplugin=%plugin \
// RUN:   -fplugin-arg-cancelcheck-config=%S/../annotations/Inputs/kv-api.yaml %t/sub/dir/opts.c 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not=warning:
// checks= applies after the config's list.
// RUN: %clang -fsyntax-only -fno-color-diagnostics -fplugin=%plugin \
// RUN:   -fplugin-arg-cancelcheck-config=%S/../annotations/Inputs/kv-api.yaml \
// RUN:   '-fplugin-arg-cancelcheck-checks=-*,cancel-lost-value' %t/sub/dir/opts.c 2>&1 \
// RUN:   | FileCheck %s --check-prefix=LOST --implicit-check-not=warning:
// Errors: an unknown check, a check list in the config naming no check, an
// unknown model, an unknown option, a config that does not parse.
// RUN: not %clang -fsyntax-only -fplugin=%plugin -fplugin-arg-cancelcheck-checks=cancel-nothing %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BADCHECK
// RUN: printf "checks: 'cancel-nothing*'\n" > %t/sub/.cancelcheck.yaml
// RUN: not %clang -fsyntax-only -fplugin=%plugin %t/sub/dir/opts.c 2>&1 | FileCheck %s --check-prefix=BADCFGCHECK
// RUN: not %clang -fsyntax-only -fplugin=%plugin -fplugin-arg-cancelcheck-model=nope %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BADMODEL
// RUN: not %clang -fsyntax-only -fplugin=%plugin -fplugin-arg-cancelcheck-color=1 %s 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BADOPT
// RUN: printf 'functions: [\n' > %t/sub/.cancelcheck.yaml
// RUN: not %clang -fsyntax-only -fplugin=%plugin %t/sub/dir/opts.c 2>&1 | FileCheck %s --check-prefix=BADYAML
// BADCHECK: error: cancelcheck: -fplugin-arg-cancelcheck-checks: unknown check 'cancel-nothing' (see --list-checks)
// BADCFGCHECK: error: cancelcheck: {{.*}}sub/.cancelcheck.yaml:1:9: 'cancel-nothing*' matches no check (see --list-checks)
// BADMODEL: error: cancelcheck: bad plugin argument 'model=nope': unknown model (known: posix, posix-strict, cco)
// BADOPT: error: cancelcheck: bad plugin argument 'color=1': known: checks=<globs>, model=<name>, config=<file>, verbose, werror=1|config
// BADYAML: error: cancelcheck: {{.*}}sub/.cancelcheck.yaml:{{[0-9]+}}:{{[0-9]+}}: {{.+}}
#include <stdint.h>

struct kv;
struct kv_mu;
struct msg;
int kv_get(struct kv *kv, const char *key, char **out, int64_t deadline);
void kv_lock(struct kv_mu *mu);
void kv_unlock(struct kv_mu *mu);
struct msg *kv_take(struct kv *kv);
void kv_put(struct msg *m, struct kv *kv);

int lookup_bad_1(struct kv *kv, struct kv_mu *mu, char **out)
{
	kv_lock(mu);
	int rc = kv_get(kv, "user", out, -1);
// CHECK: dir/opts.c:[[@LINE-1]]:11: warning: 'mu' is still held if 'kv_get' is cancelled here [cancel-held-guard]
// CHECK: dir/opts.c:[[@LINE-3]]:2: note: 'mu' acquired here by 'kv_lock'
	if (rc < 0)
		return rc;
	kv_unlock(mu);
	return 0;
}

int lookup_good_1(struct kv *kv, struct kv_mu *mu, char **out)
{
	kv_lock(mu);
	int rc = kv_get(kv, "user", out, -1);
	kv_unlock(mu);
	return rc;
}

int take_bad_2(struct kv *kv, char **out)
{
	struct msg *m = kv_take(kv);
	if (!m)
		return -1;
	int rc = kv_get(kv, "next", out, -1);
// CHECK: dir/opts.c:[[@LINE-1]]:11: warning: 'm' is leaked if 'kv_get' is cancelled here [cancel-lost-value]
// LOST: dir/opts.c:[[@LINE-2]]:11: warning: 'm' is leaked if 'kv_get' is cancelled here [cancel-lost-value]
	if (rc < 0)
		return rc;
	kv_put(m, kv);
	return 0;
}

// The same bug, suppressed by a comment on the line before.
int take_suppressed_3(struct kv *kv, char **out)
{
	struct msg *m = kv_take(kv);
	if (!m)
		return -1;
	// cancelcheck: ignore[cancel-lost-value] the caller cancels only after it drained the queue
	int rc = kv_get(kv, "next", out, -1);
	if (rc < 0)
		return rc;
	kv_put(m, kv);
	return 0;
}
