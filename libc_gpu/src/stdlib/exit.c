#include <stdlib.h>

#include <gpuvm/image.h>
#include <gpuvm/mailbox.h>
#include <lightkernel/syscall.h>

#include "../__support/exit_handlers.h"
#include "../__support/file.h"

/* Defined by gpu-c++ in every image, in the order they must run. */
extern const struct gpuvm_image_info __gpuvm_image_info;
extern void (*const __gpuvm_dtors[])(void);

void exit(int status) {
  __exit_handlers_run();
  for (uint32_t i = 0; i < __gpuvm_image_info.dtor_count; ++i)
    __gpuvm_dtors[i]();
  __stdio_flush_all();
  lk_exit(status & 0xff, GPUVM_EXIT_NORMAL);
}
