#include <stdio.h>

#include "../__support/file.h"

int feof(FILE *stream) {
  return stream->eof;
}
