/* The formatting engine behind every printf-family function. */
#ifndef LIBC_GPU_SUPPORT_PRINTF_CORE_H
#define LIBC_GPU_SUPPORT_PRINTF_CORE_H

#include <stdarg.h>
#include <stddef.h>

/* Where formatted bytes go. The engine fills buffer[length..capacity); when it
 * is full it calls drain, which must empty it (set length to 0) and return 0,
 * or return nonzero to fail the call. Without drain, bytes that do not fit are
 * dropped but still counted, which is what snprintf needs. */
struct printf_sink {
  char *buffer;
  size_t capacity;
  size_t length;
  int (*drain)(struct printf_sink *sink);
  void *context;
  /* Bytes produced so far, whether they fitted or not. */
  size_t total;
  int failed;
};

/* Formats like glibc's vfprintf into sink and drains what is left at the end.
 * Returns the byte count, or -1 with errno set (EOVERFLOW past INT_MAX bytes,
 * EILSEQ for a wide character outside ASCII, EINVAL for a bad positional
 * format, or whatever a failing drain set). */
int __printf_core(struct printf_sink *sink, const char *format, va_list args);

#endif
