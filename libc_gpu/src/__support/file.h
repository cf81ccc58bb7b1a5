/* The FILE behind stdin, stdout and stderr. Only the console exists for now:
 * stdout is line-buffered, stderr unbuffered, and both go out through the
 * kernel's console write. */
#ifndef LIBC_GPU_SUPPORT_FILE_H
#define LIBC_GPU_SUPPORT_FILE_H

#include <stddef.h>
#include <stdio.h>

struct __libc_gpu_file {
  int fd;
  int buffer_mode; /* _IOFBF, _IOLBF or _IONBF */
  int error;
  int eof;
  char *buffer;
  size_t capacity;
  size_t length;
  int owns_buffer; /* the buffer came from malloc (setvbuf) */
};

/* Writes size bytes through the stream's buffer. Returns 0, or EOF with the
 * stream's error flag and errno set. */
int __file_write(FILE *stream, const char *data, size_t size);
/* Sends out what the buffer holds. Returns 0 or EOF. */
int __file_flush(FILE *stream);
/* Flushes every stream: exit calls it. */
void __stdio_flush_all(void);

#endif
