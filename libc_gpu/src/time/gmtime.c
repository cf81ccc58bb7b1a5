#include <time.h>

struct tm *gmtime(const time_t *seconds) {
  /* A plain global: each VM has its own. */
  static struct tm result;
  return gmtime_r(seconds, &result);
}
