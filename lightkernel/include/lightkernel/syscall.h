/* The light kernel's system calls: the only way libc_gpu reaches the VM's
 * kernel. Every call acts on the running VM alone. */
#ifndef LIGHTKERNEL_SYSCALL_H
#define LIGHTKERNEL_SYSCALL_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Console output of this VM: fd 1 or 2. Returns bytes written or -errno. */
long lk_write(int fd, const void *buf, size_t len);

/* Ends this VM (libc has already run its exit handlers). kind is an
 * enum gpuvm_exit_kind. */
_Noreturn void lk_exit(int status, int kind);

/* Lets other VMs sharing this processor run (host backend); a no-op where
 * every VM has its own hardware thread. */
void lk_yield(void);

uint32_t lk_vm_id(void);
uint32_t lk_vm_count(void);

/* The VM's heap: what its memory slice holds after the private data. */
void lk_heap_region(char **start, char **end);

/* Nanoseconds: wall clock (calibrated against the host) and a monotonic clock. */
int64_t lk_clock_realtime_ns(void);
int64_t lk_clock_monotonic_ns(void);

/* The program's arguments and environment, built at boot in the VM's heap. */
struct lk_args {
  int argc;
  char **argv;
  char **envp;
};

#ifdef __cplusplus
}
#endif

#endif
