#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include "../__support/fd.h"
#include "../__support/file.h"

/* The stream keeps its fd number: the file opened takes its place (dup2),
 * so that freopen("log", "a", stdout) sends fd 1 there too, as programs
 * expect of glibc's (which reopens into the lowest fd, the one it freed). */
FILE *freopen(const char *restrict path, const char *restrict mode, FILE *restrict stream) {
  if (stream->length)
    __file_flush(stream);
  int flags;
  int access = __file_parse_mode(mode, &flags);
  if (!access)
    return NULL;
  if (!path) {
    /* Only the mode changes; append and non-blocking are what fcntl may. */
    if (__fd_set_status_flags(stream->fd, flags) < 0)
      return NULL;
  } else {
    int fd = __fd_open(path, flags, 0666);
    if (fd < 0)
      return NULL;
    if (fd != stream->fd) {
      int moved = __fd_duplicate_to(fd, stream->fd, 0);
      __fd_close(fd);
      if (moved < 0)
        return NULL;
    }
    if ((flags & O_APPEND) && access == STREAM_WRITE)
      __fd_seek(stream->fd, 0, SEEK_END);
  }
  stream->access = access;
  stream->error = stream->eof = 0;
  stream->length = stream->read_at = stream->read_end = 0;
  return stream;
}
