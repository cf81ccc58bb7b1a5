#include <unistd.h>

#include "../__support/sleep.h"
#include "../__support/timeout.h"

/* Returns the whole seconds left when a signal's handler cut it short,
 * rounded up as Linux's (glibc's sleep over nanosleep). */
unsigned sleep(unsigned seconds) {
  int64_t left;
  __sleep_until(__deadline_after((int64_t)seconds * 1000000000), &left);
  return (unsigned)((left + 999999999) / 1000000000);
}
