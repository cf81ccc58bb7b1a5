/* Resource limits, usage and priority, with Linux's numbers and layouts.
 * A VM's limits are its real ones: its memory slice (RLIMIT_AS,
 * RLIMIT_DATA), its stack (RLIMIT_STACK), its kernel's fd table
 * (RLIMIT_NOFILE, which the kernel enforces), one process (RLIMIT_NPROC);
 * no core files, message queues or real-time priority. A limit may be
 * lowered, and raised back up to its hard limit; a hard limit cannot be
 * raised (EPERM, even for root: the VM has no more to give). */
#ifndef __LIBC_GPU_SYS_RESOURCE_H
#define __LIBC_GPU_SYS_RESOURCE_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/timeval.h>
#include <__libc_gpu/types.h>

typedef unsigned long rlim_t;
#define RLIM_INFINITY (~0ul)
#define RLIM_SAVED_MAX RLIM_INFINITY
#define RLIM_SAVED_CUR RLIM_INFINITY

#define RLIMIT_CPU 0
#define RLIMIT_FSIZE 1
#define RLIMIT_DATA 2
#define RLIMIT_STACK 3
#define RLIMIT_CORE 4
#define RLIMIT_RSS 5
#define RLIMIT_NPROC 6
#define RLIMIT_NOFILE 7
#define RLIMIT_OFILE RLIMIT_NOFILE
#define RLIMIT_MEMLOCK 8
#define RLIMIT_AS 9
#define RLIMIT_LOCKS 10
#define RLIMIT_SIGPENDING 11
#define RLIMIT_MSGQUEUE 12
#define RLIMIT_NICE 13
#define RLIMIT_RTPRIO 14
#define RLIMIT_RTTIME 15
#define RLIMIT_NLIMITS 16
#define RLIM_NLIMITS RLIMIT_NLIMITS

struct rlimit {
  rlim_t rlim_cur;
  rlim_t rlim_max;
};

#define RUSAGE_SELF 0
#define RUSAGE_CHILDREN (-1)
#define RUSAGE_THREAD 1

struct rusage {
  struct timeval ru_utime;
  struct timeval ru_stime;
  long ru_maxrss;
  long ru_ixrss;
  long ru_idrss;
  long ru_isrss;
  long ru_minflt;
  long ru_majflt;
  long ru_nswap;
  long ru_inblock;
  long ru_oublock;
  long ru_msgsnd;
  long ru_msgrcv;
  long ru_nsignals;
  long ru_nvcsw;
  long ru_nivcsw;
};

#define PRIO_PROCESS 0
#define PRIO_PGRP 1
#define PRIO_USER 2
#define PRIO_MIN (-20)
#define PRIO_MAX 20

__LIBC_BEGIN_DECLS

int getrlimit(int resource, struct rlimit *limit) __LIBC_NOEXCEPT;
int setrlimit(int resource, const struct rlimit *limit) __LIBC_NOEXCEPT;
/* pid 0 or the VM's own; any other pid is ESRCH. */
int prlimit(pid_t pid, int resource, const struct rlimit *new_limit,
            struct rlimit *old_limit) __LIBC_NOEXCEPT;
/* RUSAGE_SELF and RUSAGE_THREAD: the VM's time since it started as user
 * time (a VM keeps no CPU time apart from its wall time), no system time,
 * the most heap it has had in use as ru_maxrss (KiB); RUSAGE_CHILDREN:
 * zeros (a VM has no children). */
int getrusage(int who, struct rusage *usage) __LIBC_NOEXCEPT;
/* The VM's nice value, 0 at start, kept per VM; lowering it needs root
 * (EACCES), as on Linux. Only the VM itself may be named (ESRCH). */
int getpriority(int which, unsigned who) __LIBC_NOEXCEPT;
int setpriority(int which, unsigned who, int value) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
