#include <netdb.h>

int setnetgrent(const char *netgroup) {
  /* A VM has no netgroup database: the group is not found. */
  (void)netgroup;
  return 0;
}
