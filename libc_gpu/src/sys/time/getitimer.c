#include <stddef.h>
#include <sys/time.h>

int getitimer(int which, struct itimerval *current) {
  return setitimer(which, NULL, current);
}
