#include <gpuvm.h>
#include <stdio.h>

int main(void) {
  printf("line one of %u\n", gpuvm_vm_id());
  fprintf(stderr, "to stderr from %u\n", gpuvm_vm_id());
  printf("tail without newline");
  return 0;
}
