#include <gpuvm.h>

#include <lightkernel/syscall.h>

unsigned gpuvm_vm_count(void) {
  return lk_vm_count();
}
