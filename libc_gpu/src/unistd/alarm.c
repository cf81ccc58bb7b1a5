#include <sys/time.h>
#include <unistd.h>

/* As glibc: ITIMER_REAL's seconds, the old value rounded to the nearest
 * second but never 0 while it was armed. */
unsigned alarm(unsigned seconds) {
  struct itimerval new_value = {{0, 0}, {(time_t)seconds, 0}}, old_value;
  if (setitimer(ITIMER_REAL, &new_value, &old_value) < 0)
    return 0;
  unsigned left = (unsigned)old_value.it_value.tv_sec + (old_value.it_value.tv_usec >= 500000);
  if (left == 0 && old_value.it_value.tv_usec)
    left = 1;
  return left;
}
