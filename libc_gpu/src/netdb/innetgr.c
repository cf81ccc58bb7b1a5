#include <netdb.h>

int innetgr(const char *netgroup, const char *host, const char *user, const char *domain) {
  /* A VM has no netgroup database: nothing belongs to any group. */
  (void)netgroup, (void)host, (void)user, (void)domain;
  return 0;
}
