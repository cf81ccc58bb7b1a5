#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "../__support/file.h"

int puts(const char *text) {
  size_t length = strlen(text);
  /* On a line-buffered stdout the text waits in the buffer for its newline,
   * so the line still leaves in one console write. */
  if (__file_write(stdout, text, length) || __file_write(stdout, "\n", 1))
    return EOF;
  /* As glibc: the number of bytes written, up to INT_MAX. */
  return length < INT_MAX ? (int)length + 1 : INT_MAX;
}
