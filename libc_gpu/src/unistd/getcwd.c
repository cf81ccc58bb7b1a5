#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../__support/path.h"

char *getcwd(char *buffer, size_t size) {
  const char *directory = __path_working_directory();
  size_t needed = strlen(directory) + 1;
  if (buffer && size == 0) {
    errno = EINVAL;
    return NULL;
  }
  if (size && size < needed) {
    errno = ERANGE;
    return NULL;
  }
  /* glibc's extension: no buffer means one is allocated for the caller. */
  if (!buffer && !(buffer = (char *)malloc(size ? size : needed)))
    return NULL;
  memcpy(buffer, directory, needed);
  return buffer;
}
