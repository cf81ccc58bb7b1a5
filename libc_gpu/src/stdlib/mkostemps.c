#include <fcntl.h>
#include <stdlib.h>

#include "../__support/temporary_name.h"

int mkostemps(char *pattern, int suffix, int flags) {
  return __temporary_name(pattern, suffix, flags & ~O_ACCMODE);
}
