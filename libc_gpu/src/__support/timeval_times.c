#include "timeval_times.h"

#include <errno.h>
#include <stddef.h>

int __timeval_times(const struct timeval in[2], struct timespec out[2],
                    const struct timespec **result) {
  *result = NULL;
  if (!in)
    return 0;
  for (int i = 0; i < 2; ++i) {
    if (in[i].tv_usec < 0 || in[i].tv_usec >= 1000000)
      return EINVAL;
    out[i].tv_sec = in[i].tv_sec;
    out[i].tv_nsec = in[i].tv_usec * 1000;
  }
  *result = out;
  return 0;
}
