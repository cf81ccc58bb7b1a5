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

__LIBC_BEGIN_DECLS

/* A VM is one thread on one CPU, CPU 0: it may yield; its affinity is {0},
 * and a mask without CPU 0 is EINVAL, as Linux answers a mask of no CPU it
 * has. */
int sched_yield(void) __LIBC_NOEXCEPT;
int sched_getaffinity(pid_t pid, size_t size, cpu_set_t *set) __LIBC_NOEXCEPT;
int sched_setaffinity(pid_t pid, size_t size, const cpu_set_t *set) __LIBC_NOEXCEPT;
int __sched_cpucount(size_t size, const cpu_set_t *set) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
