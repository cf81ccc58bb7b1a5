/* Path name expansion, with glibc's flags, errors and glob_t layout.
 * GLOB_BRACE, GLOB_TILDE, GLOB_TILDE_CHECK and GLOB_ALTDIRFUNC, GNU's
 * extensions, are not offered: glob answers GLOB_NOSYS when asked. */
#ifndef __LIBC_GPU_GLOB_H
#define __LIBC_GPU_GLOB_H

#include <__libc_gpu/common.h>

#define __need_size_t
#include <stddef.h>

#define GLOB_ERR (1 << 0)
#define GLOB_MARK (1 << 1)
#define GLOB_NOSORT (1 << 2)
#define GLOB_DOOFFS (1 << 3)
#define GLOB_NOCHECK (1 << 4)
#define GLOB_APPEND (1 << 5)
#define GLOB_NOESCAPE (1 << 6)
#define GLOB_PERIOD (1 << 7)
#define GLOB_MAGCHAR (1 << 8)
#define GLOB_ALTDIRFUNC (1 << 9)
#define GLOB_BRACE (1 << 10)
#define GLOB_NOMAGIC (1 << 11)
#define GLOB_TILDE (1 << 12)
#define GLOB_ONLYDIR (1 << 13)
#define GLOB_TILDE_CHECK (1 << 14)

#define GLOB_NOSPACE 1
#define GLOB_ABORTED 2
#define GLOB_NOMATCH 3
#define GLOB_NOSYS 4

typedef struct {
  size_t gl_pathc;
  char **gl_pathv;
  size_t gl_offs;
  int gl_flags;
  void (*gl_closedir)(void *);
  void *(*gl_readdir)(void *);
  void *(*gl_opendir)(const char *);
  int (*gl_lstat)(const char *__LIBC_RESTRICT, void *__LIBC_RESTRICT);
  int (*gl_stat)(const char *__LIBC_RESTRICT, void *__LIBC_RESTRICT);
} glob_t;

__LIBC_BEGIN_DECLS

int glob(const char *__LIBC_RESTRICT pattern, int flags,
         int (*error_function)(const char *path, int error),
         glob_t *__LIBC_RESTRICT found) __LIBC_NOEXCEPT;
void globfree(glob_t *found) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
