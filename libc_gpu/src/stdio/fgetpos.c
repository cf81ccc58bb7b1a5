#include <stdio.h>

#include "../__support/file.h"

int fgetpos(FILE *restrict stream, fpos_t *restrict position) {
  off_t offset = __file_tell(stream);
  if (offset < 0)
    return -1;
  position->__offset = offset;
  return 0;
}
