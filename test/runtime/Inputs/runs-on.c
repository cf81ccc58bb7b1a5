/* VM 0 exits; the others print a line and a partial one, then run until
 * gpuvm is stopped. */
#include <gpuvm.h>
#include <stdio.h>
#include <unistd.h>

int main(void) {
  printf("vm %u up\n", gpuvm_vm_id());
  printf("partial line of %u", gpuvm_vm_id());
  fflush(stdout);
  if (gpuvm_vm_id() == 0)
    return 0;
  for (;;)
    sleep(1);
}
