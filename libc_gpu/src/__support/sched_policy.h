/* Linux's priority range of each scheduling policy. */
#ifndef LIBC_GPU_SUPPORT_SCHED_POLICY_H
#define LIBC_GPU_SUPPORT_SCHED_POLICY_H

#include <errno.h>
#include <sched.h>

/* 0 with *lowest and *highest set, or EINVAL for an unknown policy. */
static inline int __sched_priority_range(int policy, int *lowest, int *highest) {
  switch (policy) {
  case SCHED_FIFO:
  case SCHED_RR:
    *lowest = 1;
    *highest = 99;
    return 0;
  case SCHED_OTHER:
  case SCHED_BATCH:
  case SCHED_IDLE:
    *lowest = *highest = 0;
    return 0;
  }
  return EINVAL;
}

#endif
