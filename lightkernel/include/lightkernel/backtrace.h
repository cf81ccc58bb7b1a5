/* -fgpuvm-backtrace (gpuvm/backtrace.h): the VM's active frames, printed
 * on its console's stderr as it crashes or aborts. */
#ifndef LIGHTKERNEL_BACKTRACE_H
#define LIGHTKERNEL_BACKTRACE_H

#include <gpuvm/backtrace.h>

#include <stdint.h>

uint32_t __gpuvm_backtrace(const struct gpuvm_backtrace_frame **frames);
/* Nothing when the image was built without -fgpuvm-backtrace. */
void lk_print_backtrace(void);

#endif
