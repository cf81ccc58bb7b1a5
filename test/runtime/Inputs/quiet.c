/* Only even VMs print: odd ones leave an empty log. */
#include <gpuvm.h>
#include <stdio.h>

int main(void) {
  if (gpuvm_vm_id() % 2 == 0)
    printf("vm %u speaks\n", gpuvm_vm_id());
  return 0;
}
