// What daemons call that glibc or libsystemd make cancellation points:
// syslog/vsyslog (they write to the log socket with cancellation enabled)
// and sd_notify and friends (they send on the notification socket). The
// systemd declarations are written here so that the test needs no
// libsystemd headers.
// RUN: not %cancelcheck --checks='-*,cancel-held-guard' %s -- -pthread \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
#include <pthread.h>
#include <stdarg.h>
#include <syslog.h>

int sd_notify(int unset_environment, const char *state);
int sd_notifyf(int unset_environment, const char *format, ...);
int sd_pid_notify(int pid, int unset_environment, const char *state);

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

void *log_bad_1(void *arg)
{
	pthread_mutex_lock(&mu);
	syslog(LOG_INFO, "state %d", 1);
// CHECK: posix-daemon-calls.c:[[@LINE-1]]:2: warning: '&mu' is still held if 'syslog' is cancelled here [cancel-held-guard]
	pthread_mutex_unlock(&mu);
	return arg;
}

void vlog_bad_2(const char *fmt, va_list ap)
{
	pthread_mutex_lock(&mu);
	vsyslog(LOG_INFO, fmt, ap);
// CHECK: posix-daemon-calls.c:[[@LINE-1]]:2: warning: '&mu' is still held if 'vsyslog' is cancelled here [cancel-held-guard]
	pthread_mutex_unlock(&mu);
}

void *ready_bad_3(void *arg)
{
	pthread_mutex_lock(&mu);
	sd_notify(0, "READY=1");
// CHECK: posix-daemon-calls.c:[[@LINE-1]]:2: warning: '&mu' is still held if 'sd_notify' is cancelled here [cancel-held-guard]
	sd_notifyf(0, "STATUS=%d", 1);
// CHECK: posix-daemon-calls.c:[[@LINE-1]]:2: warning: '&mu' is still held if 'sd_notifyf' is cancelled here [cancel-held-guard]
	sd_pid_notify(0, 0, "WATCHDOG=1");
// CHECK: posix-daemon-calls.c:[[@LINE-1]]:2: warning: '&mu' is still held if 'sd_pid_notify' is cancelled here [cancel-held-guard]
	pthread_mutex_unlock(&mu);
	return arg;
}

// Logged after the unlock, or with cancellation disabled: nothing held.
void *log_good_1(void *arg)
{
	int old;
	pthread_mutex_lock(&mu);
	pthread_mutex_unlock(&mu);
	syslog(LOG_INFO, "done");
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
	pthread_mutex_lock(&mu);
	sd_notify(0, "READY=1");
	pthread_mutex_unlock(&mu);
	pthread_setcancelstate(old, NULL);
	return arg;
}

void stop(pthread_t t) { pthread_cancel(t); }
