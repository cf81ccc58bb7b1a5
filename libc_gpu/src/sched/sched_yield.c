#include <sched.h>

#include <lightkernel/syscall.h>

int sched_yield(void) {
  lk_yield();
  return 0;
}
