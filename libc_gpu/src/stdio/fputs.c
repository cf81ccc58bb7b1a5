#include <stdio.h>
#include <string.h>

#include "../__support/file.h"

/* glibc returns 1 on success. */
int fputs(const char *restrict text, FILE *restrict stream) {
  return __file_write(stream, text, strlen(text)) ? EOF : 1;
}
