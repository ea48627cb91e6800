// The cancellation points of the posix model: the POSIX "shall occur" list
// (and the Linux calls glibc makes cancellable). A buffer live across any of
// them leaks if the thread is cancelled there; across calls that are not
// cancellation points it does not.
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static struct timespec ts;
static sigset_t set;
static pthread_t t;

int accept_bad_1(int fd)
{
	int sig = 0;
	char *p = malloc(8);
	if (!p)
		return -1;
	(void)accept(fd, NULL, NULL);
	free(p);
	return sig;
}

int connect_bad_1(int fd)
{
	int sig = 0;
	char *p = malloc(8);
	if (!p)
		return -1;
	(void)connect(fd, NULL, 0);
	free(p);
	return sig;
}

int fsync_bad_1(int fd)
{
	int sig = 0;
	char *p = malloc(8);
	if (!p)
		return -1;
	(void)fsync(fd);
	free(p);
	return sig;
}

int nanosleep_bad_1(int fd)
{
	int sig = 0;
	char *p = malloc(8);
	if (!p)
		return -1;
	(void)nanosleep(&ts, NULL);
	free(p);
	return sig;
}

int pause_bad_1(int fd)
{
	int sig = 0;
	char *p = malloc(8);
	if (!p)
		return -1;
	(void)pause();
	free(p);
	return sig;
}

int poll_bad_1(int fd)
{
	int sig = 0;
	char *p = malloc(8);
	if (!p)
		return -1;
	(void)poll(NULL, 0, 10);
	free(p);
	return sig;
}

int cond_timedwait_bad_1(int fd)
{
	int sig = 0;
	char *p = malloc(8);
	if (!p)
		return -1;
	(void)pthread_cond_timedwait(&cv, &mu, &ts);
	free(p);
	return sig;
}

int join_bad_1(int fd)
{
	int sig = 0;
	char *p = malloc(8);
	if (!p)
		return -1;
	(void)pthread_join(t, NULL);
	free(p);
	return sig;
}

int read_bad_1(int fd)
{
	int sig = 0;
	char *p = malloc(8);
	if (!p)
		return -1;
	(void)read(fd, p, 1);
	free(p);
	return sig;
}

int recv_bad_1(int fd)
{
	int sig = 0;
	char *p = malloc(8);
	if (!p)
		return -1;
	(void)recv(fd, p, 1, 0);
	free(p);
	return sig;
}

int select_bad_1(int fd)
{
	int sig = 0;
	char *p = malloc(8);
	if (!p)
		return -1;
	(void)select(0, NULL, NULL, NULL, NULL);
	free(p);
	return sig;
}

int send_bad_1(int fd)
{
	int sig = 0;
	char *p = malloc(8);
	if (!p)
		return -1;
	(void)send(fd, p, 1, 0);
	free(p);
	return sig;
}

int sigwait_bad_1(int fd)
{
	int sig = 0;
	char *p = malloc(8);
	if (!p)
		return -1;
	(void)sigwait(&set, &sig);
	free(p);
	return sig;
}

int sleep_bad_1(int fd)
{
	int sig = 0;
	char *p = malloc(8);
	if (!p)
		return -1;
	(void)sleep(1);
	free(p);
	return sig;
}

int system_bad_1(int fd)
{
	int sig = 0;
	char *p = malloc(8);
	if (!p)
		return -1;
	(void)system("true");
	free(p);
	return sig;
}

int tcdrain_bad_1(int fd)
{
	int sig = 0;
	char *p = malloc(8);
	if (!p)
		return -1;
	(void)tcdrain(fd);
	free(p);
	return sig;
}

int usleep_bad_1(int fd)
{
	int sig = 0;
	char *p = malloc(8);
	if (!p)
		return -1;
	(void)usleep(1);
	free(p);
	return sig;
}

int waitpid_bad_1(int fd)
{
	int sig = 0;
	char *p = malloc(8);
	if (!p)
		return -1;
	(void)waitpid(-1, NULL, 0);
	free(p);
	return sig;
}

int write_bad_1(int fd)
{
	int sig = 0;
	char *p = malloc(8);
	if (!p)
		return -1;
	(void)write(fd, p, 1);
	free(p);
	return sig;
}

int memcpy_good_1(int fd)
{
	char *p = malloc(8);
	if (!p)
		return -1;
	(void)memcpy(p, "x", 1);
	free(p);
	return fd;
}

int strlen_good_1(int fd)
{
	char *p = malloc(8);
	if (!p)
		return -1;
	(void)strlen(p);
	free(p);
	return fd;
}

int getpid_good_1(int fd)
{
	char *p = malloc(8);
	if (!p)
		return -1;
	(void)getpid();
	free(p);
	return fd;
}

int mutex_lock_good_1(int fd)
{
	char *p = malloc(8);
	if (!p)
		return -1;
	(void)pthread_mutex_lock(&mu);
	free(p);
	return fd;
}

int mutex_unlock_good_1(int fd)
{
	char *p = malloc(8);
	if (!p)
		return -1;
	(void)pthread_mutex_unlock(&mu);
	free(p);
	return fd;
}

int cond_signal_good_1(int fd)
{
	char *p = malloc(8);
	if (!p)
		return -1;
	(void)pthread_cond_signal(&cv);
	free(p);
	return fd;
}

int clock_gettime_good_1(int fd)
{
	char *p = malloc(8);
	if (!p)
		return -1;
	(void)clock_gettime(CLOCK_MONOTONIC, &ts);
	free(p);
	return fd;
}
