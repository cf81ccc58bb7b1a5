// endian.h, sys/param.h and limits.h's POSIX limits have glibc's values, and
// the byte-order macros convert as glibc's do, in every VM.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %glibc-cc %s -o %t/glibc.exe && %t/glibc.exe > %t/expected
// RUN: %gpucxx --target=host -O2 %s -o %t/param.img
// Each VM's output is compared whole: the raw console interleaves VMs' lines.
// RUN: %gpuvm run %t/param.img --vms 4 --log-dir %t/logs
// RUN: for k in 0 1 2 3; do diff %t/expected %t/logs/vm-$k.out || exit 1; done
#include <endian.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/param.h>

int main(void) {
  printf("BYTE_ORDER=%d LITTLE_ENDIAN=%d BIG_ENDIAN=%d PDP_ENDIAN=%d\n", BYTE_ORDER, LITTLE_ENDIAN,
         BIG_ENDIAN, PDP_ENDIAN);
  printf("__BYTE_ORDER=%d __FLOAT_WORD_ORDER=%d\n", __BYTE_ORDER, __FLOAT_WORD_ORDER);
  printf("htobe16=%04x be16toh=%04x htole16=%04x le16toh=%04x\n", htobe16((uint16_t)0x1234),
         be16toh((uint16_t)0x1234), htole16((uint16_t)0x1234), le16toh((uint16_t)0x1234));
  printf("htobe32=%08x be32toh=%08x htole32=%08x le32toh=%08x\n", htobe32(0x12345678u),
         be32toh(0x12345678u), htole32(0x12345678u), le32toh(0x12345678u));
  printf("htobe64=%016llx be64toh=%016llx htole64=%016llx\n",
         (unsigned long long)htobe64(0x0123456789abcdefull),
         (unsigned long long)be64toh(0x0123456789abcdefull),
         (unsigned long long)htole64(0x0123456789abcdefull));
  printf("PATH_MAX=%d NAME_MAX=%d HOST_NAME_MAX=%d LOGIN_NAME_MAX=%d PIPE_BUF=%d\n", PATH_MAX,
         NAME_MAX, HOST_NAME_MAX, LOGIN_NAME_MAX, PIPE_BUF);
  printf("NGROUPS_MAX=%d SSIZE_MAX=%ld\n", NGROUPS_MAX, (long)SSIZE_MAX);
  printf("MAXPATHLEN=%d MAXHOSTNAMELEN=%d MAXSYMLINKS=%d NBBY=%d\n", MAXPATHLEN, MAXHOSTNAMELEN,
         MAXSYMLINKS, NBBY);
  printf("MIN=%d MAX=%d howmany=%d roundup=%d powerof2(64)=%d powerof2(48)=%d\n", MIN(3, 7),
         MAX(3, 7), howmany(10, 4), roundup(10, 4), powerof2(64), powerof2(48));
  return 0;
}
