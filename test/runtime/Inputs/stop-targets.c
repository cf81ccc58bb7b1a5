/* For gpuvm stop: VM 0 loops without ever waiting, VM 1 sleeps for good,
 * VM 2 exits after a short sleep (while VM 0 loops), every other VM sleeps
 * for good. */
#include <gpuvm.h>
#include <stdio.h>
#include <unistd.h>

volatile unsigned long spins;

int main(void) {
  unsigned vm = gpuvm_vm_id();
  printf("vm %u up\n", vm);
  fflush(stdout);
  if (vm == 2) {
    usleep(100000);
    printf("vm 2 done\n");
    return 0;
  }
  if (vm == 0)
    for (;;)
      ++spins;
  for (;;)
    sleep(1000);
}
