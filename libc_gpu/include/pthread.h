/* POSIX threads for programs whose build insists on them. A VM has exactly one
 * thread: pthread_create always fails with EAGAIN, and the synchronization
 * objects behave as they do on Linux when one thread uses them. Where Linux
 * would block forever (relocking a normal mutex, waiting on a condition
 * nobody can signal), these return EDEADLK instead of hanging the VM. */
#ifndef __LIBC_GPU_PTHREAD_H
#define __LIBC_GPU_PTHREAD_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/pthread_types.h>
#include <__libc_gpu/types.h>
/* As glibc's: struct sched_param, SCHED_* and cpu_set_t come with it. */
#include <sched.h>
/* As on Linux: struct timespec, clock_gettime and CLOCK_* come with it. */
#include <time.h>

#define PTHREAD_CREATE_JOINABLE 0
#define PTHREAD_CREATE_DETACHED 1

#define PTHREAD_SCOPE_SYSTEM 0
#define PTHREAD_SCOPE_PROCESS 1

#define PTHREAD_PROCESS_PRIVATE 0
#define PTHREAD_PROCESS_SHARED 1

#define PTHREAD_MUTEX_NORMAL 0
#define PTHREAD_MUTEX_RECURSIVE 1
#define PTHREAD_MUTEX_ERRORCHECK 2
#define PTHREAD_MUTEX_DEFAULT PTHREAD_MUTEX_NORMAL
#define PTHREAD_MUTEX_TIMED_NP PTHREAD_MUTEX_NORMAL
#define PTHREAD_MUTEX_RECURSIVE_NP PTHREAD_MUTEX_RECURSIVE
#define PTHREAD_MUTEX_ERRORCHECK_NP PTHREAD_MUTEX_ERRORCHECK

#define PTHREAD_PRIO_NONE 0
#define PTHREAD_PRIO_INHERIT 1
#define PTHREAD_PRIO_PROTECT 2

#define PTHREAD_MUTEX_STALLED 0
#define PTHREAD_MUTEX_ROBUST 1

#define PTHREAD_CANCEL_ENABLE 0
#define PTHREAD_CANCEL_DISABLE 1
#define PTHREAD_CANCEL_DEFERRED 0
#define PTHREAD_CANCEL_ASYNCHRONOUS 1
#define PTHREAD_CANCELED ((void *)-1)

#define PTHREAD_ONCE_INIT 0
#define PTHREAD_KEYS_MAX 1024
#define PTHREAD_DESTRUCTOR_ITERATIONS 4
#define PTHREAD_STACK_MIN 16384

#define PTHREAD_MUTEX_INITIALIZER                                                                  \
  {                                                                                                \
    PTHREAD_MUTEX_NORMAL, 0, {                                                                     \
      0, 0, 0, 0                                                                                   \
    }                                                                                              \
  }
#define PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP                                                     \
  {                                                                                                \
    PTHREAD_MUTEX_RECURSIVE, 0, {                                                                  \
      0, 0, 0, 0                                                                                   \
    }                                                                                              \
  }
#define PTHREAD_ERRORCHECK_MUTEX_INITIALIZER_NP                                                    \
  {                                                                                                \
    PTHREAD_MUTEX_ERRORCHECK, 0, {                                                                 \
      0, 0, 0, 0                                                                                   \
    }                                                                                              \
  }
/* CLOCK_REALTIME (0), as on Linux. */
#define PTHREAD_COND_INITIALIZER                                                                   \
  {                                                                                                \
    0, 0, {                                                                                        \
      0, 0, 0, 0, 0                                                                                \
    }                                                                                              \
  }

__LIBC_BEGIN_DECLS

/* Threads: there is only the VM's own. pthread_create writes one line to
 * stderr and returns EAGAIN; join and detach of any other id give ESRCH. */
int pthread_create(pthread_t *__LIBC_RESTRICT thread, const pthread_attr_t *__LIBC_RESTRICT attr,
                   void *(*start)(void *), void *__LIBC_RESTRICT argument) __LIBC_NOEXCEPT;
int pthread_join(pthread_t thread, void **result) __LIBC_NOEXCEPT;
int pthread_detach(pthread_t thread) __LIBC_NOEXCEPT;
/* Runs the key destructors, then ends the VM as exit(0) does: the last
 * thread is gone. */
__LIBC_NORETURN void pthread_exit(void *result);
pthread_t pthread_self(void) __LIBC_NOEXCEPT __attribute__((__const__));
int pthread_equal(pthread_t a, pthread_t b) __LIBC_NOEXCEPT;
/* No process is ever forked: the handlers are accepted and never run. */
int pthread_atfork(void (*prepare)(void), void (*parent)(void),
                   void (*child)(void)) __LIBC_NOEXCEPT;

/* Cancellation of the only thread: deferred, acted on by pthread_testcancel
 * alone (no other function is a cancellation point). */
int pthread_cancel(pthread_t thread);
int pthread_setcancelstate(int state, int *old_state);
int pthread_setcanceltype(int type, int *old_type);
void pthread_testcancel(void);

int pthread_once(pthread_once_t *once, void (*init)(void));

int pthread_attr_init(pthread_attr_t *attr) __LIBC_NOEXCEPT;
int pthread_attr_destroy(pthread_attr_t *attr) __LIBC_NOEXCEPT;
int pthread_attr_getdetachstate(const pthread_attr_t *attr, int *state) __LIBC_NOEXCEPT;
int pthread_attr_setdetachstate(pthread_attr_t *attr, int state) __LIBC_NOEXCEPT;
int pthread_attr_getstacksize(const pthread_attr_t *__LIBC_RESTRICT attr,
                              size_t *__LIBC_RESTRICT size) __LIBC_NOEXCEPT;
int pthread_attr_setstacksize(pthread_attr_t *attr, size_t size) __LIBC_NOEXCEPT;
int pthread_attr_getguardsize(const pthread_attr_t *__LIBC_RESTRICT attr,
                              size_t *__LIBC_RESTRICT size) __LIBC_NOEXCEPT;
int pthread_attr_setguardsize(pthread_attr_t *attr, size_t size) __LIBC_NOEXCEPT;
int pthread_attr_getscope(const pthread_attr_t *__LIBC_RESTRICT attr,
                          int *__LIBC_RESTRICT scope) __LIBC_NOEXCEPT;
int pthread_attr_setscope(pthread_attr_t *attr, int scope) __LIBC_NOEXCEPT;

int pthread_mutexattr_init(pthread_mutexattr_t *attr) __LIBC_NOEXCEPT;
int pthread_mutexattr_destroy(pthread_mutexattr_t *attr) __LIBC_NOEXCEPT;
int pthread_mutexattr_gettype(const pthread_mutexattr_t *__LIBC_RESTRICT attr,
                              int *__LIBC_RESTRICT type) __LIBC_NOEXCEPT;
int pthread_mutexattr_settype(pthread_mutexattr_t *attr, int type) __LIBC_NOEXCEPT;
int pthread_mutexattr_getpshared(const pthread_mutexattr_t *__LIBC_RESTRICT attr,
                                 int *__LIBC_RESTRICT pshared) __LIBC_NOEXCEPT;
int pthread_mutexattr_setpshared(pthread_mutexattr_t *attr, int pshared) __LIBC_NOEXCEPT;

int pthread_mutex_init(pthread_mutex_t *__LIBC_RESTRICT mutex,
                       const pthread_mutexattr_t *__LIBC_RESTRICT attr) __LIBC_NOEXCEPT;
int pthread_mutex_destroy(pthread_mutex_t *mutex) __LIBC_NOEXCEPT;
/* Relocking a held normal or error-checking mutex: EDEADLK (Linux would
 * hang on a normal one). A recursive mutex counts. */
int pthread_mutex_lock(pthread_mutex_t *mutex) __LIBC_NOEXCEPT;
int pthread_mutex_trylock(pthread_mutex_t *mutex) __LIBC_NOEXCEPT;
/* A held normal mutex: waits until the deadline (CLOCK_REALTIME), then
 * ETIMEDOUT, as Linux does. */
int pthread_mutex_timedlock(pthread_mutex_t *__LIBC_RESTRICT mutex,
                            const struct timespec *__LIBC_RESTRICT deadline) __LIBC_NOEXCEPT;
int pthread_mutex_unlock(pthread_mutex_t *mutex) __LIBC_NOEXCEPT;

int pthread_condattr_init(pthread_condattr_t *attr) __LIBC_NOEXCEPT;
int pthread_condattr_destroy(pthread_condattr_t *attr) __LIBC_NOEXCEPT;
int pthread_condattr_getclock(const pthread_condattr_t *__LIBC_RESTRICT attr,
                              clockid_t *__LIBC_RESTRICT clock) __LIBC_NOEXCEPT;
int pthread_condattr_setclock(pthread_condattr_t *attr, clockid_t clock) __LIBC_NOEXCEPT;
int pthread_condattr_getpshared(const pthread_condattr_t *__LIBC_RESTRICT attr,
                                int *__LIBC_RESTRICT pshared) __LIBC_NOEXCEPT;
int pthread_condattr_setpshared(pthread_condattr_t *attr, int pshared) __LIBC_NOEXCEPT;

int pthread_cond_init(pthread_cond_t *__LIBC_RESTRICT cond,
                      const pthread_condattr_t *__LIBC_RESTRICT attr) __LIBC_NOEXCEPT;
int pthread_cond_destroy(pthread_cond_t *cond) __LIBC_NOEXCEPT;
/* No other thread exists to wait for: signal and broadcast wake nobody. */
int pthread_cond_signal(pthread_cond_t *cond) __LIBC_NOEXCEPT;
int pthread_cond_broadcast(pthread_cond_t *cond) __LIBC_NOEXCEPT;
/* Nobody can ever signal: returns EDEADLK at once, the mutex still held
 * (EPERM if the caller does not hold it). */
int pthread_cond_wait(pthread_cond_t *__LIBC_RESTRICT cond, pthread_mutex_t *__LIBC_RESTRICT mutex);
/* Waits until the deadline on the condition's clock, then ETIMEDOUT. */
int pthread_cond_timedwait(pthread_cond_t *__LIBC_RESTRICT cond,
                           pthread_mutex_t *__LIBC_RESTRICT mutex,
                           const struct timespec *__LIBC_RESTRICT deadline);

/* Thread-specific data. Destructors run in pthread_exit, not in exit(), as
 * for Linux's main thread. */
int pthread_key_create(pthread_key_t *key, void (*destructor)(void *)) __LIBC_NOEXCEPT;
int pthread_key_delete(pthread_key_t key) __LIBC_NOEXCEPT;
void *pthread_getspecific(pthread_key_t key) __LIBC_NOEXCEPT;
int pthread_setspecific(pthread_key_t key, const void *value) __LIBC_NOEXCEPT;

/* The thread's name is the VM's (prctl's PR_SET_NAME): 15 bytes and the
 * NUL; a longer name, or a buffer under 16 bytes, is ERANGE. Another
 * thread id is ESRCH. */
int pthread_setname_np(pthread_t thread, const char *name) __LIBC_NOEXCEPT;
int pthread_getname_np(pthread_t thread, char *name, size_t size) __LIBC_NOEXCEPT;
/* The policy and priority are recorded with Linux's rules and change no
 * scheduling: SCHED_OTHER, SCHED_BATCH and SCHED_IDLE at priority 0,
 * SCHED_FIFO and SCHED_RR at 1 to 99 while the effective uid is 0 (EPERM
 * after, as for Linux's unprivileged processes); anything else EINVAL. */
int pthread_setschedparam(pthread_t thread, int policy,
                          const struct sched_param *param) __LIBC_NOEXCEPT;
int pthread_getschedparam(pthread_t thread, int *__LIBC_RESTRICT policy,
                          struct sched_param *__LIBC_RESTRICT param) __LIBC_NOEXCEPT;
/* As glibc's: SCHED_OTHER, SCHED_FIFO or SCHED_RR, and a priority in the
 * policy's range (EINVAL). No thread is ever created with them. */
int pthread_attr_setschedpolicy(pthread_attr_t *attr, int policy) __LIBC_NOEXCEPT;
int pthread_attr_getschedpolicy(const pthread_attr_t *__LIBC_RESTRICT attr,
                                int *__LIBC_RESTRICT policy) __LIBC_NOEXCEPT;
int pthread_attr_setschedparam(pthread_attr_t *__LIBC_RESTRICT attr,
                               const struct sched_param *__LIBC_RESTRICT param) __LIBC_NOEXCEPT;
int pthread_attr_getschedparam(const pthread_attr_t *__LIBC_RESTRICT attr,
                               struct sched_param *__LIBC_RESTRICT param) __LIBC_NOEXCEPT;
/* No CPU time is kept apart from wall time (see clock): the thread's clock
 * is CLOCK_MONOTONIC. */
int pthread_getcpuclockid(pthread_t thread, clockid_t *clock) __LIBC_NOEXCEPT;
/* As sched_setaffinity and sched_getaffinity: one CPU, CPU 0. */
int pthread_setaffinity_np(pthread_t thread, size_t size, const cpu_set_t *set) __LIBC_NOEXCEPT;
int pthread_getaffinity_np(pthread_t thread, size_t size, cpu_set_t *set) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
