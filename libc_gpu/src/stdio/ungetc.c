#include <stdio.h>

#include "../__support/file.h"

int ungetc(int ch, FILE *stream) {
  return __file_unread(stream, ch);
}
