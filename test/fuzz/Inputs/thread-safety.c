#include <pthread.h>
#include <unistd.h>
struct __attribute__((capability("mutex"))) mu { pthread_mutex_t m; };
struct q { struct mu mu; struct mu *mp; struct q *next; int fd; };
void lk(struct mu *m) __attribute__((acquire_capability(m)));
void ul(struct mu *m) __attribute__((release_capability(m)));
void lkq(struct q *q) __attribute__((acquire_capability(q->next->next->mu), acquire_capability(*q->mp), acquire_capability(q[3].mu)));
void ulq(struct q *q) __attribute__((release_capability(q->next->next->mu)));
void f(struct q *q) { lkq(q); read(q->fd, 0, 0); ulq(q); lk(&q->mu); lk(q->mp); read(q->fd, 0, 0); ul(&q->mu); }
void pthread_testcancel(void);
