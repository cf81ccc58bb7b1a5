// pthread.h in a single-threaded VM, in 50 VMs: mutexes of each type (a
// normal mutex relocked reports EDEADLK instead of hanging), attributes,
// pthread_once, thread-specific data with destructors run by pthread_exit,
// condition variables (wait: EDEADLK; timedwait: ETIMEDOUT at the deadline on
// either clock), self, equal, join and detach.
// RUN: %gpucxx --target=host -O1 %s -o %t.img
// RUN: %gpuvm run %t.img --vms 50 --console raw 2>%t.err | sort | uniq -c | FileCheck %s --implicit-check-not=FAIL
// CHECK: 50 destructor 2 ran with 42
// CHECK-NEXT: 50 ok
// CHECK-NEXT: 50 once ran
// RUN: FileCheck %s --check-prefix=SUMMARY < %t.err
// SUMMARY: 50 exited with status 0
#include <errno.h>
#include <gpuvm.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

/* glibc's sizes on x86-64, so structures that embed these keep Linux's layout. */
_Static_assert(sizeof(pthread_mutex_t) == 40, "pthread_mutex_t");
_Static_assert(sizeof(pthread_cond_t) == 48, "pthread_cond_t");
_Static_assert(sizeof(pthread_attr_t) == 56, "pthread_attr_t");
_Static_assert(sizeof(pthread_mutexattr_t) == 4, "pthread_mutexattr_t");
_Static_assert(sizeof(pthread_condattr_t) == 4, "pthread_condattr_t");
_Static_assert(sizeof(pthread_t) == 8 && sizeof(pthread_key_t) == 4, "pthread_t");

#include "Inputs/expect.h"

static pthread_mutex_t static_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t static_cond = PTHREAD_COND_INITIALIZER;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int once_count;

static void once_init(void) {
  ++once_count;
  printf("once ran\n");
  /* Recursion into the same pthread_once would hang on Linux. */
  EXPECT(pthread_once(&once, once_init) == EDEADLK);
}

static void destructor(void *value) {
  printf("destructor 2 ran with %d\n", (int)(intptr_t)value);
}
static void never(void *value) {
  printf("FAIL destructor of a deleted key ran with %p\n", value);
}

static int64_t now_ns(clockid_t clock) {
  struct timespec t;
  clock_gettime(clock, &t);
  return t.tv_sec * 1000000000ll + t.tv_nsec;
}

static struct timespec in_ms(clockid_t clock, int ms) {
  int64_t at = now_ns(clock) + ms * 1000000ll;
  struct timespec t = {at / 1000000000, at % 1000000000};
  return t;
}

static void mutexes(void) {
  EXPECT(pthread_mutex_lock(&static_mutex) == 0);
  EXPECT(pthread_mutex_lock(&static_mutex) == EDEADLK);
  EXPECT(pthread_mutex_trylock(&static_mutex) == EBUSY);
  EXPECT(pthread_mutex_destroy(&static_mutex) == EBUSY);
  EXPECT(pthread_mutex_unlock(&static_mutex) == 0);
  EXPECT(pthread_mutex_trylock(&static_mutex) == 0);
  EXPECT(pthread_mutex_unlock(&static_mutex) == 0);
  EXPECT(pthread_mutex_destroy(&static_mutex) == 0);

  pthread_mutexattr_t attr;
  int type = -1, pshared = -1;
  EXPECT(pthread_mutexattr_init(&attr) == 0);
  EXPECT(pthread_mutexattr_gettype(&attr, &type) == 0 && type == PTHREAD_MUTEX_DEFAULT);
  EXPECT(pthread_mutexattr_settype(&attr, 7) == EINVAL);
  EXPECT(pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED) == 0);
  EXPECT(pthread_mutexattr_getpshared(&attr, &pshared) == 0 && pshared == PTHREAD_PROCESS_SHARED);

  pthread_mutex_t recursive, checking;
  EXPECT(pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE) == 0);
  EXPECT(pthread_mutex_init(&recursive, &attr) == 0);
  EXPECT(pthread_mutex_lock(&recursive) == 0 && pthread_mutex_lock(&recursive) == 0);
  EXPECT(pthread_mutex_trylock(&recursive) == 0);
  EXPECT(pthread_mutex_unlock(&recursive) == 0 && pthread_mutex_unlock(&recursive) == 0);
  EXPECT(pthread_mutex_destroy(&recursive) == EBUSY);
  EXPECT(pthread_mutex_unlock(&recursive) == 0);
  EXPECT(pthread_mutex_unlock(&recursive) == EPERM);
  EXPECT(pthread_mutex_destroy(&recursive) == 0);

  EXPECT(pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ERRORCHECK) == 0);
  EXPECT(pthread_mutexattr_gettype(&attr, &type) == 0 && type == PTHREAD_MUTEX_ERRORCHECK);
  EXPECT(pthread_mutex_init(&checking, &attr) == 0);
  EXPECT(pthread_mutex_unlock(&checking) == EPERM);
  EXPECT(pthread_mutex_lock(&checking) == 0);
  EXPECT(pthread_mutex_lock(&checking) == EDEADLK);
  EXPECT(pthread_mutex_trylock(&checking) == EBUSY);
  struct timespec soon = in_ms(CLOCK_REALTIME, 5);
  EXPECT(pthread_mutex_timedlock(&checking, &soon) == EDEADLK);
  EXPECT(pthread_mutex_unlock(&checking) == 0);
  EXPECT(pthread_mutexattr_destroy(&attr) == 0);

  /* A held normal mutex: timedlock waits out the deadline, as on Linux. */
  pthread_mutex_t normal;
  EXPECT(pthread_mutex_init(&normal, NULL) == 0 && pthread_mutex_lock(&normal) == 0);
  int64_t before = now_ns(CLOCK_MONOTONIC);
  soon = in_ms(CLOCK_REALTIME, 20);
  EXPECT(pthread_mutex_timedlock(&normal, &soon) == ETIMEDOUT);
  EXPECT(now_ns(CLOCK_MONOTONIC) - before >= 15000000);
  struct timespec bad = {0, 1000000000};
  EXPECT(pthread_mutex_timedlock(&normal, &bad) == EINVAL);
  EXPECT(pthread_mutex_unlock(&normal) == 0);
}

static void conditions(void) {
  pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
  EXPECT(pthread_cond_signal(&static_cond) == 0 && pthread_cond_broadcast(&static_cond) == 0);
  EXPECT(pthread_cond_wait(&static_cond, &mutex) == EPERM);
  EXPECT(pthread_mutex_lock(&mutex) == 0);
  EXPECT(pthread_cond_wait(&static_cond, &mutex) == EDEADLK);
  EXPECT(pthread_mutex_trylock(&mutex) == EBUSY); /* still held */

  int64_t before = now_ns(CLOCK_MONOTONIC);
  struct timespec deadline = in_ms(CLOCK_REALTIME, 20);
  EXPECT(pthread_cond_timedwait(&static_cond, &mutex, &deadline) == ETIMEDOUT);
  EXPECT(now_ns(CLOCK_MONOTONIC) - before >= 15000000);

  pthread_condattr_t attr;
  pthread_cond_t monotonic;
  clockid_t clock = -1;
  EXPECT(pthread_condattr_init(&attr) == 0);
  EXPECT(pthread_condattr_getclock(&attr, &clock) == 0 && clock == CLOCK_REALTIME);
  EXPECT(pthread_condattr_setclock(&attr, 99) == EINVAL);
  EXPECT(pthread_condattr_setclock(&attr, CLOCK_MONOTONIC) == 0);
  EXPECT(pthread_cond_init(&monotonic, &attr) == 0);
  before = now_ns(CLOCK_MONOTONIC);
  deadline = in_ms(CLOCK_MONOTONIC, 20);
  EXPECT(pthread_cond_timedwait(&monotonic, &mutex, &deadline) == ETIMEDOUT);
  EXPECT(now_ns(CLOCK_MONOTONIC) - before >= 15000000);
  struct timespec past = {0, 0};
  EXPECT(pthread_cond_timedwait(&monotonic, &mutex, &past) == ETIMEDOUT);
  EXPECT(pthread_cond_destroy(&monotonic) == 0 && pthread_condattr_destroy(&attr) == 0);
  EXPECT(pthread_mutex_unlock(&mutex) == 0);
}

static pthread_key_t keys(void) {
  pthread_key_t deleted, kept;
  EXPECT(pthread_key_create(&deleted, never) == 0);
  EXPECT(pthread_setspecific(deleted, &failures) == 0 && pthread_getspecific(deleted) == &failures);
  EXPECT(pthread_key_delete(deleted) == 0);
  EXPECT(pthread_key_delete(deleted) == EINVAL);
  EXPECT(pthread_getspecific(deleted) == NULL);
  EXPECT(pthread_setspecific(deleted, &failures) == EINVAL);
  EXPECT(pthread_key_create(&kept, destructor) == 0);
  EXPECT(pthread_getspecific(kept) == NULL);
  /* Many keys: the table grows. */
  pthread_key_t many[100];
  for (int i = 0; i < 100; ++i) {
    EXPECT(pthread_key_create(&many[i], NULL) == 0);
    EXPECT(pthread_setspecific(many[i], (void *)(intptr_t)(i + 1)) == 0);
  }
  for (int i = 0; i < 100; ++i)
    EXPECT(pthread_getspecific(many[i]) == (void *)(intptr_t)(i + 1));
  EXPECT(pthread_setspecific(kept, (void *)(intptr_t)42) == 0);
  return kept;
}

static void threads(void) {
  pthread_t self = pthread_self();
  EXPECT(self != 0 && pthread_equal(self, pthread_self()) && !pthread_equal(self, self + 1));
  EXPECT(pthread_join(self, NULL) == EDEADLK);
  EXPECT(pthread_join(self + 1, NULL) == ESRCH);
  EXPECT(pthread_detach(self + 1) == ESRCH);
  EXPECT(pthread_cancel(self + 1) == ESRCH);
  EXPECT(pthread_atfork(NULL, NULL, NULL) == 0);
  int state = -1;
  EXPECT(pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &state) == 0 &&
         state == PTHREAD_CANCEL_ENABLE);
  EXPECT(pthread_cancel(self) == 0);
  pthread_testcancel(); /* disabled: nothing happens */
  EXPECT(pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, &state) == 0 &&
         state == PTHREAD_CANCEL_DISABLE);

  pthread_attr_t attr;
  size_t size = 0;
  int value = -1;
  EXPECT(pthread_attr_init(&attr) == 0);
  EXPECT(pthread_attr_getdetachstate(&attr, &value) == 0 && value == PTHREAD_CREATE_JOINABLE);
  EXPECT(pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED) == 0);
  EXPECT(pthread_attr_getdetachstate(&attr, &value) == 0 && value == PTHREAD_CREATE_DETACHED);
  EXPECT(pthread_attr_setdetachstate(&attr, 5) == EINVAL);
  EXPECT(pthread_attr_getstacksize(&attr, &size) == 0 && size == 8u << 20);
  EXPECT(pthread_attr_setstacksize(&attr, 1) == EINVAL);
  EXPECT(pthread_attr_setstacksize(&attr, 1 << 20) == 0);
  EXPECT(pthread_attr_getstacksize(&attr, &size) == 0 && size == 1 << 20);
  EXPECT(pthread_attr_setguardsize(&attr, 0) == 0);
  EXPECT(pthread_attr_getguardsize(&attr, &size) == 0 && size == 0);
  EXPECT(pthread_attr_setscope(&attr, PTHREAD_SCOPE_PROCESS) == ENOTSUP);
  EXPECT(pthread_attr_getscope(&attr, &value) == 0 && value == PTHREAD_SCOPE_SYSTEM);
  EXPECT(pthread_attr_destroy(&attr) == 0);
}

int main(void) {
  EXPECT(pthread_once(&once, once_init) == 0);
  EXPECT(pthread_once(&once, once_init) == 0);
  EXPECT(once_count == 1);
  mutexes();
  conditions();
  keys();
  threads();
  if (!failures)
    printf("ok\n");
  /* The only thread ends: key destructors run, then the VM exits with 0. */
  pthread_exit(NULL);
}
