// A comparison made in unsigned arithmetic is not the signed comparison of
// the same variable: (unsigned)rc > 3u holds for every negative rc. Such a
// branch must not be encoded as "rc > 3" (the dataflow would drop the edge
// taken by -ECANCELED); an opaque branch is right.
// RUN: %cancelcheck --dump-ir %s | FileCheck %s

void a(void);

// CHECK-LABEL: function casts
// CHECK-NOT:     branch rc
// CHECK:         branch ? {{bb[0-9]+}} : {{bb[0-9]+}}
// CHECK-NOT:     branch rc
// CHECK:         branch ? {{bb[0-9]+}} : {{bb[0-9]+}}
// CHECK-NOT:     branch rc
// A signed cast of a signed value is harmless.
// CHECK:         branch rc < 0 ?
void casts(int rc) {
  if ((unsigned)rc > 3u)
    a();
  if ((unsigned)rc < 5)
    a();
  if ((long)rc < 0)
    a();
}
