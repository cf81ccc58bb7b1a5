#include <stdio.h>

#include "../__support/file.h"

off_t ftello(FILE *stream) {
  return __file_tell(stream);
}
