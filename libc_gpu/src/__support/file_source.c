#include "file_source.h"

#include <errno.h>

#include "file.h"
#include "scanf_core.h"

struct file_source {
  struct scanf_source source; /* first, so that the engine's pointer is ours */
  FILE *stream;
};

static int read_file(struct scanf_source *source) {
  unsigned char ch;
  return __file_read(((struct file_source *)source)->stream, (char *)&ch, 1) ? ch : EOF;
}

static void unread_file(struct scanf_source *source, int ch) {
  /* Always room: this character was just read out of the buffer. */
  __file_unread(((struct file_source *)source)->stream, ch);
}

int __scan_file(FILE *stream, const char *format, va_list args) {
  if (!(stream->access & STREAM_READ)) {
    stream->error = 1;
    errno = EBADF;
    return EOF;
  }
  struct file_source s = {{read_file, unread_file}, stream};
  return __scanf_core(&s.source, format, args);
}
