#include <gpuvm/zerocopy.h>

#include <lightkernel/syscall.h>

#include "../__support/syscall_result.h"

int gpuvm_zc_recv_done(int fd, size_t consumed) {
  return (int)__syscall_result(lk_zc_recv_done(fd, consumed));
}
