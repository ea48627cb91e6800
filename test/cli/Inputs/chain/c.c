/* The cancellation point, two files away from the lock. */
#include <unistd.h>

int c_wait(int fd)
{
	char c;
	return (int)read(fd, &c, 1);
}
