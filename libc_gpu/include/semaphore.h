/* POSIX semaphores inside one VM. sem_t has glibc's size (32 bytes); a VM
 * is one process, so a pshared semaphore is an ordinary one. The VM has one
 * thread: a wait on a zero semaphore parks the VM until a signal handler
 * posts it (Linux's EINTR when the handler lacks SA_RESTART) or, for the
 * timed waits, until the deadline. Named semaphores need a shared memory
 * file system a VM lacks: sem_open fails with ENOSYS. */
#ifndef __LIBC_GPU_SEMAPHORE_H
#define __LIBC_GPU_SEMAPHORE_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/timespec.h>
#include <__libc_gpu/types.h>

typedef struct {
  unsigned int __value;
  int __pshared;
  long __reserved[3];
} sem_t;

#define SEM_VALUE_MAX 2147483647
#define SEM_FAILED ((sem_t *)0)

__LIBC_BEGIN_DECLS

/* EINVAL for a value above SEM_VALUE_MAX. */
int sem_init(sem_t *semaphore, int pshared, unsigned int value) __LIBC_NOEXCEPT;
int sem_destroy(sem_t *semaphore) __LIBC_NOEXCEPT;
/* EOVERFLOW at SEM_VALUE_MAX. */
int sem_post(sem_t *semaphore) __LIBC_NOEXCEPT;
int sem_wait(sem_t *semaphore);
int sem_trywait(sem_t *semaphore) __LIBC_NOEXCEPT;
/* The deadline is absolute on CLOCK_REALTIME (sem_clockwait: REALTIME or
 * MONOTONIC, EINVAL for others): ETIMEDOUT when it passes, EINVAL for a
 * tv_nsec out of range. */
int sem_timedwait(sem_t *__LIBC_RESTRICT semaphore,
                  const struct timespec *__LIBC_RESTRICT deadline);
int sem_clockwait(sem_t *__LIBC_RESTRICT semaphore, clockid_t clock,
                  const struct timespec *__LIBC_RESTRICT deadline);
int sem_getvalue(sem_t *__LIBC_RESTRICT semaphore, int *__LIBC_RESTRICT value) __LIBC_NOEXCEPT;

sem_t *sem_open(const char *name, int flags, ...) __LIBC_NOEXCEPT;
/* No named semaphore can exist, so any sem_close is EINVAL, as glibc
 * answers for a semaphore sem_open did not return. */
int sem_close(sem_t *semaphore) __LIBC_NOEXCEPT;
int sem_unlink(const char *name) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
