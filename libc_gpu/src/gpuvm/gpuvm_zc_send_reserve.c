#include <gpuvm/zerocopy.h>

#include <lightkernel/syscall.h>

#include "../__support/syscall_result.h"

ssize_t gpuvm_zc_send_reserve(int fd, void **data, size_t wanted, int flags) {
  return __syscall_result(lk_zc_send_reserve(fd, data, wanted, flags));
}
