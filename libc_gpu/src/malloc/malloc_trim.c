#include <malloc.h>

int malloc_trim(size_t pad) {
  (void)pad;
  /* The heap is the VM's own region: there is no system to give back to. */
  return 0;
}
