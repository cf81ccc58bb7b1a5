#include "priority.h"

#include <errno.h>
#include <sys/resource.h>
#include <unistd.h>

int __priority_nice;

/* The VM is its own process, group and (by its uid) user. */
int __priority_check(int which, unsigned who) {
  switch (which) {
  case PRIO_PROCESS:
    return who == 0 || who == (unsigned)getpid() ? 0 : ESRCH;
  case PRIO_PGRP:
    return who == 0 || who == (unsigned)getpgrp() ? 0 : ESRCH;
  case PRIO_USER:
    return who == 0 || who == geteuid() ? 0 : ESRCH;
  default:
    return EINVAL;
  }
}
