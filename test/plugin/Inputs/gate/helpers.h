/* A header whose static inline helper makes the cancellation-point call:
 * the main file's own calls name no suspending function. */
#include <pthread.h>
#include <unistd.h>

static inline ssize_t put_int(int fd, int v)
{
	return write(fd, &v, sizeof v);
}
