#include <errno.h>
#include <net/if.h>

char *if_indextoname(unsigned int index, char *name) {
  (void)index, (void)name;
  errno = ENXIO;
  return 0;
}
