#include <fcntl.h>
#include <stdlib.h>

#include "../__support/temporary_name.h"

int mkstemps(char *pattern, int suffix) {
  return __temporary_name(pattern, suffix, 0);
}
