#include <syslog.h>

#include "../__support/syslog_state.h"

struct __syslog_state __syslog_state;

void openlog(const char *ident, int option, int facility) {
  (void)facility; /* one console: nothing to route by */
  __syslog_state.ident = ident;
  __syslog_state.options = option;
}
