#include <stdio.h>

#include "../__support/file.h"

int ferror(FILE *stream) {
  return stream->error;
}
