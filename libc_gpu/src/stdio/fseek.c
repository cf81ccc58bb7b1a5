#include <stdio.h>

#include "../__support/file.h"

int fseek(FILE *stream, long offset, int whence) {
  return __file_seek(stream, offset, whence);
}
