#include <stdio.h>

#include "../__support/file.h"

int fflush(FILE *stream) {
  return stream ? __file_flush(stream) : __stdio_flush_all();
}
