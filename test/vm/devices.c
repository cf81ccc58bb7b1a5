// /dev/null and /dev/urandom exist in every VM, even without --root, and
// getrandom works: random bytes are not all zero, differ between two reads,
// and differ between VMs.
// RUN: %gpucxx --target=host -O1 %s -o %t.img
// RUN: %gpuvm run %t.img --vms 16 --console raw > %t.out
// RUN: grep -c "^ok " %t.out | FileCheck %s --check-prefix=OK
// OK: 16
// RUN: not grep FAIL %t.out
// RUN: sort %t.out | uniq | grep -c "^ok " | FileCheck %s --check-prefix=DISTINCT
// DISTINCT: 16
#include <errno.h>
#include <fcntl.h>
#include <gpuvm.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

static int failures;

#define EXPECT(condition)                                                                          \
  do {                                                                                             \
    if (!(condition)) {                                                                            \
      printf("FAIL vm %u line %d: %s (errno %d)\n", gpuvm_vm_id(), __LINE__, #condition, errno);   \
      ++failures;                                                                                  \
    }                                                                                              \
  } while (0)

static int all_zero(const unsigned char *bytes, size_t size) {
  for (size_t i = 0; i < size; ++i)
    if (bytes[i])
      return 0;
  return 1;
}

int main(void) {
  unsigned char first[16] = {0}, second[16] = {0}, third[2000] = {0};
  int fd = open("/dev/urandom", O_RDONLY);
  EXPECT(fd >= 3);
  EXPECT(read(fd, first, sizeof first) == sizeof first && !all_zero(first, sizeof first));
  EXPECT(read(fd, second, sizeof second) == sizeof second && memcmp(first, second, 16) != 0);
  EXPECT(close(fd) == 0);

  /* Through stdio, more than one mailbox's worth. */
  FILE *stream = fopen("/dev/urandom", "rb");
  EXPECT(stream && fread(third, 1, sizeof third, stream) == sizeof third);
  EXPECT(!all_zero(third + 1000, 16) && memcmp(third, third + 1000, 16) != 0);
  EXPECT(stream && fclose(stream) == 0);

  unsigned char drawn[32] = {0};
  EXPECT(getrandom(drawn, sizeof drawn, 0) == sizeof drawn && !all_zero(drawn, sizeof drawn));
  errno = 0;
  EXPECT(getrandom(drawn, sizeof drawn, 0x100) < 0 && errno == EINVAL);

  int null = open("/dev/null", O_RDWR);
  EXPECT(null >= 3 && write(null, "discarded", 9) == 9 && read(null, second, 16) == 0);
  EXPECT(close(null) == 0);
  stream = fopen("/dev/null", "w");
  EXPECT(stream && fprintf(stream, "%s", "gone") == 4 && fclose(stream) == 0);
  struct stat status;
  EXPECT(stat("/dev/null", &status) == 0 && S_ISCHR(status.st_mode));

  if (!failures) {
    printf("ok ");
    for (int i = 0; i < 16; ++i)
      printf("%02x", first[i]);
    printf("\n");
  }
  return failures != 0;
}
