#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "../__support/hostname.h"

int gethostname(char *out, size_t size) {
  const char *name = __hostname();
  size_t length = strlen(name);
  if (length + 1 > size) {
    errno = ENAMETOOLONG; /* glibc's answer when the buffer is short */
    return -1;
  }
  memcpy(out, name, length + 1);
  return 0;
}
