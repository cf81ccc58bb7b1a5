#include <time.h>

#include "../__support/calendar.h"

/* POSIX's 26 bytes: a year past 9999 does not fit, as in glibc. */
char *asctime_r(const struct tm *restrict time, char *restrict out) {
  return __calendar_text(time, out, 26);
}
