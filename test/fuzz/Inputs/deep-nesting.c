#include <pthread.h>
#include <unistd.h>
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int deep(int x, int fd)
{
	pthread_mutex_lock(&m);
if (x > 0) {
while (x-- > 1) {
do {
if (x > 3) {
while (x-- > 4) {
do {
if (x > 6) {
while (x-- > 7) {
do {
if (x > 9) {
while (x-- > 10) {
do {
if (x > 12) {
while (x-- > 13) {
do {
if (x > 15) {
while (x-- > 16) {
do {
if (x > 18) {
while (x-- > 19) {
do {
if (x > 21) {
while (x-- > 22) {
do {
if (x > 24) {
while (x-- > 25) {
do {
if (x > 27) {
while (x-- > 28) {
do {
if (x > 30) {
while (x-- > 31) {
do {
if (x > 33) {
while (x-- > 34) {
do {
if (x > 36) {
while (x-- > 37) {
do {
if (x > 39) {
while (x-- > 40) {
do {
if (x > 42) {
while (x-- > 43) {
do {
if (x > 45) {
while (x-- > 46) {
do {
if (x > 48) {
while (x-- > 49) {
do {
if (x > 51) {
while (x-- > 52) {
do {
if (x > 54) {
while (x-- > 55) {
do {
if (x > 57) {
while (x-- > 58) {
do {
read(fd, &x, 1);
} while (x & 59);
}
}
} while (x & 56);
}
}
} while (x & 53);
}
}
} while (x & 50);
}
}
} while (x & 47);
}
}
} while (x & 44);
}
}
} while (x & 41);
}
}
} while (x & 38);
}
}
} while (x & 35);
}
}
} while (x & 32);
}
}
} while (x & 29);
}
}
} while (x & 26);
}
}
} while (x & 23);
}
}
} while (x & 20);
}
}
} while (x & 17);
}
}
} while (x & 14);
}
}
} while (x & 11);
}
}
} while (x & 8);
}
}
} while (x & 5);
}
}
} while (x & 2);
}
}
	pthread_mutex_unlock(&m);
	return x;
}
