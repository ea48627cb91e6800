/* A device shared by the threads of the program. */
#include <pthread.h>
struct dev { pthread_mutex_t mu; int fd; char buf[64]; };
struct conn { int fd; char *name; };
void dev_lock(struct dev *d);		/* locks d->mu (dev.c) */
void dev_unlock(struct dev *d);
int dev_fill(struct dev *d);		/* reads: a cancellation point (dev.c) */
struct conn *conn_new(int fd);		/* allocates (dev.c) */
void conn_free(struct conn *c);
void *poller(void *arg);		/* thread start routine (poller.c) */
void report(struct dev *d);		/* called by main only (main.c) */
void *logger(void *arg);		/* never cancelled (logger.c) */
void run_hooks(struct dev *d);		/* called by the poller (logger.c) */
