#include <syslog.h>

#include "../__support/syslog_state.h"

int setlogmask(int mask) {
  int old = __syslog_state.mask ? __syslog_state.mask : LOG_UPTO(LOG_DEBUG);
  if (mask)
    __syslog_state.mask = mask;
  return old;
}
