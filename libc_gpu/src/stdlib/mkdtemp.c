#include <stdlib.h>

#include "../__support/temporary_name.h"

char *mkdtemp(char *pattern) {
  return __temporary_name(pattern, 0, -1) < 0 ? NULL : pattern;
}
