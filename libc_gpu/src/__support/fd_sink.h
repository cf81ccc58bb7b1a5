/* printf straight to a file descriptor: dprintf's sink. */
#ifndef LIBC_GPU_SUPPORT_FD_SINK_H
#define LIBC_GPU_SUPPORT_FD_SINK_H

#include <stdarg.h>

/* Formats into fd, unbuffered by stdio, as vdprintf. */
int __format_to_fd(int fd, const char *format, va_list args);

#endif
