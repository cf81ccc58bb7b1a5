#include <errno.h>
#include <time.h>

#include "../__support/calendar.h"

/* A VM's local time is UTC; the fields are glibc's with TZ=UTC. */
struct tm *localtime_r(const time_t *restrict seconds, struct tm *restrict out) {
  if (__calendar_split(*seconds, out) != 0) {
    errno = EOVERFLOW;
    return NULL;
  }
  out->tm_isdst = 0;
  out->tm_gmtoff = 0;
  out->tm_zone = "UTC";
  return out;
}
