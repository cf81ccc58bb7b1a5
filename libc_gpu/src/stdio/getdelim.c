#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "../__support/file.h"

ssize_t getdelim(char **restrict line, size_t *restrict size, int delimiter,
                 FILE *restrict stream) {
  if (!line || !size || !stream) {
    errno = EINVAL;
    return -1;
  }
  /* As glibc: a buffer first, even when nothing is read. */
  if (!*line || !*size) {
    char *buffer = (char *)realloc(*line, 120);
    if (!buffer)
      return -1;
    *line = buffer;
    *size = 120;
  }
  size_t length = 0;
  char ch;
  while (__file_read(stream, &ch, 1) == 1) {
    /* Room for this character and the NUL. */
    if (length + 2 > *size) {
      size_t grown = *size * 2;
      if (grown > LONG_MAX) { /* beyond what ssize_t can count */
        errno = EOVERFLOW;
        return -1;
      }
      char *buffer = (char *)realloc(*line, grown);
      if (!buffer)
        return -1;
      *line = buffer;
      *size = grown;
    }
    (*line)[length++] = ch;
    if ((unsigned char)ch == (unsigned char)delimiter)
      break;
  }
  (*line)[length] = '\0';
  /* Nothing read: the end of the file, or an error (errno set). */
  return length ? (ssize_t)length : -1;
}
