#include "fd_sink.h"

#include <errno.h>

#include <lightkernel/syscall.h>

#include "printf_core.h"

static int drain_to_fd(struct printf_sink *sink) {
  int fd = *(int *)sink->context;
  const char *data = sink->buffer;
  size_t size = sink->length;
  sink->length = 0;
  while (size) {
    long written = lk_write(fd, data, size);
    if (written <= 0) {
      errno = written < 0 ? (int)-written : EIO;
      return -1;
    }
    data += written;
    size -= (size_t)written;
  }
  return 0;
}

int __format_to_fd(int fd, const char *format, va_list args) {
  /* Most calls fit in one chunk: one write each. */
  char chunk[256];
  struct printf_sink sink = {0};
  sink.buffer = chunk;
  sink.capacity = sizeof chunk;
  sink.drain = drain_to_fd;
  sink.context = &fd;
  return __printf_core(&sink, format, args);
}
