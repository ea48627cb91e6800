// A FILE * from fopen is owned until fclose.
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

void stop(pthread_t t) { pthread_cancel(t); }

int copy_bad_1(const char *path, int out)
{
	char line[128];
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof line, f))
		write(out, line, sizeof line);
	fclose(f);
	return 0;
}

int copy_good_1(const char *path, int out)
{
	char line[128] = "";
	FILE *f = fopen(path, "r");
	if (!f)
		return write(2, "no file\n", 8);
	if (!fgets(line, sizeof line, f))
		line[0] = 0;
	fclose(f);
	return write(out, line, sizeof line);
}
