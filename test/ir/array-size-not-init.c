// A local array's size is among the VarDecl's children in libclang, but it
// is not an initializer: keys of its elements keep the array's name.
// RUN: %cancelcheck --dump-ir %s -- -pthread | FileCheck %s
#include <pthread.h>
#include <unistd.h>

void use(int);

void f(void)
{
	int fds[2];
	pthread_mutex_t locks[4];
	int init[2] = { 3, 4 };
	pthread_mutex_lock(&locks[1]);
	use(fds[0]);
	use(init[1]);
	pthread_mutex_unlock(&locks[1]);
}
// CHECK-LABEL: function f
// CHECK-NOT: set fds
// CHECK-NOT: set locks
// CHECK: acquire &locks[1] [pthread_mutex_lock]
// CHECK: consume fds[0] by escape [use]
// CHECK: consume init[1] by escape [use]
// CHECK: release &locks[1] [pthread_mutex_unlock]
