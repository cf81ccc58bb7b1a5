/* EXPECT for the VM tests: a failed condition prints one FAIL line naming
 * the VM and the line, and counts in `failures` (the test's exit status). */
#ifndef GPUVM_TEST_VM_EXPECT_H
#define GPUVM_TEST_VM_EXPECT_H

#include <gpuvm.h>
#include <stdio.h>

static int failures;

#define EXPECT(condition)                                                                          \
  do {                                                                                             \
    if (!(condition)) {                                                                            \
      printf("FAIL vm %u line %d: %s\n", gpuvm_vm_id(), __LINE__, #condition);                     \
      ++failures;                                                                                  \
    }                                                                                              \
  } while (0)

#endif
