#include <pthread.h>
#include <unistd.h>
#include <setjmp.h>
pthread_mutex_t m;
jmp_buf jb;
int knr(fd, n) int fd; int n; { char v[n]; pthread_mutex_lock(&m); if (setjmp(jb)) { pthread_mutex_unlock(&m); return 1; } read(fd, v, sizeof v); longjmp(jb, 1); }
#define T(x) _Generic((x), int: read, default: write)
int gen(int fd) { char b; pthread_mutex_lock(&m); int r = T(fd)(fd, &b, 1); pthread_mutex_unlock(&m); return r; }
int asmg(int fd) { asm goto ("" :::: out); read(fd, 0, 0); return 0; out: return 1; }
int nested(int fd) { return sizeof(int[({ read(fd, 0, 0); 3; })]); }
int vla2(int fd, int n) { int (*p)[({ pthread_mutex_lock(&m); n; })] = 0; read(fd, p, 1); pthread_mutex_unlock(&m); return 0; }
