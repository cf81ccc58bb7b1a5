#include <stdio.h>
#include <stdlib.h>

#include "../__support/file.h"

int setvbuf(FILE *restrict stream, char *restrict buffer, int mode, size_t size) {
  if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF)
    return -1;
  if (__file_flush(stream))
    return -1;
  if (mode != _IONBF && (buffer || !stream->capacity)) {
    int owned = 0;
    if (!buffer) {
      size = size ? size : BUFSIZ;
      buffer = (char *)malloc(size);
      if (!buffer)
        return -1;
      owned = 1;
    }
    if (stream->owns_buffer)
      free(stream->buffer);
    stream->buffer = buffer;
    stream->capacity = size;
    stream->owns_buffer = owned;
  }
  stream->buffer_mode = mode;
  return 0;
}
