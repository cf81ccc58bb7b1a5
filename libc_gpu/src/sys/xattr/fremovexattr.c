#include <sys/xattr.h>

#include "../../__support/xattr_none.h"

int fremovexattr(int fd, const char *name) {
  (void)name;
  return __xattr_none_at_fd(fd);
}
