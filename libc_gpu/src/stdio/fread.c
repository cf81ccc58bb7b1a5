#include <stdio.h>

#include "../__support/file.h"

size_t fread(void *restrict data, size_t size, size_t count, FILE *restrict stream) {
  size_t total;
  if (size == 0 || count == 0 || __builtin_mul_overflow(size, count, &total))
    return 0;
  return __file_read(stream, (char *)data, total) / size;
}
