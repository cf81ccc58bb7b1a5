#include <errno.h>
#include <time.h>

#include "../__support/calendar.h"

struct tm *gmtime_r(const time_t *restrict seconds, struct tm *restrict out) {
  if (__calendar_split(*seconds, out) != 0) {
    errno = EOVERFLOW;
    return NULL;
  }
  out->tm_isdst = 0;
  out->tm_gmtoff = 0;
  /* glibc's name for UTC in gmtime's answers. */
  out->tm_zone = "GMT";
  return out;
}
