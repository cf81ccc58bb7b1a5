// POSIX semaphores inside a VM behave as Linux's for one thread: the same
// program runs natively and in VMs, and the outputs must be equal: counts,
// EAGAIN, EOVERFLOW at SEM_VALUE_MAX, EINVAL for bad values, clocks and
// deadlines, ETIMEDOUT on both clocks, a wait that a timer's handler ends
// by posting (SA_RESTART) or interrupts (EINTR), and named semaphores'
// answers that a VM and Linux share.
// RUN: rm -rf %t && mkdir -p %t
// RUN: gcc -O1 -Wall -Werror -Wno-comment %s -o %t/linux -pthread && %t/linux > %t/expected
// RUN: %gpucxx --target=host -O1 %s -o %t/host.img
// RUN: %gpuvm run %t/host.img --vms 1 --console raw > %t/out
// RUN: diff %t/expected %t/out
// RUN: FileCheck %s < %t/out
// RUN: %gpuvm run %t/host.img --vms 32 2> %t/err
// RUN: FileCheck %s --check-prefix=SCALE < %t/err
// SCALE: 32 exited with status 0
// CHECK: size 32
// CHECK: init 2: value 2; bad value -1 EINVAL
// CHECK: trywait: 0 0 then -1 EAGAIN, value 0
// CHECK: post: 0 value 1; at max -1 EOVERFLOW value 2147483647
// CHECK: wait with a count: 0 value 0
// CHECK: timedwait: past -1 ETIMEDOUT, negative -1 ETIMEDOUT, bad nsec -1 EINVAL, 1e9 -1 EINVAL
// CHECK: timedwait with a count: 0 value 0; bad nsec still -1 EINVAL value 1
// CHECK: clockwait: monotonic 30ms -1 ETIMEDOUT waited 1, realtime past -1 ETIMEDOUT, clock 7 -1 EINVAL
// CHECK: handler posts (SA_RESTART): sem_wait 0 handled 1 value 0
// CHECK: handler posts (no SA_RESTART): sem_wait -1 EINTR handled 1 value 1
// CHECK: handler without a post (no SA_RESTART): sem_wait -1 EINTR
// CHECK: timedwait after a handler that posts (SA_RESTART): -1 EINTR value 1
// CHECK: destroy 0; close of an unnamed one -1 EINVAL
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

static sem_t posted_by_handler;
static volatile sig_atomic_t handled;

static const char *error_name(int error) {
  return error == EINTR       ? "EINTR"
         : error == EINVAL    ? "EINVAL"
         : error == EAGAIN    ? "EAGAIN"
         : error == ETIMEDOUT ? "ETIMEDOUT"
         : error == EOVERFLOW ? "EOVERFLOW"
         : error == ENOSYS    ? "ENOSYS"
                              : strerror(error);
}

static void post(int sig) {
  (void)sig;
  ++handled;
  sem_post(&posted_by_handler);
}

static void count(int sig) {
  (void)sig;
  ++handled;
}

static void on_alarm(void (*handler)(int), int flags) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = handler;
  sa.sa_flags = flags;
  sigaction(SIGALRM, &sa, NULL);
  struct itimerval t = {{0, 0}, {0, 20000}};
  setitimer(ITIMER_REAL, &t, NULL);
}

static struct timespec from_now(clockid_t clock, long ms) {
  struct timespec t;
  clock_gettime(clock, &t);
  t.tv_nsec += ms % 1000 * 1000000;
  t.tv_sec += ms / 1000 + t.tv_nsec / 1000000000;
  t.tv_nsec %= 1000000000;
  return t;
}

int main(void) {
  sem_t s;
  int value = -1;
  printf("size %zu\n", sizeof(sem_t));

  int bad = sem_init(&s, 0, (unsigned)SEM_VALUE_MAX + 1), bad_error = errno;
  sem_init(&s, 1, 2);
  sem_getvalue(&s, &value);
  printf("init 2: value %d; bad value %d %s\n", value, bad, error_name(bad_error));

  int a = sem_trywait(&s), b = sem_trywait(&s), c = sem_trywait(&s), c_error = errno;
  sem_getvalue(&s, &value);
  printf("trywait: %d %d then %d %s, value %d\n", a, b, c, error_name(c_error), value);

  int p = sem_post(&s);
  sem_getvalue(&s, &value);
  printf("post: %d value %d; ", p, value);
  sem_t full;
  sem_init(&full, 0, SEM_VALUE_MAX);
  int over = sem_post(&full), over_error = errno;
  sem_getvalue(&full, &value);
  printf("at max %d %s value %d\n", over, error_name(over_error), value);

  int w = sem_wait(&s);
  sem_getvalue(&s, &value);
  printf("wait with a count: %d value %d\n", w, value);

  struct timespec past = {1, 0}, negative = {-1, 0}, bad_nsec = {1, -1}, billion = {1, 1000000000};
  int t1 = sem_timedwait(&s, &past), e1 = errno;
  int t2 = sem_timedwait(&s, &negative), e2 = errno;
  int t3 = sem_timedwait(&s, &bad_nsec), e3 = errno;
  int t4 = sem_timedwait(&s, &billion), e4 = errno;
  printf("timedwait: past %d %s, negative %d %s, bad nsec %d %s, 1e9 %d %s\n", t1, error_name(e1),
         t2, error_name(e2), t3, error_name(e3), t4, error_name(e4));

  sem_post(&s);
  int t5 = sem_timedwait(&s, &past);
  sem_getvalue(&s, &value);
  printf("timedwait with a count: %d value %d; ", t5, value);
  sem_post(&s);
  int t6 = sem_timedwait(&s, &bad_nsec), e6 = errno;
  sem_getvalue(&s, &value);
  printf("bad nsec still %d %s value %d\n", t6, error_name(e6), value);
  sem_trywait(&s);

  struct timespec start, end, deadline = from_now(CLOCK_MONOTONIC, 30);
  clock_gettime(CLOCK_MONOTONIC, &start);
  int k1 = sem_clockwait(&s, CLOCK_MONOTONIC, &deadline), f1 = errno;
  clock_gettime(CLOCK_MONOTONIC, &end);
  long waited_ms = (end.tv_sec - start.tv_sec) * 1000 + (end.tv_nsec - start.tv_nsec) / 1000000;
  int k2 = sem_clockwait(&s, CLOCK_REALTIME, &past), f2 = errno;
  int k3 = sem_clockwait(&s, 7, &deadline), f3 = errno;
  printf("clockwait: monotonic 30ms %d %s waited %d, realtime past %d %s, clock 7 %d %s\n", k1,
         error_name(f1), waited_ms >= 29, k2, error_name(f2), k3, error_name(f3));

  sem_init(&posted_by_handler, 0, 0);
  handled = 0;
  on_alarm(post, SA_RESTART);
  int r1 = sem_wait(&posted_by_handler);
  sem_getvalue(&posted_by_handler, &value);
  printf("handler posts (SA_RESTART): sem_wait %d handled %d value %d\n", r1, (int)handled, value);

  handled = 0;
  on_alarm(post, 0);
  int r2 = sem_wait(&posted_by_handler), g2 = errno;
  sem_getvalue(&posted_by_handler, &value);
  printf("handler posts (no SA_RESTART): sem_wait %d %s handled %d value %d\n", r2, error_name(g2),
         (int)handled, value);
  sem_trywait(&posted_by_handler);

  on_alarm(count, 0);
  int r3 = sem_wait(&posted_by_handler), g3 = errno;
  printf("handler without a post (no SA_RESTART): sem_wait %d %s\n", r3, error_name(g3));

  /* A timed wait is never restarted after a handler. */
  on_alarm(post, SA_RESTART);
  deadline = from_now(CLOCK_REALTIME, 2000);
  int r4 = sem_timedwait(&posted_by_handler, &deadline), g4 = errno;
  sem_getvalue(&posted_by_handler, &value);
  printf("timedwait after a handler that posts (SA_RESTART): %d %s value %d\n", r4, error_name(g4),
         value);

  int d = sem_destroy(&s);
  int cl = sem_close(&s), cl_error = errno;
  printf("destroy %d; close of an unnamed one %d %s\n", d, cl, error_name(cl_error));
  return 0;
}
