#include <gpuvm.h>

#include <lightkernel/syscall.h>

unsigned gpuvm_vm_id(void) {
  return lk_vm_id();
}
