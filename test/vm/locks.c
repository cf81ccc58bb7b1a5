// flock between a VM's own open files, and POSIX record locks in a VM (one
// process), behave as Linux's: the same program runs natively in a scratch
// directory and in 20 VMs with their own roots, outputs diffed. Covers
// conflicts between two opens, a dup sharing its lock, shared locks, lock
// changes, release on close, a blocking wait cut short by a timer's signal,
// and fcntl's F_SETLK/F_GETLK answers and errors.
// RUN: rm -rf %t && mkdir -p %t/native %t/logs
// RUN: gcc -O1 -Wall -Werror -Wno-comment %s -o %t/linux && cd %t/native && %t/linux > %t/expected
// RUN: %gpucxx --target=host -O1 %s -o %t/host.img
// RUN: %gpuvm run %t/host.img --vms 20 --root %t/root{vm} --log-dir %t/logs 2> %t/err
// RUN: FileCheck %s --check-prefix=SCALE < %t/err
// SCALE: 20 exited with status 0
// RUN: diff %t/expected %t/logs/vm-0.out
// RUN: diff %t/expected %t/logs/vm-19.out
// RUN: FileCheck %s < %t/expected
// CHECK: flock: ex 0, other ex EAGAIN, other sh EAGAIN, dup ex 0
// CHECK: flock: unlock 0, other sh 0, own sh 0, own ex EAGAIN, after other closed 0
// CHECK: flock: wait interrupted -1 EINTR, bad op EINVAL, bad fd EBADF
// CHECK: fcntl: setlk 0, getlk unlocked 1, read lock on write-only EBADF, bad type EINVAL
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/time.h>
#include <unistd.h>

static const char *error_name(int error) {
  return error == EAGAIN   ? "EAGAIN"
         : error == EINTR  ? "EINTR"
         : error == EINVAL ? "EINVAL"
         : error == EBADF  ? "EBADF"
                           : "other";
}

#define TRY(expression) (errno = 0, (expression) < 0 ? error_name(errno) : "0")

static void woke(int sig) {
  (void)sig;
}

int main(void) {
  close(open("f", O_CREAT | O_WRONLY, 0644));
  int a = open("f", O_RDWR), b = open("f", O_RDWR);
  const char *ex = TRY(flock(a, LOCK_EX));
  const char *other_ex = TRY(flock(b, LOCK_EX | LOCK_NB));
  const char *other_sh = TRY(flock(b, LOCK_SH | LOCK_NB));
  int c = dup(a);
  const char *dup_ex = TRY(flock(c, LOCK_EX | LOCK_NB));
  printf("flock: ex %s, other ex %s, other sh %s, dup ex %s\n", ex, other_ex, other_sh, dup_ex);

  const char *unlock = TRY(flock(a, LOCK_UN));
  const char *b_sh = TRY(flock(b, LOCK_SH | LOCK_NB));
  const char *a_sh = TRY(flock(a, LOCK_SH | LOCK_NB));
  const char *a_ex = TRY(flock(a, LOCK_EX | LOCK_NB));
  close(b);
  const char *after = TRY(flock(a, LOCK_EX | LOCK_NB));
  printf("flock: unlock %s, other sh %s, own sh %s, own ex %s, after other closed %s\n", unlock,
         b_sh, a_sh, a_ex, after);

  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = woke;
  sigaction(SIGALRM, &sa, NULL);
  struct itimerval soon = {{0, 0}, {0, 30000}};
  setitimer(ITIMER_REAL, &soon, NULL);
  int d = open("f", O_RDONLY);
  errno = 0;
  int waited = flock(d, LOCK_SH);
  const char *why = error_name(errno);
  const char *bad_op = TRY(flock(d, LOCK_SH | LOCK_EX));
  const char *bad_fd = TRY(flock(99, LOCK_SH));
  printf("flock: wait interrupted %d %s, bad op %s, bad fd %s\n", waited, why, bad_op, bad_fd);
  close(d);
  close(c);
  close(a);

  int rw = open("f", O_RDWR), wo = open("f", O_WRONLY);
  struct flock lock = {F_WRLCK, SEEK_SET, 0, 10, 0};
  const char *setlk = TRY(fcntl(rw, F_SETLK, &lock));
  struct flock probe = {F_WRLCK, SEEK_SET, 0, 0, 0};
  fcntl(wo, F_GETLK, &probe);
  struct flock read_lock = {F_RDLCK, SEEK_SET, 0, 0, 0};
  const char *read_on_wo = TRY(fcntl(wo, F_SETLK, &read_lock));
  struct flock bad = {42, SEEK_SET, 0, 0, 0};
  printf("fcntl: setlk %s, getlk unlocked %d, read lock on write-only %s, bad type %s\n", setlk,
         probe.l_type == F_UNLCK, read_on_wo, TRY(fcntl(rw, F_SETLK, &bad)));
  return 0;
}
