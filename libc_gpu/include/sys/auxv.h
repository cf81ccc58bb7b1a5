/* The auxiliary vector's entries. A VM is started by gpuvm, not by an ELF
 * loader: getauxval knows the page size (4096), the clock tick (100), the
 * hardware capability words (0: none claimed), the ids the VM starts with
 * (root: 0) and AT_SECURE (0); any other type is 0 with errno ENOENT,
 * glibc's answer for a type the kernel did not pass. */
#ifndef __LIBC_GPU_SYS_AUXV_H
#define __LIBC_GPU_SYS_AUXV_H

#include <__libc_gpu/common.h>

#define AT_NULL 0
#define AT_IGNORE 1
#define AT_EXECFD 2
#define AT_PHDR 3
#define AT_PHENT 4
#define AT_PHNUM 5
#define AT_PAGESZ 6
#define AT_BASE 7
#define AT_FLAGS 8
#define AT_ENTRY 9
#define AT_NOTELF 10
#define AT_UID 11
#define AT_EUID 12
#define AT_GID 13
#define AT_EGID 14
#define AT_PLATFORM 15
#define AT_HWCAP 16
#define AT_CLKTCK 17
#define AT_SECURE 23
#define AT_BASE_PLATFORM 24
#define AT_RANDOM 25
#define AT_HWCAP2 26
#define AT_EXECFN 31
#define AT_SYSINFO_EHDR 33
#define AT_MINSIGSTKSZ 51

__LIBC_BEGIN_DECLS

unsigned long getauxval(unsigned long type) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
