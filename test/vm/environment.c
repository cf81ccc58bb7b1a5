// Each VM changes its own environment, starting from the block it booted
// with: setenv replaces and adds, unsetenv removes, putenv puts the caller's
// string itself in place. No VM sees another's changes.
// RUN: %gpucxx --target=host %s -o %t.img
// RUN: %gpuvm run %t.img --vms 3 --env ROLE=server-{vm} --env MODE=test | sort | FileCheck %s
// CHECK: [vm 0] role=changed-0 mode=(null) added=yes-0 put=p-0 entries=3 errors=EINVAL,EINVAL
// CHECK: [vm 1] role=changed-1 mode=(null) added=yes-1 put=p-1 entries=3 errors=EINVAL,EINVAL
// CHECK: [vm 2] role=changed-2 mode=(null) added=yes-2 put=p-2 entries=3 errors=EINVAL,EINVAL
#include <errno.h>
#include <gpuvm.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static const char *error_name(int result) {
  return result == -1 && errno == EINVAL ? "EINVAL" : "unexpected";
}

int main(void) {
  unsigned k = gpuvm_vm_id();
  char value[32];
  snprintf(value, sizeof value, "changed-%u", k);
  setenv("ROLE", value, 1);
  setenv("ROLE", "not-overwritten", 0);
  unsetenv("MODE");
  snprintf(value, sizeof value, "yes-%u", k);
  setenv("ADDED", value, 1);
  static char put[32];
  snprintf(put, sizeof put, "PUT=p-%u", k);
  putenv(put);
  int entries = 0;
  for (char **entry = environ; *entry; ++entry)
    ++entries;
  const char *mode = getenv("MODE");
  const char *bad_set = error_name(setenv("A=B", "x", 1));
  const char *bad_unset = error_name(unsetenv(""));
  printf("role=%s mode=%s added=%s put=%s entries=%d errors=%s,%s\n", getenv("ROLE"),
         mode ? mode : "(null)", getenv("ADDED"), getenv("PUT"), entries, bad_set, bad_unset);
  return 0;
}
