#include <fcntl.h>
#include <stdlib.h>

#include "../__support/temporary_name.h"

int mkstemp(char *pattern) {
  return __temporary_name(pattern, 0, 0);
}
