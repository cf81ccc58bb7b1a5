#include "file.h"

#include <errno.h>
#include <string.h>

#include <lightkernel/syscall.h>

/* Plain globals: each VM has its own streams and buffers. */
static char stdout_buffer[BUFSIZ];
static FILE stdin_file = {.fd = 0, .buffer_mode = _IONBF};
static FILE stdout_file = {
    .fd = 1, .buffer_mode = _IOLBF, .buffer = stdout_buffer, .capacity = sizeof stdout_buffer};
static FILE stderr_file = {.fd = 2, .buffer_mode = _IONBF};

FILE *stdin = &stdin_file;
FILE *stdout = &stdout_file;
FILE *stderr = &stderr_file;

static int write_all(FILE *stream, const char *data, size_t size) {
  while (size) {
    long written = lk_write(stream->fd, data, size);
    if (written <= 0) {
      stream->error = 1;
      errno = written < 0 ? (int)-written : EIO;
      return EOF;
    }
    data += written;
    size -= (size_t)written;
  }
  return 0;
}

int __file_flush(FILE *stream) {
  size_t length = stream->length;
  stream->length = 0;
  return length ? write_all(stream, stream->buffer, length) : 0;
}

int __file_write(FILE *stream, const char *data, size_t size) {
  if (stream->fd != 1 && stream->fd != 2) {
    stream->error = 1;
    errno = EBADF;
    return EOF;
  }
  if (stream->buffer_mode == _IONBF || !stream->capacity)
    return __file_flush(stream) ? EOF : write_all(stream, data, size);
  if (size > stream->capacity - stream->length) {
    if (__file_flush(stream))
      return EOF;
    if (size >= stream->capacity)
      return write_all(stream, data, size);
  }
  memcpy(stream->buffer + stream->length, data, size);
  stream->length += size;
  if (stream->buffer_mode == _IOLBF && memchr(data, '\n', size))
    return __file_flush(stream);
  return 0;
}

void __stdio_flush_all(void) {
  __file_flush(stdout);
  __file_flush(stderr);
}
