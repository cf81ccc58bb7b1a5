/* Moving a stream's bytes through its buffer: the standard streams' writes
 * and every file's reads, writes, flushes and seeks. */
#include "file.h"

#include <errno.h>
#include <string.h>

#include <lightkernel/syscall.h>

#include "fd.h"

static int fail(FILE *stream, int error) {
  stream->error = 1;
  errno = error;
  return EOF;
}

static int write_all(FILE *stream, const char *data, size_t size) {
  while (size) {
    long written = lk_write(stream->fd, data, size);
    if (written <= 0)
      return fail(stream, written < 0 ? (int)-written : EIO);
    data += written;
    size -= (size_t)written;
  }
  return 0;
}

/* Where input is read ahead: the buffer, or one byte when unbuffered. */
static char *input_buffer(FILE *stream, size_t *capacity) {
  if (stream->buffer_mode == _IONBF || !stream->capacity) {
    *capacity = 1;
    return &stream->one_byte;
  }
  *capacity = stream->capacity;
  return stream->buffer;
}

/* Forgets input read ahead, moving the fd back over what was not consumed. */
static int drop_input(FILE *stream) {
  size_t unread = stream->read_end - stream->read_at;
  stream->read_at = stream->read_end = 0;
  if (unread && __fd_seek(stream->fd, -(off_t)unread, SEEK_CUR) < 0)
    return fail(stream, errno);
  return 0;
}

int __file_flush(FILE *stream) {
  if (stream->read_end)
    return drop_input(stream);
  size_t length = stream->length;
  stream->length = 0;
  return length ? write_all(stream, stream->buffer, length) : 0;
}

int __file_write(FILE *stream, const char *data, size_t size) {
  if (!(stream->access & STREAM_WRITE))
    return fail(stream, EBADF);
  if (stream->read_end && drop_input(stream))
    return EOF;
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

size_t __file_read(FILE *stream, char *data, size_t size) {
  if (!(stream->access & STREAM_READ)) {
    fail(stream, EBADF);
    return 0;
  }
  if (stream->length && __file_flush(stream))
    return 0;
  size_t done = 0;
  while (done < size) {
    size_t ready = stream->read_end - stream->read_at;
    size_t capacity;
    char *buffer = input_buffer(stream, &capacity);
    if (ready) {
      size_t take = ready < size - done ? ready : size - done;
      memcpy(data + done, buffer + stream->read_at, take);
      stream->read_at += take;
      done += take;
      continue;
    }
    /* As C11 (and glibc since 2.28): once at the end, a stream stays there
     * until clearerr, a seek or ungetc. */
    if (stream->eof)
      break;
    /* A request as large as the buffer goes straight to the caller's memory. */
    int direct = size - done >= capacity;
    ssize_t got = direct ? __fd_read(stream->fd, data + done, size - done)
                         : __fd_read(stream->fd, buffer, capacity);
    if (got <= 0) {
      if (got < 0)
        fail(stream, errno);
      else
        stream->eof = 1;
      break;
    }
    if (direct) {
      done += (size_t)got;
    } else {
      stream->read_at = 0;
      stream->read_end = (size_t)got;
    }
  }
  return done;
}

int __file_unread(FILE *stream, int ch) {
  if (ch == EOF || !(stream->access & STREAM_READ) || (stream->length && __file_flush(stream)))
    return EOF;
  size_t capacity;
  char *buffer = input_buffer(stream, &capacity);
  if (stream->read_at == 0) {
    if (stream->read_end == capacity)
      return EOF; /* no room in front of the unread input */
    /* Unread input moves to the end of the buffer, leaving room before it. */
    size_t room = capacity - stream->read_end;
    memmove(buffer + room, buffer, stream->read_end);
    stream->read_at = room;
    stream->read_end = capacity;
  }
  buffer[--stream->read_at] = (char)ch;
  stream->eof = 0;
  return (unsigned char)ch;
}

int __file_seek(FILE *stream, off_t offset, int whence) {
  /* Afterwards the fd is where the program is, so SEEK_CUR needs no care. */
  if (__file_flush(stream) || __fd_seek(stream->fd, offset, whence) < 0)
    return -1;
  stream->eof = 0;
  return 0;
}

off_t __file_tell(FILE *stream) {
  /* Output goes out first: with O_APPEND it lands at the end, not where the
   * fd was. */
  if (stream->length && __file_flush(stream))
    return -1;
  off_t position = __fd_seek(stream->fd, 0, SEEK_CUR);
  if (position < 0)
    return -1;
  return position - (off_t)(stream->read_end - stream->read_at);
}
