// What CMake's FindThreads compiles, run in 50 VMs: pthread_create fails with
// EAGAIN and says on stderr, in one line, that VMs are single-threaded; the
// rest of the program goes on.
// RUN: %gpucxx --target=host %s -o %t.img
// RUN: %gpuvm run %t.img --vms 50 --console raw 2>%t.err | sort | uniq -c | FileCheck %s
// CHECK: 50 pthread_create: EAGAIN, thread untouched
// CHECK-NEXT: 50 pthread_detach: ESRCH, pthread_join: ESRCH
// RUN: grep -c -x "pthread_create: a gpuvm VM is single-threaded; no thread created" %t.err \
// RUN:   | FileCheck %s --check-prefix=ERR
// ERR: {{^}}50{{$}}
// RUN: FileCheck %s --check-prefix=SUMMARY < %t.err
// SUMMARY: 50 exited with status 0
#include <errno.h>
#include <pthread.h>
#include <stdio.h>

static void *test_func(void *data) {
  return data;
}

int main(void) {
  pthread_t thread = 12345;
  int created = pthread_create(&thread, NULL, test_func, NULL);
  printf("pthread_create: %s, thread %s\n", created == EAGAIN ? "EAGAIN" : "unexpected",
         thread == 12345 ? "untouched" : "changed");
  int detached = pthread_detach(thread);
  int joined = pthread_join(thread, NULL);
  printf("pthread_detach: %s, pthread_join: %s\n", detached == ESRCH ? "ESRCH" : "unexpected",
         joined == ESRCH ? "ESRCH" : "unexpected");
  pthread_atfork(NULL, NULL, NULL);
  return 0;
}
