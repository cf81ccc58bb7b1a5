/* printf into memory: snprintf's and asprintf's sink. */
#ifndef LIBC_GPU_SUPPORT_STRING_SINK_H
#define LIBC_GPU_SUPPORT_STRING_SINK_H

#include "printf_core.h"

/* Formats into out[0..size), always NUL-terminated when size > 0; returns the
 * length the whole output would have, as vsnprintf. */
int __format_to_buffer(char *out, size_t size, const char *format, va_list args);

#endif
