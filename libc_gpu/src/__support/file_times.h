/* utimensat's and futimens's times as the kernel takes them. */
#ifndef LIBC_GPU_SUPPORT_FILE_TIMES_H
#define LIBC_GPU_SUPPORT_FILE_TIMES_H

#include <stdint.h>
#include <time.h>

/* NULL is "now" for both; UTIME_NOW and UTIME_OMIT as Linux reads them.
 * Returns 0, or EINVAL for a tv_nsec out of range. */
int __file_times(const struct timespec times[2], int64_t *access_ns, int64_t *modify_ns);

#endif
