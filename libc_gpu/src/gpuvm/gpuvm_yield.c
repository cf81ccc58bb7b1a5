#include <gpuvm.h>

#include <lightkernel/syscall.h>

void gpuvm_yield(void) {
  lk_yield();
}
