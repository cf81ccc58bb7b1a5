/* The gpuvm image ABI: what gpu-c++ writes into every image and what
 * `gpuvm run` and `gpuvm inspect` read back. Shared by host and device code. */
#ifndef GPUVM_ABI_IMAGE_H
#define GPUVM_ABI_IMAGE_H

#include <stdint.h>

#define GPUVM_IMAGE_MAGIC 0x31474d494d565047ull /* "GPVMIMG1", little-endian */
/* 6: the reply relay (cuda); 5: per-VM limits, gpuvm stop; 4: indirect-call entries, the
 * run budget */
#define GPUVM_ABI_VERSION 6u

enum gpuvm_target {
  GPUVM_TARGET_HOST = 1,
  GPUVM_TARGET_NVPTX = 2,
  GPUVM_TARGET_AMDGCN = 3,
};

/* Every image defines a global of this layout, named GPUVM_IMAGE_INFO_SYMBOL.
 * Private data: each VM gets a copy of the data template (data_size bytes,
 * aligned to data_align) followed by bss_size zero bytes; fixup_count 64-bit
 * words of the template (at the offsets GPUVM_FIXUPS_SYMBOL lists) are
 * pointers to private data stored as offsets in the segment: boot adds the
 * VM's base to each. */
struct gpuvm_image_info {
  uint64_t magic;
  uint32_t abi_version;
  uint32_t target; /* enum gpuvm_target */
  char arch[16];   /* "x86-64", "sm_90", "gfx90a" */
  char entry[32];  /* the symbol a backend starts */
  uint64_t data_size;
  uint64_t bss_size;
  uint32_t data_align;
  uint32_t fixup_count;
  uint32_t ctor_count;
  uint32_t dtor_count;
  uint32_t flags; /* GPUVM_IMAGE_* */
  uint32_t reserved;
};

/* Built with software fault isolation (gpu-c++'s default): every access of
 * the VM's own code is checked against what the VM may touch. */
#define GPUVM_IMAGE_CONFINED 1u

#define GPUVM_IMAGE_INFO_SYMBOL "__gpuvm_image_info"
#define GPUVM_HOST_ENTRY "__gpuvm_vm_entry"
#define GPUVM_KERNEL_ENTRY "__gpuvm_start"
/* The launch parameters every VM reads (struct gpuvm_launch, see launch.h). */
#define GPUVM_LAUNCH_SYMBOL "__gpuvm_launch"

/* Symbols the privatizing pass defines and the light kernel's boot reads. */
#define GPUVM_DATA_TEMPLATE_SYMBOL "__gpuvm_data_template"
#define GPUVM_FIXUPS_SYMBOL "__gpuvm_fixups"
#define GPUVM_CTORS_SYMBOL "__gpuvm_ctors"
#define GPUVM_DTORS_SYMBOL "__gpuvm_dtors"
/* The function the pass calls to find the running VM's private segment. */
#define GPUVM_PRIVATE_BASE_SYMBOL "__gpuvm_private_base"
/* Confined images: [start, end) address pairs of the globals a VM may read
 * through a pointer; the runtime sets launch.confinement.readonly from them. */
#define GPUVM_CONSTANT_BOUNDS_SYMBOL "__gpuvm_constant_bounds"
/* Confined images: the address of every function a VM's code may call through
 * a pointer, unsorted (the addresses are the loader's); the runtime hands the
 * sorted list to the VMs in launch.confinement.entries. */
#define GPUVM_FUNCTION_ENTRIES_SYMBOL "__gpuvm_function_entries"
/* Globals in this section are shared by all VMs and set by the runtime. */
#define GPUVM_SHARED_SECTION ".gpuvm_shared"

#endif
