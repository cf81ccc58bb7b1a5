/* Shell wildcard matching, glibc's fnmatch in the C locale. */
#ifndef __LIBC_GPU_FNMATCH_H
#define __LIBC_GPU_FNMATCH_H

#include <__libc_gpu/common.h>

/* glibc's values. */
#define FNM_PATHNAME (1 << 0) /* '*', '?' and [...] never match '/' */
#define FNM_NOESCAPE (1 << 1) /* '\\' is an ordinary character */
#define FNM_PERIOD (1 << 2)   /* a leading '.' is matched only by '.' */
#define FNM_FILE_NAME FNM_PATHNAME
#define FNM_LEADING_DIR (1 << 3) /* the pattern may match a leading directory */
#define FNM_CASEFOLD (1 << 4)
#define FNM_EXTMATCH (1 << 5) /* not supported: read as plain wildcards */
#define FNM_NOMATCH 1

__LIBC_BEGIN_DECLS

/* 0 when string matches pattern, else FNM_NOMATCH. Bytes are characters
 * (the C locale); a '*' is retried in a loop, not by recursion. */
int fnmatch(const char *pattern, const char *string, int flags) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
