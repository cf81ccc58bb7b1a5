#include <errno.h>
#include <shadow.h>
#include <stddef.h>

int getspnam_r(const char *name, struct spwd *entry, char *buffer, size_t size,
               struct spwd **result) {
  (void)name, (void)entry, (void)buffer, (void)size;
  /* A VM keeps no /etc/shadow: glibc's answer when the file is missing. */
  *result = NULL;
  errno = ENOENT;
  return ENOENT;
}
