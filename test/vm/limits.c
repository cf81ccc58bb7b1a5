// A VM's resource limits are its real ones (its memory, its stack as
// --stack-size set it, its fd table), a lowered RLIMIT_NOFILE is enforced by
// its kernel, hard limits cannot be raised, getrusage reports its time and
// its peak heap, and the nice value is kept per VM.
// RUN: %gpucxx --target=host -O1 %s -o %t.img
// RUN: %gpuvm run %t.img --vms 3 --mem-per-vm 4M --stack-size 256K > %t.out
// RUN: FileCheck %s < %t.out
// CHECK-DAG: [vm 0] limits: nofile 65536/65536 stack 262144/262144 nproc 1/1 core 0/0 cpu unlimited
// CHECK-DAG: [vm 0] memory: as = data 1, between 3 and 4 MiB 1
// CHECK-DAG: [vm 0] nofile 8: fds up to 7, then EMFILE; F_DUPFD 9 EINVAL; back to 100: 1
// CHECK-DAG: [vm 0] errors: raise hard EPERM, cur above max EINVAL, bad resource EINVAL, other pid ESRCH, getrusage bad who EINVAL
// CHECK-DAG: [vm 0] usage: time 1, maxrss grew by 500 KiB 1, children 0 0
// CHECK-DAG: [vm 0] nice 0, set 5 -> 5, back to -3 as root 0 -> -3, as uid 1000 lower EACCES, other pid ESRCH
// CHECK-NOT: FAIL
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

static const char *error_name(int error) {
  switch (error) {
  case EPERM:
    return "EPERM";
  case EINVAL:
    return "EINVAL";
  case ESRCH:
    return "ESRCH";
  case EMFILE:
    return "EMFILE";
  case EACCES:
    return "EACCES";
  default:
    return "other";
  }
}

static void show(const char *name, int resource) {
  struct rlimit l;
  getrlimit(resource, &l);
  if (l.rlim_cur == RLIM_INFINITY)
    printf(" %s unlimited", name);
  else
    printf(" %s %lu/%lu", name, l.rlim_cur, l.rlim_max);
}

static void limits(void) {
  printf("limits:");
  show("nofile", RLIMIT_NOFILE);
  show("stack", RLIMIT_STACK);
  show("nproc", RLIMIT_NPROC);
  show("core", RLIMIT_CORE);
  show("cpu", RLIMIT_CPU);
  printf("\n");
  struct rlimit as, data;
  getrlimit(RLIMIT_AS, &as);
  getrlimit(RLIMIT_DATA, &data);
  printf("memory: as = data %d, between 3 and 4 MiB %d\n", as.rlim_cur == data.rlim_cur,
         as.rlim_cur > (3u << 20) && as.rlim_cur <= (4u << 20));

  struct rlimit eight = {8, 8}, hundred = {100, 100};
  /* The hard limit comes down too, so it cannot go back up: keep it. */
  struct rlimit keep;
  getrlimit(RLIMIT_NOFILE, &keep);
  eight.rlim_max = keep.rlim_max;
  setrlimit(RLIMIT_NOFILE, &eight);
  int last = -1, fd;
  while ((fd = dup(1)) >= 0)
    last = fd;
  int open_error = errno;
  errno = 0;
  fcntl(0, F_DUPFD, 9);
  const char *dup_error = error_name(errno);
  for (int i = 3; i <= last; ++i)
    close(i);
  hundred.rlim_max = keep.rlim_max;
  int back = setrlimit(RLIMIT_NOFILE, &hundred) == 0;
  printf("nofile 8: fds up to %d, then %s; F_DUPFD 9 %s; back to 100: %d\n", last,
         error_name(open_error), dup_error, back);

  struct rlimit higher = {keep.rlim_max, keep.rlim_max + 1}, crossed = {10, 5};
  errno = 0;
  setrlimit(RLIMIT_NOFILE, &higher);
  const char *raise_error = error_name(errno);
  errno = 0;
  setrlimit(RLIMIT_NOFILE, &crossed);
  const char *crossed_error = error_name(errno);
  errno = 0;
  getrlimit(99, &keep);
  const char *bad_error = error_name(errno);
  errno = 0;
  prlimit(getpid() + 1, RLIMIT_NOFILE, NULL, &keep);
  const char *pid_error = error_name(errno);
  struct rusage usage;
  errno = 0;
  getrusage(7, &usage);
  printf("errors: raise hard %s, cur above max %s, bad resource %s, other pid %s, "
         "getrusage bad who %s\n",
         raise_error, crossed_error, bad_error, pid_error, error_name(errno));
}

static void usage(void) {
  struct rusage before, after, children;
  getrusage(RUSAGE_SELF, &before);
  char *block = malloc(500 * 1024);
  memset(block, 1, 500 * 1024);
  struct timespec twenty = {0, 20 * 1000 * 1000};
  nanosleep(&twenty, NULL);
  getrusage(RUSAGE_SELF, &after);
  free(block);
  getrusage(RUSAGE_CHILDREN, &children);
  long elapsed_us = (after.ru_utime.tv_sec - before.ru_utime.tv_sec) * 1000000 +
                    (after.ru_utime.tv_usec - before.ru_utime.tv_usec);
  printf("usage: time %d, maxrss grew by 500 KiB %d, children %ld %ld\n",
         elapsed_us >= 20000, after.ru_maxrss - before.ru_maxrss >= 500, children.ru_maxrss,
         (long)children.ru_utime.tv_sec);
}

static void priority(void) {
  int start = getpriority(PRIO_PROCESS, 0);
  setpriority(PRIO_PROCESS, 0, 5);
  int five = getpriority(PRIO_PROCESS, 0);
  int lowered = setpriority(PRIO_PROCESS, (unsigned)getpid(), -3);
  int now = getpriority(PRIO_PROCESS, 0);
  setuid(1000);
  errno = 0;
  setpriority(PRIO_PROCESS, 0, -10);
  const char *unprivileged = error_name(errno);
  errno = 0;
  getpriority(PRIO_PROCESS, (unsigned)getpid() + 1);
  printf("nice %d, set 5 -> %d, back to -3 as root %d -> %d, as uid 1000 lower %s, "
         "other pid %s\n",
         start, five, lowered, now, unprivileged, error_name(errno));
}

int main(void) {
  if (getpid() != 1)
    return 0; /* one VM prints; the others show the limits are each VM's own */
  limits();
  usage();
  priority();
  return 0;
}
