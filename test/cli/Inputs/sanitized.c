/* Compiled with -fsanitize=address by GCC, this includes the sanitizer
 * interface header, which clang finds only where its own runtime headers
 * are installed. Line 16 holds the lock across read(). */
#include <pthread.h>
#include <unistd.h>
#if defined(__SANITIZE_ADDRESS__) || defined(__has_feature)
#if defined(__SANITIZE_ADDRESS__) || __has_feature(address_sanitizer)
#include <sanitizer/no_such_interface_header.h>
#endif
#endif

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

int read_locked(int fd, char *buf, size_t n)
{
	pthread_mutex_lock(&lock);
	ssize_t r = read(fd, buf, n);
	pthread_mutex_unlock(&lock);
	return (int)r;
}

void stop(pthread_t t)
{
	pthread_cancel(t);
}
