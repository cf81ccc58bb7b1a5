/* Network interfaces by name. A VM's one link to its router has no name a
 * program could give (no link-local addresses, no scope ids to resolve), so
 * no name maps to an index: if_nametoindex is 0 (ENODEV) for every name,
 * if_indextoname NULL (ENXIO) for every index, and if_nameindex an empty
 * list. */
#ifndef __LIBC_GPU_NET_IF_H
#define __LIBC_GPU_NET_IF_H

#include <__libc_gpu/common.h>

#define IF_NAMESIZE 16
#define IFNAMSIZ IF_NAMESIZE

struct if_nameindex {
  unsigned int if_index; /* 0 ends the list */
  char *if_name;
};

__LIBC_BEGIN_DECLS

unsigned int if_nametoindex(const char *name) __LIBC_NOEXCEPT;
char *if_indextoname(unsigned int index, char *name) __LIBC_NOEXCEPT;
struct if_nameindex *if_nameindex(void) __LIBC_NOEXCEPT;
void if_freenameindex(struct if_nameindex *list) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
