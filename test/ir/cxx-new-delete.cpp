// new and new[] give an owned value ("operator new", "operator new[]"),
// delete and delete[] consume it; a placement new owns nothing. The
// array forms are told from the tokens: "new T[n]", "delete[] p".
// RUN: %cancelcheck --dump-ir %s -- -std=c++20 2>/dev/null | FileCheck %s
#include <new>

struct node {
	int v;
	node *next;
};

void f(int n)
{
	node *a = new node{1, nullptr};
	node *b = new node[4];
	node *c = new node(node{2, a});
	alignas(node) unsigned char raw[sizeof(node)];
	node *d = new (raw) node{3, nullptr};
	delete a;
	delete[] b;
	delete c;
	(void)d;
}

// CHECK-LABEL: function f
// CHECK: own [operator new] -> a if nonzero
// CHECK: own [operator new[]] -> b if nonzero
// CHECK: own [operator new] -> c if nonzero
// CHECK-NOT: own
// CHECK: consume a by call [operator delete]
// CHECK: consume b by call [operator delete[]]
// CHECK: consume c by call [operator delete]
