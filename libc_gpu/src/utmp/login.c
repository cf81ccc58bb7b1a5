#include <utmp.h>

void login(const struct utmp *entry) {
  /* A VM keeps no utmp or wtmp file to record the login in. */
  (void)entry;
}
