// A confined program reaches the light kernel through its system calls
// (<lightkernel/syscall.h>) alone: gpu-c++ refuses one that calls past them
// or names the kernel's own state, on every target, and says who did.
// RUN: not %gpucxx --target=host -O2 %s -o %t.img 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: not %gpucxx --target=nvptx -O2 %s -o %t.nvptx.img 2>&1 | FileCheck %s
// CHECK-DAG: gpu-c++: error: steal_heap uses the light kernel's internal 'lk_heap_start': a program reaches the kernel through its system calls (<lightkernel/syscall.h>) alone
// CHECK-DAG: gpu-c++: error: poll_network uses the light kernel's internal 'net_poll'
// CHECK-DAG: gpu-c++: error: handlers uses the light kernel's internal 'lk_fd_close_all'
// CHECK-DAG: gpu-c++: error: main uses the light kernel's internal 'lk_private'
// CHECK-NOT: write_console
// System calls are open to it, and -fno-gpuvm-sfi (unconfined) links anyway.
// RUN: %gpucxx --target=host -O2 -DONLY_SYSCALLS %s -o %t.ok.img
// RUN: %gpucxx --target=host -O2 -fno-gpuvm-sfi %s -o %t.unconfined.img
#include <stddef.h>

long lk_write(int fd, const void *buf, size_t len);

long write_console(void) {
  return lk_write(1, "hi\n", 3);
}

#ifndef ONLY_SYSCALLS
extern char *lk_heap_start;
int net_poll(void);
void lk_fd_close_all(void);

void steal_heap(void) {
  lk_heap_start = 0;
}

int poll_network(void) {
  return net_poll();
}

void (*handlers[])(void) = {lk_fd_close_all};
void *lk_private(void);
#endif

int main(void) {
#ifndef ONLY_SYSCALLS
  *(int *)lk_private() = 1;
#endif
  return (int)write_console() != 3;
}
