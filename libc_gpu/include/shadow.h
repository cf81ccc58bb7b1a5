/* Shadow passwords. A VM keeps no shadow file: the lookups find nothing
 * and fail with ENOENT, as glibc's do when /etc/shadow is missing. */
#ifndef __LIBC_GPU_SHADOW_H
#define __LIBC_GPU_SHADOW_H

#include <__libc_gpu/common.h>

#define __need_size_t
#include <stddef.h>

struct spwd {
  char *sp_namp;
  char *sp_pwdp;
  long sp_lstchg;
  long sp_min;
  long sp_max;
  long sp_warn;
  long sp_inact;
  long sp_expire;
  unsigned long sp_flag;
};

__LIBC_BEGIN_DECLS

struct spwd *getspnam(const char *name) __LIBC_NOEXCEPT;
/* ENOENT, *result NULL. */
int getspnam_r(const char *name, struct spwd *entry, char *buffer, size_t size,
               struct spwd **result) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
