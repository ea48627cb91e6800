int broken(void)
{
	return nope;
}
