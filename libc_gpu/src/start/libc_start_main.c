/* Where every VM's program starts, once the light kernel has booted it. */
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include <gpuvm/image.h>
#include <lightkernel/boot.h>
#include <lightkernel/syscall.h>

#include "../__support/heap.h"
#include "../__support/process_start.h"

int64_t __process_start_ns;

/* Defined by gpu-c++ in every image, in the order they must run. */
extern const struct gpuvm_image_info __gpuvm_image_info;
extern void (*const __gpuvm_ctors[])(void);

int main(int argc, char **argv, char **envp);

__attribute__((__visibility__("hidden"))) _Noreturn void __stack_chk_fail(void);
/* Code generation adds calls to __stack_chk_fail after the link chose its
 * archive members: keep ours in every image, or a host image would reach the
 * loading process's own, which ends every VM at once. */
__attribute__((used)) static void (*const keep_stack_chk_fail)(void) = __stack_chk_fail;

_Noreturn void __libc_start_main(int argc, char **argv, char **envp) {
  __process_start_ns = lk_clock_monotonic_ns();
  char *heap_start, *heap_end;
  lk_heap_region(&heap_start, &heap_end);
  __heap_init(heap_start, heap_end);
  environ = envp;
  /* Constructors may allocate, print and read the environment: all ready now. */
  for (uint32_t i = 0; i < __gpuvm_image_info.ctor_count; ++i)
    __gpuvm_ctors[i]();
  exit(main(argc, argv, envp));
}
