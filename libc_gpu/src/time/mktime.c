#include <errno.h>
#include <time.h>

#include "../__support/calendar.h"

time_t mktime(struct tm *time) {
  /* UTC has no summer time. Asked for it, glibc assumes the usual hour
   * ahead of standard time, so the same fields name an hour earlier. */
  time_t seconds;
  struct tm normalized;
  if (__calendar_join(time, time->tm_isdst > 0 ? -3600 : 0, &seconds) != 0 ||
      !localtime_r(&seconds, &normalized)) {
    errno = EOVERFLOW; /* *time stays as it was */
    return (time_t)-1;
  }
  *time = normalized;
  return seconds;
}
