#ifndef __LIBC_GPU_SYS_UTSNAME_H
#define __LIBC_GPU_SYS_UTSNAME_H

#include <__libc_gpu/common.h>

#define _UTSNAME_LENGTH 65

struct utsname {
  char sysname[_UTSNAME_LENGTH];
  char nodename[_UTSNAME_LENGTH];
  char release[_UTSNAME_LENGTH];
  char version[_UTSNAME_LENGTH];
  char machine[_UTSNAME_LENGTH];
  char domainname[_UTSNAME_LENGTH];
};

__LIBC_BEGIN_DECLS

/* A VM's system: "Linux" (the interface it offers), its hostname as
 * nodename, "gpuvm" in release and version, and the machine its code runs
 * on (x86_64, nvptx64, amdgcn). */
int uname(struct utsname *out) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
