#include <fcntl.h>
#include <stdlib.h>

#include "../__support/temporary_name.h"

int mkostemp(char *pattern, int flags) {
  return __temporary_name(pattern, 0, flags & ~O_ACCMODE);
}
