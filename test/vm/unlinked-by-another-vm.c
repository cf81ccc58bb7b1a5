// VMs sharing one root: each holds its own file open while its neighbour
// unlinks it, then reads it back through its descriptor, as Linux processes
// sharing a directory would. With 32 host descriptors for 200 VMs, the
// files' descriptors are closed and reopened between uses, so the file must
// still be reachable on the host after a VM other than its holder took its
// name away.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gpucxx --target=host -O1 %s -o %t/unlinked.img
// RUN: %gpuvm run %t/unlinked.img --vms 200 --root %t/shared --host-fds 32 --console raw > %t/out 2> %t/err
// RUN: FileCheck %s --check-prefix=STATUS < %t/err
// RUN: sort %t/out | uniq -c | FileCheck %s
// RUN: ls -A %t/shared %t | FileCheck %s --check-prefix=TIDY
// STATUS-NOT: host descriptors ran out
// STATUS: 200 exited with status 0
// CHECK: {{^ *}}200 ok{{$}}
// CHECK-NOT: {{.}}
// TIDY-NOT: {{.}}held-
// TIDY-NOT: .gpuvm
#include <errno.h>
#include <fcntl.h>
#include <gpuvm.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int failed(const char *what) {
  printf("FAIL: vm %u: %s: %s\n", gpuvm_vm_id(), what, strerror(errno));
  return 1;
}

int main(void) {
  unsigned id = gpuvm_vm_id(), count = gpuvm_vm_count();
  char mine[32], neighbours[32], text[32];
  snprintf(mine, sizeof mine, "held-%u", id);
  snprintf(neighbours, sizeof neighbours, "held-%u", (id + 1) % count);
  int fd = open(mine, O_RDWR | O_CREAT | O_TRUNC, 0644);
  if (fd < 0)
    return failed("open");
  int length = snprintf(text, sizeof text, "written by vm %u\n", id);
  if (write(fd, text, (size_t)length) != length)
    return failed("write");
  // The neighbour may not have made its file yet, nor this VM's holder
  // unlinked this one: both are waited for.
  for (int tries = 0; unlink(neighbours) != 0; ++tries) {
    if (errno != ENOENT || tries == 1000)
      return failed("unlink of the neighbour's file");
    usleep(10000);
  }
  for (int tries = 0; access(mine, F_OK) == 0; ++tries) {
    if (tries == 1000)
      return failed("waiting for the neighbour's unlink");
    usleep(10000);
  }
  char got[32] = "";
  if (pread(fd, got, sizeof got - 1, 0) != length || strcmp(got, text))
    return failed("read back after the unlink");
  if (close(fd) != 0)
    return failed("close");
  printf("ok\n");
  return 0;
}
