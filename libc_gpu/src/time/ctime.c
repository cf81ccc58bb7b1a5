#include <time.h>

char *ctime(const time_t *seconds) {
  return asctime(localtime(seconds));
}
