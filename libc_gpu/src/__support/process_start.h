/* When the VM started (monotonic ns), for getrusage's time. */
#ifndef LIBC_GPU_SUPPORT_PROCESS_START_H
#define LIBC_GPU_SUPPORT_PROCESS_START_H

#include <stdint.h>

extern int64_t __process_start_ns;

#endif
