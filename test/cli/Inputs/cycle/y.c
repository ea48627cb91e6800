/* The other half of the cycle. */
int x_step(int fd, int n);

int y_step(int fd, int n)
{
	return x_step(fd, n) + 1;
}
