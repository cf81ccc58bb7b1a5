#ifndef __LIBC_GPU_DLFCN_H
#define __LIBC_GPU_DLFCN_H

#include <__libc_gpu/common.h>

#define RTLD_LAZY 0x00001
#define RTLD_NOW 0x00002
#define RTLD_NOLOAD 0x00004
#define RTLD_GLOBAL 0x00100
#define RTLD_LOCAL 0
#define RTLD_NODELETE 0x01000
#define RTLD_DEFAULT ((void *)0)
#define RTLD_NEXT ((void *)-1l)

typedef struct {
  const char *dli_fname;
  void *dli_fbase;
  const char *dli_sname;
  void *dli_saddr;
} Dl_info;

__LIBC_BEGIN_DECLS

/* A VM's image is linked whole, statically: nothing can be loaded and no
 * symbol looked up by name. Each call fails, and dlerror says why. */
void *dlopen(const char *file, int mode) __LIBC_NOEXCEPT;
void *dlsym(void *__LIBC_RESTRICT handle, const char *__LIBC_RESTRICT name) __LIBC_NOEXCEPT;
int dlclose(void *handle) __LIBC_NOEXCEPT;
char *dlerror(void) __LIBC_NOEXCEPT;
int dladdr(const void *address, Dl_info *info) __LIBC_NOEXCEPT;
int dladdr1(const void *address, Dl_info *info, void **extra, int flags) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
