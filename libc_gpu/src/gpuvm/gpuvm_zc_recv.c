#include <gpuvm/zerocopy.h>

#include <lightkernel/syscall.h>

#include "../__support/syscall_result.h"

ssize_t gpuvm_zc_recv(int fd, const void **data, int flags) {
  return __syscall_result(lk_zc_recv(fd, data, flags));
}
