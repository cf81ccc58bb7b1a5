#include <stdio.h>

#include "../__support/file.h"

void rewind(FILE *stream) {
  __file_seek(stream, 0, SEEK_SET);
  stream->error = 0;
}
