#include <stdio.h>

#include "../__support/file.h"

int fsetpos(FILE *stream, const fpos_t *position) {
  return __file_seek(stream, position->__offset, SEEK_SET);
}
