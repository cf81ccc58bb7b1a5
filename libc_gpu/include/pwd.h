#ifndef __LIBC_GPU_PWD_H
#define __LIBC_GPU_PWD_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/types.h>

#define __need_size_t
#define __need_NULL
#include <stddef.h>

struct passwd {
  char *pw_name;
  char *pw_passwd;
  uid_t pw_uid;
  gid_t pw_gid;
  char *pw_gecos;
  char *pw_dir;
  char *pw_shell;
};

__LIBC_BEGIN_DECLS

/* From the VM's own /etc/passwd (its root, then the shared data set); with
 * none, the VM knows two users: root (0) and nobody (65534). */
struct passwd *getpwnam(const char *name) __LIBC_NOEXCEPT;
struct passwd *getpwuid(uid_t uid) __LIBC_NOEXCEPT;
int getpwnam_r(const char *name, struct passwd *entry, char *buffer, size_t size,
               struct passwd **result) __LIBC_NOEXCEPT;
int getpwuid_r(uid_t uid, struct passwd *entry, char *buffer, size_t size,
               struct passwd **result) __LIBC_NOEXCEPT;
void setpwent(void) __LIBC_NOEXCEPT;
struct passwd *getpwent(void) __LIBC_NOEXCEPT;
void endpwent(void) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
