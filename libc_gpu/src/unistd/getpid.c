#include <unistd.h>

#include <lightkernel/syscall.h>

pid_t getpid(void) {
  return (pid_t)(lk_vm_id() + 1);
}
