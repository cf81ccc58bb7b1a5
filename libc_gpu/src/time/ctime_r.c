#include <time.h>

/* As glibc: an instant whose year does not fit gives asctime_r a null time,
 * hence EINVAL. */
char *ctime_r(const time_t *seconds, char *out) {
  struct tm broken_down;
  return asctime_r(localtime_r(seconds, &broken_down), out);
}
