#ifndef __LIBC_GPU_GRP_H
#define __LIBC_GPU_GRP_H

#include <__libc_gpu/common.h>
#include <__libc_gpu/types.h>

#define __need_size_t
#define __need_NULL
#include <stddef.h>

struct group {
  char *gr_name;
  char *gr_passwd;
  gid_t gr_gid;
  char **gr_mem;
};

__LIBC_BEGIN_DECLS

/* From the VM's own /etc/group (its root, then the shared data set); with
 * none, the VM knows root (0) and nogroup (65534). */
struct group *getgrnam(const char *name) __LIBC_NOEXCEPT;
struct group *getgrgid(gid_t gid) __LIBC_NOEXCEPT;
/* Every group in turn, as getpwent walks the users. */
void setgrent(void) __LIBC_NOEXCEPT;
struct group *getgrent(void) __LIBC_NOEXCEPT;
void endgrent(void) __LIBC_NOEXCEPT;
int getgrnam_r(const char *name, struct group *entry, char *buffer, size_t size,
               struct group **result) __LIBC_NOEXCEPT;
int getgrgid_r(gid_t gid, struct group *entry, char *buffer, size_t size,
               struct group **result) __LIBC_NOEXCEPT;
/* GROUP and every group that lists USER as a member. */
int getgrouplist(const char *user, gid_t group, gid_t *groups, int *count) __LIBC_NOEXCEPT;
int initgroups(const char *user, gid_t group) __LIBC_NOEXCEPT;
int setgroups(size_t count, const gid_t *list) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
