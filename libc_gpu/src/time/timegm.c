#include <errno.h>
#include <time.h>

#include "../__support/calendar.h"

time_t timegm(struct tm *time) {
  /* As glibc: UTC has no summer time, whatever the call's outcome. */
  time->tm_isdst = 0;
  time_t seconds;
  struct tm normalized;
  if (__calendar_join(time, 0, &seconds) != 0 || !gmtime_r(&seconds, &normalized)) {
    errno = EOVERFLOW; /* the other fields stay as they were */
    return (time_t)-1;
  }
  *time = normalized;
  return seconds;
}
