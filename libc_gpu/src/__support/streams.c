/* Every stream of a VM: the three standard ones, and those fopen and fdopen
 * made, listed so that exit can flush them. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>

#include "file.h"

/* Plain globals: each VM has its own streams and buffers. */
static char stdout_buffer[STREAM_BUFFER_SIZE];
static FILE stdin_file = {.fd = 0, .access = STREAM_READ, .buffer_mode = _IONBF};
static FILE stdout_file = {.fd = 1,
                           .access = STREAM_WRITE,
                           .buffer_mode = _IOLBF,
                           .buffer = stdout_buffer,
                           .capacity = sizeof stdout_buffer};
static FILE stderr_file = {.fd = 2, .access = STREAM_WRITE, .buffer_mode = _IONBF};

FILE *stdin = &stdin_file;
FILE *stdout = &stdout_file;
FILE *stderr = &stderr_file;

static FILE *open_streams;

int __file_parse_mode(const char *mode, int *flags) {
  int access;
  switch (*mode) {
  case 'r':
    access = STREAM_READ;
    *flags = 0;
    break;
  case 'w':
    access = STREAM_WRITE;
    *flags = O_CREAT | O_TRUNC;
    break;
  case 'a':
    access = STREAM_WRITE;
    *flags = O_CREAT | O_APPEND;
    break;
  default:
    errno = EINVAL;
    return 0;
  }
  /* As glibc, letters it does not know are ignored. */
  for (const char *letter = mode + 1; *letter; ++letter) {
    if (*letter == '+')
      access = STREAM_READ | STREAM_WRITE;
    else if (*letter == 'x')
      *flags |= O_EXCL;
    else if (*letter == 'e')
      *flags |= O_CLOEXEC;
  }
  if (access == (STREAM_READ | STREAM_WRITE))
    *flags |= O_RDWR;
  else if (access == STREAM_WRITE)
    *flags |= O_WRONLY;
  return access;
}

FILE *__file_new(int fd, int access) {
  /* The buffer comes with the stream, in one block. */
  FILE *stream = (FILE *)malloc(sizeof(FILE) + STREAM_BUFFER_SIZE);
  if (!stream)
    return NULL;
  *stream = (FILE){.fd = fd,
                   .access = access,
                   .buffer_mode = _IOFBF,
                   .buffer = (char *)(stream + 1),
                   .capacity = STREAM_BUFFER_SIZE,
                   .next = open_streams};
  open_streams = stream;
  return stream;
}

void __file_delete(FILE *stream) {
  FILE **link = &open_streams;
  while (*link && *link != stream)
    link = &(*link)->next;
  if (!*link)
    return; /* a standard stream: it lives on */
  *link = stream->next;
  if (stream->owns_buffer)
    free(stream->buffer);
  free(stream);
}

int __stdio_flush_all(void) {
  int result = __file_flush(stdout) | __file_flush(stderr);
  /* Input read ahead stays: fflush(NULL) is about output. */
  for (FILE *stream = open_streams; stream; stream = stream->next)
    if (stream->length)
      result |= __file_flush(stream);
  return result ? EOF : 0;
}
