/* Message catalogs: a VM has none, so catopen fails (ENOENT) and catgets
 * returns the caller's default text. libc++ uses them for std::messages. */
#ifndef __LIBC_GPU_NL_TYPES_H
#define __LIBC_GPU_NL_TYPES_H

#include <__libc_gpu/common.h>

#define NL_SETD 1
#define NL_CAT_LOCALE 1

typedef void *nl_catd;
typedef int nl_item;

__LIBC_BEGIN_DECLS

nl_catd catopen(const char *name, int flag) __LIBC_NOEXCEPT;
char *catgets(nl_catd catalog, int set, int message, const char *fallback) __LIBC_NOEXCEPT;
int catclose(nl_catd catalog) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
