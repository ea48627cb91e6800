// When io_uring_setup is refused (as in many containers), the default
// backend falls back to epoll quietly and works; asking for io_uring
// explicitly, by option or environment, reports the refusal. The refusal is
// real: a seccomp filter makes io_uring_setup fail with EPERM.
// RUN: env -u CCO_BACKEND %cco_bin/backend_fallback
#define _GNU_SOURCE
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "rt_test.h"

static void refuse_io_uring(void)
{
	struct sock_filter f[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_io_uring_setup, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { .len = sizeof(f) / sizeof(f[0]), .filter = f };
	EXPECT_EQ(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), 0);
	EXPECT_EQ(prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog), 0);
	EXPECT_EQ(syscall(__NR_io_uring_setup, 4, NULL), -1);
	EXPECT_EQ(errno, EPERM);
}

static int64_t echo_once(void *arg)
{
	int fds[2];
	char buf[4];
	EXPECT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), 0);
	EXPECT_EQ(cco_write(fds[1], "ping", 4, -1), 4);
	EXPECT_EQ(cco_read(fds[0], buf, 4, cco_now() + CCO_SEC), 4);
	EXPECT_EQ(cco_close(fds[0]), 0);
	EXPECT_EQ(cco_close(fds[1]), 0);
	return 0;
}

static cco_exec *init_with(enum cco_backend b, int want_rc)
{
	cco_exec *ex = NULL;
	struct cco_opts o = { .backend = b };
	EXPECT_EQ(cco_exec_init(&ex, &o), want_rc);
	return ex;
}

int main(void)
{
	rt_watchdog();
	/* unknown names are an error, not a silent default */
	setenv("CCO_BACKEND", "kqueue", 1);
	init_with(CCO_BACKEND_AUTO, -EINVAL);
	unsetenv("CCO_BACKEND");

	refuse_io_uring();
	cco_exec *ex = init_with(CCO_BACKEND_AUTO, 0);
	EXPECT(!strcmp(cco_exec_backend(ex), "epoll"));
	int64_t res = -1;
	EXPECT_EQ(cco_exec_run(ex, echo_once, NULL, &res), 0);
	EXPECT_EQ(res, 0);
	cco_exec_free(ex);

	init_with(CCO_BACKEND_URING, -EPERM);
	setenv("CCO_BACKEND", "io_uring", 1);
	init_with(CCO_BACKEND_AUTO, -EPERM);
	setenv("CCO_BACKEND", "auto", 1);
	ex = init_with(CCO_BACKEND_AUTO, 0);
	EXPECT(!strcmp(cco_exec_backend(ex), "epoll"));
	cco_exec_free(ex);
	/* the option wins over the environment */
	setenv("CCO_BACKEND", "io_uring", 1);
	ex = init_with(CCO_BACKEND_EPOLL, 0);
	EXPECT(!strcmp(cco_exec_backend(ex), "epoll"));
	cco_exec_free(ex);
	return 0;
}
