#include <fcntl.h>
#include <stdio.h>

#include "../__support/fd.h"
#include "../__support/file.h"

FILE *fopen(const char *restrict path, const char *restrict mode) {
  int flags;
  int access = __file_parse_mode(mode, &flags);
  if (!access)
    return NULL;
  int fd = __fd_open(path, flags, 0666);
  if (fd < 0)
    return NULL;
  /* As glibc, "a" starts at the end, so that ftell says where writes land. */
  FILE *stream = NULL;
  if (!(flags & O_APPEND) || access != STREAM_WRITE || __fd_seek(fd, 0, SEEK_END) >= 0)
    stream = __file_new(fd, access);
  if (!stream)
    __fd_close(fd);
  return stream;
}
