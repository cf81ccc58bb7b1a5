/* What the runtime gives every VM at launch, in the image's shared global
 * GPUVM_LAUNCH_SYMBOL. Shared by host and device code. */
#ifndef GPUVM_ABI_LAUNCH_H
#define GPUVM_ABI_LAUNCH_H

#include <gpuvm/doorbell.h>
#include <gpuvm/net.h>

#include <stdint.h>

/* Host backend only: the runtime's entry points that a VM calls directly
 * instead of spinning on its mailbox. */
struct gpuvm_host_services {
  void (*call)(void *mailbox); /* serve a posted request now */
  void (*yield)(void);         /* let the other VMs of this worker run */
  void (*exit)(void);          /* leave the VM for good; never returns */
  void (*pause)(void);         /* yield, saying this VM is only waiting */
};

/* What a confined VM may touch beyond its slice (GPUVM_IMAGE_CONFINED). */
struct gpuvm_confinement {
  /* Host backend: VM n's stacks are [stacks + n * stack_stride, +
   * stack_stride): its guard page (where there is one), its hardware stack,
   * then its unsafe stack (the stack objects a pointer may reach), each
   * stack_size bytes. GPUs: 0, the hardware keeps each thread's stack to
   * itself. */
  uint64_t stacks;
  uint64_t stack_stride;
  /* The image's constants and launch parameters, read-only: [readonly,
   * readonly + readonly_size). */
  uint64_t readonly;
  uint64_t readonly_size;
  /* What an indirect call may reach: entry_count function addresses in
   * ascending order at entries (the image's GPUVM_FUNCTION_ENTRIES_SYMBOL). */
  uint64_t entries;
  uint64_t entry_count;
  /* Nanoseconds a VM may run without waiting (a blocking system call, a
   * host call, a yield) before it is ended (--max-cpu-ms); 0: no limit. */
  uint64_t max_run_ns;
};

/* Per-VM limits the VM's own kernel enforces (gpuvm run --max-files,
 * --max-sockets, --console-rate); 0: none beyond the kernel's own. What they
 * refused or delayed is counted in the VM's mailbox (struct
 * gpuvm_limit_counters). */
struct gpuvm_limits {
  uint32_t max_files;   /* descriptors held at once: the VM's RLIMIT_NOFILE hard limit */
  uint32_t max_sockets; /* sockets held at once, accepted connections included */
  /* Bytes per second to stdout and stderr together, a second's worth at
   * once; a faster writer waits, as on a slow terminal (nothing is lost). */
  uint64_t console_bytes_per_s;
};

#define GPUVM_KERNEL_PRIVATE_BYTES 64

struct gpuvm_launch {
  uint64_t slices;     /* address of VM 0's memory slice */
  uint64_t slice_size; /* bytes per VM; slices are contiguous */
  uint64_t mailboxes;  /* address of VM 0's struct gpuvm_mailbox */
  /* What a VM rings once its request is in its mailbox (GPU backends). */
  struct gpuvm_doorbells doorbells;
  /* The most bytes one GPUVM_RPC_READ or GPUVM_RPC_WRITE moves straight
   * between the host and a buffer in the VM's own slice; 0: none, every
   * byte goes through the mailbox's payload. */
  uint64_t bulk_max;
  uint32_t vm_count;
  /* argv strings, then envc environment strings, then hostnamec (0 or 1)
   * --hostname templates, each NUL-terminated, packed in args; "{vm}" in
   * any of them becomes the VM id. */
  uint32_t argc;
  uint32_t envc;
  uint32_t hostnamec;
  uint64_t stack_size; /* bytes of each VM's stack, as the backend set it */
  uint64_t args;
  uint64_t args_size;
  uint64_t host_services; /* struct gpuvm_host_services *, host backend only */
  uint64_t data_set;      /* struct gpuvm_data_set *, 0 without --ro-root */
  /* Memory each VM's kernel keeps outside every slice, zeroed at launch:
   * VM n's GPUVM_KERNEL_PRIVATE_BYTES at kernel_private + n *
   * GPUVM_KERNEL_PRIVATE_BYTES, in memory as near the VM as its slice (device
   * memory on a GPU). What the VM's own code must not change (its run budget,
   * that it is leaving) lives there, where confined code cannot write. */
  uint64_t kernel_private;
  struct gpuvm_confinement confinement;
  struct gpuvm_limits limits;
  struct gpuvm_net_launch net;
};

#endif
