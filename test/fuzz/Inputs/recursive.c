/* A recursive function: its summary is computed until it stops changing,
 * and comparing two summaries with no try-acquires passes NULL to memcmp. */
int f(int n)
{
	return n ? f(n - 1) : 0;
}
