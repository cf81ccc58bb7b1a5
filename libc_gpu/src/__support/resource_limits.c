#include "resource_limits.h"

#include <errno.h>
#include <stdint.h>

#include <lightkernel/syscall.h>

static struct rlimit limits[RLIMIT_NLIMITS];
static int known;

/* What the VM really has, read once: a VM's capacity does not change. */
static void learn(void) {
  if (known)
    return;
  known = 1;
  for (int i = 0; i < RLIMIT_NLIMITS; ++i)
    limits[i] = (struct rlimit){RLIM_INFINITY, RLIM_INFINITY};
  char *heap_start, *heap_end;
  lk_heap_region(&heap_start, &heap_end);
  rlim_t memory = (rlim_t)(heap_end - heap_start);
  limits[RLIMIT_DATA] = limits[RLIMIT_AS] = (struct rlimit){memory, memory};
  rlim_t stack = lk_stack_size() ? (rlim_t)lk_stack_size() : RLIM_INFINITY;
  limits[RLIMIT_STACK] = (struct rlimit){stack, stack};
  rlim_t fds = (rlim_t)lk_fd_limit(0);
  limits[RLIMIT_NOFILE] = (struct rlimit){fds, fds};
  limits[RLIMIT_NPROC] = (struct rlimit){1, 1};
  limits[RLIMIT_CORE] = limits[RLIMIT_MSGQUEUE] = (struct rlimit){0, 0};
  limits[RLIMIT_NICE] = limits[RLIMIT_RTPRIO] = (struct rlimit){0, 0};
  /* One pending signal of each number. */
  limits[RLIMIT_SIGPENDING] = (struct rlimit){64, 64};
}

struct rlimit *__resource_limit(int resource) {
  if (resource < 0 || resource >= RLIMIT_NLIMITS)
    return 0;
  learn();
  return &limits[resource];
}

int __resource_limit_change(int resource, const struct rlimit *new_limit,
                            struct rlimit *old_limit) {
  struct rlimit *limit = __resource_limit(resource);
  if (!limit)
    return EINVAL;
  struct rlimit old = *limit;
  if (new_limit) {
    if (new_limit->rlim_cur > new_limit->rlim_max)
      return EINVAL;
    if (new_limit->rlim_max > limit->rlim_max)
      return EPERM;
    if (resource == RLIMIT_NOFILE) {
      /* The kernel counts fds from 0: a limit of 0 still leaves none. */
      long enforced = lk_fd_limit(new_limit->rlim_cur ? (long)new_limit->rlim_cur : 1);
      if (enforced < 0)
        return (int)-enforced;
    }
    *limit = *new_limit;
  }
  if (old_limit)
    *old_limit = old;
  return 0;
}
