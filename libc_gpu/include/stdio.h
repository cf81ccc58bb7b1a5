/* Streams of a VM: stdout (line-buffered) and stderr (unbuffered) reach the
 * host's console; stdin is always at end of file; files opened with fopen or
 * fdopen are fully buffered (960 bytes, what one request to the host carries;
 * setvbuf sets another size). exit flushes every stream. */
#ifndef __LIBC_GPU_STDIO_H
#define __LIBC_GPU_STDIO_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/scanf.h>
#include <__libc_gpu/seek.h>
#include <__libc_gpu/types.h>

#define __need_size_t
#define __need_NULL
#include <stddef.h>

#define EOF (-1)
#define BUFSIZ 1024
/* glibc's values: how many streams a program may rely on, and the longest
 * path. */
#define FOPEN_MAX 16
#define FILENAME_MAX 4096

/* setvbuf modes, with glibc's values. */
#define _IOFBF 0
#define _IOLBF 1
#define _IONBF 2

__LIBC_BEGIN_DECLS

/* Its layout is private to the library (src/__support/file.h). */
typedef struct __libc_gpu_file FILE;
/* A stream position for fgetpos and fsetpos: the byte offset. */
typedef struct {
  off_t __offset;
} fpos_t;

extern FILE *stdin;
extern FILE *stdout;
extern FILE *stderr;
/* The C standard wants them as macros. (The host tests define them first, to
 * rename them.) */
#ifndef stdin
#define stdin stdin
#endif
#ifndef stdout
#define stdout stdout
#endif
#ifndef stderr
#define stderr stderr
#endif

/* On the GPUs printf is not left alone: clang turns a call to printf into
 * CUDA's vprintf(format, packed arguments) on NVPTX, and LLVM's AMDGPU
 * pipeline into OpenCL's buffered printf (__printf_alloc), for which gpuvm has
 * no runtime. Under another symbol name printf stays an ordinary call. */
#if defined(__NVPTX__) || defined(__AMDGPU__)
#define __LIBC_PRINTF_SYMBOL __asm__("__gpuvm_printf")
#else
#define __LIBC_PRINTF_SYMBOL
#endif

int printf(const char *__LIBC_RESTRICT format, ...) __LIBC_NOEXCEPT __LIBC_PRINTF_SYMBOL
    __LIBC_PRINTF_FORMAT(1, 2);
int fprintf(FILE *__LIBC_RESTRICT stream, const char *__LIBC_RESTRICT format, ...) __LIBC_NOEXCEPT
    __LIBC_PRINTF_FORMAT(2, 3);
int sprintf(char *__LIBC_RESTRICT out, const char *__LIBC_RESTRICT format, ...) __LIBC_NOEXCEPT
    __LIBC_PRINTF_FORMAT(2, 3);
int snprintf(char *__LIBC_RESTRICT out, size_t size, const char *__LIBC_RESTRICT format,
             ...) __LIBC_NOEXCEPT __LIBC_PRINTF_FORMAT(3, 4);
int asprintf(char **__LIBC_RESTRICT out, const char *__LIBC_RESTRICT format, ...) __LIBC_NOEXCEPT
    __LIBC_PRINTF_FORMAT(2, 3);
int vprintf(const char *__LIBC_RESTRICT format, __builtin_va_list args) __LIBC_NOEXCEPT
    __LIBC_PRINTF_FORMAT(1, 0);
int vfprintf(FILE *__LIBC_RESTRICT stream, const char *__LIBC_RESTRICT format,
             __builtin_va_list args) __LIBC_NOEXCEPT __LIBC_PRINTF_FORMAT(2, 0);
int vsprintf(char *__LIBC_RESTRICT out, const char *__LIBC_RESTRICT format,
             __builtin_va_list args) __LIBC_NOEXCEPT __LIBC_PRINTF_FORMAT(2, 0);
int vsnprintf(char *__LIBC_RESTRICT out, size_t size, const char *__LIBC_RESTRICT format,
              __builtin_va_list args) __LIBC_NOEXCEPT __LIBC_PRINTF_FORMAT(3, 0);
int vasprintf(char **__LIBC_RESTRICT out, const char *__LIBC_RESTRICT format,
              __builtin_va_list args) __LIBC_NOEXCEPT __LIBC_PRINTF_FORMAT(2, 0);
/* Straight to a file descriptor, past stdio's buffers. */
int dprintf(int fd, const char *__LIBC_RESTRICT format, ...) __LIBC_NOEXCEPT
    __LIBC_PRINTF_FORMAT(2, 3);
int vdprintf(int fd, const char *__LIBC_RESTRICT format, __builtin_va_list args) __LIBC_NOEXCEPT
    __LIBC_PRINTF_FORMAT(2, 0);

/* Formatted input from a stream, consuming what glibc's would: the
 * character that ends a field is pushed back (see __libc_gpu/scanf.h for
 * sscanf). stdin is always at end of file, so scanf returns EOF. */
int scanf(const char *__LIBC_RESTRICT format, ...) __LIBC_NOEXCEPT
    __attribute__((__format__(__scanf__, 1, 2)));
int fscanf(FILE *__LIBC_RESTRICT stream, const char *__LIBC_RESTRICT format, ...) __LIBC_NOEXCEPT
    __attribute__((__format__(__scanf__, 2, 3)));
int vscanf(const char *__LIBC_RESTRICT format, __builtin_va_list args) __LIBC_NOEXCEPT
    __attribute__((__format__(__scanf__, 1, 0)));
int vfscanf(FILE *__LIBC_RESTRICT stream, const char *__LIBC_RESTRICT format,
            __builtin_va_list args) __LIBC_NOEXCEPT __attribute__((__format__(__scanf__, 2, 0)));

/* Modes "r", "w", "a", each with an optional "+", "b" (ignored) and "x"
 * (O_EXCL); "e" is accepted. Paths are the VM's (see open in fcntl.h). */
FILE *fopen(const char *__LIBC_RESTRICT path, const char *__LIBC_RESTRICT mode) __LIBC_NOEXCEPT;
FILE *fdopen(int fd, const char *mode) __LIBC_NOEXCEPT;
int fclose(FILE *stream) __LIBC_NOEXCEPT;

size_t fread(void *__LIBC_RESTRICT data, size_t size, size_t count,
             FILE *__LIBC_RESTRICT stream) __LIBC_NOEXCEPT;
char *fgets(char *__LIBC_RESTRICT out, int size, FILE *__LIBC_RESTRICT stream) __LIBC_NOEXCEPT;
int fgetc(FILE *stream) __LIBC_NOEXCEPT;
int getc(FILE *stream) __LIBC_NOEXCEPT;
int getchar(void) __LIBC_NOEXCEPT;
/* At least one character can always be pushed back; more while the stream's
 * buffer has room. */
int ungetc(int ch, FILE *stream) __LIBC_NOEXCEPT;

int fseek(FILE *stream, long offset, int whence) __LIBC_NOEXCEPT;
int fseeko(FILE *stream, off_t offset, int whence) __LIBC_NOEXCEPT;
long ftell(FILE *stream) __LIBC_NOEXCEPT;
off_t ftello(FILE *stream) __LIBC_NOEXCEPT;
void rewind(FILE *stream) __LIBC_NOEXCEPT;
int fgetpos(FILE *__LIBC_RESTRICT stream, fpos_t *__LIBC_RESTRICT position) __LIBC_NOEXCEPT;
int fsetpos(FILE *stream, const fpos_t *position) __LIBC_NOEXCEPT;

/* POSIX: a line, or what ends with delimiter, into *line (malloc'd and
 * grown, with its size in *size), NUL-terminated; the count read, or -1 at
 * the end of the file, on an error, or with EINVAL for NULL arguments. */
ssize_t getdelim(char **__LIBC_RESTRICT line, size_t *__LIBC_RESTRICT size, int delimiter,
                 FILE *__LIBC_RESTRICT stream) __LIBC_NOEXCEPT;
ssize_t getline(char **__LIBC_RESTRICT line, size_t *__LIBC_RESTRICT size,
                FILE *__LIBC_RESTRICT stream) __LIBC_NOEXCEPT;

int remove(const char *path) __LIBC_NOEXCEPT;
int rename(const char *from, const char *to) __LIBC_NOEXCEPT;
/* No shell: popen is NULL with ENOSYS (and a note on the VM's console),
 * pclose -1 with ECHILD. */
FILE *popen(const char *command, const char *mode) __LIBC_NOEXCEPT;
int pclose(FILE *stream) __LIBC_NOEXCEPT;
/* The stream's fd takes the new file (its number stays); a NULL path
 * changes only the mode's O_APPEND. */
FILE *freopen(const char *__LIBC_RESTRICT path, const char *__LIBC_RESTRICT mode,
              FILE *__LIBC_RESTRICT stream) __LIBC_NOEXCEPT;
int renameat(int from_dir, const char *from, int to_dir, const char *to) __LIBC_NOEXCEPT;

int fputc(int ch, FILE *stream) __LIBC_NOEXCEPT;
int putc(int ch, FILE *stream) __LIBC_NOEXCEPT;
int putchar(int ch) __LIBC_NOEXCEPT;
int fputs(const char *__LIBC_RESTRICT text, FILE *__LIBC_RESTRICT stream) __LIBC_NOEXCEPT;
int puts(const char *text) __LIBC_NOEXCEPT;
size_t fwrite(const void *__LIBC_RESTRICT data, size_t size, size_t count,
              FILE *__LIBC_RESTRICT stream) __LIBC_NOEXCEPT;
int fflush(FILE *stream) __LIBC_NOEXCEPT;
void perror(const char *prefix) __LIBC_NOEXCEPT;

int setvbuf(FILE *__LIBC_RESTRICT stream, char *__LIBC_RESTRICT buffer, int mode,
            size_t size) __LIBC_NOEXCEPT;
void setbuf(FILE *__LIBC_RESTRICT stream, char *__LIBC_RESTRICT buffer) __LIBC_NOEXCEPT;
int ferror(FILE *stream) __LIBC_NOEXCEPT;
int feof(FILE *stream) __LIBC_NOEXCEPT;
void clearerr(FILE *stream) __LIBC_NOEXCEPT;
int fileno(FILE *stream) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
