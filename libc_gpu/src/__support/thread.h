/* The state of a VM's only thread: its id, cancellation and thread-specific
 * data. Plain globals: per VM. */
#ifndef LIBC_GPU_SUPPORT_THREAD_H
#define LIBC_GPU_SUPPORT_THREAD_H

#include <pthread.h>

/* What pthread_self returns: never 0, so code that keeps 0 for "no thread"
 * still works. */
#define __THREAD_SELF ((pthread_t)1)

extern int __thread_cancel_state;
extern int __thread_cancel_type;
extern int __thread_cancel_pending;

/* pthread_setschedparam's record (SCHED_OTHER, 0 at start); it changes no
 * scheduling. */
extern int __thread_sched_policy;
extern int __thread_sched_priority;

/* One key: its destructor, and whether it is in use. The table grows on the
 * heap as keys are created, so a program that uses none pays nothing. */
struct __thread_key {
  void (*destructor)(void *);
  void *value;
  int in_use;
};
extern struct __thread_key *__thread_keys;
extern unsigned __thread_key_capacity;

/* Runs the destructors of keys with non-NULL values, up to
 * PTHREAD_DESTRUCTOR_ITERATIONS rounds, as a thread's exit does. */
void __thread_keys_run_destructors(void);

#endif
