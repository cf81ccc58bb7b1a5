// Each VM gets argv and an environment from the launch, with {vm} expanded to
// its id, and argv[0] as ./IMAGE-NAME.
// RUN: %gpucxx --target=host %s -o %t.img
// RUN: %gpuvm run %t.img --vms 3 --env ROLE=server-{vm} --env MODE=test -- alpha {vm} "two words" | sort | FileCheck %s
// CHECK: [vm 0] argc=4 argv0=./arguments.c.tmp.img argv1=alpha argv2=0 argv3=two words role=server-0 mode=test missing=(null)
// CHECK: [vm 1] argc=4 {{.*}} argv2=1 {{.*}} role=server-1
// CHECK: [vm 2] argc=4 {{.*}} argv2=2 {{.*}} role=server-2
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  const char *missing = getenv("NOT_SET");
  printf("argc=%d argv0=%s argv1=%s argv2=%s argv3=%s role=%s mode=%s missing=%s\n", argc,
         argv[0], argv[1], argv[2], argv[3], getenv("ROLE"), getenv("MODE"),
         missing ? missing : "(null)");
  return argv[argc] == NULL ? 0 : 1;
}
