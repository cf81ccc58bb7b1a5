/* Waits, in the kernel, until the file "stop" appears in the VM's root (at
 * most 30 s), so that a test talks to the bridge while the VMs run and then
 * ends the run cleanly. */
#include <unistd.h>

int main(void) {
  for (int i = 0; i < 300 && access("stop", F_OK) != 0; ++i)
    usleep(100000);
  return 0;
}
