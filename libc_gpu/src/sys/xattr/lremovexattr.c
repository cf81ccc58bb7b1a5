#include <sys/xattr.h>

#include "../../__support/xattr_none.h"

int lremovexattr(const char *path, const char *name) {
  (void)name;
  return __xattr_none_at_path(path, 0);
}
