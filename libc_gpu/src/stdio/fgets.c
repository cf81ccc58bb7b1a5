#include <stdio.h>

#include "../__support/file.h"

char *fgets(char *restrict out, int size, FILE *restrict stream) {
  if (size <= 0)
    return NULL;
  /* As glibc: an error during this call fails it, even after some bytes;
   * one from before does not. */
  int earlier_error = stream->error;
  stream->error = 0;
  int length = 0;
  while (length < size - 1) {
    int ch = fgetc(stream);
    if (ch == EOF)
      break;
    out[length++] = (char)ch;
    if (ch == '\n')
      break;
  }
  int failed = stream->error;
  stream->error |= earlier_error;
  if (failed || (length == 0 && size > 1))
    return NULL;
  out[length] = '\0';
  return out;
}
