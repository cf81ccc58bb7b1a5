#include <stdio.h>

#include "../__support/file.h"

/* long and off_t are both 64 bits: every position fits. */
long ftell(FILE *stream) {
  return __file_tell(stream);
}
