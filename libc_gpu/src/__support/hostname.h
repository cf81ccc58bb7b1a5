/* The VM's hostname: `gpuvm run --hostname`'s, or "vm<id>", until the
 * program sets another. */
#ifndef __LIBC_GPU_SUPPORT_HOSTNAME_H
#define __LIBC_GPU_SUPPORT_HOSTNAME_H

#define __HOSTNAME_MAX 64

/* The name, NUL-terminated. */
const char *__hostname(void);
/* -1 with EINVAL when LENGTH is over __HOSTNAME_MAX. */
int __hostname_set(const char *name, unsigned long length);

#endif
