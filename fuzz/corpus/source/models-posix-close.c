// close() is a cancellation point that releases its own descriptor: on its
// cancel edge the descriptor counts as closed, or every close would be a
// finding. Other values live across it still leak.
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

int touch_good_1(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT, 0644);
	if (fd < 0)
		return -1;
	return close(fd);
}

// Two descriptors: cancelled in the first close, the second is still open.
int pair_bad_2(const char *a, const char *b)
{
	int fa = open(a, O_RDONLY);
	if (fa < 0)
		return -1;
	int fb = open(b, O_RDONLY);
	if (fb < 0) {
		close(fa);
		return -1;
	}
	close(fa);
	close(fb);
	return 0;
}

// Memory live across close leaks too.
int name_bad_3(int fd)
{
	char *name = malloc(32);
	if (!name)
		return -1;
	close(fd);
	free(name);
	return 0;
}

int name_good_3(int fd)
{
	char *name = malloc(32);
	free(name);
	return close(fd);
}

void stop(pthread_t t) { pthread_cancel(t); }
