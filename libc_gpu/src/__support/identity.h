/* The VM's user and group identity. A VM is one process that starts as
 * root (uid and gid 0, no supplementary groups); dropping privileges is
 * recorded with Linux's rules, so a server that setuid()s to an
 * unprivileged user afterwards sees that user and is refused the way back. */
#ifndef __LIBC_GPU_SUPPORT_IDENTITY_H
#define __LIBC_GPU_SUPPORT_IDENTITY_H

#include <__libc_gpu/types.h>

#define __IDENTITY_MAX_GROUPS 64

struct __id_triple {
  unsigned real, effective, saved;
};

struct __identity {
  struct __id_triple user, group;
  int group_count;
  gid_t groups[__IDENTITY_MAX_GROUPS];
};

extern struct __identity __identity;

/* setresuid/setresgid's rule for one triple: (unsigned)-1 keeps a field;
 * without privilege (effective uid 0) each new value must be one of the
 * current three. 0, or -1 with errno EPERM. */
int __identity_set(struct __id_triple *ids, unsigned real, unsigned effective, unsigned saved);

#endif
