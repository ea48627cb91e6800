// A C++ file: parsed, and its plain functions analyzed.
int twice(int x) { return 2 * x; }
