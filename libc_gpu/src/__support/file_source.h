/* scanf from a stream: the source of fscanf, scanf and their v forms. */
#ifndef LIBC_GPU_SUPPORT_FILE_SOURCE_H
#define LIBC_GPU_SUPPORT_FILE_SOURCE_H

#include <stdarg.h>
#include <stdio.h>

/* Scans stream as vfscanf: the character that ends a field goes back to
 * the stream, so the next read starts where glibc's would. EOF with EBADF
 * (and the error flag) for a stream not open for reading. */
int __scan_file(FILE *stream, const char *format, va_list args);

#endif
