#include <stdio.h>

#include "../__support/file.h"

int fseeko(FILE *stream, off_t offset, int whence) {
  return __file_seek(stream, offset, whence);
}
