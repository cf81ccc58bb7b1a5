#include <errno.h>
#include <shadow.h>
#include <stddef.h>

struct spwd *getspnam(const char *name) {
  (void)name;
  /* A VM keeps no /etc/shadow: glibc's answer when the file is missing. */
  errno = ENOENT;
  return NULL;
}
