#include <stdio.h>

#include "../__support/file.h"

int fflush(FILE *stream) {
  if (!stream) {
    __stdio_flush_all();
    return 0;
  }
  return __file_flush(stream);
}
