#include <time.h>

struct tm *localtime(const time_t *seconds) {
  /* A plain global: each VM has its own. */
  static struct tm result;
  return localtime_r(seconds, &result);
}
