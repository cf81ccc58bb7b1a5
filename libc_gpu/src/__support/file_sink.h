/* printf into a FILE. */
#ifndef LIBC_GPU_SUPPORT_FILE_SINK_H
#define LIBC_GPU_SUPPORT_FILE_SINK_H

#include <stdarg.h>
#include <stdio.h>

int __format_to_file(FILE *stream, const char *format, va_list args);

#endif
