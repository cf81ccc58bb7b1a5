#include "string_sink.h"

int __format_to_buffer(char *out, size_t size, const char *format, va_list args) {
  char scratch[1];
  struct printf_sink sink = {0};
  /* The last byte is kept for the terminating NUL. */
  sink.buffer = size ? out : scratch;
  sink.capacity = size ? size - 1 : 0;
  int result = __printf_core(&sink, format, args);
  if (size)
    out[sink.length] = '\0';
  return result;
}
