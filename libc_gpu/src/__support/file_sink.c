#include "file_sink.h"

#include "file.h"
#include "printf_core.h"

static int drain_to_file(struct printf_sink *sink) {
  size_t length = sink->length;
  sink->length = 0;
  return __file_write((FILE *)sink->context, sink->buffer, length);
}

int __format_to_file(FILE *stream, const char *format, va_list args) {
  /* Most printf calls fit in one chunk, so an unbuffered stderr still gets
   * one console write per call. */
  char chunk[256];
  struct printf_sink sink = {0};
  sink.buffer = chunk;
  sink.capacity = sizeof chunk;
  sink.drain = drain_to_file;
  sink.context = stream;
  return __printf_core(&sink, format, args);
}
