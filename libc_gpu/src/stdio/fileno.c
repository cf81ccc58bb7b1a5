#include <stdio.h>

#include "../__support/file.h"

int fileno(FILE *stream) {
  return stream->fd;
}
