#include <time.h>

#include "../__support/calendar.h"

char *asctime(const struct tm *time) {
  /* A plain global: each VM has its own. Room for every int field at full
   * width, as glibc's, so only asctime_r refuses a long year. */
  static char text[3 + 1 + 3 + 1 + 5 * 12 + 1 + 1];
  return __calendar_text(time, text, sizeof text);
}
