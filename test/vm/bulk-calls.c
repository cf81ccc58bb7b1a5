// Reads and writes of many sizes through the host: a buffer in the VM's
// slice (heap, globals) moves in bulk calls, up to gpuvm_launch.bulk_max
// bytes a round trip; a buffer on its stack through the mailbox's payload.
// Every byte must be what Linux gives. Then forged bulk requests (`forge`):
// memory past the VM's slice, another VM's slice, a length past bulk_max.
// RUN: rm -rf %t && mkdir -p %t/native
// RUN: gcc -O1 -Wall -Werror -Wno-comment %s -o %t/linux && %t/linux %t/native > %t/expected
// RUN: %gpucxx --target=host -O1 %s -o %t/host.img
// RUN: %gpuvm run %t/host.img --vms 20 --mem-per-vm 8M --root %t/root{vm} --verbose \
// RUN:   --log-dir %t/logs -- / 2> %t/err
// RUN: for vm in 0 7 19; do diff %t/expected %t/logs/vm-$vm.out || exit 1; done
// RUN: cat %t/logs/vm-*.out | md5sum | cut -c1-32 > %t/all && \
// RUN:   for vm in $(seq 0 19); do cat %t/expected; done | md5sum | cut -c1-32 | diff - %t/all
// RUN: cmp %t/native/big %t/root3/big
//
// Bulk calls cut the round trips: 3 MiB in 1 MiB calls, not 960-byte ones.
// RUN: sed -n 's/.* \([0-9]*\) host calls served.*/\1/p' %t/err | awk '{print ($1 < 20 * 400)}' \
// RUN:   | FileCheck %s --check-prefix=CALLS
// CALLS: 1
// RUN: FileCheck %s < %t/expected
// CHECK: write 3145745 bytes: 3145745
// CHECK: read 1 959 960 961 65536 1048576 1048577 980175 0
// CHECK: pread on the stack: 4000 4000 4000
// CHECK: pread on a pipe: -1 ESPIPE
// CHECK: O_APPEND: wrote 10, pwrite 2, offset still 3, file 12 bytes "0123456789xy"
// CHECK: ok
//
// Forging requests means writing the mailbox, which confinement forbids
// (the VM would end at its first store there): the host's own checks are for
// an image that runs unconfined.
// The forger calls the light kernel's internals itself, which a confined
// image may not.
// RUN: not %gpucxx --target=host -O1 -DBULK_CALLS_FORGE %s -o %t/forger.img 2> %t/forger.err
// RUN: FileCheck %s --check-prefix=INTERNAL < %t/forger.err
// INTERNAL: error: {{.*}} uses the light kernel's internal 'arch_rpc'
// RUN: %gpucxx --target=host -O1 -fno-gpuvm-sfi -DBULK_CALLS_FORGE %s -o %t/unconfined.img
// RUN: %gpuvm run %t/unconfined.img --allow-unconfined --vms 3 --mem-per-vm 8M --console raw -- / forge \
// RUN:   | sort | uniq -c | FileCheck %s --check-prefix=FORGE
// FORGE: 3 forged: past the slice EFAULT, next VM EFAULT, too long EINVAL, unharmed yes
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BIG (3 * 1048576 + 17)

static unsigned char pattern[BIG]; /* a global: in the VM's slice */

static uint64_t fnv(const unsigned char *bytes, size_t n, uint64_t hash) {
  for (size_t i = 0; i < n; ++i)
    hash = (hash ^ bytes[i]) * 0x100000001b3ull;
  return hash;
}

#ifdef BULK_CALLS_FORGE
#include <gpuvm/launch.h>
#include <gpuvm/mailbox.h>

extern struct gpuvm_launch __gpuvm_launch;
void arch_rpc(struct gpuvm_mailbox *box);
uint32_t arch_vm_id(void);

static unsigned char canary[64];

static const char *forged_read(int fd, uint64_t address, uint64_t length) {
  struct gpuvm_mailbox *box =
      (struct gpuvm_mailbox *)(uintptr_t)__gpuvm_launch.mailboxes + arch_vm_id();
  box->op = GPUVM_RPC_READ;
  box->arg[0] = fd;
  box->arg[1] = (int64_t)length;
  box->arg[2] = (int64_t)address;
  box->arg[3] = -1;
  arch_rpc(box);
  return box->error == EFAULT ? "EFAULT" : box->error == EINVAL ? "EINVAL" : "no error";
}

static int forge(void) {
  memset(canary, 'c', sizeof canary);
  /* The host numbers a VM's files from 3 as well: a forged read that got
   * through would fill the target with random bytes. */
  if (open("/dev/urandom", O_RDONLY) != 3)
    return 1;
  uint64_t mine = __gpuvm_launch.slices + (uint64_t)arch_vm_id() * __gpuvm_launch.slice_size;
  uint64_t next = mine + __gpuvm_launch.slice_size;
  uint64_t canary_at = (uint64_t)(uintptr_t)canary;
  /* A neighbour's canary, at the same offset in its slice. */
  uint64_t neighbour = arch_vm_id() == 0 ? next : mine - __gpuvm_launch.slice_size;
  uint64_t neighbour_canary = canary_at - mine + neighbour;
  const char *past = forged_read(3, next - 8, 64);
  const char *other = forged_read(3, neighbour_canary, sizeof canary);
  const char *too_long = forged_read(3, mine, __gpuvm_launch.bulk_max + 1);
  sleep(1); /* every VM has forged by now */
  int unharmed = 1;
  for (size_t i = 0; i < sizeof canary; ++i)
    unharmed &= canary[i] == 'c';
  printf("forged: past the slice %s, next VM %s, too long %s, unharmed %s\n", past, other, too_long,
         unharmed ? "yes" : "no");
  return 0;
}
#endif

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: bulk-calls DIR [forge]\n");
    return 2;
  }
#ifdef BULK_CALLS_FORGE
  if (argc > 2 && strcmp(argv[2], "forge") == 0)
    return forge();
#endif
  char path[256];
  snprintf(path, sizeof path, "%s/big", argv[1]);
  for (size_t i = 0; i < BIG; ++i)
    pattern[i] = (unsigned char)(i * 2654435761u >> 13);
  int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
  printf("write %d bytes: %ld\n", BIG, (long)write(fd, pattern, BIG));

  /* Sizes around the payload and the bulk limit, from the heap. */
  unsigned char *heap = malloc(BIG);
  static const size_t sizes[] = {1, 959, 960, 961, 65536, 1048576, 1048577, 1048576, 4096};
  lseek(fd, 0, SEEK_SET);
  uint64_t hash = 0xcbf29ce484222325ull;
  printf("read");
  for (size_t i = 0; i < sizeof sizes / sizeof *sizes; ++i) {
    ssize_t got = read(fd, heap, sizes[i]);
    printf(" %ld", (long)got);
    if (got > 0)
      hash = fnv(heap, (size_t)got, hash);
  }
  printf("\nhash %016llx, the file's %016llx\n", (unsigned long long)hash,
         (unsigned long long)fnv(pattern, BIG, 0xcbf29ce484222325ull));

  /* On the stack: through the payload. */
  unsigned char stack[4000];
  printf("pread on the stack:");
  hash = 0xcbf29ce484222325ull;
  for (off_t at = 0; at < 3 * 1000003; at += 1000003) {
    ssize_t got = pread(fd, stack, sizeof stack, at);
    printf(" %ld", (long)got);
    hash = fnv(stack, sizeof stack, hash);
  }
  printf(", hash %016llx\n", (unsigned long long)hash);

  /* Writes into the middle, in bulk, then read back whole. */
  memset(heap, 'w', 2000000);
  printf("pwrite %ld\n", (long)pwrite(fd, heap, 2000000, 100));
  lseek(fd, 0, SEEK_SET);
  size_t total = 0;
  hash = 0xcbf29ce484222325ull;
  for (ssize_t got; (got = read(fd, heap, BIG)) > 0; total += (size_t)got)
    hash = fnv(heap, (size_t)got, hash);
  printf("whole %zu bytes, hash %016llx\n", total, (unsigned long long)hash);
  close(fd);
  /* Put the file back as it was written, for the comparison with Linux's. */
  fd = open(path, O_WRONLY | O_TRUNC);
  printf("rewrite %ld\n", (long)write(fd, pattern, BIG));
  close(fd);

  /* The console and the devices, in bulk. */
  int devnull = open("/dev/null", O_WRONLY);
  printf("/dev/null took %ld\n", (long)write(devnull, pattern, 2 * 1048576));
  close(devnull);
  int urandom = open("/dev/urandom", O_RDONLY);
  printf("/dev/urandom gave %ld\n", (long)read(urandom, heap, 100000));
  close(urandom);
  fflush(stdout);
  memset(heap, '=', 70000);
  heap[69999] = '\n';
  printf("console line of %ld bytes\n", (long)write(1, heap, 70000));
  free(heap);

  /* pread and pwrite leave the file's offset; on a pipe they are ESPIPE; a
   * pwrite with O_APPEND appends, as on Linux. */
  int ends[2];
  if (pipe(ends) == 0) {
    errno = 0;
    long got = (long)pread(ends[0], stack, 1, 0);
    printf("pread on a pipe: %ld %s\n", got, errno == ESPIPE ? "ESPIPE" : strerror(errno));
  }
  snprintf(path, sizeof path, "%s/appended", argv[1]);
  int appended = open(path, O_RDWR | O_CREAT | O_TRUNC | O_APPEND, 0644);
  long wrote = (long)write(appended, "0123456789", 10);
  lseek(appended, 3, SEEK_SET);
  long put = (long)pwrite(appended, "xy", 2, 0);
  long offset = (long)lseek(appended, 0, SEEK_CUR);
  char text[16] = {0};
  long got = (long)pread(appended, text, sizeof text - 1, 0);
  printf("O_APPEND: wrote %ld, pwrite %ld, offset still %ld, file %ld bytes \"%s\"\n", wrote, put,
         offset, got, text);
  close(appended);
  printf("ok\n");
  return 0;
}
