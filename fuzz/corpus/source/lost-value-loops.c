// Owned values and cancellation points in loops.
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

void consume(char *p);	/* another TU: takes ownership */

void stop(pthread_t t) { pthread_cancel(t); }

// Allocated before the loop, read into on every iteration.
long fill_bad_1(int fd, int rounds)
{
	long total = 0;
	char *buf = malloc(64);
	if (!buf)
		return -1;
	for (int i = 0; i < rounds; i++)
		total += read(fd, buf, 64);
	free(buf);
	return total;
}

// Allocated in the loop, consumed on the next iteration's read.
void batch_bad_2(int fd)
{
	char *prev = NULL;
	for (;;) {
		char byte;
		if (read(fd, &byte, 1) != 1)
			break;
		if (prev)
			consume(prev);
		prev = malloc(64);
	}
	if (prev)
		consume(prev);
}

// One buffer per iteration, released before the next read.
void per_item_good_1(int fd)
{
	for (;;) {
		char *item = malloc(64);
		if (!item)
			return;
		item[0] = 0;
		consume(item);
		if (read(fd, &fd, 1) != 1)
			return;
	}
}

void per_item_good_2(int fd, int rounds)
{
	while (rounds-- > 0) {
		char byte;
		if (read(fd, &byte, 1) != 1)
			break;
		char *p = malloc(64);
		if (p) {
			p[0] = byte;
			free(p);
		}
	}
}
