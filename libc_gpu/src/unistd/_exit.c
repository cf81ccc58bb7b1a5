#include <unistd.h>

#include <gpuvm/mailbox.h>
#include <lightkernel/syscall.h>

void _exit(int status) {
  lk_exit(status & 0xff, GPUVM_EXIT_NORMAL);
}
