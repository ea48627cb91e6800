// A helper that blocks, then keeps its argument, loses that argument if it
// is cancelled first. That is a finding only where the caller gives it a
// value the caller owns: not for a constant, a number, a stack array, an
// array inside a struct, or a string literal. And a helper that only hands
// its argument to a function we cannot see (a logger), or stores a number,
// takes nothing: it may only borrow or copy it.
// RUN: not %cancelcheck --model=posix --checks='-*,cancel-lost-value' %s -- -pthread \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { ST_IDLE, ST_RUNNING };
static int state;
extern void log_msg(const char *fmt, ...);

struct slot { char *name; char label[32]; };

// Blocks, then stores the pointer where it is owned: takes it, lost on cancel.
static void name_slot(struct slot *s, char *name)
{
	usleep(10);
	s->name = name;
}

// Blocks, then only copies a number and hands it to a logger.
static void set_state(int st)
{
	usleep(10);
	state = st;
	log_msg("state %d", st);
}

// Blocks, then gives the pointer to a function we cannot see.
static void log_text(char *text)
{
	usleep(10);
	log_msg("%s", text);
}

void *worker_good_1(void *arg)
{
	struct slot *s = arg;
	char buf[32] = "local";
	set_state(ST_RUNNING);
	set_state(3);
	name_slot(s, buf);
	name_slot(s, s->label);
	name_slot(s, "literal");
	return NULL;
}

void *worker_good_2(void *arg)
{
	char *text = strdup("owned");
	if (!text)
		return NULL;
	log_text(text);		/* may keep it: no finding either way */
	return arg;
}

void *worker_bad_1(void *arg)
{
	struct slot *s = arg;
	char *name = strdup("owned");
	if (!name)
		return NULL;
	name_slot(s, name);
// CHECK: taker-given-no-owned-value.c:[[@LINE-1]]:2: warning: 'name' is lost if 'name_slot' is cancelled: it takes ownership and drops the value on cancellation [cancel-lost-value]
	return NULL;
}
