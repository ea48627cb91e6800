/* cco's API declared by hand, without its annotations. */
#include <stdint.h>
#include <sys/types.h>
#include <unistd.h>

typedef struct cco_scope cco_scope;
typedef struct cco_co cco_co;
struct cco_exit { int how; int64_t value; };
typedef int64_t (*cco_fn)(void *arg);
int cco_spawn(cco_scope *s, cco_fn fn, void *arg, cco_co **co);
int cco_join(cco_co *co, struct cco_exit *exit, int64_t deadline);
ssize_t cco_write(int fd, const void *buf, size_t len, int64_t deadline);

static int64_t ticker(void *arg)
{
	(void)arg;
	sleep(1);
	return 0;
}

int greet(int fd, int64_t deadline)
{
	if (cco_write(fd, "HELLO", 5, deadline) < 0)
		return -1;
	return cco_write(fd, "WORLD", 5, deadline) < 0 ? -1 : 0;
}

int run(cco_scope *s, int64_t deadline)
{
	cco_co *co;
	struct cco_exit ex;
	if (cco_spawn(s, ticker, NULL, &co) != 0)
		return -1;
	cco_join(co, &ex, deadline);
	return (int)ex.value;
}
