/* dl_iterate_phdr: a VM's image is linked statically and loads no shared
 * objects, so the walk visits none (the callback is never called) and
 * answers 0, as dladdr finds no object (dlfcn.h). The ELF types are the
 * few the callback's argument needs, with ELF's 64-bit layout. */
#ifndef __LIBC_GPU_LINK_H
#define __LIBC_GPU_LINK_H

#include <__libc_gpu/common.h>
#include <stddef.h>
#include <stdint.h>

#ifndef __LIBC_GPU_ELF_PHDR
#define __LIBC_GPU_ELF_PHDR
typedef struct {
  uint32_t p_type;
  uint32_t p_flags;
  uint64_t p_offset;
  uint64_t p_vaddr;
  uint64_t p_paddr;
  uint64_t p_filesz;
  uint64_t p_memsz;
  uint64_t p_align;
} Elf64_Phdr;
#endif
#define ElfW(type) Elf64_##type

struct dl_phdr_info {
  uint64_t dlpi_addr;
  const char *dlpi_name;
  const Elf64_Phdr *dlpi_phdr;
  uint16_t dlpi_phnum;
  unsigned long long dlpi_adds;
  unsigned long long dlpi_subs;
  size_t dlpi_tls_modid;
  void *dlpi_tls_data;
};

__LIBC_BEGIN_DECLS

int dl_iterate_phdr(int (*callback)(struct dl_phdr_info *info, size_t size, void *data),
                    void *data) __LIBC_NOEXCEPT;

__LIBC_END_DECLS

#endif
