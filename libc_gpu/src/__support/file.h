/* A stdio stream: stdin, stdout and stderr on the console, or a file that
 * fopen or fdopen opened. One buffer serves both directions; it holds either
 * output not yet written or input read ahead, never both. */
#ifndef LIBC_GPU_SUPPORT_FILE_H
#define LIBC_GPU_SUPPORT_FILE_H

#include <stddef.h>
#include <stdio.h>

#include <gpuvm/mailbox.h>

/* The buffer a stream gets unless setvbuf says otherwise: what one request
 * to the host carries, so that a flush or a refill is one round trip (with
 * BUFSIZ, 1024, each took two). */
#define STREAM_BUFFER_SIZE GPUVM_MAILBOX_PAYLOAD

/* A stream's access. */
#define STREAM_READ 1
#define STREAM_WRITE 2

struct __libc_gpu_file {
  int fd;
  int access;      /* STREAM_READ and/or STREAM_WRITE */
  int buffer_mode; /* _IOFBF, _IOLBF or _IONBF */
  int error;
  int eof;
  char *buffer;
  size_t capacity;
  size_t length;   /* output waiting in buffer[0, length) */
  size_t read_at;  /* input read ahead and not consumed: */
  size_t read_end; /* buffer[read_at, read_end) */
  int owns_buffer; /* the buffer came from malloc (setvbuf) */
  /* An unbuffered stream reads through this byte, so that ungetc has room. */
  char one_byte;
  /* The streams fopen and fdopen made, newest first, for exit's flush. */
  struct __libc_gpu_file *next;
};

/* Writes size bytes through the stream's buffer. Returns 0, or EOF with the
 * stream's error flag and errno set. */
int __file_write(FILE *stream, const char *data, size_t size);
/* Reads up to size bytes; fewer means the end of the file (eof flag) or an
 * error (error flag, errno). */
size_t __file_read(FILE *stream, char *data, size_t size);
/* Pushes ch back in front of the unread input, as ungetc. Returns ch as an
 * unsigned char, or EOF when there is no room. */
int __file_unread(FILE *stream, int ch);
/* Sends out buffered output, or gives back input read ahead by moving the fd
 * back to the stream's position. Returns 0 or EOF. */
int __file_flush(FILE *stream);
/* Returns 0, or -1 with errno set. */
int __file_seek(FILE *stream, off_t offset, int whence);
/* The stream's position, or -1 with errno set. */
off_t __file_tell(FILE *stream);

/* Turns an fopen mode into open flags (*flags) and the stream's access.
 * Returns the access, or 0 with errno = EINVAL for a bad mode. */
int __file_parse_mode(const char *mode, int *flags);
/* A fully buffered stream over fd, listed for exit's flush. NULL with errno
 * = ENOMEM. */
FILE *__file_new(int fd, int access);
/* Unlists and frees a stream that __file_new made; the standard streams
 * stay. */
void __file_delete(FILE *stream);
/* Flushes the output of every stream (exit calls it). Returns 0, or EOF
 * when one failed. */
int __stdio_flush_all(void);

#endif
