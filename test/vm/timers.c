// Signals from a VM's own timers behave as Linux's: alarm, setitimer and
// timer_create interrupt pause, sigsuspend, blocking reads, poll, epoll_wait
// and nanosleep (or let SA_RESTART calls go on), ignored and blocked signals
// interrupt nothing, sigwait takes a blocked one, overruns are counted, and
// SIGEV_THREAD's function runs. The same program runs natively and in VMs;
// every VM's output must equal Linux's line for line. 200 VMs run it at once.
// RUN: rm -rf %t && mkdir -p %t/logs
// RUN: gcc -O1 -Wall -Werror -Wno-comment %s -o %t/linux && %t/linux > %t/expected
// RUN: %gpucxx --target=host -O1 %s -o %t/host.img
// RUN: %gpuvm run %t/host.img --vms 1 --console raw > %t/out
// RUN: diff %t/expected %t/out
// RUN: FileCheck %s < %t/out
// RUN: %gpuvm run %t/host.img --vms 200 --log-dir %t/logs 2> %t/err
// RUN: FileCheck %s --check-prefix=SCALE < %t/err
// SCALE: 200 exited with status 0
// RUN: md5sum < %t/expected | cut -d' ' -f1 > %t/expected.md5
// RUN: find %t/logs -name 'vm-*.out' -exec md5sum {} + | cut -d' ' -f1 | sort | uniq -c \
// RUN:   | FileCheck %s --check-prefix=LOGS -DSUM=$(cat %t/expected.md5)
// LOGS: {{^ *}}200 [[SUM]]{{$}}
// LOGS-NOT: {{.}}
// CHECK: alarm: first 0, replaced 5, cancelled 0
// CHECK: pause: -1 EINTR, handled 1
// CHECK: read without SA_RESTART: -1 EINTR, handled 1
// CHECK: read with SA_RESTART: 1 byte from the handler, handled 1
// CHECK: poll with SA_RESTART: -1 EINTR; epoll_wait: -1 EINTR
// CHECK: nanosleep: -1 EINTR, remaining under 2 s 1
// CHECK: periodic: 5 sigsuspends, 5 handled, interval 10000 us, disarmed 0 0
// CHECK: ignored: nanosleep 0, poll 0
// CHECK: blocked: nanosleep 0, pending 1, sigwait 0 SIGALRM, handled 0
// CHECK: posix timer: code SI_TIMER value 42 signal SIGUSR1, left 0, overrun 0, delete 0, again EINVAL
// CHECK: default sigevent: SIGALRM, value 0
// CHECK: absolute: handled 1
// CHECK: overrun while blocked: handled 1, at least 10: 1
// CHECK: thread function: ran 1 value 7
// CHECK: errors: setitimer bad which EINVAL, bad usec EINVAL, timer_create bad clock EINVAL, bad signal EINVAL, settime bad nsec EINVAL
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t handled;
static int self_pipe[2];

static void count(int sig) {
  (void)sig;
  ++handled;
}

static void count_and_write(int sig) {
  (void)sig;
  ++handled;
  write(self_pipe[1], "!", 1);
}

static const char *error_name(int error) {
  return error == EINTR ? "EINTR" : error == EINVAL ? "EINVAL" : error ? "other" : "none";
}

static void on(int sig, void (*handler)(int), int flags) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = handler;
  sa.sa_flags = flags;
  sigaction(sig, &sa, NULL);
}

static void arm_ms(int ms, int interval_ms) {
  struct itimerval t = {{interval_ms / 1000, (interval_ms % 1000) * 1000},
                        {ms / 1000, (ms % 1000) * 1000}};
  setitimer(ITIMER_REAL, &t, NULL);
}

static void alarms(void) {
  unsigned first = alarm(5);
  unsigned replaced = alarm(10);
  alarm(0);
  unsigned cancelled = alarm(0);
  printf("alarm: first %u, replaced %u, cancelled %u\n", first, replaced, cancelled);

  on(SIGALRM, count, 0);
  handled = 0;
  arm_ms(30, 0);
  int r = pause();
  printf("pause: %d %s, handled %d\n", r, error_name(errno), handled);
}

static void interrupted_calls(void) {
  pipe(self_pipe);
  char c;
  on(SIGALRM, count, 0);
  handled = 0;
  arm_ms(30, 0);
  ssize_t got = read(self_pipe[0], &c, 1);
  printf("read without SA_RESTART: %zd %s, handled %d\n", got, error_name(errno), handled);

  on(SIGALRM, count_and_write, SA_RESTART);
  handled = 0;
  arm_ms(30, 0);
  got = read(self_pipe[0], &c, 1);
  printf("read with SA_RESTART: %zd byte from the handler, handled %d\n", got, handled);

  /* poll and epoll_wait are never restarted, SA_RESTART or not. */
  on(SIGALRM, count, SA_RESTART);
  arm_ms(30, 0);
  struct pollfd p = {self_pipe[0], POLLIN, 0};
  int polled = poll(&p, 1, 2000);
  const char *poll_error = error_name(errno);
  int ep = epoll_create1(0);
  struct epoll_event ev = {.events = EPOLLIN, .data.fd = self_pipe[0]}, out;
  epoll_ctl(ep, EPOLL_CTL_ADD, self_pipe[0], &ev);
  arm_ms(30, 0);
  int waited = epoll_wait(ep, &out, 1, 2000);
  printf("poll with SA_RESTART: %d %s; epoll_wait: %d %s\n", polled, poll_error, waited,
         error_name(errno));
  close(ep);

  arm_ms(50, 0);
  struct timespec two = {2, 0}, left = {0, 0};
  int slept = nanosleep(&two, &left);
  printf("nanosleep: %d %s, remaining under 2 s %d\n", slept, error_name(errno),
         left.tv_sec < 2 && (left.tv_sec > 0 || left.tv_nsec > 0));
}

static void periodic(void) {
  on(SIGALRM, count, 0);
  handled = 0;
  arm_ms(10, 10);
  sigset_t none;
  sigemptyset(&none);
  int suspends = 0;
  while (handled < 5) {
    sigsuspend(&none);
    ++suspends;
  }
  struct itimerval now;
  getitimer(ITIMER_REAL, &now);
  long interval = now.it_interval.tv_usec;
  arm_ms(0, 0);
  getitimer(ITIMER_REAL, &now);
  printf("periodic: %d sigsuspends, %d handled, interval %ld us, disarmed %ld %ld\n", suspends,
         handled, interval, (long)now.it_value.tv_sec, (long)now.it_value.tv_usec);
}

static void ignored_and_blocked(void) {
  struct timespec short_sleep = {0, 100 * 1000 * 1000};
  on(SIGALRM, SIG_IGN, 0);
  arm_ms(20, 0);
  int slept = nanosleep(&short_sleep, NULL);
  arm_ms(20, 0);
  struct pollfd p = {self_pipe[0], POLLIN, 0};
  int polled = poll(&p, 1, 100);
  printf("ignored: nanosleep %d, poll %d\n", slept, polled);

  on(SIGALRM, count, 0);
  handled = 0;
  sigset_t alrm, pending;
  sigemptyset(&alrm);
  sigaddset(&alrm, SIGALRM);
  sigprocmask(SIG_BLOCK, &alrm, NULL);
  arm_ms(20, 0);
  slept = nanosleep(&short_sleep, NULL);
  sigpending(&pending);
  int sig = 0;
  int waited = sigwait(&alrm, &sig);
  sigprocmask(SIG_UNBLOCK, &alrm, NULL);
  printf("blocked: nanosleep %d, pending %d, sigwait %d %s, handled %d\n", slept,
         sigismember(&pending, SIGALRM), waited, sig == SIGALRM ? "SIGALRM" : "other", handled);
}

static volatile int last_code, last_value, last_signal;

static void with_info(int sig, siginfo_t *info, void *context) {
  (void)context;
  last_signal = sig;
  last_code = info->si_code;
  last_value = info->si_value.sival_int;
  ++handled;
}

static volatile int thread_ran, thread_value;

static void notified(union sigval value) {
  thread_value = value.sival_int;
  thread_ran = 1;
}

static void posix_timers(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = with_info;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGUSR1, &sa, NULL);
  sigaction(SIGALRM, &sa, NULL);

  struct sigevent event;
  memset(&event, 0, sizeof event);
  event.sigev_notify = SIGEV_SIGNAL;
  event.sigev_signo = SIGUSR1;
  event.sigev_value.sival_int = 42;
  timer_t timer;
  timer_create(CLOCK_MONOTONIC, &event, &timer);
  struct itimerspec in30 = {{0, 0}, {0, 30 * 1000 * 1000}}, now;
  timer_settime(timer, 0, &in30, NULL);
  pause();
  timer_gettime(timer, &now);
  int overrun = timer_getoverrun(timer);
  int deleted = timer_delete(timer);
  errno = 0;
  timer_delete(timer);
  printf("posix timer: code %s value %d signal %s, left %ld, overrun %d, delete %d, again %s\n",
         last_code == SI_TIMER ? "SI_TIMER" : "other", last_value,
         last_signal == SIGUSR1 ? "SIGUSR1" : "other", now.it_value.tv_nsec, overrun, deleted,
         error_name(errno));

  /* With no sigevent: SIGALRM, with glibc's zero value. */
  timer_t first, second;
  timer_create(CLOCK_MONOTONIC, NULL, &first);
  timer_create(CLOCK_REALTIME, NULL, &second);
  timer_settime(second, 0, &in30, NULL);
  pause();
  printf("default sigevent: %s, value %d\n", last_signal == SIGALRM ? "SIGALRM" : "other",
         last_value);
  timer_delete(first);
  timer_delete(second);

  timer_create(CLOCK_MONOTONIC, &event, &timer);
  struct timespec start;
  clock_gettime(CLOCK_MONOTONIC, &start);
  struct itimerspec at = {{0, 0}, start};
  at.it_value.tv_nsec += 20 * 1000 * 1000;
  if (at.it_value.tv_nsec >= 1000000000) {
    at.it_value.tv_nsec -= 1000000000;
    ++at.it_value.tv_sec;
  }
  handled = 0;
  timer_settime(timer, TIMER_ABSTIME, &at, NULL);
  while (!handled)
    pause();
  printf("absolute: handled %d\n", handled);

  /* A 1 ms timer behind a mask for 60 ms: one signal, the rest overruns. */
  sigset_t usr1;
  sigemptyset(&usr1);
  sigaddset(&usr1, SIGUSR1);
  sigprocmask(SIG_BLOCK, &usr1, NULL);
  struct itimerspec every_ms = {{0, 1000 * 1000}, {0, 1000 * 1000}};
  timer_settime(timer, 0, &every_ms, NULL);
  struct timespec sixty = {0, 60 * 1000 * 1000};
  nanosleep(&sixty, NULL);
  handled = 0;
  sigprocmask(SIG_UNBLOCK, &usr1, NULL);
  int overruns = timer_getoverrun(timer);
  struct itimerspec off = {{0, 0}, {0, 0}};
  timer_settime(timer, 0, &off, NULL);
  printf("overrun while blocked: handled %d, at least 10: %d\n", handled, overruns >= 10);
  timer_delete(timer);

  memset(&event, 0, sizeof event);
  event.sigev_notify = SIGEV_THREAD;
  event.sigev_notify_function = notified;
  event.sigev_value.sival_int = 7;
  timer_create(CLOCK_MONOTONIC, &event, &timer);
  timer_settime(timer, 0, &in30, NULL);
  struct timespec tick = {0, 5 * 1000 * 1000};
  for (int i = 0; i < 400 && !thread_ran; ++i)
    nanosleep(&tick, NULL);
  printf("thread function: ran %d value %d\n", thread_ran, thread_value);
  timer_delete(timer);
}

static void errors(void) {
  struct itimerval t = {{0, 0}, {0, 1000000}};
  errno = 0;
  setitimer(7, &t, NULL);
  const char *bad_which = error_name(errno);
  errno = 0;
  setitimer(ITIMER_REAL, &t, NULL);
  const char *bad_usec = error_name(errno);
  timer_t timer;
  errno = 0;
  timer_create(12345, NULL, &timer);
  const char *bad_clock = error_name(errno);
  struct sigevent event;
  memset(&event, 0, sizeof event);
  event.sigev_notify = SIGEV_SIGNAL;
  event.sigev_signo = 999;
  errno = 0;
  timer_create(CLOCK_MONOTONIC, &event, &timer);
  const char *bad_signal = error_name(errno);
  timer_create(CLOCK_MONOTONIC, NULL, &timer);
  struct itimerspec bad = {{0, 0}, {0, 2000000000}};
  errno = 0;
  timer_settime(timer, 0, &bad, NULL);
  printf("errors: setitimer bad which %s, bad usec %s, timer_create bad clock %s, bad signal %s, "
         "settime bad nsec %s\n",
         bad_which, bad_usec, bad_clock, bad_signal, error_name(errno));
  timer_delete(timer);
}

int main(void) {
  alarms();
  interrupted_calls();
  periodic();
  ignored_and_blocked();
  posix_timers();
  errors();
  return 0;
}
