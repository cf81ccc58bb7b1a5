#include <stdio.h>

#include "../__support/fd.h"
#include "../__support/file.h"

int fclose(FILE *stream) {
  /* Input read ahead needs no giving back: the fd goes away with it. */
  int result = stream->length ? __file_flush(stream) : 0;
  if (__fd_close(stream->fd))
    result = EOF;
  __file_delete(stream);
  return result;
}
