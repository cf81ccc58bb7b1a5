#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

int vasprintf(char **restrict out, const char *restrict format, va_list args) {
  /* Measure, then format into a block of exactly that size. */
  va_list again;
  va_copy(again, args);
  int length = vsnprintf(NULL, 0, format, args);
  char *text = length < 0 ? NULL : (char *)malloc((size_t)length + 1);
  if (text)
    vsnprintf(text, (size_t)length + 1, format, again);
  va_end(again);
  if (!text)
    return -1;
  *out = text;
  return length;
}
