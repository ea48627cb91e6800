// A comparison made in unsigned arithmetic is not the signed comparison of
// the same variable: (unsigned)rc > 3u holds for every negative rc. Such a
// branch must not be encoded as "rc > 3" (the dataflow would drop the edge
// taken by -ECANCELED); an opaque branch is right.

void a(void);

// A signed cast of a signed value is harmless.
void casts(int rc) {
  if ((unsigned)rc > 3u)
    a();
  if ((unsigned)rc < 5)
    a();
  if ((long)rc < 0)
    a();
}
