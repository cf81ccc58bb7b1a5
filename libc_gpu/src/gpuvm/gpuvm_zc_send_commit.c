#include <gpuvm/zerocopy.h>

#include <lightkernel/syscall.h>

#include "../__support/syscall_result.h"

int gpuvm_zc_send_commit(int fd, size_t length) {
  return (int)__syscall_result(lk_zc_send_commit(fd, length));
}
