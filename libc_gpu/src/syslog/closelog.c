#include <syslog.h>

#include "../__support/syslog_state.h"

void closelog(void) {
  __syslog_state.ident = 0;
  __syslog_state.options = 0;
}
