#ifndef __LIBC_GPU_STRING_H
#define __LIBC_GPU_STRING_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/locale_t.h>

#define __need_size_t
#define __need_NULL
#include <stddef.h>

__LIBC_BEGIN_DECLS

void *memcpy(void *__LIBC_RESTRICT dst, const void *__LIBC_RESTRICT src,
             size_t count) __LIBC_NOEXCEPT;
void *memmove(void *dst, const void *src, size_t count) __LIBC_NOEXCEPT;
void *memset(void *dst, int byte, size_t count) __LIBC_NOEXCEPT;
int memcmp(const void *lhs, const void *rhs, size_t count) __LIBC_NOEXCEPT;
void *memchr(const void *haystack, int byte, size_t count) __LIBC_NOEXCEPT;

size_t strlen(const char *text) __LIBC_NOEXCEPT;
size_t strnlen(const char *text, size_t max_len) __LIBC_NOEXCEPT;
int strcmp(const char *lhs, const char *rhs) __LIBC_NOEXCEPT;
int strncmp(const char *lhs, const char *rhs, size_t count) __LIBC_NOEXCEPT;
char *strcpy(char *__LIBC_RESTRICT dst, const char *__LIBC_RESTRICT src) __LIBC_NOEXCEPT;
/* POSIX: like strcpy and strncpy, but return the end of what was written. */
char *stpcpy(char *__LIBC_RESTRICT dst, const char *__LIBC_RESTRICT src) __LIBC_NOEXCEPT;
char *stpncpy(char *__LIBC_RESTRICT dst, const char *__LIBC_RESTRICT src,
              size_t count) __LIBC_NOEXCEPT;
char *strncpy(char *__LIBC_RESTRICT dst, const char *__LIBC_RESTRICT src,
              size_t count) __LIBC_NOEXCEPT;
char *strcat(char *__LIBC_RESTRICT dst, const char *__LIBC_RESTRICT src) __LIBC_NOEXCEPT;
char *strncat(char *__LIBC_RESTRICT dst, const char *__LIBC_RESTRICT src,
              size_t count) __LIBC_NOEXCEPT;
char *strchr(const char *text, int ch) __LIBC_NOEXCEPT;
char *strrchr(const char *text, int ch) __LIBC_NOEXCEPT;
char *strstr(const char *haystack, const char *needle) __LIBC_NOEXCEPT;
char *strdup(const char *text) __LIBC_NOEXCEPT;
char *strndup(const char *text, size_t max_len) __LIBC_NOEXCEPT;
size_t strspn(const char *text, const char *accept) __LIBC_NOEXCEPT;
size_t strcspn(const char *text, const char *reject) __LIBC_NOEXCEPT;
char *strpbrk(const char *text, const char *accept) __LIBC_NOEXCEPT;
char *strtok(char *__LIBC_RESTRICT text, const char *__LIBC_RESTRICT delims) __LIBC_NOEXCEPT;
char *strtok_r(char *__LIBC_RESTRICT text, const char *__LIBC_RESTRICT delims,
               char **__LIBC_RESTRICT state) __LIBC_NOEXCEPT;
/* GNU and BSD extensions that servers use. */
void *memmem(const void *haystack, size_t haystack_length, const void *needle,
             size_t needle_length) __LIBC_NOEXCEPT;
void *mempcpy(void *__LIBC_RESTRICT dst, const void *__LIBC_RESTRICT src,
              size_t count) __LIBC_NOEXCEPT;
void *memrchr(const void *haystack, int byte, size_t count) __LIBC_NOEXCEPT;
char *strsep(char **__LIBC_RESTRICT text, const char *__LIBC_RESTRICT delims) __LIBC_NOEXCEPT;
char *strcasestr(const char *haystack, const char *needle) __LIBC_NOEXCEPT;
/* memset that the compiler may not drop (for secrets). */
void explicit_bzero(void *dst, size_t count) __LIBC_NOEXCEPT;
char *strerror(int error_number) __LIBC_NOEXCEPT;
/* POSIX's int-returning strerror_r, not GNU's char * one (libc++ takes
 * either): 0, ERANGE when the message was cut to fit, EINVAL for a number
 * without one. */
int strerror_r(int error_number, char *out, size_t size) __LIBC_NOEXCEPT;
/* glibc 2.32's: strerror's message and the errno name ("EPERM"), or NULL
 * for a number without one. */
const char *strerrordesc_np(int error_number) __LIBC_NOEXCEPT;
const char *strerrorname_np(int error_number) __LIBC_NOEXCEPT;
/* glibc's texts for signals: strsignal's is "Unknown signal N" or
 * "Real-time signal N" for a number without one (each VM has its own
 * buffer for those); the others return NULL for it. */
char *strsignal(int signal_number) __LIBC_NOEXCEPT;
const char *sigabbrev_np(int signal_number) __LIBC_NOEXCEPT;
const char *sigdescr_np(int signal_number) __LIBC_NOEXCEPT;

/* GNU's basename, as glibc declares it: only for _GNU_SOURCE (C++ has it),
 * and not after <libgen.h>, whose basename is POSIX's (a macro). */
#if defined(_GNU_SOURCE) && !defined(__LIBC_GPU_LIBGEN_H)
char *basename(const char *path) __LIBC_NOEXCEPT;
#endif

/* Collation is the C locale's: byte order. */
int strcoll(const char *lhs, const char *rhs) __LIBC_NOEXCEPT;
size_t strxfrm(char *__LIBC_RESTRICT dst, const char *__LIBC_RESTRICT src,
               size_t size) __LIBC_NOEXCEPT;
int strcoll_l(const char *lhs, const char *rhs, locale_t locale) __LIBC_NOEXCEPT;
size_t strxfrm_l(char *__LIBC_RESTRICT dst, const char *__LIBC_RESTRICT src, size_t size,
                 locale_t locale) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
