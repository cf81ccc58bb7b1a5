#ifndef __LIBC_GPU_SCHED_H
#define __LIBC_GPU_SCHED_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/types.h>

#define __need_size_t
#include <stddef.h>

#define CPU_SETSIZE 1024

typedef struct {
  unsigned long __bits[CPU_SETSIZE / (8 * sizeof(unsigned long))];
} cpu_set_t;

#define __CPU_WORD(cpu) ((cpu) / (8 * sizeof(unsigned long)))
#define __CPU_BIT(cpu) (1ul << ((cpu) % (8 * sizeof(unsigned long))))
#define CPU_ZERO(set) __builtin_memset((set), 0, sizeof(cpu_set_t))
#define CPU_SET(cpu, set)                                                                          \
  ((cpu) < CPU_SETSIZE ? ((set)->__bits[__CPU_WORD(cpu)] |= __CPU_BIT(cpu)) : 0)
#define CPU_CLR(cpu, set)                                                                          \
  ((cpu) < CPU_SETSIZE ? ((set)->__bits[__CPU_WORD(cpu)] &= ~__CPU_BIT(cpu)) : 0)
#define CPU_ISSET(cpu, set)                                                                        \
  ((cpu) < CPU_SETSIZE ? ((set)->__bits[__CPU_WORD(cpu)] & __CPU_BIT(cpu)) != 0 : 0)
#define CPU_COUNT(set) __sched_cpucount(sizeof(cpu_set_t), (set))

/* Scheduling policies, Linux's numbers. A VM's thread is scheduled by
 * nothing it can tune: pthread_setschedparam records a policy and priority
 * with Linux's rules (see pthread.h) and changes no scheduling. */
#define SCHED_OTHER 0
#define SCHED_FIFO 1
#define SCHED_RR 2
#define SCHED_BATCH 3
#define SCHED_IDLE 5
#define SCHED_RESET_ON_FORK 0x40000000

struct sched_param {
  int sched_priority;
};

/* setns's and unshare's namespace flags. */
#define CLONE_NEWTIME 0x00000080
#define CLONE_NEWNS 0x00020000
#define CLONE_NEWCGROUP 0x02000000
#define CLONE_NEWUTS 0x04000000
#define CLONE_NEWIPC 0x08000000
#define CLONE_NEWUSER 0x10000000
#define CLONE_NEWPID 0x20000000
#define CLONE_NEWNET 0x40000000

__LIBC_BEGIN_DECLS

/* A VM is one thread on one CPU, CPU 0: it may yield; its affinity is {0},
 * and a mask without CPU 0 is EINVAL, as Linux answers a mask of no CPU it
 * has. */
int sched_yield(void) __LIBC_NOEXCEPT;
int sched_getaffinity(pid_t pid, size_t size, cpu_set_t *set) __LIBC_NOEXCEPT;
int sched_setaffinity(pid_t pid, size_t size, const cpu_set_t *set) __LIBC_NOEXCEPT;
int __sched_cpucount(size_t size, const cpu_set_t *set) __LIBC_NOEXCEPT;

/* 1 to 99 for SCHED_FIFO and SCHED_RR, 0 for the others; EINVAL for an
 * unknown policy. */
int sched_get_priority_max(int policy) __LIBC_NOEXCEPT;
int sched_get_priority_min(int policy) __LIBC_NOEXCEPT;
/* A VM has no namespace files (no /proc/self/ns), so no fd names one:
 * EINVAL, or EBADF for a bad fd, in Linux's order. */
int setns(int fd, int type) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
