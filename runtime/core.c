/* Stackful coroutines: the x86-64 context switch, mmap'ed stacks with a
 * guard page (pooled), and the switches between the scheduler and a
 * coroutine, told to AddressSanitizer when it is on. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "internal.h"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CCO_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define CCO_ASAN 1
#endif

#ifdef CCO_ASAN
#include <sanitizer/common_interface_defs.h>
#else
static inline void __sanitizer_start_switch_fiber(void **fake, const void *lo, size_t size)
{
}
static inline void __sanitizer_finish_switch_fiber(void *fake, const void **lo, size_t *size)
{
}
#endif

#if !defined(__x86_64__)
#error "cco's context switch is written for x86-64 only"
#endif

/* void cco__switch(void **save_sp, void *to_sp)
 * Saves the callee-saved registers, the SSE control/status and the x87
 * control word (the System V ABI makes them callee-saved) on the current
 * stack, stores its pointer in *save_sp, and resumes the stack to_sp saved
 * the same way. A new stack is laid out so that the return lands in
 * cco__boot with the coroutine in r12. */
__asm__(".text\n"
	".globl cco__switch\n"
	".type cco__switch, @function\n"
	"cco__switch:\n"
	"	pushq %rbp\n"
	"	pushq %rbx\n"
	"	pushq %r12\n"
	"	pushq %r13\n"
	"	pushq %r14\n"
	"	pushq %r15\n"
	"	subq $8, %rsp\n"
	"	stmxcsr (%rsp)\n"
	"	fnstcw 4(%rsp)\n"
	"	movw $0, 6(%rsp)\n"
	"	movq %rsp, (%rdi)\n"
	"	movq (%rsp), %rax\n"
	"	movq %rsi, %rsp\n"
	/* loading the control registers costs more than the rest of the
	 * switch: load them only when they differ (almost never) */
	"	cmpq (%rsp), %rax\n"
	"	je 1f\n"
	"	ldmxcsr (%rsp)\n"
	"	fldcw 4(%rsp)\n"
	"1:	addq $8, %rsp\n"
	"	popq %r15\n"
	"	popq %r14\n"
	"	popq %r13\n"
	"	popq %r12\n"
	"	popq %rbx\n"
	"	popq %rbp\n"
	"	ret\n"
	".size cco__switch, .-cco__switch\n"
	".globl cco__boot\n"
	".type cco__boot, @function\n"
	"cco__boot:\n"
	"	andq $-16, %rsp\n"
	"	movq %r12, %rdi\n"
	"	call cco__start\n"
	"	ud2\n"
	".size cco__boot, .-cco__boot\n");

void cco__boot(void);
void cco__start(cco_co *co) __attribute__((noreturn, used));
/* The body of every coroutine (sched.c). */
void cco__run_body(cco_co *co);

static size_t page_size(void)
{
	static size_t ps;
	if (!ps)
		ps = (size_t)sysconf(_SC_PAGESIZE);
	return ps;
}

/* A stack of ex->stack_size usable bytes above one PROT_NONE guard page:
 * an overflow faults instead of writing into a neighbour. Pooled, since
 * mmap + mprotect + munmap cost more than a coroutine's whole life. */
int cco__stack_get(cco_exec *ex, cco_co *co)
{
	size_t ps = page_size(), size = ex->stack_size;
	void *base;
	if (ex->npool) {
		base = ex->stack_pool[--ex->npool];
	} else {
		base = mmap(NULL, size + ps, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
		if (base == MAP_FAILED)
			return -ENOMEM;
		if (mprotect(base, ps, PROT_NONE) < 0) {
			munmap(base, size + ps);
			return -ENOMEM;
		}
	}
	co->stack_lo = (char *)base + ps;
	co->stack_size = size;
	return 0;
}

enum { POOL_MAX = 1024 };

void cco__stack_put(cco_exec *ex, cco_co *co)
{
	void *base = (char *)co->stack_lo - page_size();
	if (ex->npool < POOL_MAX) {
		if (ex->npool == ex->pool_cap) {
			size_t cap = ex->pool_cap ? 2 * ex->pool_cap : 16;
			void **p = realloc(ex->stack_pool, cap * sizeof(*p));
			if (p) {
				ex->stack_pool = p;
				ex->pool_cap = cap;
			}
		}
		if (ex->npool < ex->pool_cap) {
			ex->stack_pool[ex->npool++] = base;
			return;
		}
	}
	munmap(base, co->stack_size + page_size());
}

void cco__stack_pool_free(cco_exec *ex)
{
	size_t ps = page_size();
	for (size_t i = 0; i < ex->npool; i++)
		munmap(ex->stack_pool[i], ex->stack_size + ps);
	free(ex->stack_pool);
	ex->stack_pool = NULL;
	ex->npool = ex->pool_cap = 0;
}

/* Lays out the new stack for cco__switch: 8 bytes of MXCSR/x87 control
 * word, r15..r12 (r12 = co), rbx, rbp, and the return address cco__boot. */
void cco__stack_init(cco_co *co)
{
	uint64_t *sp = (uint64_t *)((char *)co->stack_lo + co->stack_size);
	sp = (uint64_t *)((uintptr_t)sp & ~(uintptr_t)15);
	*--sp = 0;				/* alignment slot */
	*--sp = (uint64_t)(uintptr_t)cco__boot;
	*--sp = 0;				/* rbp */
	*--sp = 0;				/* rbx */
	*--sp = (uint64_t)(uintptr_t)co;	/* r12 */
	*--sp = 0;				/* r13 */
	*--sp = 0;				/* r14 */
	*--sp = 0;				/* r15 */
	uint32_t mxcsr;
	uint16_t fpucw;
	__asm__ volatile("stmxcsr %0" : "=m"(mxcsr));
	__asm__ volatile("fnstcw %0" : "=m"(fpucw));
	*--sp = (uint64_t)mxcsr | (uint64_t)fpucw << 32;
	co->sp = sp;
}

/* Scheduler → coroutine; returns when the coroutine suspends or ends. */
void cco__resume(cco_exec *ex, cco_co *co)
{
	void *fake = NULL;
	ex->current = co;
	co->state = CCO__RUNNING;
	__sanitizer_start_switch_fiber(&fake, co->stack_lo, co->stack_size);
	cco__switch(&ex->sched_sp, co->sp);
	__sanitizer_finish_switch_fiber(fake, NULL, NULL);
	ex->current = NULL;
}

/* Coroutine → scheduler. A finished coroutine never comes back: its
 * fake stack is released (NULL), and the scheduler frees its stack. */
void cco__suspend(cco_exec *ex, cco_co *co)
{
	bool done = co->state == CCO__DONE;
	__sanitizer_start_switch_fiber(done ? NULL : &co->asan_fake,
				       ex->sched_stack_lo, ex->sched_stack_size);
	cco__switch(&co->sp, ex->sched_sp);
	__sanitizer_finish_switch_fiber(co->asan_fake, (const void **)&ex->sched_stack_lo,
					&ex->sched_stack_size);
}

void cco__start(cco_co *co)
{
	cco_exec *ex = co->ex;
	__sanitizer_finish_switch_fiber(NULL, (const void **)&ex->sched_stack_lo,
					&ex->sched_stack_size);
	cco__run_body(co);
	co->state = CCO__DONE;
	cco__suspend(ex, co);
	abort();	/* a finished coroutine is never resumed */
}
