/* scanf from a string: sscanf's and vsscanf's source. */
#ifndef LIBC_GPU_SUPPORT_STRING_SOURCE_H
#define LIBC_GPU_SUPPORT_STRING_SOURCE_H

#include <stdarg.h>

/* Scans input, whose NUL is the end of input, as vsscanf. */
int __scan_string(const char *input, const char *format, va_list args);

#endif
